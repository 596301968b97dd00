// The request context of real calls (IAM User Guide, "AWS global condition context keys"; "AWS global condition context keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { ok, policy, userWithKey } from '../world/helpers.ts';

async function contextOf(world: World, credentials: Credentials): Promise<Record<string, unknown>> {
  await world.invoke({ service: 'iam', operation: 'ListRoles', params: {}, credentials, sourceIp: '198.51.100.7', region: 'eu-west-1' });
  return { ...(world.lastDecisions()[0]?.request.context ?? {}) };
}

describe('request context', () => {
  test('long-term user keys: user keys present, no MFA or token keys', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'TagUser', { UserName: 'alice', Tags: [{ Key: 'team', Value: 'blue' }] });
    const ctx = await contextOf(world, alice);
    expect(ctx).toMatchObject({
      'aws:username': 'alice',
      'aws:userid': expect.stringMatching(/^AIDA/),
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/alice',
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalType': 'User',
      'aws:PrincipalTag/team': 'blue',
      'aws:SourceIp': '198.51.100.7',
      'aws:RequestedRegion': 'eu-west-1',
      'aws:SecureTransport': true,
      'aws:CurrentTime': '2026-03-02T09:00:00Z',
      'aws:EpochTime': Date.parse('2026-03-02T09:00:00Z') / 1000,
    });
    for (const absent of ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime'])
      expect(ctx).not.toHaveProperty([absent]);
  });

  test('role sessions: PrincipalArn is the role, userid is roleId:session, MFA present and false', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'CreateRole', {
      RoleName: 'dev',
      Path: '/team/',
      AssumeRolePolicyDocument: policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' },
        Action: 'sts:AssumeRole',
      }),
      Tags: [{ Key: 'team', Value: 'red' }],
    });
    const out = await ok(
      world,
      'sts',
      'AssumeRole',
      { RoleArn: 'arn:aws:iam::123456789012:role/team/dev', RoleSessionName: 'alice' },
      alice,
    );
    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    world.clock.advance(10);
    const ctx = await contextOf(world, {
      kind: 'accessKey',
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    });
    expect(ctx).toMatchObject({
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/team/dev',
      'aws:userid': expect.stringMatching(/^AROA[A-Z2-7]{17}:alice$/),
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalTag/team': 'red',
      'aws:MultiFactorAuthPresent': false,
      'aws:TokenIssueTime': '2026-03-02T09:00:00Z',
    });
    expect(ctx).not.toHaveProperty(['aws:username']);
    const last = world.trail().Records.at(-1) as { userIdentity: { arn: string } };
    // The session ARN drops the role path (IAM User Guide, "IAM identifiers").
    expect(last.userIdentity.arn).toBe('arn:aws:sts::123456789012:assumed-role/dev/alice');
  });

  test('the root user: PrincipalType Account, userid the account ID', async () => {
    const world = createWorld();
    const ctx = await contextOf(world, world.rootCredentials());
    expect(ctx).toMatchObject({
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:root',
      'aws:userid': '123456789012',
      'aws:PrincipalType': 'Account',
    });
  });
});

describe('authentication failures in the trail', () => {
  test('a key of no account leaves no record; an inactive key is recorded with its user', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    const before = world.trail().Records.length;
    const r = await world.invoke({
      service: 'iam',
      operation: 'ListUsers',
      params: {},
      credentials: { kind: 'accessKey', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' },
    });
    expect(r.ok ? '' : r.error.code).toBe('InvalidClientTokenId');
    expect(world.trail().Records.length).toBe(before);
    if (alice.kind !== 'accessKey') return;
    await ok(world, 'iam', 'UpdateAccessKey', { UserName: 'alice', AccessKeyId: alice.accessKeyId, Status: 'Inactive' });
    await world.invoke({ service: 'iam', operation: 'ListUsers', params: {}, credentials: alice });
    expect(world.trail().Records.at(-1)).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'alice' },
      errorCode: 'InvalidClientTokenId',
    });
    await world.invoke({ service: 'iam', operation: 'ListUsers', params: {}, credentials: { ...alice, secretAccessKey: 'wrong' } });
    expect(world.trail().Records.at(-1)?.['errorCode']).toBe('InvalidClientTokenId');
  });
});
