/**
 * The IAM Identity Center OIDC API (`sso-oidc`; OIDC API Reference: RegisterClient,
 * StartDeviceAuthorization, CreateToken, https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/)
 * as `aws sso login` uses it: the CLI registers a public client, starts a device authorization for
 * the portal's start URL, shows the verification URL and user code, and polls CreateToken until the
 * user approved the code in the access portal (world/portal.ts approveDeviceCode). Unsigned calls,
 * recorded in the management account with eventSource `sso-oauth.amazonaws.com`.
 */
import { own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { instanceOwner, startUrlOf } from '../sso-admin/instance.ts';
import type { IdentityCenterState } from '../sso-admin/model.ts';
import { portalAccount } from './access.ts';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
/** Device codes live 10 minutes; clients 90 days; access tokens 8 hours (OIDC API Reference; User Guide, "Authentication sessions"). */
const DEVICE_SECONDS = 600;
const CLIENT_SECONDS = 90 * 24 * 3600;
/** Access token lifetime (the default session duration of the access portal: 8 hours). */
export const ACCESS_TOKEN_SECONDS = 8 * 3600;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function instanceOf(ctx: OperationContext): IdentityCenterState {
  const instance = instanceOwner(ctx.world)?.identityCenter;
  if (!instance) throw fault('InvalidRequestException', 'IAM Identity Center is not enabled.', 400);
  return instance;
}

function requireClient(ctx: OperationContext, instance: IdentityCenterState): string {
  const clientId = str(ctx, 'clientId');
  const client = own(instance.clients, clientId);
  if (!client || client.clientSecret !== str(ctx, 'clientSecret') || client.expiresAt <= ctx.nowMs)
    throw fault('InvalidClientException', 'Invalid client provided', 400);
  return clientId;
}

function registerClient(ctx: OperationContext): Record<string, unknown> {
  const instance = instanceOf(ctx);
  const clientId = ctx.ids.chars(ALNUM, 22);
  const clientSecret = `eyJraWQi${ctx.ids.chars(ALNUM, 60)}`;
  instance.clients[clientId] = {
    clientId,
    clientSecret,
    clientName: str(ctx, 'clientName'),
    issuedAt: ctx.nowMs,
    expiresAt: ctx.nowMs + CLIENT_SECONDS * 1000,
  };
  ctx.trail.requestParameters = { clientName: str(ctx, 'clientName'), clientType: str(ctx, 'clientType') };
  ctx.trail.responseElements = null;
  return {
    clientId,
    clientSecret,
    clientIdIssuedAt: Math.floor(ctx.nowMs / 1000),
    clientSecretExpiresAt: Math.floor(ctx.nowMs / 1000) + CLIENT_SECONDS,
  };
}

function startDeviceAuthorization(ctx: OperationContext): Record<string, unknown> {
  const instance = instanceOf(ctx);
  const clientId = requireClient(ctx, instance);
  const startUrl = str(ctx, 'startUrl');
  if (startUrl.replace(/[/#]+$/, '') !== startUrlOf(instance))
    throw fault('InvalidRequestException', `Invalid start URL: ${startUrl}. The access portal URL is ${startUrlOf(instance)}`, 400);
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  const userCode = `${ctx.ids.chars(letters, 4)}-${ctx.ids.chars(letters, 4)}`;
  const deviceCode = ctx.ids.chars(ALNUM, 64);
  instance.deviceAuthorizations[deviceCode] = { deviceCode, userCode, clientId, expiresAt: ctx.nowMs + DEVICE_SECONDS * 1000 };
  const region = instance.region;
  ctx.trail.requestParameters = { clientId, clientSecret: HIDDEN, startUrl };
  ctx.trail.responseElements = null;
  return {
    deviceCode,
    userCode,
    verificationUri: `https://device.sso.${region}.amazonaws.com/`,
    verificationUriComplete: `https://device.sso.${region}.amazonaws.com/?user_code=${userCode}`,
    expiresIn: DEVICE_SECONDS,
    interval: 1,
  };
}

function createToken(ctx: OperationContext): Record<string, unknown> {
  const instance = instanceOf(ctx);
  const clientId = requireClient(ctx, instance);
  const grantType = str(ctx, 'grantType');
  ctx.trail.requestParameters = { clientId, clientSecret: HIDDEN, grantType, deviceCode: HIDDEN };
  ctx.trail.responseElements = null;
  if (grantType !== 'urn:ietf:params:oauth:grant-type:device_code')
    throw fault('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`, 400);
  const auth = own(instance.deviceAuthorizations, optStr(ctx, 'deviceCode') ?? '');
  if (!auth || auth.clientId !== clientId || auth.redeemed === true) throw fault('InvalidGrantException', 'Invalid grant provided', 400);
  if (auth.expiresAt <= ctx.nowMs) throw fault('ExpiredTokenException', 'Device code has expired', 400);
  // RFC 8628 §3.5: the client keeps polling while the user has not approved yet.
  if (auth.approvedBy === undefined) throw fault('AuthorizationPendingException', 'Authorization is still pending', 400);
  auth.redeemed = true;
  const accessToken = `aoa${ctx.ids.chars(ALNUM, 100)}`;
  instance.tokens[accessToken] = { UserId: auth.approvedBy, expiresAt: ctx.nowMs + ACCESS_TOKEN_SECONDS * 1000 };
  return { accessToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_SECONDS };
}

/** The OIDC operations. */
export const SSO_OIDC_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  RegisterClient: { handler: registerClient, readOnly: false, unsigned: portalAccount },
  StartDeviceAuthorization: { handler: startDeviceAuthorization, readOnly: false, unsigned: portalAccount },
  CreateToken: { handler: createToken, readOnly: false, unsigned: portalAccount },
};
