/**
 * The world's simulated clock. Time only moves when someone advances it, so TOTP codes, session
 * expiry, `aws:CurrentTime` and `aws:MultiFactorAuthAge` are reproducible.
 */

/** Where the clock keeps its time: a field of the saved world (epoch milliseconds). */
export interface ClockState {
  clockMs: number;
}

/** The simulated clock of one world. */
export class Clock {
  readonly #state: ClockState;

  constructor(state: ClockState) {
    this.#state = state;
  }

  /** The current simulated time. */
  now(): Date {
    return new Date(this.#state.clockMs);
  }

  /** The current simulated time in epoch milliseconds. */
  nowMs(): number {
    return this.#state.clockMs;
  }

  /** Moves the clock forward by `seconds` (fractions allowed; never backwards). */
  advance(seconds: number): Date {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`advance(seconds) needs a finite number >= 0, got ${seconds}`);
    this.#state.clockMs += Math.round(seconds * 1000);
    return this.now();
  }

  /** Sets the clock to an absolute time (a Date, an ISO string or epoch milliseconds). */
  set(time: Date | string | number): Date {
    const ms = time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : time;
    if (!Number.isFinite(ms)) throw new RangeError(`set(time) needs a valid time, got ${String(time)}`);
    this.#state.clockMs = ms;
    return this.now();
  }
}
