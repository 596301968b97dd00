/**
 * The simulated console's state: who is signed in (a console session of the world), which page is
 * open, and the calls pages make. Every call goes to the worker as the signed-in session, so the same
 * engine authorizes it as it would a terminal command; a denial comes back with its explanation.
 */
import { z } from 'zod';
import type { ConsoleAnswer, ConsoleCall, ConsoleSignInForm } from '../worker/api/console.ts';
import type { ConsoleSignInResult } from '../sim/world/console-sign-in.ts';
import { worldSession, type WorldSession } from '../widgets/world-session.svelte.ts';
import { ScreenRevision } from '../widgets/on-screen.svelte.ts';
import { CONSOLE_MESSAGES, type ConsoleMessageCode } from './messages.ts';

/** A role switched to, as the Switch role form names it (and the recent-roles list keeps it). */
const switchedRoleSchema = z
  .object({
    /** The role's account. */
    accountId: z.string().regex(/^\d{12}$/),
    /** The role name (with its path, if any). */
    roleName: z.string().max(576),
    /** The name shown in the top bar (default `role @ account`). */
    displayName: z.string().max(64),
    /** The top bar colour the person picked. */
    color: z.enum(['red', 'orange', 'yellow', 'green', 'blue']),
  })
  .strict();

/** A role in the Switch role form and the recent-roles list. */
export type SwitchedRole = z.infer<typeof switchedRoleSchema>;

const identitySchema = z
  .object({
    sessionId: z.string().max(64),
    arn: z.string().max(2048),
    accountId: z.string().regex(/^\d{12}$/),
    name: z.string().max(64),
  })
  .strict();

/** The signed-in person as the top bar shows them. */
const signedInSchema = z
  .object({
    /** The console session id the world issued at sign-in. */
    sessionId: z.string().max(64),
    /** The caller ARN (GetCallerIdentity). */
    arn: z.string().max(2048),
    /** The account signed in to. */
    accountId: z.string().regex(/^\d{12}$/),
    /** 'root', or the IAM user name. */
    name: z.string().max(64),
    /** The session may only change its password until it does. */
    mustChangePassword: z.boolean(),
    /** Set while acting as a role: the role as switched to. */
    role: switchedRoleSchema.optional(),
    /** Set while acting as a role: who to switch back to. */
    original: identitySchema.optional(),
  })
  .strict();

const recentRolesSchema = z.array(switchedRoleSchema).max(5);

/** Who is signed in. */
export type SignedIn = z.infer<typeof signedInSchema>;

/** A problem a page shows: a stable code, words, and when it was a denial, the engine's explanation. */
export interface ConsoleProblem {
  code: string;
  message: string;
  answer?: Extract<ConsoleAnswer, { ok: false }>;
}

/** The outcome of a sign-in attempt as the sign-in page shows it. */
export type SignInOutcome = { kind: 'signedIn' } | { kind: 'mfa' } | { kind: 'error'; code: ConsoleMessageCode };

/** One console: its world, its session and its page. */
export class ConsoleState {
  /** The open page, e.g. `iam/users` or `iam/users/ana`. */
  route = $state('signin');
  /** The signed-in person, or null on the sign-in page. */
  signedIn: SignedIn | null = $state.raw(null);
  /** Set when a session could not be resumed (world reset, session expired). */
  notice: string | null = $state(null);
  /** The region picked in the top bar (IAM is global; CloudTrail's Event history is per region). */
  region = $state('us-east-1');
  /** The page to open after sign-in. */
  readonly start: string;
  readonly world: WorldSession;
  /** The world's revision while the console is on screen: its pages re-read the world when it changes. */
  readonly revision: ScreenRevision;
  readonly #storageKey: string;

  constructor(worldName: string, start: string, savedAs?: string) {
    this.world = worldSession(worldName, savedAs);
    this.revision = new ScreenRevision(this.world);
    this.start = start;
    this.#storageKey = `iam-dojo:v1:console:${savedAs ?? globalThis.location?.pathname ?? '/'}:${worldName}`;
  }

