/**
 * The AWS access portal's sign-in and the actions a signed-in Identity Center user takes there (IAM
 * Identity Center User Guide, "Using the AWS access portal",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/using-the-portal.html): sign in with user
 * name and password (a one-time password must be replaced first), approve an `aws sso login` device
 * code ("Authorize request"), and open the console of an assigned account as the permission set's
 * role. The sign-in itself is not a public API: it hands the portal an access token (the same kind
 * sso-oidc CreateToken issues) and writes no record here (AWS logs it as signin events; not simulated).
 * Setting a password ("Reset password" → "Generate a one-time password" in the Identity Center
 * console) has no public API either; the sandbox does it on the learner's behalf, unauthorized.
 */
import { instanceOwner } from '../services/sso-admin/instance.ts';
import type { IdentityCenterState } from '../services/sso-admin/model.ts';
import { ACCESS_TOKEN_SECONDS } from '../services/sso/oidc.ts';
import { userByName } from '../services/identitystore/operations.ts';
import type { ServiceEndpoint, ServiceError } from '../services/contract.ts';
import type { IdGenerator } from './ids.ts';
import { own, type WorldState } from './state.ts';

/** The outcome of a portal sign-in. */
export type PortalSignInResult =
  | { ok: true; accessToken: string; userName: string; startUrl: string }
  /**
   * NOT_ENABLED: the world has no Identity Center instance. FAILED_AUTHENTICATION: unknown user or
   * wrong password (one answer for both, as the portal gives). NEW_PASSWORD_REQUIRED: a one-time
   * password was right; sign in again with `newPassword`. WEAK_PASSWORD: the new password breaks the
   * Identity Center password rules.
   */
  | { ok: false; reason: 'NOT_ENABLED' | 'FAILED_AUTHENTICATION' | 'NEW_PASSWORD_REQUIRED' | 'WEAK_PASSWORD' };

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Identity Center's password rules: 8 to 64 characters with a lowercase and an uppercase letter, a
 * number and a non-alphanumeric character (User Guide, "Password requirements when managing
 * identities in IAM Identity Center", https://docs.aws.amazon.com/singlesignon/latest/userguide/password-requirements.html).
 */
export function meetsPasswordRules(password: string): boolean {
  return (
    password.length >= 8 &&
    password.length <= 64 &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /\d/.test(password) &&
    /[^A-Za-z0-9]/.test(password)
  );
}

function instanceOf(world: WorldState): IdentityCenterState | undefined {
  return instanceOwner(world)?.identityCenter;
}

/** Signs a user in to the access portal. */
export function portalSignIn(
  world: WorldState,
  ids: IdGenerator,
  nowMs: number,
  input: { userName: string; password: string; newPassword?: string },
): PortalSignInResult {
  const instance = instanceOf(world);
  if (!instance) return { ok: false, reason: 'NOT_ENABLED' };
  const user = userByName(instance, input.userName.trim());
  if (!user || user.password === undefined || user.password !== input.password) return { ok: false, reason: 'FAILED_AUTHENTICATION' };
  if (user.passwordOneTime === true) {
    if (input.newPassword === undefined) return { ok: false, reason: 'NEW_PASSWORD_REQUIRED' };
    if (!meetsPasswordRules(input.newPassword) || input.newPassword === input.password) return { ok: false, reason: 'WEAK_PASSWORD' };
    user.password = input.newPassword;
    delete user.passwordOneTime;
  }
  const accessToken = `aoa${ids.chars(ALNUM, 100)}`;
  instance.tokens[accessToken] = { UserId: user.UserId, expiresAt: nowMs + ACCESS_TOKEN_SECONDS * 1000 };
  return { ok: true, accessToken, userName: user.UserName, startUrl: `https://${instance.IdentityStoreId}.awsapps.com/start` };
}

/** Generates a one-time password for a user (the console's "Reset password"); undefined when there is no such user. */
export function portalOneTimePassword(world: WorldState, ids: IdGenerator, userName: string): string | undefined {
  const instance = instanceOf(world);
  const user = instance ? userByName(instance, userName) : undefined;
  if (!user) return undefined;
  // Always meets the rules: one of each required class, then random characters.
  const password = `${ids.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${ids.chars('abcdefghijkmnopqrstuvwxyz', 4)}${ids.chars('23456789', 3)}${ids.chars('!#%*+=?', 1)}${ids.chars(ALNUM, 4)}`;
  user.password = password;
  user.passwordOneTime = true;
  return password;
}

/** Approves a pending `aws sso login` code as the signed-in user ("Authorize request" → "Allow access"). */
export function portalApproveDevice(
  world: WorldState,
  nowMs: number,
  accessToken: string,
  userCode: string,
): { ok: true } | { ok: false; reason: 'SIGNED_OUT' | 'NO_SUCH_CODE' | 'EXPIRED' } {
  const instance = instanceOf(world);
  const token = instance ? own(instance.tokens, accessToken) : undefined;
  if (!instance || !token || token.expiresAt <= nowMs) return { ok: false, reason: 'SIGNED_OUT' };
  const wanted = userCode.trim().toUpperCase();
  const auth = Object.values(instance.deviceAuthorizations).find((a) => a.userCode === wanted && a.redeemed !== true);
  if (!auth) return { ok: false, reason: 'NO_SUCH_CODE' };
  if (auth.expiresAt <= nowMs) return { ok: false, reason: 'EXPIRED' };
  auth.approvedBy = token.UserId;
  return { ok: true };
}

/** The codes waiting for approval (the portal shows "Authorize request" for them). */
export function pendingDeviceCodes(world: WorldState, nowMs: number): { userCode: string; expiresAt: number }[] {
  const instance = instanceOf(world);
  return Object.values(instance?.deviceAuthorizations ?? {})
    .filter((a) => a.approvedBy === undefined && a.redeemed !== true && a.expiresAt > nowMs)
    .map((a) => ({ userCode: a.userCode, expiresAt: a.expiresAt }));
}

/** The outcome of opening the console from the portal. */
export type PortalConsoleResult = { ok: true; sessionId: string; arn: string; accountId: string } | { ok: false; error: ServiceError };

/**
 * Opens the console of `accountId` as the permission set `roleName`: the portal gets the role
 * session (GetRoleCredentials, recorded in the management account; AssumeRoleWithSAML recorded in the
 * member account) and the console signs in with it.
 */
export async function portalOpenConsole(
  world: WorldState,
  endpoint: ServiceEndpoint,
  ids: IdGenerator,
  input: { accessToken: string; accountId: string; roleName: string },
): Promise<PortalConsoleResult> {
  const response = await endpoint.invoke({
    service: 'sso',
    operation: 'GetRoleCredentials',
    params: { accessToken: input.accessToken, accountId: input.accountId, roleName: input.roleName },
    credentials: { kind: 'anonymous' },
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36',
  });
  if (!response.ok) return { ok: false, error: response.error };
  const keyId = String((response.output['roleCredentials'] as Record<string, unknown>)['accessKeyId']);
  const account = own(world.accounts, input.accountId);
  const session = account ? own(account.sessions, keyId) : undefined;
  if (!session)
    return {
      ok: false,
      error: { code: 'ServiceFailure', message: 'The simulator could not find the role session it just issued.', httpStatus: 500 },
    };
  const sessionId = ids.uuid();
  session.consoleSessionId = sessionId;
  return {
    ok: true,
    sessionId,
    arn: `arn:aws:sts::${input.accountId}:assumed-role/${session.roleName ?? ''}/${session.sessionName ?? ''}`,
    accountId: input.accountId,
  };
}
