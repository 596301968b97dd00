/**
 * Instructor mode, the tiny API every widget reads. In instructor mode exercises show their
 * solutions and check details, and the site uses presenter-size type (`<html data-instructor="on">`
 * plus instructor.css). The switch persists in localStorage (settings.ts) and follows
 * `?instructor=on|off`, the header toggle, and changes made in other tabs.
 *
 * ```ts
 * import { isInstructorMode, onInstructorModeChange } from '../instructor/mode.ts';
 * const stop = onInstructorModeChange((enabled) => (showSolution = enabled));
 * ```
 * Svelte components can use `instructorMode.enabled` from instructor-mode.svelte.ts instead.
 */
import { INSTRUCTOR_STORAGE_KEY, instructorParameter, parseInstructorSettings, type ParsedInstructorSettings } from './settings.ts';

/** The window event fired whenever the mode changes; `detail` is `{ enabled: boolean }`. */
export const INSTRUCTOR_MODE_EVENT = 'iam-dojo:instructor-mode';

/** The root attribute that turns on presenter styles: `<html data-instructor="on">`. */
export const INSTRUCTOR_ROOT_ATTRIBUTE = 'data-instructor';

/** Detail of INSTRUCTOR_MODE_EVENT. */
export interface InstructorModeChange {
  /** Whether instructor mode is now on. */
  enabled: boolean;
}

/** True when instructor mode is on in this browser (the saved switch, validated). */
export function isInstructorMode(): boolean {
  return readSaved().settings.enabled;
}

/** Turns instructor mode on or off: saves it, updates the root attribute and notifies listeners. */
export function setInstructorMode(enabled: boolean): void {
  try {
    globalThis.localStorage?.setItem(INSTRUCTOR_STORAGE_KEY, JSON.stringify({ version: 1, enabled }));
  } catch {
    // Storage disabled (private mode): the switch still applies to this page, it just won't persist.
    sessionOverride = enabled;
  }
  applyRootAttribute(enabled);
  globalThis.dispatchEvent?.(new CustomEvent<InstructorModeChange>(INSTRUCTOR_MODE_EVENT, { detail: { enabled } }));
}

/** Calls `listener` whenever the mode changes (here or in another tab); returns the unsubscribe. */
export function onInstructorModeChange(listener: (enabled: boolean) => void): () => void {
  const onLocal = (event: Event): void => listener((event as CustomEvent<InstructorModeChange>).detail.enabled);
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== INSTRUCTOR_STORAGE_KEY && event.key !== null) return; // null: storage cleared
    const enabled = isInstructorMode();
    applyRootAttribute(enabled);
    listener(enabled);
  };
  globalThis.addEventListener?.(INSTRUCTOR_MODE_EVENT, onLocal);
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    globalThis.removeEventListener?.(INSTRUCTOR_MODE_EVENT, onLocal);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/**
 * Applies `?instructor=on|off` from the page URL (if present) and makes the root attribute match the
 * validated saved switch. Run once per page load; returns the mode in effect.
 */
export function initInstructorMode(search: string = globalThis.location?.search ?? ''): boolean {
  const fromUrl = instructorParameter(search);
  if (fromUrl !== undefined && fromUrl !== isInstructorMode()) setInstructorMode(fromUrl);
  else if (fromUrl !== undefined) sessionOverride = fromUrl; // storage may be disabled: honour the URL anyway
  const enabled = isInstructorMode();
  applyRootAttribute(enabled);
  return enabled;
}

/** The saved switch with the reason it was ignored, if it was (for a visible notice). */
export function readInstructorSettings(): ParsedInstructorSettings {
  return readSaved();
}

/** Set when localStorage refuses writes, so the switch still works for the current page. */
let sessionOverride: boolean | undefined;

function readSaved(): ParsedInstructorSettings {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem(INSTRUCTOR_STORAGE_KEY) ?? null;
  } catch {
    // Storage disabled: fall back to what this page was told.
  }
  const parsed = parseInstructorSettings(raw);
  if (raw === null && sessionOverride !== undefined) return { settings: { version: 1, enabled: sessionOverride } };
  return parsed;
}

function applyRootAttribute(enabled: boolean): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  if (enabled) root.setAttribute(INSTRUCTOR_ROOT_ATTRIBUTE, 'on');
  else root.removeAttribute(INSTRUCTOR_ROOT_ATTRIBUTE);
}
