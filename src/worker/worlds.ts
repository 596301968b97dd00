/**
 * The named worlds of one page, inside the worker. Widgets with the same `world="..."` share one
 * world. Each world keeps its journal — how it started and every command and clock move since —
 * because the simulator is deterministic (same seed + same operations = the same world): the page
 * saves the journal, and replaying it rebuilds the world after a reload or a worker restart.
 */
import type { JournalOp, RunOutput, WorldJournal, WorldStart } from './protocol.ts';
import { createWorld, type CreateWorldOptions } from '../sim/index.ts';
import type { ServiceResponse } from '../sim/services/contract.ts';
import type { CallDecision } from '../sim/services/invoke.ts';
import type { ConsoleSignInInput, ConsoleSignInResult } from '../sim/world/console-sign-in.ts';
import type { ConsoleSwitchRoleResult } from '../sim/world/console-switch-role.ts';
import { advanceClock, type SimWorld } from './sim-adapter.ts';

interface Slot {
  world: SimWorld;
  journal: WorldJournal;
}

const slots = new Map<string, Slot>();

/** The registry of named worlds; the exercise api (src/course/worker-api.ts) uses it too. */
export const worlds = {
  /** The world called `name`, created fresh (random seed, current time) on first use. */
  async get(name: string): Promise<SimWorld> {
    return (await slot(name)).world;
  },

  /** The journal of `name`: enough to rebuild the world exactly. */
  async journal(name: string): Promise<WorldJournal> {
    return structuredClone((await slot(name)).journal);
  },

  /** Replaces `name` with a new world built from `start` (an exercise's start state, a reset). */
  async reset(name: string, start: WorldStart = freshStart()): Promise<void> {
    slots.set(name, await build({ version: 1, start: completeStart(start), ops: [] }));
  },

  /** Rebuilds `name` from a saved journal (a reload, a restarted worker, an import, a share link). */
  async restore(name: string, journal: WorldJournal): Promise<void> {
    slots.set(name, await build(journal));
  },

  /** Runs a command line on `name` and records it. */
  async run(name: string, line: string, extra: { mfaCode?: string; profile?: string; sourceIp?: string } = {}): Promise<RunOutput> {
    const s = await slot(name);
    const output = await runOp(s.world, { kind: 'run', line, ...extra });
    // An unfinished heredoc changed nothing: only the complete text is worth replaying.
    if (output.continuation === undefined) s.journal.ops.push({ kind: 'run', line, ...extra });
    return output;
  },

  /** Moves the clock of `name` forward and records it (consecutive moves are merged). */
  async advance(name: string, seconds: number): Promise<void> {
    const s = await slot(name);
    advanceClock(s.world, seconds);
    const last = s.journal.ops.at(-1);
    if (last?.kind === 'advance') last.seconds += seconds;
    else s.journal.ops.push({ kind: 'advance', seconds });
  },

  /** Writes a file the CLI can read (`file://` arguments) and records it. */
  async writeFile(name: string, file: string, text: string): Promise<void> {
    const s = await slot(name);
    s.world.writeFile(file, text);
    s.journal.ops.push({ kind: 'writeFile', name: file, text });
  },

  /** A sign-in on the simulated console, recorded in the journal (it writes ConsoleLogin and may start a session). */
  async consoleSignIn(name: string, op: ConsoleSignInOp): Promise<ConsoleSignInResult> {
    const s = await slot(name);
    const result = signIn(s.world, op);
    s.journal.ops.push(op);
    return result;
  },

  /** One API call the console makes for a signed-in session; recorded in the journal. */
  async consoleCall(name: string, op: ConsoleCallOp): Promise<{ response: ServiceResponse; decisions: readonly CallDecision[] }> {
    const s = await slot(name);
    const response = await call(s.world, op);
    s.journal.ops.push(op);
    return { response, decisions: s.world.lastDecisions() };
  },

  /** Switch role in the console; recorded in the journal. */
  async consoleSwitchRole(name: string, op: ConsoleSwitchRoleOp): Promise<ConsoleSwitchRoleResult> {
    const s = await slot(name);
    const result = await s.world.consoleSwitchRole(op);
    s.journal.ops.push(op);
    return result;
  },

  /**
   * Calls the console makes only to draw a page (List*, Get*), run on a throw-away copy of the world:
   * authorized by the same engine as the signed-in session, but neither recorded in the trail nor in
   * the journal (see src/console/README.md, "What the trail shows").
   */
  async consoleRead(name: string, sessionId: string, calls: { service: string; operation: string; params: Record<string, unknown> }[]): Promise<{ response: ServiceResponse; decisions: readonly CallDecision[] }[]> {
    const copy = (await slot(name)).world.fork();
    const out: { response: ServiceResponse; decisions: readonly CallDecision[] }[] = [];
    for (const c of calls) {
      const response = await call(copy, { kind: 'consoleCall', sessionId, ...c });
      out.push({ response, decisions: copy.lastDecisions() });
    }
    return out;
  },

  /** Names of the worlds that exist now. */
  names(): string[] {
    return [...slots.keys()];
  },
};

