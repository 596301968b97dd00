/**
 * The `--world FILE` of iam-dojo: the playground's saved-world format (the worker's journal,
 * src/worker/journal-schema.ts) — how the world started and every operation since. Worlds are
 * deterministic, so replaying the journal rebuilds the world.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runCommandLine, type CliHost, type RunResult } from '../sim/cli/index.ts';
import { parsePythonJson } from '../sim/cli/pyjson.ts';
import type { WorldJournal } from '../worker/protocol.ts';
import { UsageError } from './outcome.ts';

/** The world API iam-dojo needs (see src/sim/index.ts `createWorld`). */
export interface WorldLike extends Partial<CliHost> {
  run?(line: string, options?: Record<string, unknown>): Promise<RunResult>;
  clock?: { now(): number | Date; advance?(seconds: number): void };
  consoleSignIn?(input: Record<string, unknown>): unknown;
  consoleSwitchRole?(input: { sessionId: string; accountId: string; roleName: string }): Promise<unknown>;
  authenticatorCode?(serial: string): { code: string; secondsRemaining: number } | undefined;
  trail?(): { Records: Record<string, unknown>[] };
}

/** A file read from the disk through `file://`, recorded so a replay sees it too. */
export type DiskRead = { kind: 'writeFile'; name: string; text: string };

/** How a world without a file starts: `--seed`, `--account-id`, `--now`. */
export interface WorldStartOptions {
  seed?: string | undefined;
  accountId?: string | undefined;
  now?: string | undefined;
}

/** A journal for a new world. */
export function newJournal(start: WorldStartOptions): WorldJournal {
  const { accountId, now } = start;
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new UsageError('--account-id must be 12 digits');
  if (now !== undefined && Number.isNaN(Date.parse(now))) throw new UsageError('--now must be an ISO 8601 time, e.g. 2026-03-02T09:00:00Z');
  return {
    version: 1,
    start: {
      seed: start.seed ?? 'iam-dojo',
      // Without --now the world starts at its fixed default time, so a script gives the same IDs and times every run.
      ...(now !== undefined ? { now } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
    },
    ops: [],
  };
}

/** Reads a world file, validated with the same schema the playground loads it with. */
export async function loadJournal(path: string): Promise<WorldJournal> {
  let data: unknown;
  try {
    data = parsePythonJson(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--world ${path}: not a world file (${error instanceof Error ? error.message : String(error)})`);
  }
  const { worldJournalSchema } = await import('../worker/journal-schema.ts');
  const parsed = worldJournalSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--world ${path}: not an iam-dojo world file (${issue !== undefined ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'})`);
  }
  return parsed.data;
}

/** Writes a world file back. */
export function saveJournal(path: string, journal: WorldJournal): void {
  writeFileSync(path, `${JSON.stringify(journal, null, 2)}\n`);
}

/** Creates the world of a journal and replays its operations, as the playground's worker does. */
export async function buildWorld(journal: WorldJournal): Promise<WorldLike> {
  // The world module alone (not all of src/sim/index.ts) keeps each command's start-up short.
  const worldModule = (await import('../sim/world/index.ts')) as Record<string, unknown>;
  const createWorld = worldModule['createWorld'] as ((options: Record<string, unknown>) => WorldLike | Promise<WorldLike>) | undefined;
  if (typeof createWorld !== 'function') throw new Error('the simulated world is not available in this build (no createWorld)');
  const { start } = journal;
  const world = await createWorld({
    ...(start.accountId !== undefined ? { accountId: start.accountId } : {}),
    ...(start.seed !== undefined ? { seed: start.seed } : {}),
    ...(start.now !== undefined ? { now: new Date(start.now) } : {}),
    ...(start.authorizationDetails !== undefined ? { authorizationDetails: start.authorizationDetails } : {}),
  });
  const replay = async (line: string, options: Record<string, unknown>): Promise<void> => {
    if (typeof world.run === 'function') await world.run(line, options);
    else await runCommandLine(hostFor(world, false, []), line, options);
  };
  for (const line of start.commands ?? []) await replay(line, {});
  for (const op of journal.ops) {
    if (op.kind === 'run') {
      await replay(op.line, {
        ...(op.mfaCode !== undefined ? { mfaCode: op.mfaCode } : {}),
        ...(op.profile !== undefined ? { env: { AWS_PROFILE: op.profile } } : {}),
        ...(op.sourceIp !== undefined ? { sourceIp: op.sourceIp } : {}),
      });
    } else if (op.kind === 'advance') {
      world.clock?.advance?.(op.seconds);
    } else if (op.kind === 'writeFile') {
      world.writeFile?.(op.name, op.text);
    } else if (op.kind === 'consoleSignIn') {
      // What the simulated console did (src/console) replays through the same world calls.
      const input: Record<string, unknown> = { ...op };
      delete input['kind'];
      world.consoleSignIn?.(input);
    } else if (op.kind === 'consoleSwitchRole') {
      await world.consoleSwitchRole?.(op);
    } else {
      await world.invoke?.({ service: op.service, operation: op.operation, params: op.params, credentials: { kind: 'console', sessionId: op.sessionId } });
    }
  }
  return world;
}

/** The world as a CLI host, with the real disk behind `file://` and `--outfile` when `live`. */
export function hostFor(world: WorldLike, live: boolean, diskReads: DiskRead[]): CliHost {
  if (typeof world.invoke !== 'function') throw new Error('the simulated world has no invoke()');
  const invoke = world.invoke.bind(world);
  return {
    invoke,
    get cliConfig() {
      world.cliConfig ??= { profiles: {} };
      return world.cliConfig;
    },
    set cliConfig(value) {
      world.cliConfig = value;
    },
    readFile(name: string) {
      if (live && existsSync(name)) {
        const text = readFileSync(name, 'utf8');
        world.writeFile?.(name, text);
        diskReads.push({ kind: 'writeFile', name, text });
        return text;
      }
      return world.readFile?.(name);
    },
    writeFile(name: string, data: string | Uint8Array) {
      world.writeFile?.(name, data);
      if (live) writeFileSync(name, data);
    },
    listFiles: () => world.listFiles?.() ?? [],
    ...(world.lookupUserCredentials !== undefined ? { lookupUserCredentials: world.lookupUserCredentials.bind(world) } : {}),
    ...(world.rootCredentials !== undefined ? { rootCredentials: world.rootCredentials.bind(world) } : {}),
    ...(world.clock !== undefined ? { clock: world.clock } : {}),
    ...(world.operations !== undefined ? { operations: world.operations } : {}),
  };
}
