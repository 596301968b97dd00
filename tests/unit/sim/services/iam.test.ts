// IAM scenarios; error texts per "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html and the IAM API Reference.
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { call, err, ok, policy, userWithKey } from '../world/helpers.ts';

describe('IAM users', () => {
  test('create, get, list, names unique ignoring case, NoSuchEntity', async () => {
    const world = createWorld();
    const out = await ok(world, 'iam', 'CreateUser', { UserName: 'Bob', Path: '/team/' });
    expect(out['User']).toEqual({
      Path: '/team/',
      UserName: 'Bob',
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:user/team/Bob',
      CreateDate: '2026-03-02T09:00:00+00:00',
    });
    expect(await err(world, 'iam', 'CreateUser', { UserName: 'bob' })).toEqual({
      code: 'EntityAlreadyExists',
      message: 'User with name bob already exists.',
      httpStatus: 409,
    });
    expect(await err(world, 'iam', 'GetUser', { UserName: 'carol' })).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name carol cannot be found.',
      httpStatus: 404,
    });
    expect(((await ok(world, 'iam', 'ListUsers'))['Users'] as unknown[]).length).toBe(1);
  });

  test('ValidationError for a bad name, with AWS wording', async () => {
    const world = createWorld();
    const e = await err(world, 'iam', 'CreateUser', { UserName: 'a'.repeat(65) });
    expect(e.message).toBe(
      `1 validation error detected: Value '${'a'.repeat(65)}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  test('DeleteConflict until keys, groups and policies are gone', async () => {
    const world = createWorld();
    await userWithKey(world, 'alice');
    await ok(world, 'iam', 'CreateGroup', { GroupName: 'devs' });
    await ok(world, 'iam', 'AddUserToGroup', { GroupName: 'devs', UserName: 'alice' });
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect((await err(world, 'iam', 'DeleteUser', { UserName: 'alice' })).message).toBe(
      'Cannot delete entity, must delete access keys first.',
    );
    const keys = (await ok(world, 'iam', 'ListAccessKeys', { UserName: 'alice' }))['AccessKeyMetadata'] as { AccessKeyId: string }[];
    await ok(world, 'iam', 'DeleteAccessKey', { UserName: 'alice', AccessKeyId: keys[0]?.AccessKeyId });
    expect((await err(world, 'iam', 'DeleteUser', { UserName: 'alice' })).message).toBe(
      'Cannot delete entity, must detach all policies first.',
    );
    await ok(world, 'iam', 'DetachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect((await err(world, 'iam', 'DeleteGroup', { GroupName: 'devs' })).message).toBe(
      'Cannot delete entity, must remove users from group first.',
    );
    expect((await err(world, 'iam', 'DeleteUser', { UserName: 'alice' })).code).toBe('DeleteConflict');
    await ok(world, 'iam', 'RemoveUserFromGroup', { GroupName: 'devs', UserName: 'alice' });
    await ok(world, 'iam', 'DeleteUser', { UserName: 'alice' });
    await ok(world, 'iam', 'DeleteGroup', { GroupName: 'devs' });
  });

  test('two access keys per user; deleted and inactive keys stop working', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'CreateAccessKey', { UserName: 'alice' });
    expect(await err(world, 'iam', 'CreateAccessKey', { UserName: 'alice' })).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      httpStatus: 409,
    });
    expect((await ok(world, 'sts', 'GetCallerIdentity', {}, alice))['Arn']).toBe('arn:aws:iam::123456789012:user/alice');
    if (alice.kind !== 'accessKey') throw new Error('unreachable');
    await ok(world, 'iam', 'UpdateAccessKey', { UserName: 'alice', AccessKeyId: alice.accessKeyId, Status: 'Inactive' });
    expect(await err(world, 'sts', 'GetCallerIdentity', {}, alice)).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      httpStatus: 403,
    });
    await ok(world, 'iam', 'DeleteAccessKey', { UserName: 'alice', AccessKeyId: alice.accessKeyId });
    expect((await err(world, 'iam', 'ListUsers', {}, alice)).code).toBe('InvalidClientTokenId');
    expect((await err(world, 's3', 'ListBuckets', {}, alice)).code).toBe('InvalidAccessKeyId');
  });
});

describe('IAM authorization of IAM calls', () => {
  test('group policies count; explicit deny wins; the message names the policy type', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    const denied = await err(world, 'iam', 'ListUsers', {}, alice);
    expect(denied.message).toBe(
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action',
    );
    await ok(world, 'iam', 'CreateGroup', { GroupName: 'readers' });
    await ok(world, 'iam', 'AttachGroupPolicy', { GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    await ok(world, 'iam', 'AddUserToGroup', { GroupName: 'readers', UserName: 'alice' });
    await ok(world, 'iam', 'ListUsers', {}, alice);
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'no-list',
      PolicyDocument: policy({ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }),
    });
    expect((await err(world, 'iam', 'ListUsers', {}, alice)).message).toContain('with an explicit deny in an identity-based policy');
  });

  test('a permissions boundary caps what identity policies grant', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    await ok(world, 'iam', 'PutUserPermissionsBoundary', {
      UserName: 'alice',
      PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    await ok(world, 's3', 'ListBuckets', {}, alice);
    expect((await err(world, 'iam', 'ListUsers', {}, alice)).message).toContain(
      'because no permissions boundary allows the iam:ListUsers action',
    );
  });
});

describe('IAM managed policies', () => {
  test('at most 5 versions, default version rules, MalformedPolicyDocument', async () => {
    const world = createWorld();
    const doc = policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' });
    const created = (await ok(world, 'iam', 'CreatePolicy', { PolicyName: 'list', PolicyDocument: doc }))['Policy'] as {
      Arn: string;
      DefaultVersionId: string;
    };
    expect(created.Arn).toBe('arn:aws:iam::123456789012:policy/list');
    expect(created.DefaultVersionId).toBe('v1');
    for (let i = 0; i < 4; i++) await ok(world, 'iam', 'CreatePolicyVersion', { PolicyArn: created.Arn, PolicyDocument: doc });
    const e = await err(world, 'iam', 'CreatePolicyVersion', { PolicyArn: created.Arn, PolicyDocument: doc });
    expect(e.message).toBe(
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    expect((await err(world, 'iam', 'DeletePolicyVersion', { PolicyArn: created.Arn, VersionId: 'v1' })).message).toBe(
      'Cannot delete the default version of a policy.',
    );
    await ok(world, 'iam', 'SetDefaultPolicyVersion', { PolicyArn: created.Arn, VersionId: 'v5' });
    await ok(world, 'iam', 'DeletePolicyVersion', { PolicyArn: created.Arn, VersionId: 'v1' });
    await ok(world, 'iam', 'CreatePolicyVersion', { PolicyArn: created.Arn, PolicyDocument: doc });
    const versions = (await ok(world, 'iam', 'ListPolicyVersions', { PolicyArn: created.Arn }))['Versions'] as { VersionId: string }[];
    expect(versions.map((v) => v.VersionId)).toEqual(['v6', 'v5', 'v4', 'v3', 'v2']);
    const bad = await err(world, 'iam', 'CreatePolicy', {
      PolicyName: 'bad',
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}',
    });
    expect(bad.code).toBe('MalformedPolicyDocument');
    expect(bad.message).toBe('Policy statement must contain resources.');
  });

  test('AWS managed policies: get-policy and the default version document', async () => {
    const world = createWorld();
    const p = (await ok(world, 'iam', 'GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }))['Policy'] as Record<
      string,
      unknown
    >;
    expect(p).toMatchObject({
      PolicyName: 'AdministratorAccess',
      PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
      DefaultVersionId: 'v1',
      Description: 'Provides full access to AWS services and resources.',
    });
    const v = (await ok(world, 'iam', 'GetPolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', VersionId: 'v1' }))[
      'PolicyVersion'
    ] as Record<string, unknown>;
    expect(v['Document']).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect((await err(world, 'iam', 'AttachUserPolicy', { UserName: 'nobody', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })).code).toBe(
      'NoSuchEntity',
    );
  });

  test('inline policy aggregate size limit for users is 2,048 characters', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'alice' });
    const big = policy({ Effect: 'Allow', Action: Array.from({ length: 120 }, (_, i) => `s3:GetObjectVersion${i}`), Resource: '*' });
    expect(await err(world, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'big', PolicyDocument: big })).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user alice',
      httpStatus: 409,
    });
  });
});

describe('IAM roles and instance profiles', () => {
  test('trust principals must exist; role outputs', async () => {
    const world = createWorld();
    const trust = (principal: string) => policy({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' });
    const e = await err(world, 'iam', 'CreateRole', {
      RoleName: 'r',
      AssumeRolePolicyDocument: trust('arn:aws:iam::123456789012:user/ghost'),
    });
    expect(e).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/ghost"',
      httpStatus: 400,
    });
    const role = (
      await ok(world, 'iam', 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trust('arn:aws:iam::123456789012:root') })
    )['Role'] as Record<string, unknown>;
    expect(Object.keys(role)).toEqual(['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument']);
    await ok(world, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'p' });
    await ok(world, 'iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'p', RoleName: 'r' });
    expect((await err(world, 'iam', 'DeleteRole', { RoleName: 'r' })).message).toBe(
      'Cannot delete entity, must remove roles from instance profile first.',
    );
    const got = (await ok(world, 'iam', 'GetRole', { RoleName: 'r' }))['Role'] as Record<string, unknown>;
    expect(got['MaxSessionDuration']).toBe(3600);
    expect(got['RoleLastUsed']).toEqual({});
  });

  test('GetAccountAuthorizationDetails exports what SimulatePrincipalPolicy reads', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'alice' });
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    const details = await ok(world, 'iam', 'GetAccountAuthorizationDetails');
    expect(Object.keys(details)).toEqual(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']);
    const sim = await ok(world, 'iam', 'SimulatePrincipalPolicy', {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alice',
      ActionNames: ['s3:GetObject', 's3:PutObject'],
    });
    const results = sim['EvaluationResults'] as { EvalActionName: string; EvalDecision: string }[];
    expect(results.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
    const r = await call(world, 'iam', 'SimulateCustomPolicy', {
      PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'],
      ActionNames: ['s3:GetObject'],
    });
    expect(r.ok).toBe(true);
  });
});

describe('IAM AccessDenied wording', () => {
  // Real IAM denials name existing entities as `user NAME`, `role NAME`, `group NAME`, `policy ARN`,
  // and new or listed ones by ARN (observed in real CLI errors; "Troubleshoot access denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html "IAM").
  test.each([
    ['GetUser', { UserName: 'bob' }, 'iam:GetUser on resource: user bob because'],
    ['ListAttachedUserPolicies', { UserName: 'bob' }, 'iam:ListAttachedUserPolicies on resource: user bob because'],
    ['CreateAccessKey', { UserName: 'bob' }, 'iam:CreateAccessKey on resource: user bob because'],
    ['GetRole', { RoleName: 'app' }, 'iam:GetRole on resource: role app because'],
    ['GetGroup', { GroupName: 'devs' }, 'iam:GetGroup on resource: group devs because'],
    [
      'GetPolicy',
      { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      'iam:GetPolicy on resource: policy arn:aws:iam::aws:policy/ReadOnlyAccess because',
    ],
    ['CreateUser', { UserName: 'carol' }, 'iam:CreateUser on resource: arn:aws:iam::123456789012:user/carol because'],
    ['ListRoles', {}, 'iam:ListRoles on resource: arn:aws:iam::123456789012:role/ because'],
  ])('%s', async (operation, params, expected) => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'bob' });
    const alice = await userWithKey(world, 'alice');
    expect((await err(world, 'iam', operation, params, alice)).message).toContain(expected);
  });
});
