/**
 * One named world as the page sees it, shared by every widget with the same `world` prop. It loads
 * the saved journal when first used (keeping every readable entry), saves it after every change and
 * says so when the browser refuses, never overwrites what another tab saved later, puts the world
 * back into a restarted worker, lets the world's clock follow real time, and bumps `revision` so
 * widgets showing the world (trail, explorer, clock) refresh.
 */
import { onRestart, withSimulator } from '../worker/client.ts';
import type { Result, RunOutput, WorldJournal, WorldStart } from '../worker/protocol.ts';
import { MAX_STORED_OPS, droppedInWords, readScenario } from '../worker/journal-schema.ts';
import {
  ASSUMED_QUOTA_CHARS,
  STORAGE_PREFIX,
  WARN_FRACTION,
  forget,
  formatChars,
  pageKey,
  readText,
  saveText,
  setAside,
  storageUse,
  unreadableCopy,
  type SaveOutcome,
} from '../worker/storage.ts';
import { journalText, newSnapshotKey, readSavedWorld, retireLater, sweepSnapshots, type SavedSnapshot } from './saved-world.ts';
import { followsRealTime, realTimeStep } from './world-clock.ts';
import type { PortalOp, PortalOpResult } from '../sim/scenario/portal-op.ts';
import type { ConsoleAnswer, ConsoleCall, ConsoleSignInForm } from '../worker/api/console.ts';
import type { ConsoleSignInResult } from '../sim/world/console-sign-in.ts';
import type { ConsoleSwitchRoleResult } from '../sim/world/console-switch-role.ts';
import { commandSignal, emitExerciseSignal } from '../room/exercise-events.ts';

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

/** What the learner is told about the saved world, and what they can do about it. */
export interface SessionNotice {
  /** `problem`: work may be lost unless they act; `info`: something happened they should know. */
  kind: 'problem' | 'info';
  text: string;
  /** Offer to download the text that could not be read. */
  unreadable?: boolean;
  /** Offer the two ways out of a conflict with another tab. */
  conflict?: boolean;
  /** Offer to export the world (a failed save). */
  exportOffer?: boolean;
}

/** A page-side handle on one world in the worker. */
export class WorldSession {
  /** Increases after every change to the world. */
  revision = $state(0);
  /**
   * Bumped when the world is started afresh or replaced (Reset, an import, a share link, an exercise
   * start): what a terminal printed before describes a world that is gone (learners review POLISH 4).
   */
  replaced = $state(0);
  /** What the learner must know about the saved world (a failed save, a corrupt entry, another tab). */
  notice: SessionNotice | null = $state.raw(null);
  /** A warning that the browser's storage is nearly full (kept apart so other notices don't hide it). */
  storageWarning: string | null = $state(null);
  /** Last problem talking to the worker, shown by widgets. */
  failure: { code: string; message: string } | null = $state.raw(null);

