/**
 * The AWS access portal widget's state: the signed-in Identity Center user (an access token of the
 * world), the accounts and permission sets they see, their MFA devices, the `aws sso login` codes
 * waiting for approval. Sign-in goes password → (new password) → MFA code or authenticator app
 * registration, as the instance's MFA settings say (src/sim/world/portal-mfa.ts).
 * Every action is a journal entry through the world session; "Open console" hands the role session
 * to the console (src/console) by saving it where the console resumes its session, then opens it.
 */
import { z } from 'zod';
import type { PortalListing } from '../../worker/api/portal.ts';
import type { MfaRegistration, PortalMfaDeviceView } from '../../sim/world/portal-mfa.ts';
import { worldSession, type WorldSession } from '../../widgets/world-session.svelte.ts';

const signedInSchema = z
  .object({
    /** The portal's access token. */
    accessToken: z.string().max(256),
    /** The Identity Center user name. */
    userName: z.string().max(128),
    /** The portal URL (`https://d-….awsapps.com/start`). */
    startUrl: z.string().max(256),
  })
  .strict();

/** The signed-in portal user. */
export type PortalUser = z.infer<typeof signedInSchema>;

/** An account as the portal lists it. */
export type PortalAccount = Extract<PortalListing, { ok: true }>['accounts'][number];

/** The outcome of a sign-in attempt, in the words the page shows. */
export type PortalSignInOutcome =
  | { kind: 'signedIn' }
  | { kind: 'newPassword' }
  /** The password was right: enter a code from the authenticator app. */
  | { kind: 'mfaCode'; message?: string }
  /** The password was right and the user has no device: register the authenticator app shown. */
  | { kind: 'register'; registration: MfaRegistration; message?: string }
  | { kind: 'error'; message: string };

/** The words for each refusal code of the portal's sign-in and MFA device actions. */
export const PORTAL_WORDS: Record<string, string> = {
  NOT_ENABLED:
    'IAM Identity Center is not enabled in this world. Enable it in the management account first (aws sso-admin create-instance).',
  FAILED_AUTHENTICATION: 'Your username or password is incorrect.',
  WEAK_PASSWORD:
    'The new password must be 8 to 64 characters with a lowercase and an uppercase letter, a number and a symbol, and differ from the one-time password.',
  INVALID_MFA_CODE: 'That code is not the one your authenticator app shows now. Enter the current 6-digit code.',
  MFA_CODE_REUSED: 'That code was already used. Wait for your authenticator app to show the next code, then enter it.',
  MFA_DEVICE_REQUIRED:
    'You need a registered MFA device to sign in, and this instance does not let you register one at sign-in. Ask your administrator.',
  INVALID_DEVICE_NAME: 'The device name may have letters, digits, spaces and _+=,.@- only (64 characters at most).',
  TOO_MANY_DEVICES: 'You already have two authenticator apps, the most IAM Identity Center allows. Remove one first.',
  TYPE_NOT_ALLOWED: 'This instance does not allow authenticator apps. Ask your administrator.',
  NO_REGISTRATION: 'No authenticator app is being registered. Choose Register device first.',
  NO_SUCH_DEVICE: 'That device is no longer registered.',
  MFA_REQUIRED: 'Your portal session did not use MFA, which this instance now requires. Sign out and sign in again with MFA.',
  SIGNED_OUT: 'Your portal session ended. Sign in again.',
};

/** One portal on a world. */
export class PortalState {
  signedIn: PortalUser | null = $state.raw(null);
  accounts: PortalAccount[] = $state.raw([]);
  pending: { userCode: string; expiresAt: number }[] = $state.raw([]);
  mfaDevices: PortalMfaDeviceView[] = $state.raw([]);
  /** The last outcome, announced in a status region. */
  status = $state('');
  readonly world: WorldSession;
  readonly #key: string;
  readonly #consoleKey: string;

  constructor(worldName: string, savedAs?: string) {
    this.world = worldSession(worldName, savedAs);
    const page = savedAs ?? globalThis.location?.pathname ?? '/';
    this.#key = `iam-dojo:v1:portal:${page}:${worldName}`;
    // Where the console keeps its signed-in session (console-state.svelte.ts).
    this.#consoleKey = `iam-dojo:v1:console:${page}:${worldName}`;
  }

