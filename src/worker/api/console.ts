/**
 * The simulated console's half of the worker api (src/console): sign-in, the calls the console makes
 * for the signed-in session, and the reads it makes to draw pages. Every call is a real service
 * request with console credentials, authorized by the same engine as the terminal; a denial comes
 * back with the engine's explanation so the console can say why.
 */
import { accessDeniedMessage, reasonInWords } from '../../sim/index.ts';
import type { ServiceError } from '../../sim/services/contract.ts';
import type { CallDecision } from '../../sim/services/invoke.ts';
import type { ConsoleSignInResult } from '../../sim/world/console-sign-in.ts';
import type { ConsoleSwitchRoleResult } from '../../sim/world/console-switch-role.ts';
import type { AccessAnswer, Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';
import { worlds } from '../worlds.ts';
import { rememberDenial } from '../denials.ts';

/** What the sign-in page needs to know about the simulated account before anyone signs in. */
export interface ConsoleAccount {
  accountId: string;
  accountAlias?: string;
  /** The root user's email address (the simulated account's sign-up email). */
  rootEmail: string;
  /** The root user's password, shown on the sandbox's sign-in page. */
  rootPassword: string;
}

/** The answer to one console call: the API output, or the AWS error with the engine's explanation when it was a denial. */
export type ConsoleAnswer =
  | { ok: true; output: Record<string, unknown> }
  /** `repairId` names the first denied check for "What would allow it?" (analyzeApi.repairHeldDenial). */
  | { ok: false; error: ServiceError; denied?: AccessAnswer[]; repairId?: string };

/** One API call the console makes. */
export interface ConsoleCall {
  service: string;
  operation: string;
  params: Record<string, unknown>;
}

/** What the sign-in form sends. */
export interface ConsoleSignInForm {
  userName?: string;
  password: string;
  mfaCode?: string;
  account?: string;
  rootEmail?: string;
}

/** The console half of the worker api. */
export const consoleApi = {
  /** The account the sign-in page signs in to. */
  consoleAccount(world: string): Promise<Result<ConsoleAccount>> {
    return attempt(async () => (await worlds.get(world)).consoleAccount());
  },

  /** Signs in on the console's sign-in page (recorded as ConsoleLogin, kept in the world's journal). */
  consoleSignIn(world: string, form: ConsoleSignInForm): Promise<Result<ConsoleSignInResult>> {
    return attempt(() => worlds.consoleSignIn(world, { kind: 'consoleSignIn', ...form }));
  },

  /**
   * The simulated phone's authenticator app for the person signing in: the current code of each of
   * their MFA devices at the world's time (the sandbox stands in for the phone in their pocket).
   */
  consoleAuthenticator(
    world: string,
    userName?: string,
  ): Promise<Result<{ serialNumber: string; code: string; secondsRemaining: number; now: number }[]>> {
    return attempt(async () => {
      const w = await worlds.get(world);
      return w.mfaSerialsOf(userName).flatMap((serialNumber) => {
        const shown = w.authenticatorCode(serialNumber);
        return shown ? [{ serialNumber, ...shown, now: w.clock.nowMs() }] : [];
      });
    });
  },

  /** Switch role (AssumeRole as the console session; recorded as SwitchRole; kept in the journal). */
  consoleSwitchRole(world: string, sessionId: string, accountId: string, roleName: string): Promise<Result<ConsoleSwitchRoleResult>> {
    return attempt(() => worlds.consoleSwitchRole(world, { kind: 'consoleSwitchRole', sessionId, accountId, roleName }));
  },

  /** A call that changes the world (CreateUser, AttachGroupPolicy …) as the signed-in session. */
  consoleCall(world: string, sessionId: string, request: ConsoleCall): Promise<Result<ConsoleAnswer>> {
    return attempt(async () => answer(await worlds.consoleCall(world, { kind: 'consoleCall', sessionId, ...request })));
  },

  /** Reads the console makes to draw a page, as the signed-in session (not recorded; see worlds.consoleRead). */
  consoleRead(world: string, sessionId: string, requests: ConsoleCall[]): Promise<Result<ConsoleAnswer[]>> {
    return attempt(async () => (await worlds.consoleRead(world, sessionId, requests)).map(answer));
  },
};

function answer({
  response,
  decisions,
}: {
  response: { ok: true; output: Record<string, unknown> } | { ok: false; error: ServiceError };
  decisions: readonly CallDecision[];
}): ConsoleAnswer {
  if (response.ok) return { ok: true, output: response.output };
  const denied = decisions
    .filter((d) => d.result.decision !== 'allowed')
    .map(({ request, result }): AccessAnswer => ({
      decision: result.decision,
      authorization: result,
      reasonWords: reasonInWords(result.reason, result.decidingLayer),
      accessDeniedMessage: accessDeniedMessage(request, result),
      matched: [],
      missingContextValues: result.explanation.missingContextKeys,
    }));
  const first = decisions.find((d) => d.result.decision !== 'allowed');
  return denied.length && first
    ? { ok: false, error: response.error, denied, repairId: rememberDenial(first.request) }
    : { ok: false, error: response.error };
}
