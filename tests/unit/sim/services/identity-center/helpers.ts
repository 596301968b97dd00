/** Test helpers: an organization with Identity Center enabled, built through the CLI as a learner builds it. */
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';

/** Runs a command line and expects exit 0; answers stdout. */
export async function run(world: World, line: string): Promise<string> {
  const r = await world.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
  return r.stdout;
}

/** Runs a command line and parses its JSON output. */
export async function json<T = Record<string, unknown>>(world: World, line: string): Promise<T> {
  return JSON.parse(await run(world, line)) as T;
}

/** The facts a test needs about the Identity Center world. */
export interface IdcWorld {
  world: World;
  management: string;
  member: string;
  instanceArn: string;
  storeId: string;
  userId: string;
  permissionSetArn: string;
}

/**
 * Organization (management + member account `dev`), Identity Center enabled by the management
 * account's root, user `alice`, permission set `ReadOnly` (ReadOnlyAccess) assigned to alice in dev.
 */
export async function identityCenterWorld(options: { assign?: boolean } = {}): Promise<IdcWorld> {
  const world = createWorld({ organization: null, seed: 'idc' });
  const org = await json<{ Organization: { MasterAccountId: string } }>(world, 'aws organizations create-organization --feature-set ALL');
  const created = await json<{ CreateAccountStatus: { Id: string } }>(
    world,
    'aws organizations create-account --email dev@example.com --account-name dev',
  );
  const status = await json<{ CreateAccountStatus: { AccountId: string } }>(
    world,
    `aws organizations describe-create-account-status --create-account-request-id ${created.CreateAccountStatus.Id}`,
  );
  const instanceArn = (await json<{ InstanceArn: string }>(world, 'aws sso-admin create-instance')).InstanceArn;
  const storeId =
    (await json<{ Instances: { IdentityStoreId: string }[] }>(world, 'aws sso-admin list-instances')).Instances[0]?.IdentityStoreId ?? '';
  const userId = (
    await json<{ UserId: string }>(
      world,
      `aws identitystore create-user --identity-store-id ${storeId} --user-name alice --display-name "Alice Example" --name GivenName=Alice,FamilyName=Example --emails Value=alice@example.com,Type=work,Primary=true`,
    )
  ).UserId;
  const permissionSetArn = (
    await json<{ PermissionSet: { PermissionSetArn: string } }>(
      world,
      `aws sso-admin create-permission-set --instance-arn ${instanceArn} --name ReadOnly`,
    )
  ).PermissionSet.PermissionSetArn;
  await run(
    world,
    `aws sso-admin attach-managed-policy-to-permission-set --instance-arn ${instanceArn} --permission-set-arn ${permissionSetArn} --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`,
  );
  const member = status.CreateAccountStatus.AccountId;
  if (options.assign !== false)
    await run(
      world,
      `aws sso-admin create-account-assignment --instance-arn ${instanceArn} --target-id ${member} --target-type AWS_ACCOUNT --permission-set-arn ${permissionSetArn} --principal-type USER --principal-id ${userId}`,
    );
  return { world, management: org.Organization.MasterAccountId, member, instanceArn, storeId, userId, permissionSetArn };
}

/** The fields of a role in get-account-authorization-details that the tests read. */
export interface RoleDetail {
  RoleName: string;
  Path: string;
  AssumeRolePolicyDocument: unknown;
  AttachedManagedPolicies: { PolicyArn: string }[];
  RolePolicyList: { PolicyName: string }[];
}

/** The roles of an account as get-account-authorization-details lists them. */
export function roleDetails(world: World, accountId: string): RoleDetail[] {
  return world.exportAuthorizationDetails(accountId).RoleDetailList as unknown as RoleDetail[];
}

/** alice's own portal password in the MFA tests. */
export const PASSWORD = 'Correct-Horse-7';

/** alice with a password of her own (one-time password replaced) and MFA off while it is set, then back to the defaults. */
export async function aliceWithPassword(): Promise<World> {
  const { world } = await identityCenterWorld();
  const defaults = world.portalMfaSettings();
  world.portalMfaSettings({ mode: 'DISABLED' });
  const otp = world.portalOneTimePassword('alice') ?? '';
  if (!world.portalSignIn({ userName: 'alice', password: otp, newPassword: PASSWORD }).ok)
    throw new Error('alice could not set her password');
  world.portalMfaSettings(defaults);
  return world;
}
