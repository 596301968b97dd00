/**
 * Rebuilding a world from a saved journal, and keeping the journal short. The simulator is
 * deterministic (same start + same operations = the same world), so a journal is enough; once its
 * tail grows, it is folded into a snapshot (`world.save()`, opaque here, deflated) and replay starts
 * from that — a reload costs the snapshot plus the operations after it, not the whole history.
 */
import { applyPortalOp } from './portal-op.ts';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { createWorld, restoreWorld, type CreateWorldOptions, type OrganizationInput, type World } from '../world/index.ts';
import type { RunOptions, RunResult } from '../cli/host.ts';
import {
  COMPACT_AFTER_CHARS,
  COMPACT_AFTER_OPS,
  journalOpSchema,
  type JournalOp,
  type RunOp,
  type WorldJournal,
  type WorldStart,
} from './schema.ts';

/** Largest world a snapshot may inflate to (bytes of JSON): a damaged or hostile snapshot stops here. */
export const MAX_SNAPSHOT_BYTES = 64_000_000;

/** Why an entry may not be written: a stable code and a sentence. */
export class JournalEntryError extends Error {
  override name = 'JournalEntryError';
  /** Stable code of the problem. */
  readonly code: 'BAD_MFA_CODE' | 'LINE_TOO_LONG' | 'BAD_JOURNAL_ENTRY';
  constructor(code: JournalEntryError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The `createWorld` options of a journal's start. */
export function startOptions(start: WorldStart): CreateWorldOptions {
  const options: CreateWorldOptions = {};
  if (start.accountId !== undefined) options.accountId = start.accountId;
  // The world validates the organization itself and says what is wrong with it.
  if (start.organization !== undefined) options.organization = start.organization as unknown as OrganizationInput;
  if (start.seed !== undefined) options.seed = start.seed;
  if (start.now !== undefined) options.now = start.now;
  if (start.authorizationDetails !== undefined) options.authorizationDetails = start.authorizationDetails;
  return options;
}

/** Builds the world a journal describes: from its snapshot when it has one, else from its start. */
export async function replayScenario(journal: WorldJournal): Promise<World> {
  const world = journal.snapshot !== undefined ? worldFromSnapshot(journal.snapshot) : createWorld(startOptions(journal.start));
  if (journal.snapshot === undefined) for (const line of journal.start.commands ?? []) await world.run(line);
  for (const op of journal.ops) await applyOp(world, op);
  return world;
}

/** The world a snapshot text holds (decoded here, so the world may keep the decoded state without a copy). */
export function worldFromSnapshot(text: string): World {
  return restoreWorld(decodeSnapshot(text));
}

/** Does one journal operation to a world (the same way on every replay path). */
export async function applyOp(world: World, op: JournalOp): Promise<RunResult | undefined> {
  if (op.kind === 'run') return world.run(op.line, runOptions(op));
  if (op.kind === 'advance') world.clock.advance(op.seconds);
  else if (op.kind === 'writeFile') world.writeFile(op.name, op.text);
  else if (op.kind === 'consoleSignIn') consoleSignIn(world, op);
  else if (op.kind === 'consoleSwitchRole') await world.consoleSwitchRole(op);
  else if (op.kind === 'portal') await applyPortalOp(world, op);
  else await consoleCall(world, op);
  return undefined;
}

/** A recorded console sign-in, done again (the browser's user agent is fixed, so replays are identical). */
export function consoleSignIn(world: World, op: Extract<JournalOp, { kind: 'consoleSignIn' }>): ReturnType<World['consoleSignIn']> {
  const rest: Partial<typeof op> = { ...op };
  delete rest.kind;
  return world.consoleSignIn(rest as Parameters<World['consoleSignIn']>[0]); // zod optionals: absent keys, never undefined values
}

/** A recorded console API call, made again for its console session. */
export function consoleCall(world: World, op: Extract<JournalOp, { kind: 'consoleCall' }>): ReturnType<World['invoke']> {
  return world.invoke({
    service: op.service,
    operation: op.operation,
    params: structuredClone(op.params),
    credentials: { kind: 'console', sessionId: op.sessionId },
  });
}

/** The `world.run` options a run entry recorded. */
export function runOptions(op: RunOp): RunOptions {
  const options: RunOptions = {};
  if (op.mfaCode !== undefined) options.mfaCode = op.mfaCode;
  if (op.profile !== undefined) options.env = { AWS_PROFILE: op.profile };
  if (op.sourceIp !== undefined) options.sourceIp = op.sourceIp;
  return options;
}

/** Checks an entry with the journal's own schema before it is written or run; throws JournalEntryError. */
export function checkOp(op: unknown): JournalOp {
  const parsed = journalOpSchema.safeParse(op);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (field === 'mfaCode')
    throw new JournalEntryError('BAD_MFA_CODE', 'An MFA code is the six digits your authenticator shows; type all six, with no spaces.');
  if (field === 'line' || field === 'text')
    throw new JournalEntryError(
      'LINE_TOO_LONG',
      `That is longer than IAM Dojo can keep (${issue?.message ?? 'too long'}); shorten it or put the text in a file.`,
    );
  throw new JournalEntryError(
    'BAD_JOURNAL_ENTRY',
    `This cannot be saved with the world (${issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid'}).`,
  );
}

/** Appends a checked entry (consecutive clock moves merge into one). */
export function appendOp(journal: WorldJournal, op: JournalOp): void {
  const last = journal.ops.at(-1);
  if (op.kind === 'advance' && last?.kind === 'advance') last.seconds += op.seconds;
  else journal.ops.push(op);
}

/** Characters the journal's tail takes (what compaction watches besides the count). */
export function tailChars(journal: WorldJournal): number {
  let chars = 0;
  for (const op of journal.ops)
    chars +=
      op.kind === 'run'
        ? op.line.length
        : op.kind === 'writeFile'
          ? op.text.length + op.name.length
          : op.kind === 'consoleCall'
            ? JSON.stringify(op.params).length + 64
            : 64;
  return chars;
}

/** True when the tail is long enough to fold into a snapshot. */
export function needsCompaction(journal: WorldJournal): boolean {
  return journal.ops.length >= COMPACT_AFTER_OPS || tailChars(journal) >= COMPACT_AFTER_CHARS;
}

/** The journal with everything so far folded into a snapshot of `world` (which must be its world). */
export function compactJournal(journal: WorldJournal, world: World): WorldJournal {
  return {
    version: 2,
    start: journal.start,
    snapshot: encodeSnapshot(world.save()),
    folded: (journal.folded ?? 0) + journal.ops.length,
    ops: [],
  };
}

/** How many operations the journal stands for in all (folded into the snapshot plus the tail). */
export function operationCount(journal: WorldJournal): number {
  return (journal.folded ?? 0) + journal.ops.length;
}

/** A world's saved state as compact text. */
export function encodeSnapshot(state: unknown): string {
  const packed = deflateSync(strToU8(JSON.stringify(state)), { level: 6 });
  let binary = '';
  for (let i = 0; i < packed.length; i += 0x8000) binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The saved state in a snapshot text; throws on damaged text or a world larger than MAX_SNAPSHOT_BYTES. */
export function decodeSnapshot(text: string): unknown {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw Object.assign(new Error('The saved snapshot is damaged (not base64 text).'), { code: 'SNAPSHOT_DAMAGED' });
  }
  // A plain loop: `Uint8Array.from(binary, callback)` called a function per byte (a sixth of a reload).
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Streamed in pieces, so a damaged or hostile snapshot stops soon after MAX_SNAPSHOT_BYTES
    // instead of inflating to the end (one piece inflates to at most ~1 000× its size).
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total <= MAX_SNAPSHOT_BYTES) chunks.push(chunk);
    });
    for (let i = 0; i < bytes.length && total <= MAX_SNAPSHOT_BYTES; i += 65_536)
      inflater.push(bytes.subarray(i, i + 65_536), i + 65_536 >= bytes.length);
  } catch {
    throw Object.assign(new Error('The saved snapshot is damaged (it does not decompress).'), { code: 'SNAPSHOT_DAMAGED' });
  }
  if (total > MAX_SNAPSHOT_BYTES)
    throw Object.assign(new Error(`The saved snapshot is larger than ${MAX_SNAPSHOT_BYTES} bytes.`), { code: 'SNAPSHOT_TOO_LARGE' });
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  try {
    return JSON.parse(strFromU8(all));
  } catch {
    throw Object.assign(new Error('The saved snapshot is damaged (not JSON).'), { code: 'SNAPSHOT_DAMAGED' });
  }
}
