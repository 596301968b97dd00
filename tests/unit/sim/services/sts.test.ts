// STS scenarios: AWS STS API Reference (AssumeRole, GetSessionToken, GetCallerIdentity); "STS API Reference, AssumeRole", https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../world/helpers.ts';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/S3ReadRole';

async function setup(trustPrincipal = 'arn:aws:iam::123456789012:user/alice'): Promise<{ world: World; alice: Credentials }> {
  const world = createWorld();
  const alice = await userWithKey(world, 'alice');
  await ok(world, 'iam', 'CreateRole', {
    RoleName: 'S3ReadRole',
    AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: trustPrincipal }, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
    MaxSessionDuration: 7200,
  });
  await ok(world, 'iam', 'AttachRolePolicy', { RoleName: 'S3ReadRole', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  await ok(world, 'iam', 'PutRolePolicy', {
    RoleName: 'S3ReadRole',
    PolicyName: 'assume-self',
    PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
  });
  return { world, alice };
}

function creds(out: Record<string, unknown>): Credentials {
  const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
  return { kind: 'accessKey', accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

describe('AssumeRole', () => {
  test('a trust policy naming the user is enough in the same account; the session acts as the role', async () => {
    const { world, alice } = await setup();
    const out = await ok(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'alice-cli' }, alice);
    expect(out['AssumedRoleUser']).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:alice-cli$/),
      Arn: 'arn:aws:sts::123456789012:assumed-role/S3ReadRole/alice-cli',
    });
    const session = creds(out);
    expect((await ok(world, 'sts', 'GetCallerIdentity', {}, session))['Arn']).toBe(
      'arn:aws:sts::123456789012:assumed-role/S3ReadRole/alice-cli',
    );
    await ok(world, 's3', 'ListBuckets', {}, session);
    expect((await err(world, 'iam', 'ListUsers', {}, session)).message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/S3ReadRole/alice-cli is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action',
    );
  });

  test('not trusted: AccessDenied without a reason clause, requestParameters null in the trail', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'alice' });
    const bob = await userWithKey(world, 'bob');
    await ok(world, 'iam', 'CreateRole', {
      RoleName: 'S3ReadRole',
      AssumeRolePolicyDocument: policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' },
        Action: 'sts:AssumeRole',
      }),
    });
    const e = await err(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess' }, bob);
    expect(e).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
      httpStatus: 403,
    });
    const record = world.trail().Records.at(-1) as Record<string, unknown>;
    expect(record['requestParameters']).toBeNull();
    expect(record['resources']).toBeUndefined();
  });

  test('trusting the account needs an identity-policy allow too (IAM User Guide, Principal element)', async () => {
    const { world, alice } = await setup('arn:aws:iam::123456789012:root');
    expect((await err(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess' }, alice)).code).toBe('AccessDenied');
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'assume',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }),
    });
    await ok(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess' }, alice);
  });

  test('durations: MaxSessionDuration, and the 1-hour limit of role chaining', async () => {
    const { world, alice } = await setup();
    await ok(world, 'iam', 'UpdateAssumeRolePolicy', {
      RoleName: 'S3ReadRole',
      PolicyDocument: policy({
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::123456789012:user/alice', ROLE_ARN] },
        Action: 'sts:AssumeRole',
      }),
    });
    expect(
      (await err(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: 7201 }, alice)).message,
    ).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const first = creds(await ok(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: 7200 }, alice));
    const chained = await err(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess2', DurationSeconds: 3601 }, first);
    expect(chained).toEqual({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      httpStatus: 400,
    });
    await ok(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess2', DurationSeconds: 3600 }, first);
  });

  test('a session policy narrows the session; session tags become aws:PrincipalTag', async () => {
    const { world, alice } = await setup();
    await ok(world, 'iam', 'PutRolePolicy', {
      RoleName: 'S3ReadRole',
      PolicyName: 'tagged',
      PolicyDocument: policy({
        Effect: 'Allow',
        Action: 'iam:ListRoles',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
      }),
    });
    const narrowed = creds(
      await ok(
        world,
        'sts',
        'AssumeRole',
        { RoleArn: ROLE_ARN, RoleSessionName: 'sess', Policy: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
        alice,
      ),
    );
    expect((await err(world, 's3', 'ListBuckets', {}, narrowed)).message).toContain(
      'because no session policy allows the s3:ListAllMyBuckets action',
    );
    const tagged = creds(
      await ok(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }] }, alice),
    );
    await ok(world, 'iam', 'ListRoles', {}, tagged);
  });

  test('the root user cannot assume roles; GetCallerIdentity is allowed even under an explicit deny', async () => {
    const { world, alice } = await setup();
    expect((await err(world, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'sess' })).message).toBe(
      'Roles may not be assumed by root accounts.',
    );
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'deny-all',
      PolicyDocument: policy({ Effect: 'Deny', Action: '*', Resource: '*' }),
    });
    expect((await ok(world, 'sts', 'GetCallerIdentity', {}, alice))['UserId']).toMatch(/^AIDA/);
  });
});

describe('GetSessionToken', () => {
  test('needs long-term credentials; sessions without MFA cannot call IAM', async () => {
    const { world, alice } = await setup();
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    const session = creds(await ok(world, 'sts', 'GetSessionToken', {}, alice));
    expect((await err(world, 'sts', 'GetSessionToken', {}, session)).message).toBe('Cannot call GetSessionToken with session credentials');
    expect((await err(world, 'iam', 'ListUsers', {}, session)).code).toBe('InvalidClientTokenId');
    expect((await err(world, 'sts', 'GetSessionToken', { DurationSeconds: 600 }, alice)).code).toBe('ValidationError');
  });
});
