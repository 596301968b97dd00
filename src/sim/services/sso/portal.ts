/**
 * The AWS access portal API (`sso`; AWS SSO Portal API Reference: ListAccounts, ListAccountRoles,
 * GetRoleCredentials, Logout, https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/).
 * Unsigned calls carrying the user's access token (from sso-oidc CreateToken or a portal sign-in);
 * recorded in the management account as `sso.amazonaws.com` events made by an IdentityCenterUser.
 */
import { own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { identityCenterUserIdentity, portalAccount, portalEntries, userOfToken } from './access.ts';
import { federate } from './federate.ts';

function withUser(ctx: OperationContext) {
  const token = str(ctx, 'accessToken');
  const found = userOfToken(ctx.world, token, ctx.nowMs);
  ctx.trail.userIdentity = identityCenterUserIdentity(found.instance, found.user, token);
  return { ...found, token };
}

function listAccounts(ctx: OperationContext): Record<string, unknown> {
  const { instance, user } = withUser(ctx);
  ctx.trail.requestParameters = null;
  const accounts = new Map(portalEntries(ctx.world, instance, user.UserId).map((e) => [e.accountId, e]));
  return {
    accountList: [...accounts.values()].map((e) => ({ accountId: e.accountId, accountName: e.accountName, emailAddress: e.emailAddress })),
  };
}

function listAccountRoles(ctx: OperationContext): Record<string, unknown> {
  const { instance, user } = withUser(ctx);
  const accountId = str(ctx, 'accountId');
  ctx.trail.requestParameters = { accountId };
  const roles = portalEntries(ctx.world, instance, user.UserId).filter((e) => e.accountId === accountId);
  return { roleList: roles.map((e) => ({ roleName: e.permissionSet.Name, accountId })) };
}

function getRoleCredentials(ctx: OperationContext): Record<string, unknown> {
  const { instance, user } = withUser(ctx);
  const accountId = str(ctx, 'accountId');
  const roleName = str(ctx, 'roleName');
  ctx.trail.requestParameters = { roleName, accountId };
  const session = federate(ctx, instance, user, accountId, roleName);
  // The portal API answers the expiry in epoch milliseconds (Portal API Reference, RoleCredentials).
  return {
    roleCredentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secret,
      sessionToken: session.token,
      expiration: session.expiration,
    },
  };
}

function logout(ctx: OperationContext): Record<string, unknown> {
  const { instance, token } = withUser(ctx);
  ctx.trail.requestParameters = null;
  if (!own(instance.tokens, token)) throw fault('UnauthorizedException', 'Session token not found or invalid', 401);
  delete instance.tokens[token];
  return {};
}

/** The portal operations. */
export const SSO_PORTAL_OPERATIONS: Record<string, OperationDefinition> = {
  ListAccounts: { handler: listAccounts, readOnly: true, unsigned: portalAccount },
  ListAccountRoles: { handler: listAccountRoles, readOnly: true, unsigned: portalAccount },
  GetRoleCredentials: { handler: getRoleCredentials, readOnly: true, unsigned: portalAccount },
  Logout: { handler: logout, readOnly: false, unsigned: portalAccount },
};
