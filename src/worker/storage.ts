/**
 * Saved state in the browser: worlds and editor text under versioned localStorage keys. Everything
 * read back is validated with a zod schema; a corrupt entry is set aside (kept under a `:corrupt`
 * key so nothing is destroyed) and reported, so the widget can show a notice and start fresh.
 */
import '../security/zod-jitless.ts';
import type { z } from 'zod';

/** Prefix of every key this site writes; the number is the storage format version. */
export const STORAGE_PREFIX = 'iam-dojo:v1:';

/** The browser's storage; none while the server renders (Node may have its own localStorage). */
function store(): Storage | undefined {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}

/** What reading a saved entry found. */
export type Loaded<T> = { kind: 'none' } | { kind: 'ok'; value: T } | { kind: 'corrupt'; reason: string };

/** Reads and validates `key`. */
export function loadSaved<T>(key: string, schema: z.ZodType<T>): Loaded<T> {
  let raw: string | null;
  try {
    raw = store()?.getItem(STORAGE_PREFIX + key) ?? null;
  } catch {
    return { kind: 'none' }; // storage disabled (private mode): nothing was saved, nothing to report
  }
  if (raw === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return setAside(key, raw, `not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return setAside(key, raw, parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).slice(0, 3).join('; '));
  return { kind: 'ok', value: parsed.data };
}

/** Saves `value` under `key`; answers false when the browser refused (quota, disabled storage). */
export function save(key: string, value: unknown): boolean {
  try {
    store()?.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes a saved entry. */
export function forget(key: string): void {
  try {
    store()?.removeItem(STORAGE_PREFIX + key);
  } catch {
    // storage disabled: there is nothing to remove
  }
}

/** A key unique to the current page, so two lessons do not share saved state. */
export function pageKey(kind: string, name: string): string {
  const path = globalThis.location?.pathname ?? '/';
  return `${kind}:${path}:${name}`;
}

function setAside(key: string, raw: string, reason: string): Loaded<never> {
  try {
    store()?.setItem(STORAGE_PREFIX + key + ':corrupt', raw);
    store()?.removeItem(STORAGE_PREFIX + key);
  } catch {
    // storage disabled: the notice still tells the learner what happened
  }
  return { kind: 'corrupt', reason };
}