  readonly name: string;
  readonly key: string;
  #journal: WorldJournal | undefined;
  /** Which snapshot `#journal` holds, as the worker names it (JournalUpdate). */
  #generation: string | undefined;
  /** The text this tab last wrote (or read): anything else in storage was written by another tab. */
  #lastWritten: string | null = null;
  /** The snapshot saved on its own that the journal this tab last wrote (or read) names (saved-world.ts). */
  #saved: SavedSnapshot | undefined;
  #conflict = false;
  #savesSinceMeasure = 0;
  /** Real time (epoch ms) the world's clock was last brought up to. */
  #realAnchor = Date.now();
  #started: Promise<unknown> | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(name: string, savedAs?: string) {
    this.name = name;
    this.key = savedAs === undefined ? pageKey('world', name) : `world:${savedAs}:${name}`;
  }

  /** The queue of work on this world; loading the saved world comes first, on first use in the browser. */
  get #queue(): Promise<unknown> {
    if (!this.#started) {
      this.#started = this.#load();
      this.#tail = this.#started.catch(() => undefined);
      onRestart(async (api) => {
        if (this.#journal) await api.restore(this.name, this.#journal);
      });
      globalThis.addEventListener?.('storage', (event: StorageEvent) => this.#onStorage(event));
    }
    return this.#tail;
  }

  set #queue(next: Promise<unknown>) {
    this.#tail = next;
  }

  /** Runs a command line; resolves with its output (errors of the simulator come back as output on stderr). */
  run(line: string, extra: { mfaCode?: string; profile?: string; sourceIp?: string } = {}): Promise<RunOutput> {
    return this.#change(async () => {
      await this.#followRealTime();
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

  /** A sign-in on the simulated console (kept in the journal like a command). */
  consoleSignIn(form: ConsoleSignInForm): Promise<Result<ConsoleSignInResult>> {
    return this.#change(async () => {
      await this.#followRealTime();
      return withSimulator((api) => api.consoleSignIn(this.name, form));
    });
  }

  /** An action in the AWS access portal (kept in the journal like a command). */
  portalAction(op: Omit<PortalOp, 'kind'>): Promise<Result<PortalOpResult>> {
    return this.#change(async () => {
      await this.#followRealTime();
      return withSimulator((api) => api.portalAction(this.name, op));
    });
  }

  /** Switch role in the simulated console. */
  consoleSwitchRole(sessionId: string, accountId: string, roleName: string): Promise<Result<ConsoleSwitchRoleResult>> {
    return this.#change(async () => {
      await this.#followRealTime();
      return withSimulator((api) => api.consoleSwitchRole(this.name, sessionId, accountId, roleName));
    });
  }

  /** A call the simulated console makes for a signed-in session that may change the world. */
  consoleCall(sessionId: string, request: ConsoleCall): Promise<Result<ConsoleAnswer>> {
    return this.#change(async () => {
      await this.#followRealTime();
      return withSimulator((api) => api.consoleCall(this.name, sessionId, request));
    });
  }

  /** Moves the world's clock forward. */
  advance(seconds: number): Promise<Result<number>> {
    return this.#change(async () => {
      await this.#followRealTime();
      return withSimulator((api) => api.advanceClock(this.name, seconds));
    });
  }

  /** Starts the world afresh (optionally from an imported account or an exercise start). */
  reset(start?: WorldStart): Promise<Result<true>> {
    return this.#change(async () => {
      const result = await withSimulator((api) => api.reset(this.name, start));
      this.#realAnchor = Date.now();
      if (result.ok) this.replaced++;
      return result;
    });
  }

  /**
   * Replaces the world with a journal (an import, a share link, an exercise start; validate it
   * first). It is saved before the world is replaced: when the browser cannot hold it, nothing is
   * replaced and the answer says why (code WORLD_TOO_LARGE_TO_SAVE).
   */
  replace(journal: WorldJournal): Promise<Result<true>> {
    return this.#change(async () => {
      const before = readText(this.key);
      const text = JSON.stringify(journal);
      const saved = saveText(this.key, text);
      if (!saved.ok) {
        return {
          ok: false,
          error: {
            code: 'WORLD_TOO_LARGE_TO_SAVE',
            message: `This world (${formatChars(text.length)}) cannot be saved in this browser, so nothing was replaced: ${saved.message} Free some space (reset lessons you have finished, or clear this site's data after exporting) and try again.`,
          },
        };
      }
      this.#lastWritten = text;
      const result = await withSimulator((api) => api.restore(this.name, journal));
      if (!result.ok && typeof before === 'string') {
        saveText(this.key, before);
        this.#lastWritten = before;
      }
      this.#realAnchor = Date.now();
      this.#conflict = false;
      if (result.ok) this.replaced++;
      return result;
    });
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

  /** Real milliseconds the world's clock is behind real time until the next change moves it (0 when frozen). */
  realLagMs(): number {
    return followsRealTime() ? Math.max(0, Date.now() - this.#realAnchor) : 0;
  }

  /** The text that could not be read, for "download the unreadable copy" (this page's copy, whole). */
  unreadableText(): string | undefined {
    return unreadableCopy(this.key);
  }

  /** After a conflict: take the world the other tab saved (this tab's changes since are dropped). */
  useSaved(): Promise<void> {
    return this.#enqueue(async () => {
      this.#conflict = false;
      await this.#adoptSaved('Now showing the world saved by your other tab.');
    });
  }

  /** After a conflict: keep this tab's world and save it over the other tab's. */
  keepThisTab(): Promise<void> {
    return this.#enqueue(async () => {
      this.#conflict = false;
      this.#lastWritten = readText(this.key) ?? null;
      this.notice = null;
      // The other tab may have removed this tab's snapshot since: write it again; the two it replaces
      // (this tab's and the one the other tab's journal names) go once nothing names them.
      const theirs = readSavedWorld(this.key);
      const replaced = [this.#saved?.key, theirs?.read.ok ? theirs.read.snapshot?.key : undefined];
      this.#saved = undefined;
      await this.#persist();
      for (const key of replaced) if (key !== undefined) retireLater(this.key, key);
      this.revision++;
    });
  }

  /** Hides an information notice. */
  dismiss(): void {
    if (this.notice?.kind === 'info') this.notice = null;
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #change<T>(task: () => Promise<T>): Promise<T> {
    return this.#enqueue(async () => {
      const value = await task();
      await this.#persist();
      this.revision++;
      return value;
    });
  }

  /** Brings the world's clock up to real time (journaled like any clock move). */
  async #followRealTime(): Promise<void> {
    if (!followsRealTime()) return;
    const step = realTimeStep(this.#realAnchor, Date.now());
    if (step.seconds <= 0) return;
    this.#realAnchor = step.anchor;
    await withSimulator((api) => api.advanceClock(this.name, step.seconds));
  }

  /** Where the real time the world's clock was last brought up to is kept (time passes while the tab is closed, too). */
  get #clockKey(): string {
    return `${this.key}:real-time`;
  }

  async #load(): Promise<void> {
    const anchor = Number(readText(this.#clockKey));
    const restored = await this.#loadSaved();
    if (restored && Number.isFinite(anchor) && anchor > 0 && anchor <= Date.now()) this.#realAnchor = anchor;
    sweepSnapshots(this.key);
  }

  /** Restores the saved world; false when a fresh one was started (nothing saved, or unreadable). */
  async #loadSaved(): Promise<boolean> {
    const saved = readSavedWorld(this.key);
    const fresh = async (why?: string): Promise<false> => {
      if (saved && why !== undefined) this.#unreadable(saved.whole, why);
      await this.#persist();
      return false;
    };
    if (!saved) return fresh();
    if (!saved.read.ok) return fresh(saved.read.why);
    const read = readScenario(saved.read.data, { maxOps: MAX_STORED_OPS });
    if (!read.ok) return fresh(read.error.message);
    const result = await withSimulator((api) => api.restore(this.name, read.journal));
    if (!result.ok) return fresh(`it could not be rebuilt (${result.error.message})`);
    this.#journal = read.journal;
    this.#lastWritten = saved.raw;
    this.#saved = saved.read.snapshot;
    if (read.dropped.length > 0) {
      setAside(this.key, saved.whole, 'entries dropped');
      this.notice = {
        kind: 'problem',
        unreadable: true,
        text: `Your saved world was restored, but not completely. ${droppedInWords(read.dropped)} The original is kept; you can download it.`,
      };
      await this.#persist();
    }
    return true;
  }

  #unreadable(whole: string, why: string): void {
    setAside(this.key, whole, why);
    this.#lastWritten = null;
    this.notice = {
      kind: 'problem',
      unreadable: true,
      text: `Your saved world could not be read (${why}); a fresh world was started. The unreadable copy is kept; you can download it.`,
    };
  }

  async #persist(): Promise<void> {
    // The snapshot (most of a long session's journal) crosses from the worker only when it changed;
    // the worker keeps it back only for the generation named here, so a journal is never saved
    // without the snapshot its operations start from.
    const known = this.#journal?.snapshot === undefined ? undefined : this.#generation;
    const result = await withSimulator((api) => api.journalUpdate(this.name, known));
    if (!result.ok) {
      this.failure = result.error;
      return;
    }
    this.failure = null;
    const update = result.value;
    const journal = update.journal;
    if (update.snapshotKept && this.#journal?.snapshot !== undefined) journal.snapshot = this.#journal.snapshot;
    this.#journal = journal;
    this.#generation = update.generation;
    if (this.#conflict) return;
    const stored = readText(this.key);
    if (typeof stored === 'string' && this.#lastWritten !== null && stored !== this.#lastWritten) {
      // Another tab saved this world after this tab did: never overwrite newer work with older.
      this.#conflict = true;
      this.notice = {
        kind: 'problem',
        conflict: true,
        text: 'This world was also changed in another tab, which saved it after this tab did. To keep the newer work, this tab stopped saving. Use the other tab’s world (this tab’s latest change is dropped), or keep this tab’s (it replaces the other tab’s).',
      };
      return;
    }
    const saved = this.#write(journal);
    if (!saved.ok) {
      this.notice = {
        kind: 'problem',
        exportOffer: true,
        text: `Your latest change is NOT saved: ${saved.message} It stays in this tab until you close or reload it. Export the world to keep it, then free space (reset lessons you have finished, or clear this site's data) — saving resumes by itself.`,
      };
      return;
    }
    saveText(this.#clockKey, String(this.#realAnchor));
    if (this.notice?.exportOffer) this.notice = null;
    // Measuring the whole storage reads every entry: do it now and then, not on every command.
    if (this.#savesSinceMeasure++ % 10 !== 0 && !this.storageWarning) return;
    const use = storageUse();
    this.storageWarning =
      use.fraction >= WARN_FRACTION
        ? `The browser's storage for IAM Dojo is ${Math.round(use.fraction * 100)} % full (${formatChars(use.chars)} of about ${formatChars(ASSUMED_QUOTA_CHARS)}). Export the worlds you want to keep and reset lessons you have finished, before saving fails.`
        : null;
  }

  /** Saves the journal, first its snapshot on its own when the saved one is not it (saved-world.ts). */
  #write(journal: WorldJournal): SaveOutcome {
    const previous = this.#saved;
    let snapshot = journal.snapshot === undefined ? undefined : previous;
    if (journal.snapshot !== undefined && previous?.text !== journal.snapshot) {
      snapshot = { key: newSnapshotKey(this.key), text: journal.snapshot };
      const written = saveText(snapshot.key, snapshot.text);
      if (!written.ok) return written;
    }
    const text = journalText(journal, snapshot?.key);
    const written = saveText(this.key, text);
    if (!written.ok) {
      if (snapshot && snapshot !== previous) forget(snapshot.key);
      return written;
    }
    // Kept as read back, not as written: Chromium answers the same string for the same stored value,
    // so the next save's check is one comparison, where an equal copy is compared character by character.
    this.#lastWritten = readText(this.key) ?? text;
    this.#saved = snapshot;
    if (previous && previous !== snapshot) retireLater(this.key, previous.key);
    return written;
  }

  #onStorage(event: StorageEvent): void {
    if (event.key !== STORAGE_PREFIX + this.key || event.newValue === null || event.newValue === this.#lastWritten) return;
    void this.#enqueue(async () => {
      if (this.#conflict) return;
      await this.#adoptSaved('This world was changed in another tab; this tab now shows that newer world.');
    });
  }

  async #adoptSaved(message: string): Promise<void> {
    const saved = readSavedWorld(this.key);
    if (!saved?.read.ok) return;
    const read = readScenario(saved.read.data, { maxOps: MAX_STORED_OPS });
    if (!read.ok) return;
    const result = await withSimulator((api) => api.restore(this.name, read.journal));
    if (!result.ok) return;
    const mine = this.#saved;
    this.#journal = read.journal;
    this.#lastWritten = saved.raw;
    this.#saved = saved.read.snapshot;
    if (mine && mine.key !== this.#saved?.key) retireLater(this.key, mine.key);
    this.#realAnchor = Date.now();
    this.notice = { kind: 'info', text: message };
    this.revision++;
  }
}
