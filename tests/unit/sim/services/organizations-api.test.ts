// The Organizations API on the world's organization data (Organizations API Reference: DescribeOrganization,
// ListRoots, ListPolicies, CreatePolicy, DescribePolicy, AttachPolicy, DetachPolicy, ListPoliciesForTarget,
// DeletePolicy; "Common Errors"; CloudTrail: Organizations is global, logged in us-east-1).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../world/helpers.ts';

const FULL = {
  name: 'FullAWSAccess',
  id: 'p-FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};
const DENY_LEAVE = policy({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });

/** A world that is the organization's management account (root → one OU → account). */
function managementWorld() {
  return createWorld({ organization: { managementAccountId: '123456789012', serviceControlPolicies: [[FULL], [FULL], [FULL]] } });
}

describe('Organizations API', () => {
  test('DescribeOrganization and ListRoots describe the organization and its root', async () => {
    const world = managementWorld();
    const org = (await ok(world, 'organizations', 'DescribeOrganization'))['Organization'] as Record<string, unknown>;
    expect(org).toMatchObject({
      Id: 'o-dojo0example',
      Arn: 'arn:aws:organizations::123456789012:organization/o-dojo0example',
      FeatureSet: 'ALL',
      MasterAccountId: '123456789012',
    });
    const roots = (await ok(world, 'organizations', 'ListRoots'))['Roots'] as Record<string, unknown>[];
    expect(roots).toEqual([
      {
        Id: 'r-dojo',
        Arn: 'arn:aws:organizations::123456789012:root/o-dojo0example/r-dojo',
        Name: 'Root',
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    ]);
  });

  test('CreatePolicy, DescribePolicy, ListPolicies; the content must be a valid SCP', async () => {
    const world = managementWorld();
    const created = (
      await ok(world, 'organizations', 'CreatePolicy', {
        Name: 'DenyLeave',
        Description: 'stay',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: DENY_LEAVE,
      })
    )['Policy'] as {
      PolicySummary: Record<string, unknown>;
      Content: string;
    };
    const id = created.PolicySummary['Id'] as string;
    expect(id).toMatch(/^p-[0-9a-z]{8}$/);
    expect(created.PolicySummary).toMatchObject({
      Name: 'DenyLeave',
      Description: 'stay',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: false,
      Arn: `arn:aws:organizations::123456789012:policy/o-dojo0example/service_control_policy/${id}`,
    });
    const described = (await ok(world, 'organizations', 'DescribePolicy', { PolicyId: id }))['Policy'] as { Content: string };
    expect(described.Content).toBe(DENY_LEAVE);
    const listed = (await ok(world, 'organizations', 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' }))['Policies'] as {
      Name: string;
      AwsManaged: boolean;
      Arn: string;
    }[];
    expect(listed.map((p) => p.Name).sort()).toEqual(['DenyLeave', 'FullAWSAccess']);
    expect(listed.find((p) => p.Name === 'FullAWSAccess')).toMatchObject({
      AwsManaged: true,
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
    });
    // An SCP cannot name a principal (Organizations User Guide, "SCP syntax").
    const bad = await err(world, 'organizations', 'CreatePolicy', {
      Name: 'Bad',
      Description: '',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: policy({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }),
    });
    expect(bad.code).toBe('MalformedPolicyDocumentException');
    expect(
      (
        await err(world, 'organizations', 'CreatePolicy', {
          Name: 'DenyLeave',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: DENY_LEAVE,
        })
      ).code,
    ).toBe('DuplicatePolicyException');
  });

  test('AttachPolicy, ListPoliciesForTarget, DetachPolicy, DeletePolicy on root, OU and account', async () => {
    const world = managementWorld();
    const id = (
      (
        await ok(world, 'organizations', 'CreatePolicy', {
          Name: 'DenyLeave',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: DENY_LEAVE,
        })
      )['Policy'] as { PolicySummary: { Id: string } }
    ).PolicySummary.Id;
    for (const target of ['r-dojo', 'ou-dojo-00000001', '123456789012']) {
      await ok(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: target });
      const names = (
        (await ok(world, 'organizations', 'ListPoliciesForTarget', { TargetId: target, Filter: 'SERVICE_CONTROL_POLICY' }))['Policies'] as {
          Name: string;
        }[]
      ).map((p) => p.Name);
      expect(names).toEqual(['FullAWSAccess', 'DenyLeave']);
    }
    expect((await err(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: 'r-dojo' })).code).toBe(
      'DuplicatePolicyAttachmentException',
    );
    expect((await err(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: '111111111111' })).code).toBe(
      'TargetNotFoundException',
    );
    expect((await err(world, 'organizations', 'DeletePolicy', { PolicyId: id })).code).toBe('PolicyInUseException');
    for (const target of ['r-dojo', 'ou-dojo-00000001', '123456789012'])
      await ok(world, 'organizations', 'DetachPolicy', { PolicyId: id, TargetId: target });
    expect((await err(world, 'organizations', 'DetachPolicy', { PolicyId: id, TargetId: 'r-dojo' })).code).toBe(
      'PolicyNotAttachedException',
    );
    // Every root, OU and account keeps at least one SCP.
    expect((await err(world, 'organizations', 'DetachPolicy', { PolicyId: 'p-FullAWSAccess', TargetId: 'r-dojo' })).code).toBe(
      'ConstraintViolationException',
    );
    await ok(world, 'organizations', 'DeletePolicy', { PolicyId: id });
    expect((await err(world, 'organizations', 'DescribePolicy', { PolicyId: id })).code).toBe('PolicyNotFoundException');
  });

  test('an attached SCP binds the member accounts below it in later decisions', async () => {
    const world = managementWorld();
    const deny = policy({ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' });
    const id = (
      (
        await ok(world, 'organizations', 'CreatePolicy', {
          Name: 'NoUsers',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: deny,
        })
      )['Policy'] as { PolicySummary: { Id: string } }
    ).PolicySummary.Id;
    await ok(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: '123456789012' });
    // SCPs do not affect users or roles in the management account (Organizations User Guide, "Service control policies").
    await ok(world, 'iam', 'CreateUser', { UserName: 'carol' });
    // The same data seen from a member account: the SCP now denies there.
    const saved = world.save();
    const organization = saved.organization;
    if (!organization) throw new Error('no organization');
    const member = createWorld({ snapshot: { ...saved, organization: { ...organization, managementAccountId: '999999999999' } } });
    expect((await err(member, 'iam', 'CreateUser', { UserName: 'bob' })).message).toContain(
      'with an explicit deny in a service control policy',
    );
  });

  // Organizations User Guide, "Enabling and disabling policy types" (https://docs.aws.amazon.com/organizations/latest/userguide/enable-policy-type.html):
  // a policy type must be enabled on the root before its policies can be attached; enabling RCPs attaches RCPFullAWSAccess everywhere.
  test('RCPs: attaching needs the type enabled; enabling it attaches RCPFullAWSAccess to every target', async () => {
    const world = managementWorld();
    const rcp = policy({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const id = (
      (
        await ok(world, 'organizations', 'CreatePolicy', {
          Name: 'TlsOnly',
          Description: '',
          Type: 'RESOURCE_CONTROL_POLICY',
          Content: rcp,
        })
      )['Policy'] as { PolicySummary: { Id: string } }
    ).PolicySummary.Id;
    expect((await err(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: 'r-dojo' })).code).toBe(
      'PolicyTypeNotEnabledException',
    );
    const enabled = (await ok(world, 'organizations', 'EnablePolicyType', { RootId: 'r-dojo', PolicyType: 'RESOURCE_CONTROL_POLICY' }))[
      'Root'
    ] as { PolicyTypes: unknown[] };
    expect(enabled.PolicyTypes).toEqual([
      { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
      { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
    ]);
    expect((await err(world, 'organizations', 'EnablePolicyType', { RootId: 'r-dojo', PolicyType: 'RESOURCE_CONTROL_POLICY' })).code).toBe(
      'PolicyTypeAlreadyEnabledException',
    );
    await ok(world, 'organizations', 'AttachPolicy', { PolicyId: id, TargetId: 'r-dojo' });
    const names = (
      (await ok(world, 'organizations', 'ListPoliciesForTarget', { TargetId: 'r-dojo', Filter: 'RESOURCE_CONTROL_POLICY' }))[
        'Policies'
      ] as { Name: string }[]
    ).map((p) => p.Name);
    expect(names).toEqual(['RCPFullAWSAccess', 'TlsOnly']);
    await ok(world, 'iam', 'ListUsers');
  });

  test('member accounts are refused; a world without an organization answers AWSOrganizationsNotInUseException', async () => {
    const member = createWorld({ organization: { serviceControlPolicies: [[FULL], [FULL]] } });
    expect(await err(member, 'organizations', 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' })).toEqual({
      code: 'AccessDeniedException',
      message: "You don't have permissions to access this resource.",
      httpStatus: 400,
    });
    // Any account of the organization may describe it.
    await ok(member, 'organizations', 'DescribeOrganization');
    const none = createWorld();
    expect(await err(none, 'organizations', 'DescribeOrganization')).toEqual({
      code: 'AWSOrganizationsNotInUseException',
      message: 'Your account is not a member of an organization.',
      httpStatus: 400,
    });
  });

  test('calls are authorized by the engine and recorded as organizations.amazonaws.com in us-east-1', async () => {
    const world = managementWorld();
    const alice = await userWithKey(world, 'alice');
    const denied = await err(world, 'organizations', 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' }, alice);
    expect(denied).toEqual({
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: organizations:ListPolicies on resource: * because no identity-based policy allows the organizations:ListPolicies action',
      httpStatus: 400,
    });
    const last = world.trail().Records.at(-1) as Record<string, unknown>;
    expect(last).toMatchObject({
      eventSource: 'organizations.amazonaws.com',
      eventName: 'ListPolicies',
      awsRegion: 'us-east-1',
      errorCode: 'AccessDeniedException',
      readOnly: true,
    });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'orgs',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'organizations:*', Resource: '*' }),
    });
    await ok(world, 'organizations', 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' }, alice);
    expect(world.trail().Records.at(-1)).toMatchObject({
      eventSource: 'organizations.amazonaws.com',
      eventName: 'ListPolicies',
      awsRegion: 'us-east-1',
    });
  });
});
