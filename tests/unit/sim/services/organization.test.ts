// SCPs and RCPs in the world's decisions (Organizations User Guide, "SCP evaluation"; "Troubleshoot access denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok, userWithKey } from '../world/helpers.ts';

const FULL = {
  name: 'FullAWSAccess',
  id: 'p-FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};
const DENY_IAM_USERS = {
  name: 'DenyCreateUser',
  id: 'p-2kgnabcd',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }] },
};

describe('organization guardrails', () => {
  test('an SCP deny binds even the root user of a member account', async () => {
    const world = createWorld({ organization: { serviceControlPolicies: [[FULL], [FULL, DENY_IAM_USERS]] } });
    const e = await err(world, 'iam', 'CreateUser', { UserName: 'bob' });
    expect(e.message).toBe(
      'User: arn:aws:iam::123456789012:root is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/bob with an explicit deny in a service control policy: arn:aws:organizations::999999999999:policy/o-dojo0example/service_control_policy/p-2kgnabcd',
    );
    await ok(world, 'iam', 'ListUsers');
  });

  test('a level without an allow denies; removing the organization lifts the guardrail', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    world.setOrganization({ serviceControlPolicies: [[FULL], []] });
    expect((await err(world, 'iam', 'ListUsers', {}, alice)).message).toContain('service control policy');
    world.setOrganization(undefined);
    await ok(world, 'iam', 'ListUsers', {}, alice);
  });
});
