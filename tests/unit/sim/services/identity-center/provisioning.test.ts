/**
 * Identity Center provisioning: what an account assignment creates in the member account, and who may
 * call sso-admin. Sources: IAM Identity Center User Guide, "Permission sets"
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html) and "Referencing
 * permission sets in resource policies, Amazon EKS, and AWS KMS"
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html); "Delegated
 * administration" (https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html).
 */
import { describe, expect, it } from 'vitest';
import { identityCenterWorld, json, roleDetails, run } from './helpers.ts';

describe('Identity Center instance', () => {
  it('is an organization instance with an ssoins- ARN and a d- identity store', async () => {
    const { world, instanceArn, storeId, management } = await identityCenterWorld();
    expect(instanceArn).toMatch(/^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/);
    expect(storeId).toMatch(/^d-[0-9a-f]{10}$/);
    const described = await json<{ OwnerAccountId: string; Status: string }>(
      world,
      `aws sso-admin describe-instance --instance-arn ${instanceArn}`,
    );
    expect(described).toMatchObject({ OwnerAccountId: management, Status: 'ACTIVE' });
  });

  it('records sso-admin calls as sso.amazonaws.com and identity store calls as identitystore.amazonaws.com', async () => {
    const { world } = await identityCenterWorld();
    const sources = world.trail().Records.map((r) => `${String(r['eventSource'])}:${String(r['eventName'])}`);
    expect(sources).toContain('sso.amazonaws.com:CreateInstance');
    expect(sources).toContain('sso.amazonaws.com:CreateAccountAssignment');
    expect(sources).toContain('identitystore.amazonaws.com:CreateUser');
  });

  it('is administered from the management account only: a member account sees no instance', async () => {
    const { world, member, instanceArn } = await identityCenterWorld();
    // The member's OrganizationAccountAccessRole, assumed from the management account's admin.
    await run(world, 'aws iam create-user --user-name admin');
    await run(world, 'aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    await run(world, 'aws iam create-access-key --user-name admin');
    await run(world, `aws configure set role_arn arn:aws:iam::${member}:role/OrganizationAccountAccessRole --profile member`);
    await run(world, 'aws configure set source_profile admin --profile member');
    const listed = await json<{ Instances: unknown[] }>(world, 'aws sso-admin list-instances --profile member');
    expect(listed.Instances).toEqual([]);
    const r = await world.run(`aws sso-admin list-permission-sets --instance-arn ${instanceArn} --profile member`);
    expect(r.stderr).toContain('ResourceNotFoundException');
  });

  it('authorizes sso-admin calls with sso: actions through the engine', async () => {
    const { world, instanceArn } = await identityCenterWorld();
    await run(world, 'aws iam create-user --user-name intern');
    await run(world, 'aws iam create-access-key --user-name intern');
    const r = await world.run(`aws sso-admin create-permission-set --instance-arn ${instanceArn} --name Ops --profile intern`);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toContain('AccessDeniedException');
    expect(r.stderr).toContain('sso:CreatePermissionSet');
  });
});

describe('an account assignment provisions the reserved role', () => {
  it('names it AWSReservedSSO_<PermissionSet>_<16 hex> under /aws-reserved/sso.amazonaws.com/ (us-east-1)', async () => {
    const { world, member } = await identityCenterWorld();
    const roles = roleDetails(world, member);
    const role = roles.find((r) => r.RoleName.startsWith('AWSReservedSSO_'));
    expect(role?.RoleName).toMatch(/^AWSReservedSSO_ReadOnly_[0-9a-f]{16}$/);
    expect(role?.Path).toBe('/aws-reserved/sso.amazonaws.com/');
    expect(role?.AttachedManagedPolicies.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('trusts the account AWSSSO_<hex>_DO_NOT_DELETE SAML provider for AssumeRoleWithSAML and TagSession with SAML:aud', async () => {
    const { world, member } = await identityCenterWorld();
    const role = roleDetails(world, member).find((r) => r.RoleName.startsWith('AWSReservedSSO_'));
    const trust = role?.AssumeRolePolicyDocument as { Statement: Record<string, unknown>[] };
    expect(trust.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: {
        Federated: expect.stringMatching(new RegExp(`^arn:aws:iam::${member}:saml-provider/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$`)),
      },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    });
  });

  it('a permission set change reaches the account only when provisioned again', async () => {
    const { world, member, instanceArn, permissionSetArn } = await identityCenterWorld();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
    });
    await run(
      world,
      `aws sso-admin put-inline-policy-to-permission-set --instance-arn ${instanceArn} --permission-set-arn ${permissionSetArn} --inline-policy '${policy}'`,
    );
    const inline = () => roleDetails(world, member).find((r) => r.RoleName.startsWith('AWSReservedSSO_'))?.RolePolicyList ?? [];
    expect(inline()).toEqual([]);
    const provisioned = await json<{ PermissionSetProvisioningStatus: { RequestId: string; Status: string } }>(
      world,
      `aws sso-admin provision-permission-set --instance-arn ${instanceArn} --permission-set-arn ${permissionSetArn} --target-type ALL_PROVISIONED_ACCOUNTS`,
    );
    expect(provisioned.PermissionSetProvisioningStatus.Status).toBe('IN_PROGRESS');
    const status = await json<{ PermissionSetProvisioningStatus: { Status: string } }>(
      world,
      `aws sso-admin describe-permission-set-provisioning-status --instance-arn ${instanceArn} --provision-permission-set-request-id ${provisioned.PermissionSetProvisioningStatus.RequestId}`,
    );
    expect(status.PermissionSetProvisioningStatus.Status).toBe('SUCCEEDED');
    expect(inline().map((p) => p.PolicyName)).toEqual(['AwsSSOInlinePolicy']);
  });

  it('answers IN_PROGRESS, then SUCCEEDED from DescribeAccountAssignmentCreationStatus', async () => {
    const { world, member, instanceArn, permissionSetArn } = await identityCenterWorld({ assign: false });
    const storeId = (await json<{ Instances: { IdentityStoreId: string }[] }>(world, 'aws sso-admin list-instances')).Instances[0]
      ?.IdentityStoreId;
    const group = await json<{ GroupId: string }>(
      world,
      `aws identitystore create-group --identity-store-id ${storeId} --display-name Readers`,
    );
    const created = await json<{ AccountAssignmentCreationStatus: { Status: string; RequestId: string } }>(
      world,
      `aws sso-admin create-account-assignment --instance-arn ${instanceArn} --target-id ${member} --target-type AWS_ACCOUNT --permission-set-arn ${permissionSetArn} --principal-type GROUP --principal-id ${group.GroupId}`,
    );
    expect(created.AccountAssignmentCreationStatus.Status).toBe('IN_PROGRESS');
    const status = await json<{ AccountAssignmentCreationStatus: { Status: string } }>(
      world,
      `aws sso-admin describe-account-assignment-creation-status --instance-arn ${instanceArn} --account-assignment-creation-request-id ${created.AccountAssignmentCreationStatus.RequestId}`,
    );
    expect(status.AccountAssignmentCreationStatus.Status).toBe('SUCCEEDED');
    const listed = await json<{ AccountAssignments: { PrincipalType: string }[] }>(
      world,
      `aws sso-admin list-account-assignments --instance-arn ${instanceArn} --account-id ${member} --permission-set-arn ${permissionSetArn}`,
    );
    expect(listed.AccountAssignments.map((a) => a.PrincipalType)).toEqual(['GROUP']);
  });

  it('removes the role when the last assignment of the permission set in the account is deleted', async () => {
    const { world, member, instanceArn, permissionSetArn, userId } = await identityCenterWorld();
    await run(
      world,
      `aws sso-admin delete-account-assignment --instance-arn ${instanceArn} --target-id ${member} --target-type AWS_ACCOUNT --permission-set-arn ${permissionSetArn} --principal-type USER --principal-id ${userId}`,
    );
    expect(roleDetails(world, member).some((r) => r.RoleName.startsWith('AWSReservedSSO_'))).toBe(false);
  });

  it('IAM refuses to change or delete the reserved role (UnmodifiableEntity)', async () => {
    const { world, member } = await identityCenterWorld();
    const role = roleDetails(world, member).find((r) => r.RoleName.startsWith('AWSReservedSSO_'));
    await run(world, 'aws iam create-user --user-name admin');
    await run(world, 'aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    await run(world, 'aws iam create-access-key --user-name admin');
    await run(world, `aws configure set role_arn arn:aws:iam::${member}:role/OrganizationAccountAccessRole --profile member`);
    await run(world, 'aws configure set source_profile admin --profile member');
    const r = await world.run(`aws iam delete-role --role-name ${role?.RoleName ?? ''} --profile member`);
    expect(r.stderr).toContain(
      `An error occurred (UnmodifiableEntity) when calling the DeleteRole operation: Cannot perform the operation on the protected role '${role?.RoleName ?? ''}' - this role is only modifiable by AWS`,
    );
    const attach = await world.run(
      `aws iam attach-role-policy --role-name ${role?.RoleName ?? ''} --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile member`,
    );
    expect(attach.stderr).toContain('UnmodifiableEntity');
    expect((await world.run(`aws iam get-role --role-name ${role?.RoleName ?? ''} --profile member`)).exitCode).toBe(0);
  });
});
