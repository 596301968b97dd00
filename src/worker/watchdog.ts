/**
 * Telling a busy worker from a dead one. A worker doing a long synchronous call cannot answer a
 * ping, and neither can a dead one; so an unanswered ping only marks the worker busy (widgets can
 * say "still working"), and the worker is given up as hung only when it has not answered for
 * BUSY_LIMIT_MS — far beyond any legitimate call, whose inputs are capped where AWS caps them.
 */

/** How long a call may run before the first ping, and how long a ping may take. */
export const CHECK_AFTER_MS = 3000;
export const PING_TIMEOUT_MS = 1500;
/** A worker that answers nothing for this long is hung (an endless loop), not busy. */
export const BUSY_LIMIT_MS = 60_000;

/** What the watchdog needs. */
export interface WatchdogOptions {
  /** Answers when the worker is free to answer. */
  ping: () => Promise<unknown>;
  /** Called (repeatedly) while the worker is busy, with the milliseconds since the call began. */
  onBusy?: (ms: number) => void;
  /** Called once when the worker has not answered for `busyLimitMs`. */
  onHung: () => void;
  checkAfterMs?: number;
  pingTimeoutMs?: number;
  busyLimitMs?: number;
}

/** Starts watching one call; answers the function that stops watching (call it when the call settles). */
export function watchCall(options: WatchdogOptions): () => void {
  const { ping, onBusy, onHung, checkAfterMs = CHECK_AFTER_MS, pingTimeoutMs = PING_TIMEOUT_MS, busyLimitMs = BUSY_LIMIT_MS } = options;
  const started = Date.now();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    const answered = await Promise.race([
      ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), pingTimeoutMs)),
    ]);
    if (stopped) return;
    const elapsed = Date.now() - started;
    if (!answered) {
      if (elapsed >= busyLimitMs) {
        stopped = true;
        onHung();
        return;
      }
      onBusy?.(elapsed);
    }
    timer = setTimeout(() => void check(), checkAfterMs);
  };
  timer = setTimeout(() => void check(), checkAfterMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