  /** Resumes the session saved in this tab, if it still authenticates. */
  async resume(): Promise<void> {
    const saved = readSaved(this.#storageKey);
    if (!saved) return;
    const [who] = await this.read([{ service: 'sts', operation: 'GetCallerIdentity', params: {} }], saved.sessionId);
    if (who?.ok) {
      this.signedIn = saved;
      if (this.route === 'signin') this.route = this.start;
    } else {
      this.notice = 'Your console session ended (the world was reset or the session expired). Sign in again.';
      this.#save(null);
    }
  }

  /**
   * After the world changed under the console (an exercise started, a reset, an import): a session
   * the new world does not know ends, and the sign-in page says why, instead of every page failing.
   */
  async verify(): Promise<void> {
    const session = this.signedIn;
    if (!session) return;
    const [who] = await this.read([{ service: 'sts', operation: 'GetCallerIdentity', params: {} }], session.sessionId);
    // GetCallerIdentity needs no permission: only a session the world no longer has fails it.
    if (who && !who.ok && this.signedIn === session) {
      this.signOut();
      this.notice = 'Your console session ended (the world was reset or the session expired). Sign in again.';
    }
  }

  /** Signs in; on success the console opens its start page (or the change-password page). */
  async signIn(form: ConsoleSignInForm): Promise<SignInOutcome> {
    const result = await this.world.consoleSignIn(form);
    if (!result.ok) return { kind: 'error', code: 'WORKER_FAILED' };
    const outcome: ConsoleSignInResult = result.value;
    if (!outcome.ok) return outcome.reason === 'MFA_REQUIRED' ? { kind: 'mfa' } : { kind: 'error', code: outcome.reason };
    const [who] = await this.read([{ service: 'sts', operation: 'GetCallerIdentity', params: {} }], outcome.sessionId);
    const arn = who?.ok ? String(who.output['Arn']) : '';
    const accountId = who?.ok ? String(who.output['Account']) : '';
    this.signedIn = {
      sessionId: outcome.sessionId,
      arn,
      accountId,
      name: form.userName ?? 'root',
      mustChangePassword: outcome.mustChangePassword !== undefined,
    };
    this.#save(this.signedIn);
    this.notice = null;
    this.route = this.signedIn.mustChangePassword ? 'change-password' : this.start;
    return { kind: 'signedIn' };
  }

  /** Changes the signed-in user's own password (iam:ChangePassword, as the console does). */
  async changePassword(oldPassword: string, newPassword: string): Promise<ConsoleProblem | null> {
    const problem = await this.call({
      service: 'iam',
      operation: 'ChangePassword',
      params: { OldPassword: oldPassword, NewPassword: newPassword },
    });
    if (!problem && this.signedIn) {
      this.signedIn = { ...this.signedIn, mustChangePassword: false };
      this.#save(this.signedIn);
      this.route = this.start;
    }
    return problem;
  }

  /** The roles switched to most recently (the console keeps five), newest first. */
  recentRoles: SwitchedRole[] = $state.raw(readRecent());

  /** Switches to a role (AssumeRole as the console session); answers the problem, or null on success. */
  async switchRole(role: SwitchedRole): Promise<ConsoleProblem | null> {
    const from = this.signedIn?.original ?? this.signedIn;
    if (!from) return problemOf('NOT_SIGNED_IN');
    const result = await this.world.consoleSwitchRole(from.sessionId, role.accountId, role.roleName);
    if (!result.ok) return { code: result.error.code, message: result.error.message };
    if (!result.value.ok) return { code: result.value.error.code, message: result.value.error.message };
    const original = { sessionId: from.sessionId, arn: from.arn, accountId: from.accountId, name: from.name };
    this.signedIn = {
      sessionId: result.value.sessionId,
      arn: result.value.arn,
      accountId: role.accountId,
      name: role.displayName,
      mustChangePassword: false,
      role,
      original,
    };
    this.#save(this.signedIn);
    this.recentRoles = [role, ...this.recentRoles.filter((r) => r.accountId !== role.accountId || r.roleName !== role.roleName)].slice(
      0,
      5,
    );
    try {
      globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(this.recentRoles));
    } catch {
      // storage disabled: the list lasts as long as the page
    }
    this.route = this.start;
    return null;
  }

