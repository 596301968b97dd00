/**
 * The browser's hash-chained exercise log (chain.ts), kept in localStorage whether or not a room
 * is open, so that a learner who worked offline can export it for the instructor to merge. Tabs of
 * one browser share it: every change happens under a Web Lock, re-reading storage first, so two
 * tabs never fork the chain. The oldest links are dropped past MAX_LINKS (the base moves with them).
 */
import { z } from 'zod';
import { genesisHash, nextLink } from './chain.ts';
import { chainedEventSchema, type ChainedEvent, type EventBody, type LogFile } from './protocol.ts';
import { loadSaved, save } from '../worker/storage.ts';

/** The storage key below the site's prefix. */
export const LOG_KEY = 'exercise-log:v1';
/** Links kept in the browser. */
export const MAX_LINKS = 3000;

/** The log as saved. */
export const savedLogSchema = z
  .object({
    /** Random id; the genesis hash is derived from it. */
    logId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    /** The link before the first kept one (seq 0: the genesis). */
    base: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    /** The kept links, oldest first. */
    events: z.array(chainedEventSchema),
  })
  .strict();

/** The log as saved. */
export type SavedLog = z.infer<typeof savedLogSchema>;

/** Reads the log (a fresh one when none, or when the saved one is corrupt and set aside). */
export async function readLog(): Promise<SavedLog> {
  const loaded = loadSaved(LOG_KEY, savedLogSchema);
  if (loaded.kind === 'ok') return loaded.value;
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const logId = [...bytes]
    .map((b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 24);
  const log: SavedLog = { logId, base: { seq: 0, hash: await genesisHash(logId) }, events: [] };
  save(LOG_KEY, log);
  return log;
}

/** The last link of a log (its base when empty). */
export function logHead(log: SavedLog): { seq: number; hash: string } {
  const last = log.events[log.events.length - 1] ?? log.base;
  return { seq: last.seq, hash: last.hash };
}

/** Appends one event under the log's lock; answers the new link, or undefined when storage refused. */
export function appendToLog(body: EventBody): Promise<ChainedEvent | undefined> {
  return withLogLock(async () => {
    const log = await readLog();
    const link = await nextLink(logHead(log), body);
    log.events.push(link);
    while (log.events.length > MAX_LINKS) {
      const dropped = log.events.shift()!;
      log.base = { seq: dropped.seq, hash: dropped.hash };
    }
    return save(LOG_KEY, log) ? link : undefined;
  });
}

/** The log as a file for the instructor to merge, under the learner's name. */
export async function logFile(name: string): Promise<LogFile> {
  const log = await readLog();
  return { format: 'iam-dojo-exercise-log', version: 1, name: name.trim(), logId: log.logId, base: log.base, events: log.events };
}

/** Where Web Locks are missing: changes of this tab still happen one after another. */
let tail: Promise<unknown> = Promise.resolve();

/** Runs `work` holding the log's lock (all tabs of this browser; only this tab where Web Locks are missing). */
export function withLogLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request('iam-dojo-exercise-log', work) as Promise<T>;
  const next = tail.then(work, work);
  tail = next.catch(() => undefined);
  return next;
}
