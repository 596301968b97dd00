/**
 * The hash chain of a learner's exercise log. Each link's hash covers the previous link's hash, so
 * a link cannot be edited, dropped or reordered without breaking every hash after it. Both the
 * browser and the room server compute it with Web Crypto (globalThis.crypto, also in Node).
 *
 * What it proves, honestly: the log was not edited after the fact, and a completion came after a
 * check run in which every check passed. It cannot prove the work happened — the browser holds
 * everything needed to compute a chain, so someone who writes code can fabricate a whole log. The
 * room therefore marks what came from a file, and never shows an unproven completion as clean.
 */
import type { ChainedEvent, EventBody } from './protocol.ts';

/** JSON with object keys sorted, so that both sides hash the same text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a text, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash that the first link of log `logId` points back to. */
export function genesisHash(logId: string): Promise<string> {
  return sha256Hex(`iam-dojo-exercise-log:v1\n${logId}`);
}

/** The hash of one link. */
export function linkHash(prev: string, seq: number, at: string, body: EventBody): Promise<string> {
  return sha256Hex(`${prev}\n${seq}\n${at}\n${canonicalJson(body)}`);
}

/** Makes the next link after (`seq`, `hash`). */
export async function nextLink(
  after: { seq: number; hash: string },
  body: EventBody,
  at = new Date().toISOString(),
): Promise<ChainedEvent> {
  const seq = after.seq + 1;
  return { seq, at, prev: after.hash, hash: await linkHash(after.hash, seq, at, body), body };
}

/** Why a chain did not verify. */
export interface ChainBreak {
  /** The sequence number of the first bad link. */
  seq: number;
  /** `ROOM_CHAIN_GAP` (missing or repeated link), `ROOM_CHAIN_PREV` (points elsewhere), `ROOM_CHAIN_HASH` (edited). */
  code: 'ROOM_CHAIN_GAP' | 'ROOM_CHAIN_PREV' | 'ROOM_CHAIN_HASH';
}

/** Checks that `events` continue the chain from `after`, link by link; answers the first break. */
export async function verifyChain(after: { seq: number; hash: string }, events: readonly ChainedEvent[]): Promise<ChainBreak | null> {
  let head = after;
  for (const event of events) {
    if (event.seq !== head.seq + 1) return { seq: event.seq, code: 'ROOM_CHAIN_GAP' };
    if (event.prev !== head.hash) return { seq: event.seq, code: 'ROOM_CHAIN_PREV' };
    if (event.hash !== (await linkHash(event.prev, event.seq, event.at, event.body))) return { seq: event.seq, code: 'ROOM_CHAIN_HASH' };
    head = event;
  }
  return null;
}

/**
 * True when a completion of (lesson, exercise) is backed by the links before it: a check run of
 * that exercise with at least one check and none failing, after the last time it was started.
 */
export function completionProven(before: readonly EventBody[], lesson: string, exercise: string): boolean {
  for (let i = before.length - 1; i >= 0; i--) {
    const body = before[i]!;
    if (!('exercise' in body) || body.lesson !== lesson || body.exercise !== exercise) continue;
    if (body.kind === 'check') return body.total > 0 && body.failing.length === 0;
    if (body.kind === 'started') return false;
  }
  return false;
}
