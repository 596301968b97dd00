/**
 * "Reset all progress on this machine": removes every IAM Dojo entry from localStorage and
 * sessionStorage — saved worlds, editor text, exercise progress, whatever version wrote them — so a
 * workshop laptop starts clean for the next learner. The instructor-mode switch itself is kept: the
 * instructor who pressed the button is still presenting.
 */
import { INSTRUCTOR_STORAGE_KEY } from './settings.ts';

/** Every key this site writes starts with this (e.g. `iam-dojo:v1:world:…`). */
export const DOJO_KEY_PREFIX = 'iam-dojo:';

/** The window event fired after a reset; `detail` is `{ removed: number }`. */
export const PROGRESS_RESET_EVENT = 'iam-dojo:progress-reset';

/** Keys of IAM Dojo entries in `storage` that a reset removes. */
export function resettableKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(DOJO_KEY_PREFIX) && key !== INSTRUCTOR_STORAGE_KEY) keys.push(key);
  }
  return keys;
}

/** Removes every IAM Dojo entry (but the instructor switch) and answers how many were removed. */
export function resetAllProgress(storages: Storage[] = defaultStorages()): number {
  let removed = 0;
  for (const storage of storages) {
    for (const key of resettableKeys(storage)) {
      storage.removeItem(key);
      removed++;
    }
  }
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_RESET_EVENT, { detail: { removed } }));
  return removed;
}

function defaultStorages(): Storage[] {
  const storages: Storage[] = [];
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = globalThis[name];
      if (storage) storages.push(storage);
    } catch {
      // Storage disabled: nothing was saved there.
    }
  }
  return storages;
}
