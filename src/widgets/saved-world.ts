/**
 * How a world's journal is kept in the browser: the journal under the world's key, with its
 * snapshot (the deflated world before the last few hundred commands: after hours of use nearly all
 * of the journal, and the same for 200 commands at a time) as plain text under a key of its own,
 * `<key>:snapshot:<time>-<random>`, named by the journal's `snapshotRef`. A command then rewrites
 * only the short tail: writing the whole 200 000-character journal cost every command of a long
 * session ~0.5 ms (Chromium copies the value, and the one it replaces, to its storage process).
 *
 * A snapshot is written before the journal that names it, and one no longer named is removed only
 * after SNAPSHOT_GRACE_MS, and only if the saved journal still does not name it: another tab that
 * has not yet seen this tab's save may still write a journal naming the old one. A journal with its
 * snapshot inline (older saves, imports, share links) is read as before.
 */
import { forget, keysStartingWith, readText } from '../worker/storage.ts';

/** How long a snapshot no journal names is kept (ms): longer than any two tabs take to see each other's saves. */
export const SNAPSHOT_GRACE_MS = 5_000;

/** The snapshot a saved journal names: its key, and its text. */
export interface SavedSnapshot {
  key: string;
  text: string;
}

/** What is saved for a world: nothing, storage that cannot be read, or the text and what it holds. */
export type SavedWorld =
  | null
  | undefined
  | {
      /** The text under the world's key. */
      raw: string;
      /** The journal's data, snapshot put back; or why it cannot be read. */
      read: { ok: true; data: unknown; snapshot?: SavedSnapshot } | { ok: false; why: string };
      /** All of it as one text (snapshot inline when found), for "download the unreadable copy". */
      whole: string;
    };

const snapshotPrefix = (key: string): string => `${key}:snapshot:`;

/** A new key for a snapshot of world `key`, named by when it was written. */
export function newSnapshotKey(key: string, now = Date.now()): string {
  return `${snapshotPrefix(key)}${now.toString(36)}-${Math.floor(Math.random() * 36 ** 8).toString(36)}`;
}

/** Reads what is saved for world `key`. */
export function readSavedWorld(key: string): SavedWorld {
  const raw = readText(key);
  if (typeof raw !== 'string') return raw;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return { raw, whole: raw, read: { ok: false, why: `it is not JSON (${(error as Error).message})` } };
  }
  if (typeof data !== 'object' || data === null || !('snapshotRef' in data) || typeof data.snapshotRef !== 'string')
    return { raw, whole: raw, read: { ok: true, data } };
  const { snapshotRef, ...journal } = data;
  const snapshotKey = snapshotPrefix(key) + snapshotRef;
  const text = readText(snapshotKey);
  if (typeof text !== 'string')
    return { raw, whole: raw, read: { ok: false, why: 'the snapshot it starts from is missing from this browser’s storage' } };
  const whole = { ...journal, snapshot: text };
  return { raw, whole: JSON.stringify(whole), read: { ok: true, data: whole, snapshot: { key: snapshotKey, text } } };
}

/** The text a journal is saved as, its snapshot named by `snapshotKey` (a key from newSnapshotKey) rather than inline. */
export function journalText(journal: { snapshot?: string | undefined }, snapshotKey: string | undefined): string {
  if (snapshotKey === undefined) return JSON.stringify(journal);
  return JSON.stringify({ ...journal, snapshot: undefined, snapshotRef: snapshotKey.slice(snapshotKey.lastIndexOf(':') + 1) });
}

/** Removes snapshot `snapshotKey` of world `key` after the grace period, unless the saved journal names it by then. */
export function retireLater(key: string, snapshotKey: string): void {
  setTimeout(() => retireIfUnnamed(key, snapshotKey), SNAPSHOT_GRACE_MS);
}

function retireIfUnnamed(key: string, snapshotKey: string): void {
  const saved = readSavedWorld(key);
  if (saved === undefined) return; // storage cannot be read: leave it
  if (saved?.read.ok && saved.read.snapshot?.key === snapshotKey) return;
  forget(snapshotKey);
}

/**
 * Removes the snapshots of world `key` that its saved journal does not name and that are older than
 * the grace period (left behind by a tab closed before it removed them).
 */
export function sweepSnapshots(key: string, now = Date.now()): void {
  const saved = readSavedWorld(key);
  const found = keysStartingWith(snapshotPrefix(key));
  if (saved === undefined || found === undefined) return; // storage cannot be read: nothing is removed
  const named = saved?.read.ok ? saved.read.snapshot?.key : undefined;
  for (const k of found) {
    const written = parseInt(k.slice(snapshotPrefix(key).length).split('-')[0] ?? '', 36);
    if (k !== named && !(now - written < SNAPSHOT_GRACE_MS)) forget(k);
  }
}
