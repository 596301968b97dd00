/**
 * What an Identity Center user may reach through the access portal: the accounts and permission
 * sets assigned to them directly or through a group they belong to (IAM Identity Center User Guide,
 * "Assign user access to AWS accounts", https://docs.aws.amazon.com/singlesignon/latest/userguide/assignusers.html).
 * Only permission sets that are provisioned in the account show (an assignment whose provisioning
 * failed gives no access).
 */
import { own, type WorldState } from '../../world/state.ts';
import { fault } from '../errors.ts';
import type { IdcUser, IdentityCenterState, PermissionSet } from '../sso-admin/model.ts';
import { instanceOwner } from '../sso-admin/instance.ts';

/** One account and permission set a user can open. */
export interface PortalEntry {
  accountId: string;
  accountName: string;
  emailAddress: string;
  permissionSet: PermissionSet;
}

/** Every (account, permission set) the user is assigned, sorted by account then permission set name. */
export function portalEntries(world: WorldState, instance: IdentityCenterState, userId: string): PortalEntry[] {
  const groups = new Set(
    Object.values(instance.memberships)
      .filter((m) => m.UserId === userId)
      .map((m) => m.GroupId),
  );
  const seen = new Set<string>();
  const out: PortalEntry[] = [];
  for (const a of instance.assignments) {
    const mine = (a.PrincipalType === 'USER' && a.PrincipalId === userId) || (a.PrincipalType === 'GROUP' && groups.has(a.PrincipalId));
    const ps = own(instance.permissionSets, a.PermissionSetArn);
    const provisioned = instance.provisioned.some((p) => p.AccountId === a.AccountId && p.PermissionSetArn === a.PermissionSetArn);
    const key = `${a.AccountId}|${a.PermissionSetArn}`;
    if (!mine || !ps || !provisioned || seen.has(key)) continue;
    seen.add(key);
    const org = world.organization ? own(world.organization.accounts, a.AccountId) : undefined;
    out.push({ accountId: a.AccountId, accountName: org?.name ?? a.AccountId, emailAddress: org?.email ?? '', permissionSet: ps });
  }
  return out.sort((x, y) => x.accountId.localeCompare(y.accountId) || x.permissionSet.Name.localeCompare(y.permissionSet.Name));
}

/** The user an access token stands for, or the portal's UnauthorizedException. */
export function userOfToken(world: WorldState, accessToken: string, nowMs: number): { instance: IdentityCenterState; user: IdcUser } {
  const owner = instanceOwner(world);
  const instance = owner?.identityCenter;
  const token = instance ? own(instance.tokens, accessToken) : undefined;
  const user = instance && token && token.expiresAt > nowMs ? own(instance.users, token.UserId) : undefined;
  // The portal API's answer for an unknown, expired or logged-out token (SSO API Reference, UnauthorizedException).
  if (!instance || !user) throw fault('UnauthorizedException', 'Session token not found or invalid', 401);
  return { instance, user };
}

/** The account the portal and OIDC APIs land in: the management account holding the instance. */
export function portalAccount(_params: Readonly<Record<string, unknown>>, world: WorldState): string | undefined {
  return instanceOwner(world)?.accountId;
}

/** The record's userIdentity for a call made with a user's access token (CloudTrail User Guide, userIdentity "IdentityCenterUser"). */
export function identityCenterUserIdentity(instance: IdentityCenterState, user: IdcUser, accessToken: string): Record<string, unknown> {
  return {
    type: 'IdentityCenterUser',
    accountId: instance.OwnerAccountId,
    onBehalfOf: {
      userId: user.UserId,
      identityStoreArn: `arn:aws:identitystore::${instance.OwnerAccountId}:identitystore/${instance.IdentityStoreId}`,
    },
    credentialId: accessToken.slice(-40),
  };
}
