// Saving, forking, exporting and importing a world (the public API, src/sim/index.ts).
import { describe, expect, test } from 'vitest';
import { createWorld, ImportError, WorldOptionsError } from '../../../../src/sim/world/index.ts';
import { ok, policy, userWithKey } from './helpers.ts';

async function populated() {
  const world = createWorld({ seed: 'ser' });
  const alice = await userWithKey(world, 'alice');
  await ok(world, 'iam', 'CreateGroup', { GroupName: 'devs' });
  await ok(world, 'iam', 'AddUserToGroup', { GroupName: 'devs', UserName: 'alice' });
  await ok(world, 'iam', 'PutGroupPolicy', {
    GroupName: 'devs',
    PolicyName: 'list',
    PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }),
  });
  const created = await ok(world, 'iam', 'CreatePolicy', {
    PolicyName: 's3-read',
    PolicyDocument: policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }),
  });
  await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: (created['Policy'] as { Arn: string }).Arn });
  await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  await ok(world, 'iam', 'CreateRole', {
    RoleName: 'app',
    AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  });
  world.writeFile('notes.txt', 'hello');
  world.cliConfig.profiles['dev'] = { region: 'eu-west-1' };
  return { world, alice };
}

describe('save, restore and fork', () => {
  test('createWorld({ snapshot }) continues exactly where save() left off', async () => {
    const { world, alice } = await populated();
    const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    expect(restored.trail()).toEqual(world.trail());
    expect(restored.readFile('notes.txt')).toBe('hello');
    expect(restored.cliConfig.profiles['dev']).toEqual({ region: 'eu-west-1' });
    const a = await ok(world, 'iam', 'CreateUser', { UserName: 'carol' });
    const b = await ok(restored, 'iam', 'CreateUser', { UserName: 'carol' });
    expect(b).toEqual(a);
    await ok(restored, 'iam', 'ListUsers', {}, alice);
  });

  test('a fork is independent', async () => {
    const { world } = await populated();
    const fork = world.fork();
    await ok(fork, 'iam', 'CreateUser', { UserName: 'forked' });
    fork.clock.advance(60);
    expect(world.trail().Records.length).toBe(fork.trail().Records.length - 1);
    expect(world.clock.nowMs()).toBe(fork.clock.nowMs() - 60_000);
  });

  test('a fork shares the delivered trail records, and nothing done in it changes the original', async () => {
    const { world, alice } = await populated();
    const before = JSON.stringify(world.save());
    const fork = world.fork();
    const shared = world.trail().Records.length;
    expect(JSON.stringify(fork.save())).toBe(before);
    // Writes, reads, denied calls and trail lookups in the fork (what console pages do, and more).
    await ok(fork, 'iam', 'CreateUser', { UserName: 'forked' }, alice).catch(() => undefined);
    await ok(fork, 'iam', 'ListUsers', {}, alice);
    await ok(fork, 'iam', 'TagUser', { UserName: 'alice', Tags: [{ Key: 'k', Value: 'v' }] });
    await ok(fork, 'cloudtrail', 'LookupEvents', {});
    await ok(fork, 'iam', 'DeleteUser', { UserName: 'carol' }).catch(() => undefined);
    fork.clock.advance(3600);
    expect(JSON.stringify(world.save())).toBe(before);
    expect(fork.trail().Records.length).toBeGreaterThan(shared);
    expect(fork.trail().Records.slice(0, shared)).toEqual(world.trail().Records);
  });

  test('bad snapshots and options are refused with a clear error', () => {
    expect(() => createWorld({ snapshot: { formatVersion: 99 } })).toThrow(WorldOptionsError);
    expect(() => createWorld({ accountId: '12' })).toThrow('accountId must be 12 digits');
  });
});

describe('authorization details', () => {
  test('export → import gives a world with the same IAM state and decisions', async () => {
    const { world } = await populated();
    const details = world.exportAuthorizationDetails();
    expect(details.UserDetailList[0]).toMatchObject({ UserName: 'alice', GroupList: ['devs'] });
    expect(details.Policies.map((p) => p['PolicyName'])).toEqual(['s3-read', 'AmazonS3ReadOnlyAccess']);
    const imported = createWorld({ authorizationDetails: JSON.parse(JSON.stringify(details)) });
    expect(imported.exportAuthorizationDetails()).toEqual(details);
    const sim = await ok(imported, 'iam', 'SimulatePrincipalPolicy', {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alice',
      ActionNames: ['iam:ListRoles', 'iam:CreateUser'],
    });
    expect((sim['EvaluationResults'] as { EvalDecision: string }[]).map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
  });

  test('import errors name the JSON path', () => {
    expect(() => createWorld({ authorizationDetails: { UserDetailList: [{ Arn: 'x' }] } })).toThrow(ImportError);
    expect(() =>
      createWorld({
        authorizationDetails: { UserDetailList: [{ UserName: 'a', Arn: 'arn:aws:iam::123456789012:user/a', GroupList: ['nope'] }] },
      }),
    ).toThrow('$.UserDetailList[0].GroupList');
    expect(() =>
      createWorld({
        authorizationDetails: {
          RoleDetailList: [
            {
              RoleName: 'r',
              Arn: 'arn:aws:iam::123456789012:role/r',
              AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::123456789012:policy/missing' }],
            },
          ],
        },
      }),
    ).toThrow('neither in Policies');
  });
});

describe('explanations of calls', () => {
  test('the checks behind a denied call are kept with its trail record', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    const r = await world.invoke({ service: 'iam', operation: 'ListUsers', params: {}, credentials: alice });
    expect(r.ok).toBe(false);
    const eventId = String(world.trail().Records.at(-1)?.['eventID']);
    const decisions = world.decisionsFor(eventId) ?? [];
    expect(decisions.map((d) => [d.request.action, d.result.decision, d.result.reason])).toEqual([
      ['iam:ListUsers', 'implicitDeny', 'NO_IDENTITY_ALLOW'],
    ]);
    expect(world.lastDecisions()).toBe(decisions);
    expect(decisions[0]?.request.context['aws:username']).toBe('alice');
    expect('aws:MultiFactorAuthPresent' in (decisions[0]?.request.context ?? {})).toBe(false);
  });
});
