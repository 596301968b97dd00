/**
 * One named world as the page sees it, shared by every widget with the same `world` prop. It loads
 * the saved journal when first used, saves it after every change, puts it back into a restarted
 * worker, and bumps `revision` so widgets showing the world (trail, explorer, clock) refresh.
 */
import { onRestart, withSimulator } from '../worker/client.ts';
import type { Result, RunOutput, WorldJournal, WorldStart } from '../worker/protocol.ts';
import { worldJournalSchema } from '../worker/journal-schema.ts';
import { forget, loadSaved, pageKey, save } from '../worker/storage.ts';
import { commandSignal, emitExerciseSignal } from '../room/exercise-events.ts';

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry of sessions; each session holds its own reactive state
const sessions = new Map<string, WorldSession>();

/** The page's session for world `name` (created on first use). */
export function worldSession(name = 'page'): WorldSession {
  let session = sessions.get(name);
  if (!session) {
    session = new WorldSession(name);
    sessions.set(name, session);
  }
  return session;
}

/** A page-side handle on one world in the worker. */
export class WorldSession {
  /** Increases after every change to the world. */
  revision = $state(0);
  /** A notice for the learner (e.g. the saved world was corrupt and a fresh one started). */
  notice: string | null = $state(null);
  /** Last problem talking to the worker, shown by widgets. */
  failure: { code: string; message: string } | null = $state.raw(null);

  readonly name: string;
  #journal: WorldJournal | undefined;
  #started: Promise<unknown> | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(name: string) {
    this.name = name;
  }

  /** The queue of work on this world; loading the saved world comes first, on first use in the browser. */
  get #queue(): Promise<unknown> {
    if (!this.#started) {
      this.#started = this.#load();
      this.#tail = this.#started.catch(() => undefined);
      onRestart(async (api) => {
        if (this.#journal) await api.restore(this.name, this.#journal);
      });
    }
    return this.#tail;
  }

  set #queue(next: Promise<unknown>) {
    this.#tail = next;
  }

  /** Runs a command line; resolves with its output (errors of the simulator come back as output on stderr). */
  run(line: string, extra: { mfaCode?: string; profile?: string; sourceIp?: string } = {}): Promise<RunOutput> {
    return this.#change(async () => {
      const result = await withSimulator((api) => api.run(this.name, line, extra));
      const output = result.ok ? result.value : { exitCode: 255, stdout: '', stderr: `${result.error.message} [${result.error.code}]\n` };
      emitExerciseSignal(commandSignal(this.name, line, output));
      return output;
    });
  }

  /** Moves the world's clock forward. */
  advance(seconds: number): Promise<Result<number>> {
    return this.#change(() => withSimulator((api) => api.advanceClock(this.name, seconds)));
  }

  /** Starts the world afresh (optionally from an imported account or an exercise start). */
  reset(start?: WorldStart): Promise<Result<true>> {
    return this.#change(() => withSimulator((api) => api.reset(this.name, start)));
  }

  /** Replaces the world with a journal (an import or a share link; validate it first). */
  replace(journal: WorldJournal): Promise<Result<true>> {
    return this.#change(() => withSimulator((api) => api.restore(this.name, journal)));
  }

  /** The world's journal as saved. */
  async journal(): Promise<WorldJournal | undefined> {
    await this.#queue;
    return this.#journal;
  }

  /** Reads from the world without changing it (waits for earlier changes first). */
  read<T>(task: (api: Parameters<Parameters<typeof withSimulator>[0]>[0]) => PromiseLike<T>): Promise<T> {
    const next: Promise<T> = this.#queue.then(() => withSimulator(task));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #change<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      const value = await task();
      await this.#persist();
      this.revision++;
      return value;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #load(): Promise<void> {
    const key = pageKey('world', this.name);
    const saved = loadSaved(key, worldJournalSchema);
    if (saved.kind === 'corrupt') {
      this.notice = `Your saved world could not be read (${saved.reason}); a fresh world was started. The old copy is kept in this browser's storage.`;
    }
    if (saved.kind === 'ok') {
      const result = await withSimulator((api) => api.restore(this.name, saved.value));
      if (!result.ok) {
        this.notice = `Your saved world could not be rebuilt (${result.error.message}); a fresh world was started.`;
        forget(key);
      } else {
        this.#journal = saved.value;
        return;
      }
    }
    await this.#persist();
  }

  async #persist(): Promise<void> {
    const result = await withSimulator((api) => api.journal(this.name));
    if (!result.ok) {
      this.failure = result.error;
      return;
    }
    this.failure = null;
    this.#journal = result.value;
    save(pageKey('world', this.name), result.value);
  }
}