  /** Resumes the portal session of this tab, if its token still works. */
  async resume(): Promise<void> {
    const saved = read(this.#key);
    if (!saved) return;
    this.signedIn = saved;
    if (!(await this.refresh())) this.signOut('Your portal session ended (the world was reset or the session expired). Sign in again.');
  }

  /**
   * Signs in with user name and password (and a new password after a one-time password, a code from
   * the authenticator app, the name of the app being registered).
   */
  async signIn(
    userName: string,
    password: string,
    extra: { newPassword?: string; mfaCode?: string; deviceName?: string } = {},
  ): Promise<PortalSignInOutcome> {
    const result = await this.world.portalAction({ action: 'signIn', userName, password, ...defined(extra) });
    if (!result.ok) return { kind: 'error', message: `${result.error.message} [${result.error.code}]` };
    const outcome = result.value;
    if (!outcome.ok) {
      const reason = 'reason' in outcome ? outcome.reason : 'FAILED_AUTHENTICATION';
      const registration = 'registration' in outcome ? outcome.registration : undefined;
      const message = extra.mfaCode !== undefined ? PORTAL_WORDS[reason] : undefined;
      const withMessage = message !== undefined ? { message } : {};
      if (reason === 'NEW_PASSWORD_REQUIRED') return { kind: 'newPassword' };
      if (registration) return { kind: 'register', registration, ...withMessage };
      if (reason === 'MFA_REQUIRED' || reason === 'INVALID_MFA_CODE' || reason === 'MFA_CODE_REUSED')
        return { kind: 'mfaCode', ...withMessage };
      return { kind: 'error', message: PORTAL_WORDS[reason] ?? reason };
    }
    if (!('accessToken' in outcome)) return { kind: 'error', message: 'The simulator answered an unexpected sign-in result.' };
    this.signedIn = { accessToken: outcome.accessToken, userName: outcome.userName, startUrl: outcome.startUrl };
    save(this.#key, this.signedIn);
    await this.refresh();
    this.status = `Signed in as ${outcome.userName}.`;
    return { kind: 'signedIn' };
  }

  /** The sandbox's stand-in for the Identity Center console's "Reset password → Generate a one-time password". */
  async oneTimePassword(userName: string): Promise<string | undefined> {
    const result = await this.world.portalAction({ action: 'oneTimePassword', userName });
    if (result.ok && result.value.ok && 'password' in result.value) return result.value.password;
    this.status = result.ok ? `There is no Identity Center user named ${userName}.` : `${result.error.message} [${result.error.code}]`;
    return undefined;
  }

  /** Reloads the accounts and pending codes; false when the token no longer works. */
  async refresh(): Promise<boolean> {
    const user = this.signedIn;
    if (!user) return false;
    const result = await this.world.read((api) => api.portalRead(this.world.name, user.accessToken));
    if (!result.ok || !result.value.ok) return false;
    this.accounts = result.value.accounts;
    this.pending = result.value.pending;
    this.mfaDevices = result.value.mfaDevices;
    return true;
  }

  /** "MFA devices" → "Register device" → "Authenticator app": the app to set up, or undefined (the status says why). */
  async startRegistration(): Promise<MfaRegistration | undefined> {
    const user = this.signedIn;
    if (!user) return undefined;
    const result = await this.world.portalAction({ action: 'startMfaRegistration', accessToken: user.accessToken });
    const value = this.#deviceAnswer(result);
    return value && 'registration' in value ? value.registration : undefined;
  }

  /** Registers the app being set up with a code from it; true when it was registered. */
  async registerDevice(mfaCode: string, deviceName: string): Promise<boolean> {
    const user = this.signedIn;
    if (!user) return false;
    const result = await this.world.portalAction({ action: 'registerMfaDevice', accessToken: user.accessToken, mfaCode, deviceName });
    const done = this.#deviceAnswer(result) !== undefined;
    if (done) this.status = `Registered the authenticator app ${deviceName.trim() || 'Authenticator app'}.`;
    return done;
  }

  /** Removes one of the user's MFA devices. */
  async removeDevice(device: PortalMfaDeviceView): Promise<void> {
    const user = this.signedIn;
    if (!user) return;
    const result = await this.world.portalAction({ action: 'deleteMfaDevice', accessToken: user.accessToken, deviceId: device.id });
    if (this.#deviceAnswer(result)) this.status = `Removed the MFA device ${device.name}.`;
  }

  /** The devices from an MFA device action's answer, or undefined with the reason in the status. */
  #deviceAnswer(result: Awaited<ReturnType<WorldSession['portalAction']>>): { registration?: MfaRegistration } | undefined {
    if (!result.ok) return ((this.status = `${result.error.message} [${result.error.code}]`), undefined);
    const value = result.value;
    if (value.ok && 'devices' in value) {
      this.mfaDevices = value.devices;
      return value.registration ? { registration: value.registration } : {};
    }
    const reason = 'reason' in value ? String(value.reason) : '';
    this.status = PORTAL_WORDS[reason] ?? `The MFA device could not be changed (${reason}).`;
    return undefined;
  }

  /** Approves an `aws sso login` code ("Authorize request" → "Allow access"). */
  async approve(userCode: string): Promise<void> {
    const user = this.signedIn;
    if (!user) return;
    const result = await this.world.portalAction({ action: 'approveDevice', accessToken: user.accessToken, userCode });
    const words: Record<string, string> = {
      NO_SUCH_CODE: `No request is waiting with the code ${userCode}. Check the code aws sso login printed.`,
      EXPIRED: 'That request expired (codes last 10 minutes). Run aws sso login again.',
    };
    if (!result.ok) this.status = `${result.error.message} [${result.error.code}]`;
    else if (result.value.ok) this.status = `Request approved. Run aws sso login again in the terminal to finish.`;
    else this.status = words['reason' in result.value ? String(result.value.reason) : ''] ?? 'The request could not be approved.';
    await this.refresh();
  }

  /** Opens the console of an account as a permission set: the role session goes to the console, which is opened. */
  async openConsole(accountId: string, roleName: string): Promise<string | undefined> {
    const user = this.signedIn;
    if (!user) return undefined;
    const result = await this.world.portalAction({ action: 'openConsole', accessToken: user.accessToken, accountId, roleName });
    if (!result.ok) return ((this.status = `${result.error.message} [${result.error.code}]`), undefined);
    const opened = result.value;
    if (!opened.ok || !('sessionId' in opened)) {
      this.status = 'error' in opened ? `${opened.error.code}: ${opened.error.message}` : 'The console could not be opened.';
      return undefined;
    }
    try {
      globalThis.sessionStorage?.setItem(
        this.#consoleKey,
        JSON.stringify({ sessionId: opened.sessionId, arn: opened.arn, accountId, name: user.userName, mustChangePassword: false }),
      );
    } catch {
      this.status = 'This browser does not allow session storage, so the console cannot receive the session.';
      return undefined;
    }
    this.status = `Opened the console as ${opened.arn}.`;
    return opened.arn;
  }

  /** Signs out of the portal (the token simply stops being used here). */
  signOut(notice = ''): void {
    this.signedIn = null;
    this.accounts = [];
    this.pending = [];
    this.mfaDevices = [];
    this.status = notice;
    try {
      globalThis.sessionStorage?.removeItem(this.#key);
    } catch {
      // storage disabled: nothing was saved
    }
  }
}

/** The fields that are set (the journal schema is strict about undefined ones). */
function defined(extra: { newPassword?: string; mfaCode?: string; deviceName?: string }): {
  newPassword?: string;
  mfaCode?: string;
  deviceName?: string;
} {
  return Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
}

function save(key: string, value: PortalUser): void {
  try {
    globalThis.sessionStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage disabled: the portal session lasts as long as the page
  }
}

function read(key: string): PortalUser | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    if (!raw) return undefined;
    const parsed = signedInSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // unreadable: the sign-in form is the safe fallback
  }
}