async function slot(name: string): Promise<Slot> {
  let s = slots.get(name);
  if (!s) {
    s = await build({ version: 1, start: freshStart(), ops: [] });
    slots.set(name, s);
  }
  return s;
}

function freshStart(): WorldStart {
  return { seed: Math.random().toString(36).slice(2, 12), now: new Date().toISOString() };
}

function completeStart(start: WorldStart): WorldStart {
  const fresh = freshStart();
  return { ...start, seed: start.seed ?? fresh.seed!, now: start.now ?? fresh.now! };
}

async function build(journal: WorldJournal): Promise<Slot> {
  const { start } = journal;
  const options: CreateWorldOptions = {};
  if (start.accountId !== undefined) options.accountId = start.accountId;
  if (start.organization !== undefined) options.organization = start.organization as unknown as NonNullable<CreateWorldOptions['organization']>; // the world validates it
  if (start.seed !== undefined) options.seed = start.seed;
  if (start.now !== undefined) options.now = start.now;
  if (start.authorizationDetails !== undefined) options.authorizationDetails = start.authorizationDetails;
  const world = createWorld(options);
  for (const line of start.commands ?? []) await runOp(world, { kind: 'run', line });
  for (const op of journal.ops) {
    if (op.kind === 'run') await runOp(world, op);
    else if (op.kind === 'advance') advanceClock(world, op.seconds);
    else if (op.kind === 'writeFile') world.writeFile(op.name, op.text);
    else if (op.kind === 'consoleSignIn') signIn(world, op);
    else if (op.kind === 'consoleSwitchRole') await world.consoleSwitchRole(op);
    else await call(world, op);
  }
  return { world, journal: structuredClone(journal) };
}

async function runOp(world: SimWorld, op: Extract<JournalOp, { kind: 'run' }>): Promise<RunOutput> {
  const options: NonNullable<Parameters<SimWorld['run']>[1]> = {};
  if (op.mfaCode !== undefined) options.mfaCode = op.mfaCode;
  if (op.profile !== undefined) options.env = { AWS_PROFILE: op.profile };
  if (op.sourceIp !== undefined) options.sourceIp = op.sourceIp;
  const out = await world.run(op.line, options);
  const result: RunOutput = { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
  if (out.mfaPrompt) result.mfaPrompt = out.mfaPrompt;
  if (out.continuation !== undefined) result.continuation = out.continuation;
  return result;
}

type ConsoleSignInOp = Extract<JournalOp, { kind: 'consoleSignIn' }>;
type ConsoleCallOp = Extract<JournalOp, { kind: 'consoleCall' }>;
type ConsoleSwitchRoleOp = Extract<JournalOp, { kind: 'consoleSwitchRole' }>;

/** The browser's user agent in ConsoleLogin records is a fixed desktop Chrome, so replays are identical. */
function signIn(world: SimWorld, op: ConsoleSignInOp): ConsoleSignInResult {
  const rest: Partial<ConsoleSignInOp> = { ...op };
  delete rest.kind;
  return world.consoleSignIn(rest as ConsoleSignInInput); // zod optionals: absent keys, never undefined values
}

function call(world: SimWorld, op: ConsoleCallOp): Promise<ServiceResponse> {
  return world.invoke({ service: op.service, operation: op.operation, params: structuredClone(op.params), credentials: { kind: 'console', sessionId: op.sessionId } });
}
