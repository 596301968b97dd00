/**
 * The one owner of the page's simulator worker. Every widget on a page shares this worker; it is
 * created lazily on first use (never while the server renders), and restarted transparently if it
 * dies. Callers that only care about the newest answer use `latestOnly()` so that an answer a newer
 * request superseded is dropped.
 */
import { wrap } from 'comlink';
import type { SimulatorApi } from './simulator.worker.ts';
import { watchCall } from './watchdog.ts';

/**
 * The simulator as callers see it: every method answers a promise of its result. (comlink's own
 * `Remote` type splits a promised union into a union of promises, which defeats inference.)
 */
export type SimulatorClient = {
  [K in keyof SimulatorApi]: SimulatorApi[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

type Restorer = (api: SimulatorClient) => Promise<void>;

let worker: Worker | undefined;
let remote: SimulatorClient | undefined;
let generation = 0;
const restorers = new Set<Restorer>();
let restoring: { generation: number; done: Promise<void> } | undefined;
const deathListeners = new Set<(reason: string) => void>();

/** The page's simulator, started on first use. */
export function simulator(): SimulatorClient {
  if (!remote) start();
  return remote!;
}

/**
 * Runs `task` against the simulator; if the worker dies meanwhile, restarts it, lets every
 * registered restorer put its state back, and retries once.
 */
export async function withSimulator<R>(task: (api: SimulatorClient) => R): Promise<Awaited<R>> {
  const started = generation;
  try {
    return await raceDeath(Promise.resolve(task(simulator())));
  } catch (error) {
    if (!(error instanceof WorkerDiedError)) throw error;
    if (generation === started) restart(error.message);
    await restored();
    return raceDeath(Promise.resolve(task(simulator())));
  }
}

/** Registers a function that re-sends a widget's state to a fresh worker after a restart. */
export function onRestart(restore: Restorer): () => void {
  restorers.add(restore);
  return () => restorers.delete(restore);
}

/** Ends the worker on purpose (tests, and the "reset" actions); the next call starts a new one. */
export function terminateForTesting(): void {
  const dying = worker;
  restart('terminated');
  dying?.terminate();
}

/** A sequence guard: `run` resolves only with the newest request's answer; older answers are dropped. */
export function latestOnly<A extends unknown[], T>(
  fn: (...args: A) => Promise<T>,
): (...args: A) => Promise<{ stale: true } | { stale: false; value: T }> {
  let sequence = 0;
  return async (...args: A) => {
    const mine = ++sequence;
    const value = await fn(...args);
    return mine === sequence ? { stale: false, value } : { stale: true };
  };
}

/** Thrown when the worker dies while a call is in flight. */
export class WorkerDiedError extends Error {
  override name = 'WorkerDiedError';
}

function start(): void {
  generation++;
  worker = new Worker(new URL('./simulator.worker.ts', import.meta.url), { type: 'module', name: 'iam-dojo-simulator' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    restart(`the simulator stopped: ${event.message || 'unknown error'}`);
  });
  remote = wrap<SimulatorApi>(worker) as unknown as SimulatorClient;
  (globalThis as { __iamDojoWorker?: Worker }).__iamDojoWorker = worker;
}

function restart(reason: string): void {
  worker?.terminate();
  worker = undefined;
  remote = undefined;
  for (const listener of deathListeners) listener(reason);
  deathListeners.clear();
}

/** After a restart, every restorer runs once against the new worker; concurrent callers share it. */
function restored(): Promise<void> {
  if (restoring?.generation !== generation) {
    const api = simulator();
    const done = (async () => {
      for (const restore of restorers) await restore(api);
    })();
    restoring = { generation, done };
  }
  return restoring.done;
}

/**
 * Settles with `promise`, or rejects with WorkerDiedError when the worker dies first. A worker can
 * also stop answering without an error event (an endless loop); the watchdog (watchdog.ts) tells
 * that from a long legitimate call and restarts the worker only when it is hung.
 */
function raceDeath<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const mine = generation;
    const api = remote;
    const stopWatching = watchCall({
      ping: () => (api && generation === mine ? api.ping() : Promise.resolve()),
      onHung: () => {
        if (generation === mine) restart('the simulator stopped answering for a minute');
      },
    });
    const settle = () => {
      stopWatching();
      deathListeners.delete(onDeath);
    };
    const onDeath = (reason: string) => {
      settle();
      reject(new WorkerDiedError(reason));
    };
    deathListeners.add(onDeath);
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
