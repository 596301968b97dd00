/**
 * The named worlds of one page, inside the worker. Widgets with the same `world="..."` share one
 * world. Each world keeps its journal — how it started, a snapshot once the history grows, and every
 * operation since — built and replayed by the scenario module (src/sim/scenario), the same code the
 * Node CLI and share links use. Every entry is checked with the journal's schema before it runs, so
 * what is saved can always be loaded again.
 */
import '../security/zod-jitless.ts';
import type { JournalOp, RunOutput, WorldJournal, WorldStart } from './protocol.ts';
import type { World } from '../sim/index.ts';
import type { ServiceResponse } from '../sim/services/contract.ts';
import type { CallDecision } from '../sim/services/invoke.ts';
import type { ConsoleSignInResult } from '../sim/world/console-sign-in.ts';
import type { ConsoleSwitchRoleResult } from '../sim/world/console-switch-role.ts';
import {
  appendOp,
  checkOp,
  compactJournal,
  consoleCall,
  consoleSignIn,
  needsCompaction,
  replayScenario,
  runOptions,
} from '../sim/scenario/index.ts';
import { advanceClock } from './sim-adapter.ts';
import { applyPortalOp, type PortalOp, type PortalOpResult } from '../sim/scenario/portal-op.ts';

type ConsoleSignInOp = Extract<JournalOp, { kind: 'consoleSignIn' }>;
type ConsoleCallOp = Extract<JournalOp, { kind: 'consoleCall' }>;
type ConsoleSwitchRoleOp = Extract<JournalOp, { kind: 'consoleSwitchRole' }>;

interface Slot {
  world: World;
  journal: WorldJournal;
  /** Names the journal's snapshot: it changes whenever the snapshot does (a build, a compaction). */
  generation: string;
}

const slots = new Map<string, Slot>();

// Generations are unique across worker restarts: a page may hold one from the worker before.
const WORKER_NONCE = Math.random().toString(36).slice(2, 10);
let generations = 0;
const nextGeneration = (): string => `${WORKER_NONCE}:${++generations}`;

/**
 * The journal as a page that already holds the snapshot of `generation` needs it: the snapshot is
 * left out while it is unchanged (it is most of a long session's journal, and the page saves after
 * every command).
 */
export interface JournalUpdate {
  generation: string;
  journal: WorldJournal;
  /** True when `journal` has no snapshot because the page's copy of it is still current. */
  snapshotKept: boolean;
}

