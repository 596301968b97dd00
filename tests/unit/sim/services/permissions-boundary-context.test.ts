// iam:PermissionsBoundary is in the request context for IAM actions on an existing user or role that
// has a boundary, not only when the request passes one (IAM User Guide, "IAM and AWS STS condition
// context keys": iam:PermissionsBoundary "checks that a specific policy is attached as a permissions
// boundary on the IAM principal resource", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html;
// "Permissions boundaries for IAM entities", the delegated administrator example:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../world/helpers.ts';

const BOUNDARY = 'arn:aws:iam::aws:policy/PowerUserAccess';

describe('iam:PermissionsBoundary on existing principals', () => {
  test('a delegated administrator may manage only users that carry the boundary', async () => {
    const world = createWorld();
    const admin = await userWithKey(world, 'delegate');
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'delegate',
      PolicyName: 'manage-bounded-users',
      PolicyDocument: policy({
        Effect: 'Allow',
        Action: ['iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:DeleteUserPolicy'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } },
      }),
    });
    await ok(world, 'iam', 'CreateUser', { UserName: 'bounded', PermissionsBoundary: BOUNDARY });
    await ok(world, 'iam', 'CreateUser', { UserName: 'free' });
    const doc = policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' });
    await ok(world, 'iam', 'PutUserPolicy', { UserName: 'bounded', PolicyName: 'p', PolicyDocument: doc }, admin);
    const denied = await err(world, 'iam', 'PutUserPolicy', { UserName: 'free', PolicyName: 'p', PolicyDocument: doc }, admin);
    expect(denied.message).toBe(
      'User: arn:aws:iam::123456789012:user/delegate is not authorized to perform: iam:PutUserPolicy on resource: user free because no identity-based policy allows the iam:PutUserPolicy action',
    );
    const context = world.lastDecisions().at(-1)?.request.context ?? {};
    expect(context).not.toHaveProperty('iam:PermissionsBoundary');
  });

  test('roles carry their boundary into the context too', async () => {
    const world = createWorld();
    const trust = policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    await ok(world, 'iam', 'CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: trust, PermissionsBoundary: BOUNDARY });
    await ok(world, 'iam', 'GetRole', { RoleName: 'app' });
    expect(world.lastDecisions().at(-1)?.request.context['iam:PermissionsBoundary']).toBe(BOUNDARY);
  });
});
