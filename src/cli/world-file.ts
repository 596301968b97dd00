/**
 * The `--world FILE` of iam-dojo: the playground's saved-world format, read and replayed by the
 * scenario module (src/sim/scenario) exactly as the browser's worker does — how the world started,
 * a snapshot once the history grows, and every operation since.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import type { CliHost } from '../sim/cli/index.ts';
import type { World } from '../sim/world/index.ts';
import { parsePythonJson } from '../sim/cli/pyjson.ts';
import type { WorldJournal } from '../worker/protocol.ts';
import { UsageError } from './outcome.ts';

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
    version: 2,
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
  const { readScenario, droppedInWords } = await import('../sim/scenario/read.ts');
  const read = readScenario(data);
  if (!read.ok) throw new UsageError(`--world ${path}: not an iam-dojo world file (${read.error.message}) [${read.error.code}]`);
  if (read.dropped.length > 0)
    process.stderr.write(`iam-dojo: --world ${path}: ${droppedInWords(read.dropped)}
`);
  return read.journal;
}

/** Writes a world file back. */
export function saveJournal(path: string, journal: WorldJournal): void {
  writeFileSync(path, `${JSON.stringify(journal, null, 2)}\n`);
}

/** Creates the world of a journal and replays it with the scenario module, as the browser's worker does. */
export async function buildWorld(journal: WorldJournal): Promise<World> {
  const { replayScenario } = await import('../sim/scenario/replay.ts');
  return replayScenario(journal);
}

/** The world as a CLI host, with the real disk behind `file://` and `--outfile` when `live`. */
export function hostFor(world: World, live: boolean, diskReads: DiskRead[]): CliHost {
  return {
    invoke: world.invoke.bind(world),
    get cliConfig() {
      return world.cliConfig;
    },
    set cliConfig(value) {
      world.cliConfig = value;
    },
    readFile(name: string) {
      if (live && existsSync(name)) {
        const text = readFileSync(name, 'utf8');
        world.writeFile(name, text);
        diskReads.push({ kind: 'writeFile', name, text });
        return text;
      }
      return world.readFile(name);
    },
    writeFile(name: string, data: string | Uint8Array) {
      world.writeFile(name, data);
      if (live) writeFileSync(name, data);
    },
    listFiles: () => world.listFiles(),
    deleteFile: (name: string) => world.deleteFile(name),
    lookupUserCredentials: world.lookupUserCredentials.bind(world),
    rootCredentials: world.rootCredentials.bind(world),
    clock: world.clock,
  };
}
