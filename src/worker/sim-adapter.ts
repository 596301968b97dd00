/**
 * The seam between the worker's api modules and the simulator: the world type they hold, clock
 * helpers, and `attempt`, which turns anything the simulator throws (SimulationError with a code and
 * position, ImportError, a bug) into a `Result` a widget can render — comlink would keep only an
 * Error's message.
 */
import type { World } from '../sim/index.ts';
import type { WorkerError } from './protocol.ts';

/** Turns anything thrown by the simulator into a WorkerError a widget can render. */
export function toWorkerError(error: unknown): WorkerError {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; span?: unknown; params?: unknown; errors?: unknown; position?: unknown };
    const first = Array.isArray(e.errors) ? (e.errors[0] as { span?: unknown } | undefined) : undefined;
    // SimulationError carries a single `position`; widgets read spans.
    const position = e.position && typeof e.position === 'object' ? e.position : undefined;
    const span = (e.span ?? first?.span ?? (position ? { start: position, end: position } : undefined)) as WorkerError['span'] | undefined;
    const out: WorkerError = {
      code: typeof e.code === 'string' ? e.code : 'SIMULATOR_ERROR',
      message: typeof e.message === 'string' && e.message ? e.message : String(error),
    };
    if (span && typeof span === 'object') out.span = span;
    if (e.params && typeof e.params === 'object') out.params = e.params as Record<string, string>;
    return out;
  }
  return { code: 'SIMULATOR_ERROR', message: String(error) };
}

/** Runs `task`, answering a Result instead of throwing. */
export async function attempt<T>(task: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: WorkerError }> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: toWorkerError(error) };
  }
}

/** The current time of a world, in epoch milliseconds. */
export function worldNow(world: World): number {
  return world.clock.now().getTime();
}

/** Moves a world's clock forward (src/sim/world/clock.ts takes seconds). */
export function advanceClock(world: World, seconds: number): void {
  world.clock.advance(seconds);
}