  /** Back to the signed-in user (the role session is simply no longer used). */
  switchBack(): void {
    const original = this.signedIn?.original;
    if (!original) return;
    this.signedIn = { ...original, mustChangePassword: false };
    this.#save(this.signedIn);
    this.route = this.start;
  }

  /** Signs out (the session simply stops being used, as the console's sign-out does). */
  signOut(): void {
    this.signedIn = null;
    this.#save(null);
    this.route = 'signin';
  }

  /** Opens a page. */
  go(route: string): void {
    this.route = route;
  }

  /** A call that changes the world; answers null on success or the problem to show. */
  async call(request: ConsoleCall): Promise<ConsoleProblem | null> {
    const answer = await this.callForOutput(request);
    return 'problem' in answer ? answer.problem : null;
  }

  /** A call that changes the world and whose output the page needs (CreateAccessKey, CreateVirtualMFADevice). */
  async callForOutput(request: ConsoleCall): Promise<{ output: Record<string, unknown> } | { problem: ConsoleProblem }> {
    const session = this.signedIn;
    if (!session) return { problem: problemOf('NOT_SIGNED_IN') };
    const result = await this.world.consoleCall(session.sessionId, request);
    if (!result.ok) return { problem: { code: result.error.code, message: result.error.message } };
    if (result.value.ok) return { output: result.value.output };
    return { problem: { code: result.value.error.code, message: result.value.error.message, answer: result.value } };
  }

  /** Reads a page needs, as the signed-in session (undefined entries when the worker failed). */
  async read(requests: ConsoleCall[], sessionId = this.signedIn?.sessionId): Promise<(ConsoleAnswer | undefined)[]> {
    if (sessionId === undefined) return requests.map(() => undefined);
    const result = await this.world.read((api) => api.consoleRead(this.world.name, sessionId, requests));
    if (!result.ok) {
      this.notice = `${result.error.message} [${result.error.code}]`;
      return requests.map(() => undefined);
    }
    return result.value;
  }

  /**
   * Follows sign-ins made by another console of the same world on this page (a lesson shows one per
   * exercise): a console still on its sign-in page resumes the session the other one saved.
   * Answers the function that stops listening.
   */
  followSharedSignIn(): () => void {
    const listener = (event: Event): void => {
      if ((event as CustomEvent<string>).detail === this.#storageKey && !this.signedIn) void this.resume();
    };
    globalThis.addEventListener?.(SESSION_SAVED_EVENT, listener);
    return () => globalThis.removeEventListener?.(SESSION_SAVED_EVENT, listener);
  }

  #save(value: SignedIn | null): void {
    try {
      if (value) globalThis.sessionStorage?.setItem(this.#storageKey, JSON.stringify(value));
      else globalThis.sessionStorage?.removeItem(this.#storageKey);
    } catch {
      // storage disabled: the session lasts as long as the page
    }
    globalThis.dispatchEvent?.(new CustomEvent(SESSION_SAVED_EVENT, { detail: this.#storageKey }));
  }
}

/** A problem from a stable code (words from the console's catalog). */
export function problemOf(code: ConsoleMessageCode): ConsoleProblem {
  return { code, message: CONSOLE_MESSAGES[code] };
}

/** Turns a failed read into the problem to show, or null when it succeeded. */
export function readProblem(answer: ConsoleAnswer | undefined): ConsoleProblem | null {
  if (!answer) return problemOf('WORKER_FAILED');
  if (answer.ok) return null;
  return { code: answer.error.code, message: answer.error.message, answer };
}

const RECENT_KEY = 'iam-dojo:v1:console-recent-roles';
/** Announced on the page after a console saved (or dropped) its session; the detail is the storage key. */
const SESSION_SAVED_EVENT = 'iam-dojo:console-session-saved';

function readRecent(): SwitchedRole[] {
  try {
    const raw = globalThis.localStorage?.getItem(RECENT_KEY);
    if (!raw) return [];
    const parsed = recentRolesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // unreadable: an empty list is the safe fallback
  }
}

function readSaved(key: string): SignedIn | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    if (!raw) return undefined;
    const parsed = signedInSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // unreadable: the sign-in page is shown, which is the safe fallback
  }
}
