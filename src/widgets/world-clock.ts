/**
 * The world's clock in the browser follows real time: an authenticator app on the learner's phone
 * shows the codes the world expects, and sessions expire as they would in AWS. Before each change
 * the page moves the world's clock forward by the real time that passed (a journaled clock move,
 * so replay stays exact). Exercises that need more time still move the clock ahead themselves.
 */

/** The longest real-time step taken at once (the worker refuses larger clock moves). */
export const MAX_REAL_TIME_STEP_SECONDS = 366 * 24 * 3600;

/** True when the world's clock should follow real time (in a browser, unless a test froze it). */
export function followsRealTime(): boolean {
  return typeof window !== 'undefined' && !(globalThis as { __iamDojoFrozenClock?: boolean }).__iamDojoFrozenClock;
}

/** Whole seconds of real time since `anchor` (epoch ms), and the anchor after taking them. */
export function realTimeStep(anchor: number, now: number): { seconds: number; anchor: number } {
  const elapsed = Math.floor((now - anchor) / 1000);
  if (!(elapsed > 0)) return { seconds: 0, anchor };
  if (elapsed > MAX_REAL_TIME_STEP_SECONDS) return { seconds: MAX_REAL_TIME_STEP_SECONDS, anchor: now };
  return { seconds: elapsed, anchor: anchor + elapsed * 1000 };
}

/**
 * The time of day of a world instant, `HH:MM:SS`, read from the date's fields: a world moved past
 * year 9999 (a link may hold thousands of clock moves) has an ISO string with a six-digit year
 * (`+022067-08-24T09:00:00Z`), so slicing that string by position showed "24T09:00".
 */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '??:??:??';
  return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
