/**
 * Saved state in the browser: worlds and editor text under versioned localStorage keys. Everything
 * read back is validated with a zod schema; a corrupt entry is set aside (the newest few copies are
 * kept under `:corrupt:<time>` keys, each cut to a bounded size; the whole text stays in memory for
 * this page so the learner can download it) and reported, so the widget can show a notice. A save
 * the browser refuses is answered with the reason, never ignored.
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
  if (!parsed.success)
    return setAside(
      key,
      raw,
      parsed.error.issues
        .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
        .slice(0, 3)
        .join('; '),
    );
  return { kind: 'ok', value: parsed.data };
}

/** What saving answered: done, or why not (in words a learner can act on). */
export type SaveOutcome = { ok: true; chars: number } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

/** About how many characters a site may keep in localStorage (5 MB in Chromium and Firefox). */
export const ASSUMED_QUOTA_CHARS = 5_000_000;
/** Above this share of the quota the learner is warned. */
export const WARN_FRACTION = 0.8;
/** Most set-aside copies kept per key, and the longest one kept (characters). */
export const MAX_CORRUPT_COPIES = 3;
export const MAX_CORRUPT_COPY_CHARS = 100_000;

/** Saves `value` under `key`; answers false when the browser refused (quota, disabled storage). */
export function save(key: string, value: unknown): boolean {
  return saveText(key, JSON.stringify(value)).ok;
}

/** Saves text under `key` and says how it went. */
export function saveText(key: string, text: string): SaveOutcome {
  const storage = store();
  if (!storage)
    return {
      ok: false,
      reason: 'unavailable',
      message: 'This browser does not let the site save anything (private mode or storage turned off).',
    };
  try {
    storage.setItem(STORAGE_PREFIX + key, text);
    return { ok: true, chars: text.length };
  } catch (error) {
    const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return quota
      ? {
          ok: false,
          reason: 'quota',
          message: `The browser's storage for this site is full (this save needed ${formatChars(text.length)}).`,
        }
      : {
          ok: false,
          reason: 'unavailable',
          message: `The browser refused to save (${(error as Error).message || 'storage unavailable'}).`,
        };
  }
}

/** The raw saved text of `key`: null when nothing is saved, undefined when storage cannot be read. */
export function readText(key: string): string | null | undefined {
  try {
    return store()?.getItem(STORAGE_PREFIX + key) ?? null;
  } catch {
    return undefined;
  }
}

/** Characters this site keeps in storage now (keys and values), and the share of the assumed quota. */
export function storageUse(): { chars: number; fraction: number } {
  let chars = 0;
  try {
    const storage = store();
    if (storage) {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k !== null) chars += k.length + (storage.getItem(k)?.length ?? 0);
      }
    }
  } catch {
    // storage disabled: nothing is used
  }
  return { chars, fraction: chars / ASSUMED_QUOTA_CHARS };
}

/** A size as the learner reads it (characters ≈ bytes for this JSON). */
export function formatChars(chars: number): string {
  if (chars < 1000) return `${chars} bytes`;
  if (chars < 1_000_000) return `${Math.round(chars / 1000)} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
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

/** Whole texts set aside during this page's life, by key (for "download the unreadable copy"). */
const unreadable = new Map<string, string>();

/** The whole text last set aside for `key` on this page, if any. */
export function unreadableCopy(key: string): string | undefined {
  return unreadable.get(key);
}

/** The saved keys (without STORAGE_PREFIX) that start with `prefix`; undefined when storage cannot be listed. */
export function keysStartingWith(prefix: string): string[] | undefined {
  const found: string[] = [];
  try {
    const storage = store();
    for (let i = 0; storage && i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k.startsWith(STORAGE_PREFIX + prefix)) found.push(k.slice(STORAGE_PREFIX.length));
    }
  } catch {
    return undefined;
  }
  return found;
}

/** Keys of the copies set aside for `key`, newest first. */
export function corruptCopies(key: string): string[] {
  return (keysStartingWith(`${key}:corrupt`) ?? []).sort().reverse();
}

/**
 * Sets `raw` aside: kept whole in memory for this page, and in storage as a bounded copy (the
 * newest MAX_CORRUPT_COPIES, each cut to MAX_CORRUPT_COPY_CHARS) so a broken entry can neither
 * be lost at once nor fill the storage. The entry itself is removed.
 */
export function setAside(key: string, raw: string, reason: string): Loaded<never> {
  unreadable.set(key, raw);
  const kept =
    raw.length > MAX_CORRUPT_COPY_CHARS ? `${raw.slice(0, MAX_CORRUPT_COPY_CHARS)}\n… (cut: ${raw.length} characters in all)` : raw;
  try {
    const storage = store();
    storage?.removeItem(STORAGE_PREFIX + key);
    const legacy = storage?.getItem(`${STORAGE_PREFIX}${key}:corrupt`); // the single copy older builds kept
    if (legacy != null) {
      storage?.removeItem(`${STORAGE_PREFIX}${key}:corrupt`);
      storage?.setItem(`${STORAGE_PREFIX}${key}:corrupt:00000000T000000000Z`, legacy.slice(0, MAX_CORRUPT_COPY_CHARS));
    }
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    storage?.setItem(`${STORAGE_PREFIX}${key}:corrupt:${stamp}`, kept);
    for (const old of corruptCopies(key).slice(MAX_CORRUPT_COPIES)) storage?.removeItem(STORAGE_PREFIX + old);
  } catch {
    // storage full or disabled: the whole text is still in memory for the download
  }
  return { kind: 'corrupt', reason };
}
