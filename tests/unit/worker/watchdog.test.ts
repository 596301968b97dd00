/**
 * The worker watchdog tells a busy worker from a hung one: a long legitimate call (the worker cannot
 * answer pings meanwhile) is never cut short; only a worker silent for BUSY_LIMIT_MS is given up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_LIMIT_MS, watchCall } from '../../../src/worker/watchdog.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchCall', () => {
  it('lets a call that keeps the worker busy for 10 s finish (it used to be restarted after ~4.5 s)', async () => {
    const onHung = vi.fn();
    const onBusy = vi.fn();
    const stop = watchCall({ ping: () => new Promise(() => undefined), onHung, onBusy });
    await vi.advanceTimersByTimeAsync(10_000);
    stop();
    expect(onHung).not.toHaveBeenCalled();
    expect(onBusy).toHaveBeenCalled();
  });

  it('gives up a worker that answers nothing for the busy limit', async () => {
    const onHung = vi.fn();
    watchCall({ ping: () => new Promise(() => undefined), onHung });
    await vi.advanceTimersByTimeAsync(BUSY_LIMIT_MS + 6_000);
    expect(onHung).toHaveBeenCalledTimes(1);
  });

  it('keeps watching while pings are answered, without calling anything', async () => {
    const onHung = vi.fn();
    const onBusy = vi.fn();
    const stop = watchCall({ ping: () => Promise.resolve('pong'), onHung, onBusy });
    await vi.advanceTimersByTimeAsync(BUSY_LIMIT_MS * 2);
    stop();
    expect(onHung).not.toHaveBeenCalled();
    expect(onBusy).not.toHaveBeenCalled();
  });
});
