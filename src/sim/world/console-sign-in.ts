/**
 * A simulated AWS Management Console sign-in: password (and MFA code when the user has a device)
 * checked, a console session issued, and one `ConsoleLogin` record written as AWS writes it
 * (CloudTrail User Guide, "AWS Management Console sign-in events"; reference records 07 and 08).
 */
import { buildTrailRecord, tlsDetails } from '../trail/record.ts';
import type { Credentials } from '../services/contract.ts';
import { isoSeconds } from './dates.ts';
import { ID_PREFIX, type IdGenerator } from './ids.ts';
import { own, nameKey, type AccountState } from './state.ts';
import { matchTotpCode } from './totp.ts';
import { passwordExpired } from '../services/iam/password-policy.ts';

/** The outcome of a sign-in attempt. */
export type ConsoleSignInResult =
  /** `mustChangePassword`: the session may only call ChangePassword until the user sets a new password. */
  | { ok: true; credentials: Credentials; sessionId: string; mustChangePassword?: 'RESET_REQUIRED' | 'EXPIRED' }
  /**
   * MFA_REQUIRED: the password was right and the user has an MFA device; try again with its code (no
   * record yet). NO_SUCH_ACCOUNT: the account ID or alias (or the root email) is not this account's —
   * the attempt goes to another account, so this one records nothing. PASSWORD_EXPIRED: the password
   * expired under a policy with HardExpiry; only an administrator can reset it.
   */
  | { ok: false; reason: 'FAILED_AUTHENTICATION' | 'NO_SUCH_USER' | 'MFA_REQUIRED' | 'NO_SUCH_ACCOUNT' | 'PASSWORD_EXPIRED' };

/** Who signs in: an IAM user by name, or the root user. */
export interface ConsoleSignInInput {
  userName?: string;
  password: string;
  mfaCode?: string;
  sourceIp?: string;
  userAgent?: string;
  /** For an IAM user: the "Account ID or alias" field (12 digits, hyphens allowed); unchecked when omitted. */
  account?: string;
  /** For the root user: the account's email address; unchecked when omitted. */
  rootEmail?: string;
}

/** The root user's email address (worlds made before it was stored use this one). */
export function rootEmailOf(state: AccountState): string {
  return state.root.email ?? 'root@example.com';
}

/** Whether the "Account ID or alias" a user typed names this account. */
export function namesAccount(state: AccountState, typed: string): boolean {
  const value = typed.trim();
  return value.replace(/-/g, '') === state.accountId || (state.accountAlias !== undefined && value.toLowerCase() === state.accountAlias);
}

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';
const CONSOLE_SESSION_SECONDS = 12 * 3600;

