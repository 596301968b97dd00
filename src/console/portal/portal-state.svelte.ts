/**
 * The AWS access portal widget's state: the signed-in Identity Center user (an access token of the
 * world), the accounts and permission sets they see, the `aws sso login` codes waiting for approval.
 * Every action is a journal entry through the world session; "Open console" hands the role session
 * to the console (src/console) by saving it where the console resumes its session, then opens it.
 */
import { z } from 'zod';
import type { PortalListing } from '../../worker/api/portal.ts';
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
export type PortalSignInOutcome = { kind: 'signedIn' } | { kind: 'newPassword' } | { kind: 'error'; message: string };

const SIGN_IN_WORDS: Record<string, string> = {
  NOT_ENABLED:
    'IAM Identity Center is not enabled in this world. Enable it in the management account first (aws sso-admin create-instance).',
  FAILED_AUTHENTICATION: 'Your username or password is incorrect.',
  WEAK_PASSWORD:
    'The new password must be 8 to 64 characters with a lowercase and an uppercase letter, a number and a symbol, and differ from the one-time password.',
};

/** One portal on a world. */
export class PortalState {
  signedIn: PortalUser | null = $state.raw(null);
  accounts: PortalAccount[] = $state.raw([]);
  pending: { userCode: string; expiresAt: number }[] = $state.raw([]);
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

  /** Signs in with user name and password (and a new password after a one-time password). */
  async signIn(userName: string, password: string, newPassword?: string): Promise<PortalSignInOutcome> {
    const result = await this.world.portalAction({
      action: 'signIn',
      userName,
      password,
      ...(newPassword !== undefined ? { newPassword } : {}),
    });
    if (!result.ok) return { kind: 'error', message: `${result.error.message} [${result.error.code}]` };
    const outcome = result.value;
    if (!outcome.ok) {
      const reason = 'reason' in outcome ? outcome.reason : 'FAILED_AUTHENTICATION';
      if (reason === 'NEW_PASSWORD_REQUIRED') return { kind: 'newPassword' };
      return { kind: 'error', message: SIGN_IN_WORDS[reason] ?? reason };
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
    return true;
  }

  /** Approves an `aws sso login` code ("Authorize request" → "Allow access"). */
  async approve(userCode: string): Promise<void> {
    const user = this.signedIn;
    if (!user) return;
    const result = await this.world.portalAction({ action: 'approveDevice', accessToken: user.accessToken, userCode });
    const words: Record<string, string> = {
      NO_SUCH_CODE: `No request is waiting with the code ${userCode}. Check the code aws sso login printed.`,
      EXPIRED: 'That request expired (codes last 10 minutes). Run aws sso login again.',
      SIGNED_OUT: 'Your portal session ended. Sign in again.',
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
    this.status = notice;
    try {
      globalThis.sessionStorage?.removeItem(this.#key);
    } catch {
      // storage disabled: nothing was saved
    }
  }
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
