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
 * After the password comes the MFA step (portal-mfa.ts); a session that did not pass it where the
 * instance requires MFA cannot approve a device code or open a console.
 */
import { instanceOwner } from '../services/sso-admin/instance.ts';
import type { IdcUser, IdentityCenterState } from '../services/sso-admin/model.ts';
import { ACCESS_TOKEN_SECONDS } from '../services/sso/oidc.ts';
import { userByName } from '../services/identitystore/operations.ts';
import type { ServiceEndpoint, ServiceError } from '../services/contract.ts';
import type { IdGenerator } from './ids.ts';
import { own, type WorldState } from './state.ts';
import {
  finishRegistration,
  listMfaDevices,
  MAX_AUTHENTICATOR_APPS,
  portalMfaStep,
  removeMfaDevice,
  sessionMeetsMfa,
  startRegistration,
  type MfaRegistration,
  type PortalMfaDeviceView,
  type PortalMfaRefusal,
} from './portal-mfa.ts';

/** The outcome of a portal sign-in. */
export type PortalSignInResult =
  | { ok: true; accessToken: string; userName: string; startUrl: string }
  /**
   * NOT_ENABLED: the world has no Identity Center instance. FAILED_AUTHENTICATION: unknown user or
   * wrong password (one answer for both, as the portal gives). NEW_PASSWORD_REQUIRED: a one-time
   * password was right; sign in again with `newPassword`. WEAK_PASSWORD: the new password breaks the
   * Identity Center password rules.
   */
  | { ok: false; reason: 'NOT_ENABLED' | 'FAILED_AUTHENTICATION' | 'NEW_PASSWORD_REQUIRED' | 'WEAK_PASSWORD' }
  /** The password was right; the MFA step (portal-mfa.ts) wants more. `registration`: the app to set up. */
  | { ok: false; reason: PortalMfaRefusal; registration?: MfaRegistration };

/** What a portal sign-in is given. */
export interface PortalSignInInput {
  userName: string;
  password: string;
  /** The new password, after a one-time password. */
  newPassword?: string;
  /** A code from the user's authenticator app (or from the app being registered). */
  mfaCode?: string;
  /** The friendly name of the app being registered at sign-in. */
  deviceName?: string;
}

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
export function portalSignIn(world: WorldState, ids: IdGenerator, nowMs: number, input: PortalSignInInput): PortalSignInResult {
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
  const mfa = portalMfaStep(instance, user, ids, nowMs, input);
  if (!mfa.ok) return mfa;
  const accessToken = `aoa${ids.chars(ALNUM, 100)}`;
  instance.tokens[accessToken] = { UserId: user.UserId, expiresAt: nowMs + ACCESS_TOKEN_SECONDS * 1000, mfa: mfa.mfa };
  return { ok: true, accessToken, userName: user.UserName, startUrl: `https://${instance.IdentityStoreId}.awsapps.com/start` };
}

/** The Identity Center user a live portal session stands for, with the instance; undefined when signed out. */
export function portalSessionUser(
  world: WorldState,
  nowMs: number,
  accessToken: string,
): { instance: IdentityCenterState; user: IdcUser } | undefined {
  const instance = instanceOf(world);
  const token = instance ? own(instance.tokens, accessToken) : undefined;
  const user = instance && token && token.expiresAt > nowMs ? own(instance.users, token.UserId) : undefined;
  return instance && user ? { instance, user } : undefined;
}

/** The instance's users by name, for the sandbox's simulated phone. */
export function portalUserByName(world: WorldState, userName: string): IdcUser | undefined {
  const instance = instanceOf(world);
  return instance ? userByName(instance, userName.trim()) : undefined;
}

/** The instance of the world, or undefined when Identity Center is not enabled. */
export function portalInstance(world: WorldState): IdentityCenterState | undefined {
  return instanceOf(world);
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
): { ok: true } | { ok: false; reason: 'SIGNED_OUT' | 'MFA_REQUIRED' | 'NO_SUCH_CODE' | 'EXPIRED' } {
  const instance = instanceOf(world);
  const token = instance ? own(instance.tokens, accessToken) : undefined;
  if (!instance || !token || token.expiresAt <= nowMs) return { ok: false, reason: 'SIGNED_OUT' };
  // Allowing the CLI hands it the user's access: only a session signed in as the MFA settings require.
  if (!sessionMeetsMfa(instance, token)) return { ok: false, reason: 'MFA_REQUIRED' };
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
  const instance = instanceOf(world);
  const token = instance ? own(instance.tokens, input.accessToken) : undefined;
  if (instance && token && !sessionMeetsMfa(instance, token))
    return {
      ok: false,
      error: {
        code: 'MfaRequired',
        message: 'Sign in to the AWS access portal again with MFA: the instance now requires it.',
        httpStatus: 401,
      },
    };
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

/** The outcome of an action on the signed-in user's MFA devices. */
export type PortalMfaDeviceResult =
  | { ok: true; devices: PortalMfaDeviceView[]; registration?: MfaRegistration }
  /**
   * SIGNED_OUT: no live portal session. MFA_REQUIRED: the session did not pass MFA where the instance
   * requires it. NO_REGISTRATION: no app is being registered. INVALID_MFA_CODE: not the app's code now.
   * INVALID_DEVICE_NAME, TOO_MANY_DEVICES (two authenticator apps at most), NO_SUCH_DEVICE,
   * TYPE_NOT_ALLOWED: the instance does not allow authenticator apps.
   */
  | {
      ok: false;
      reason:
        | 'SIGNED_OUT'
        | 'MFA_REQUIRED'
        | 'NO_REGISTRATION'
        | 'INVALID_MFA_CODE'
        | 'INVALID_DEVICE_NAME'
        | 'TOO_MANY_DEVICES'
        | 'NO_SUCH_DEVICE'
        | 'TYPE_NOT_ALLOWED';
    };

/**
 * "MFA devices" for the signed-in user: list (`list`), start registering an authenticator app
 * (`start`), finish it with a code (`register`), or remove one (`remove`). Changing devices takes a
 * session that passed MFA where it is required, so a stolen password alone cannot swap the device.
 */
export function portalMfaDevices(
  world: WorldState,
  ids: IdGenerator,
  nowMs: number,
  accessToken: string,
  action: { kind: 'list' } | { kind: 'start' } | { kind: 'register'; code: string; name?: string } | { kind: 'remove'; deviceId: string },
): PortalMfaDeviceResult {
  const session = portalSessionUser(world, nowMs, accessToken);
  const token = session ? own(session.instance.tokens, accessToken) : undefined;
  if (!session || !token) return { ok: false, reason: 'SIGNED_OUT' };
  const { instance, user } = session;
  if (action.kind !== 'list' && !sessionMeetsMfa(instance, token)) return { ok: false, reason: 'MFA_REQUIRED' };
  if (action.kind === 'start') {
    if (!instance.mfa.authenticatorApps) return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
    if ((user.mfaDevices ?? []).length >= MAX_AUTHENTICATOR_APPS) return { ok: false, reason: 'TOO_MANY_DEVICES' };
    return { ok: true, devices: listMfaDevices(user), registration: startRegistration(instance, user, ids) };
  }
  if (action.kind === 'register') {
    const done = finishRegistration(user, ids, nowMs, action.code.trim(), action.name);
    if (done !== 'OK') return { ok: false, reason: done };
  }
  if (action.kind === 'remove' && !removeMfaDevice(user, action.deviceId)) return { ok: false, reason: 'NO_SUCH_DEVICE' };
  return { ok: true, devices: listMfaDevices(user) };
}
