/**
 * Reading a saved world from any door. The envelope (version, start, snapshot) must be right or
 * the world cannot be rebuilt; each operation is checked on its own, so one bad entry never throws
 * the others away: the valid ones are kept and the dropped ones are listed in words.
 */
import type { z } from 'zod';
import { MAX_JOURNAL_OPS, MAX_SNAPSHOT_CHARS, journalOpSchema, worldStartSchema, type JournalOp, type WorldJournal } from './schema.ts';

/** Why a saved world was refused: a stable code and a sentence for the learner. */
export interface ScenarioError {
  code:
    | 'SCENARIO_NOT_AN_OBJECT'
    | 'SCENARIO_NEWER_VERSION'
    | 'SCENARIO_NO_VERSION'
    | 'SCENARIO_BAD_START'
    | 'SCENARIO_BAD_SNAPSHOT'
    | 'SCENARIO_NO_OPS'
    | 'SCENARIO_TOO_MANY_OPS'
    | 'SCENARIO_UNKNOWN_FIELD';
  message: string;
}

/** An entry left out while reading, and why. */
export interface DroppedOp {
  /** Its position in the saved list (0-based). */
  index: number;
  /** What was wrong, in words. */
  reason: string;
}

/** What reading found. */
export type ScenarioRead = { ok: true; journal: WorldJournal; dropped: DroppedOp[] } | { ok: false; error: ScenarioError };

const TOP_LEVEL = new Set(['version', 'start', 'snapshot', 'folded', 'ops']);

/**
 * Reads `data` (parsed JSON) as a saved world of any version, upgraded to the current one.
 * `maxOps` bounds the list (files and links: MAX_JOURNAL_OPS; this browser's own storage may allow more).
 */
export function readScenario(data: unknown, { maxOps = MAX_JOURNAL_OPS }: { maxOps?: number } = {}): ScenarioRead {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return fail('SCENARIO_NOT_AN_OBJECT', 'It is not a saved world: a saved world is a JSON object with "version", "start" and "ops".');
  const record = data as Record<string, unknown>;
  const version = record['version'];
  if (version !== 1 && version !== 2) {
    if (typeof version === 'number' && version > 2)
      return fail(
        'SCENARIO_NEWER_VERSION',
        `This world was saved by a newer IAM Dojo (format ${version}); this site reads formats 1 and 2. Open it on the newer site.`,
      );
    return fail('SCENARIO_NO_VERSION', 'It is not a saved world: its "version" is missing or not 1 or 2.');
  }
  const unknown = Object.keys(record).filter((k) => !TOP_LEVEL.has(k) || (version === 1 && (k === 'snapshot' || k === 'folded')));
  if (unknown.length > 0)
    return fail(
      'SCENARIO_UNKNOWN_FIELD',
      `It is not a saved world: it has ${unknown.length === 1 ? 'a field' : 'fields'} a saved world does not have (${unknown
        .slice(0, 3)
        .map((k) => `"${k}"`)
        .join(', ')}).`,
    );
  const start = worldStartSchema.safeParse(record['start']);
  if (!start.success) return fail('SCENARIO_BAD_START', `Its "start" (how the world begins) cannot be used: ${inWords(start.error)}.`);
  const snapshot = record['snapshot'];
  if (snapshot !== undefined && (typeof snapshot !== 'string' || snapshot.length > MAX_SNAPSHOT_CHARS)) {
    return fail(
      'SCENARIO_BAD_SNAPSHOT',
      `Its snapshot is ${typeof snapshot === 'string' ? `too large (${snapshot.length} characters; at most ${MAX_SNAPSHOT_CHARS})` : 'not text'}.`,
    );
  }
  const folded = record['folded'];
  const ops = record['ops'];
  if (!Array.isArray(ops)) return fail('SCENARIO_NO_OPS', 'It is not a saved world: its "ops" (what was done to the world) is not a list.');
  if (ops.length > maxOps) return fail('SCENARIO_TOO_MANY_OPS', `It holds ${ops.length} operations; at most ${maxOps} can be opened here.`);
  const kept: JournalOp[] = [];
  const dropped: DroppedOp[] = [];
  for (let index = 0; index < ops.length; index++) {
    const op = journalOpSchema.safeParse(ops[index]);
    if (op.success) kept.push(op.data);
    else
      dropped.push({
        index,
        reason: `entry ${index + 1}${kindOf(ops[index])}: ${op.error.issues.some((i) => i.path[0] === 'kind') ? 'it is not something a world records (a command run, a clock move or a file)' : inWords(op.error)}`,
      });
  }
  const journal: WorldJournal = { version: 2, start: start.data, ops: kept };
  if (typeof snapshot === 'string') journal.snapshot = snapshot;
  if (typeof folded === 'number' && Number.isInteger(folded) && folded >= 0) journal.folded = folded;
  return { ok: true, journal, dropped };
}

/** One sentence that lists what was dropped (empty when nothing was). */
export function droppedInWords(dropped: readonly DroppedOp[]): string {
  if (dropped.length === 0) return '';
  const shown = dropped
    .slice(0, 3)
    .map((d) => d.reason)
    .join('; ');
  const more = dropped.length > 3 ? `; and ${dropped.length - 3} more` : '';
  return `${dropped.length === 1 ? 'One entry was' : `${dropped.length} entries were`} left out because ${dropped.length === 1 ? 'it' : 'they'} could not be read (${shown}${more}); everything else was kept.`;
}

function kindOf(op: unknown): string {
  const kind = op && typeof op === 'object' ? (op as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? ` (${kind.slice(0, 20)})` : '';
}

/** A zod error as a short phrase: the first problems with where they are. */
function inWords(error: z.ZodError): string {
  return error.issues
    .slice(0, 2)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function fail(code: ScenarioError['code'], message: string): ScenarioRead {
  return { ok: false, error: { code, message } };
}
