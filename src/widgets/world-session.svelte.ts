/**
 * One named world as the page sees it, shared by every widget with the same `world` prop. It loads
 * the saved journal when first used, saves it after every change, puts it back into a restarted
 * worker, and bumps `revision` so widgets showing the world (trail, explorer, clock) refresh.
 */
import { onRestart, withSimulator } from '../worker/client.ts';
import type { Result, RunOutput, WorldJournal, WorldStart } from '../worker/protocol.ts';
import { worldJournalSchema } from '../worker/journal-schema.ts';
import { forget, loadSaved, pageKey, save, STORAGE_PREFIX } from '../worker/storage.ts';
import { commandSignal, emitExerciseSignal } from '../room/exercise-events.ts';
import type { ConsoleAnswer, ConsoleCall, ConsoleSignInForm } from '../worker/api/console.ts';
import type { ConsoleSignInResult } from '../sim/world/console-sign-in.ts';
import type { ConsoleSwitchRoleResult } from '../sim/world/console-switch-role.ts';

function parseJournal(raw: string): WorldJournal | undefined {
  try {
    const parsed = worldJournalSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: the other tab's own load reports it
  }
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry of sessions; each session holds its own reactive state
const sessions = new Map<string, WorldSession>();

/**
 * The page's session for world `name` (created on first use). `savedAs` is the page path whose saved
 * world to use instead of this page's own: the /console/ page works on /playground/'s world.
 */
export function worldSession(name = 'page', savedAs?: string): WorldSession {
  let session = sessions.get(name);
  if (!session) {
    session = new WorldSession(name, savedAs);
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
  readonly #key: string;
  #journal: WorldJournal | undefined;
  #started: Promise<unknown> | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(name: string, savedAs?: string) {
    this.name = name;
    this.#key = savedAs === undefined ? pageKey('world', name) : `world:${savedAs}:${name}`;
  }

  /** The queue of work on this world; loading the saved world comes first, on first use in the browser. */
  get #queue(): Promise<unknown> {
    if (!this.#started) {
      this.#started = this.#load();
      this.#tail = this.#started.catch(() => undefined);
      onRestart(async (api) => {
        if (this.#journal) await api.restore(this.name, this.#journal);
      });
      // Another tab on the same saved world (the playground and the console) changed it: follow it.
      globalThis.addEventListener?.('storage', (event: StorageEvent) => {
        if (event.key !== STORAGE_PREFIX + this.#key || event.newValue === null) return;
        const parsed = parseJournal(event.newValue);
        if (parsed) void this.#follow(parsed);
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

  /** Saves a text file in the world (the editor's Save), so the terminal's `file://NAME` reads it. */
  writeFile(name: string, text: string): Promise<Result<true>> {
    return this.#change(() => withSimulator((api) => api.writeFile(this.name, name, text)));
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

  /** A sign-in on the simulated console (kept in the journal like a command). */
  consoleSignIn(form: ConsoleSignInForm): Promise<Result<ConsoleSignInResult>> {
    return this.#change(() => withSimulator((api) => api.consoleSignIn(this.name, form)));
  }

  /** Switch role in the simulated console. */
  consoleSwitchRole(sessionId: string, accountId: string, roleName: string): Promise<Result<ConsoleSwitchRoleResult>> {
    return this.#change(() => withSimulator((api) => api.consoleSwitchRole(this.name, sessionId, accountId, roleName)));
  }

  /** A call the simulated console makes for a signed-in session that may change the world. */
  consoleCall(sessionId: string, request: ConsoleCall): Promise<Result<ConsoleAnswer>> {
    return this.#change(() => withSimulator((api) => api.consoleCall(this.name, sessionId, request)));
  }

  /** Reads from the world without changing it (waits for earlier changes first). */
  read<T>(task: (api: Parameters<Parameters<typeof withSimulator>[0]>[0]) => PromiseLike<T>): Promise<T> {
    const next: Promise<T> = this.#queue.then(() => withSimulator(task));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Takes over a journal another tab saved, without saving it again (that would echo back). */
  #follow(journal: WorldJournal): Promise<void> {
    const next = this.#queue.then(async () => {
      const result = await withSimulator((api) => api.restore(this.name, journal));
      if (!result.ok) return;
      this.#journal = journal;
      this.revision++;
    });
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
    const key = this.#key;
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
    save(this.#key, result.value);
  }
}
