/**
 * The one place that knows the simulator's exports (src/sim/index.ts). The simulator is built in
 * parallel with the widgets, so every export is looked up by name: a missing one becomes a visible
 * `SIM_EXPORT_MISSING` error in the widget instead of a broken build, and it lights up as soon as
 * the export lands. The shapes follow shared DESIGN.md ("Public API of the simulator").
 */
import * as sim from '../sim/index.ts';
import type { WorkerError } from './protocol.ts';

/** The parts of a World the worker uses (DESIGN.md, `createWorld`). */
export interface SimWorld {
  run(line: string, options?: Record<string, unknown>): Promise<{ exitCode: number; stdout: string; stderr: string; mfaPrompt?: string }> | { exitCode: number; stdout: string; stderr: string; mfaPrompt?: string };
  trail(): { Records: Record<string, unknown>[] };
  readFile?(name: string): string | Uint8Array | undefined;
  writeFile?(name: string, data: string | Uint8Array): void;
  clock: { now(): Date | number; advance?(amount: number): void };
  exportAuthorizationDetails(): unknown;
}

type Fn = (...args: never[]) => unknown;

/** Thrown (and turned into a Result by the api modules) when the simulator lacks an export. */
export class SimUnavailable extends Error {
  constructor(readonly exportName: string) {
    super(`The simulator does not provide "${exportName}" yet.`);
  }
}

/** The export `name` of src/sim/index.ts, or a SimUnavailable error. */
export function simExport<F extends Fn>(name: string): F {
  const value = (sim as unknown as Record<string, unknown>)[name];
  if (typeof value !== 'function') throw new SimUnavailable(name);
  return value as F;
}

/** Whether src/sim/index.ts provides `name`. */
export function hasSimExport(name: string): boolean {
  return typeof (sim as unknown as Record<string, unknown>)[name] === 'function';
}

/** Turns anything thrown by the simulator into a WorkerError a widget can render. */
export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof SimUnavailable) {
    return { code: 'SIM_EXPORT_MISSING', message: error.message, params: { export: error.exportName } };
  }
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
export function worldNow(world: SimWorld): number {
  const now = world.clock.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** Moves a world's clock forward. */
export function advanceClock(world: SimWorld, seconds: number): void {
  if (typeof world.clock.advance !== 'function') throw new SimUnavailable('world.clock.advance');
  world.clock.advance(seconds); // src/sim/world/clock.ts takes seconds
}