/** Signs in and records ConsoleLogin. */
export function consoleSignIn(
  state: AccountState,
  region: string,
  ids: IdGenerator,
  nowMs: number,
  input: ConsoleSignInInput,
): ConsoleSignInResult {
  const root = input.userName === undefined;
  if (root && input.rootEmail !== undefined && input.rootEmail.trim().toLowerCase() !== rootEmailOf(state).toLowerCase())
    return { ok: false, reason: 'NO_SUCH_ACCOUNT' };
  if (!root && input.account !== undefined && !namesAccount(state, input.account)) return { ok: false, reason: 'NO_SUCH_ACCOUNT' };
  const user = root ? undefined : state.users[nameKey(input.userName ?? '')];
  const serials = root ? state.root.mfaSerials : (user?.mfaSerials ?? []);
  const passwordOk = root
    ? input.password === state.root.password
    : user?.loginProfile !== undefined && user.loginProfile.password === input.password;
  const device = serials.map((s) => own(state.mfaDevices, s)).find((d) => d !== undefined);
  if (passwordOk && device && input.mfaCode === undefined) return { ok: false, reason: 'MFA_REQUIRED' };
  let mfaOk = true;
  if (passwordOk && device && input.mfaCode !== undefined) {
    const step = matchTotpCode(device.seedBase32, input.mfaCode, nowMs, device.lastUsedStep);
    mfaOk = step !== undefined;
    if (step !== undefined) device.lastUsedStep = step;
  }
  // With HardExpiry an expired password no longer signs in (User Guide, "Set an account password
  // policy": "users are unable to sign in … until an administrator resets"); recorded as a failure,
  // our choice where the documentation shows no record.
  const hardExpired =
    passwordOk && mfaOk && user !== undefined && state.passwordPolicy?.HardExpiry === true && passwordExpired(state, user, nowMs);
  const success = passwordOk && mfaOk && !hardExpired;
  const identity = root
    ? {
        type: 'Root',
        principalId: state.accountId,
        arn: `arn:aws:iam::${state.accountId}:root`,
        accountId: state.accountId,
        accessKeyId: '',
      }
    : user
      ? success
        ? { type: 'IAMUser', principalId: user.id, arn: user.arn, accountId: state.accountId, userName: user.name }
        : { type: 'IAMUser', principalId: user.id, accountId: state.accountId, accessKeyId: '', userName: user.name }
      : { type: 'IAMUser', accountId: state.accountId, accessKeyId: '', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' };
  const mfaUsed = device !== undefined && passwordOk;
  state.records.push(
    buildTrailRecord({
      eventVersion: '1.08',
      userIdentity: identity,
      eventTime: isoSeconds(nowMs),
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      awsRegion: 'us-east-1',
      sourceIPAddress: input.sourceIp ?? '203.0.113.10',
      userAgent: input.userAgent ?? BROWSER,
      ...(success ? {} : { errorMessage: user || root ? 'Failed authentication' : 'No username found in supplied account' }),
      requestParameters: null,
      responseElements: { ConsoleLogin: success ? 'Success' : 'Failure' },
      additionalEventData: {
        LoginTo: success
          ? `https://${region}.console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&region=${region}&state=hashArgsFromTB_${region}_${ids.chars('0123456789abcdef', 16)}`
          : 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true',
        MobileVersion: 'No',
        ...(mfaUsed && device ? { MFAIdentifier: device.serialNumber } : {}),
        MFAUsed: mfaUsed ? 'Yes' : 'No',
      },
      eventID: ids.uuid(),
      readOnly: false,
      eventType: 'AwsConsoleSignIn',
      managementEvent: true,
      recipientAccountId: state.accountId,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('signin.aws.amazon.com'),
    }),
  );
  if (hardExpired) return { ok: false, reason: 'PASSWORD_EXPIRED' };
  if (!success) return { ok: false, reason: user || root ? 'FAILED_AUTHENTICATION' : 'NO_SUCH_USER' };
  const mustChangePassword = user?.loginProfile?.passwordResetRequired
    ? 'RESET_REQUIRED'
    : user && passwordExpired(state, user, nowMs)
      ? 'EXPIRED'
      : undefined;
  if (user) user.passwordLastUsed = nowMs;
  else state.root.passwordLastUsed = nowMs;
  const sessionId = ids.uuid();
  const accessKeyId = ids.accessKeyId(ID_PREFIX.temporaryAccessKey, state.accountId);
  state.sessions[accessKeyId] = {
    accessKeyId,
    secret: ids.secretAccessKey(),
    token: ids.sessionToken(),
    kind: 'Console',
    issuedAt: nowMs,
    expiration: nowMs + CONSOLE_SESSION_SECONDS * 1000,
    ...(user ? { userName: user.name, userId: user.id } : {}),
    sessionTags: [],
    transitiveTagKeys: [],
    mfaAuthenticated: mfaUsed,
    ...(mfaUsed ? { mfaAuthTime: nowMs } : {}),
    chained: false,
    consoleSessionId: sessionId,
    ...(mustChangePassword ? { mustChangePassword: true } : {}),
  };
  return { ok: true, credentials: { kind: 'console', sessionId }, sessionId, ...(mustChangePassword ? { mustChangePassword } : {}) };
}