/** The registry of named worlds; the exercise api (src/course/worker-api.ts) uses it too. */
export const worlds = {
  /** The world called `name`, created fresh (random seed, current time) on first use. */
  async get(name: string): Promise<World> {
    return (await slot(name)).world;
  },

  /** The journal of `name`: enough to rebuild the world exactly. */
  async journal(name: string): Promise<WorldJournal> {
    return structuredClone((await slot(name)).journal);
  },

  /** The journal of `name`, without the snapshot when `known` names the current one (see JournalUpdate). */
  async journalUpdate(name: string, known: string | undefined): Promise<JournalUpdate> {
    const s = await slot(name);
    const snapshotKept = known === s.generation && s.journal.snapshot !== undefined;
    const sent = { ...s.journal };
    if (snapshotKept) delete sent.snapshot;
    return { generation: s.generation, journal: structuredClone(sent), snapshotKept };
  },

  /** Replaces `name` with a new world built from `start` (an exercise's start state, a reset). */
  async reset(name: string, start: WorldStart = freshStart()): Promise<void> {
    slots.set(name, await build({ version: 2, start: completeStart(start), ops: [] }));
  },

  /** Rebuilds `name` from a saved journal (a reload, a restarted worker, an import, a share link). */
  async restore(name: string, journal: WorldJournal): Promise<void> {
    slots.set(name, await build(journal));
  },

  /** Runs a command line on `name` and records it; an entry the journal could not hold is refused first. */
  async run(name: string, line: string, extra: { mfaCode?: string; profile?: string; sourceIp?: string } = {}): Promise<RunOutput> {
    const s = await slot(name);
    const op = checkOp({ kind: 'run', line, ...extra });
    if (op.kind !== 'run') throw new Error('unreachable: a run entry');
    const out = await s.world.run(op.line, runOptions(op));
    // An unfinished heredoc changed nothing: only the complete text is worth replaying.
    if (out.continuation === undefined) record(s, op);
    const result: RunOutput = { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    if (out.mfaPrompt) result.mfaPrompt = out.mfaPrompt;
    if (out.continuation !== undefined) result.continuation = out.continuation;
    return result;
  },

  /** Moves the clock of `name` forward and records it (consecutive moves are merged). */
  async advance(name: string, seconds: number): Promise<void> {
    const s = await slot(name);
    const op = checkOp({ kind: 'advance', seconds });
    advanceClock(s.world, seconds);
    record(s, op);
  },

  /** Writes a file the CLI can read (`file://` arguments) and records it. */
  async writeFile(name: string, file: string, text: string): Promise<void> {
    const s = await slot(name);
    const op = checkOp({ kind: 'writeFile', name: file, text });
    s.world.writeFile(file, text);
    record(s, op);
  },

  /** A sign-in on the simulated console, recorded in the journal (it writes ConsoleLogin and may start a session). */
  async consoleSignIn(name: string, op: ConsoleSignInOp): Promise<ConsoleSignInResult> {
    const s = await slot(name);
    const checked = checkOp(op) as ConsoleSignInOp;
    const result = consoleSignIn(s.world, checked);
    record(s, checked);
    return result;
  },

  /** One API call the console makes for a signed-in session; recorded in the journal. */
  async consoleCall(name: string, op: ConsoleCallOp): Promise<{ response: ServiceResponse; decisions: readonly CallDecision[] }> {
    const s = await slot(name);
    const checked = checkOp(op) as ConsoleCallOp;
    const response = await consoleCall(s.world, checked);
    record(s, checked);
    return { response, decisions: s.world.lastDecisions() };
  },

  /** An action in the AWS access portal (sign-in, one-time password, approve a code, open the console); recorded in the journal. */
  async portal(name: string, op: PortalOp): Promise<PortalOpResult> {
    const s = await slot(name);
    const checked = checkOp(op) as PortalOp;
    const result = await applyPortalOp(s.world, checked);
    record(s, checked);
    return result;
  },

  /** The `aws sso login` codes waiting for approval in a world (a read: not recorded). */
  async portalPendingCodes(name: string): Promise<{ userCode: string; expiresAt: number }[]> {
    return (await slot(name)).world.portalPendingCodes();
  },

  /** Switch role in the console; recorded in the journal. */
  async consoleSwitchRole(name: string, op: ConsoleSwitchRoleOp): Promise<ConsoleSwitchRoleResult> {
    const s = await slot(name);
    const checked = checkOp(op) as ConsoleSwitchRoleOp;
    const result = await s.world.consoleSwitchRole(checked);
    record(s, checked);
    return result;
  },

  /**
   * Calls the console makes only to draw a page (List*, Get*), run on a throw-away copy of the world:
   * authorized by the same engine as the signed-in session, but neither recorded in the trail nor in
   * the journal (see src/console/README.md, "What the trail shows").
   */
  async consoleRead(
    name: string,
    sessionId: string,
    calls: { service: string; operation: string; params: Record<string, unknown> }[],
  ): Promise<{ response: ServiceResponse; decisions: readonly CallDecision[] }[]> {
    const copy = (await slot(name)).world.fork();
    const out: { response: ServiceResponse; decisions: readonly CallDecision[] }[] = [];
    for (const c of calls) {
      const response = await consoleCall(copy, { kind: 'consoleCall', sessionId, ...c });
      out.push({ response, decisions: copy.lastDecisions() });
    }
    return out;
  },

  /** Names of the worlds that exist now. */
  names(): string[] {
    return [...slots.keys()];
  },
};

/** Appends a checked entry; folds the journal into a snapshot long before any limit. */
function record(s: Slot, op: Parameters<typeof appendOp>[1]): void {
  appendOp(s.journal, op);
  if (needsCompaction(s.journal)) {
    s.journal = compactJournal(s.journal, s.world);
    s.generation = nextGeneration();
  }
}

async function slot(name: string): Promise<Slot> {
  let s = slots.get(name);
  if (!s) {
    s = await build({ version: 2, start: freshStart(), ops: [] });
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
  const world = await replayScenario(journal);
  const s: Slot = { world, journal: structuredClone(journal), generation: nextGeneration() };
  if (needsCompaction(s.journal)) s.journal = compactJournal(s.journal, world);
  return s;
}
