/**
 * State of the Terminal widget: the command history of an `aws` terminal on a named world, the
 * line being typed, tab completion and the MFA prompt the CLI may raise (a role with mfa_serial).
 */
import { z } from 'zod';
import { withSimulator } from '../worker/client.ts';
import { MAX_LINE_CHARS } from '../worker/journal-schema.ts';
import { loadSaved, pageKey, save } from '../worker/storage.ts';
import { worldSession, type WorldSession } from './world-session.svelte.ts';
import { exerciseForTerminal, type RegisteredExercise } from './exercise-registry.svelte.ts';
import { skewHint } from './mfa-skew.ts';

/** One command and what it printed. */
export interface TerminalEntry {
  id: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** True when the CLI stopped to ask for an MFA code (shown as waiting, not as a failure). */
  awaitingMfa?: boolean;
  /** Why an MFA code was refused, when it was only off in time (not part of what the CLI printed). */
  hint?: string;
  /** A line from the page, not a command: the world was replaced, so the output above is history. */
  divider?: string;
}

/** What the terminal says when its world is reset or replaced while it shows output. */
export const WORLD_REPLACED =
  'The world was reset or replaced here. The output above describes the world before; run commands again to see the new one.';

/** Entries rendered at first; earlier ones are shown on demand, so hours of use keep the page small. */
export const RENDERED_ENTRIES = 100;
/**
 * Entries that leave the rendered window stay in the page, hidden, until this many have left, and
 * then go together. Removing an entry from the top restyles and rebuilds every entry after it (the
 * page's sibling rules, Starlight's `:not(…) + :not(…)`, invalidate the whole log), which after a
 * long session cost every command several milliseconds; hiding one is a change to that entry alone.
 */
export const TRIM_STEP = 50;
/** Entries per group in the log: a group off screen is skipped whole when the page is drawn. */
export const CHUNK_ENTRIES = 10;
/** Entries kept in memory at all (the oldest are forgotten; the world itself keeps everything). */
export const KEPT_ENTRIES = 2000;

/** Command lines kept for ArrowUp across reloads. */
const MAX_HISTORY = 200;
const historySchema = z.array(z.string().max(20_000)).max(MAX_HISTORY);

/** State and actions of one Terminal widget. */
export class TerminalState {
  entries: TerminalEntry[] = $state.raw([]);
  line = $state('');
  running = $state(false);
  /** Completion candidates shown after an ambiguous Tab. */
  candidates: string[] = $state.raw([]);
  /** Set when the CLI asked for an MFA code; the next line typed is the code. */
  mfaPrompt: { command: string; prompt: string } | null = $state(null);
  /** Said once the terminal started the exercise beside it for the learner. */
  exerciseNote: string | null = $state(null);
  /** The exercise beside the terminal, when another unfinished exercise is active (offered, not forced). */
  offer: RegisteredExercise | null = $state.raw(null);
  #element: Element | undefined;
  /** Set while a heredoc is open: the lines so far and the shell's continuation prompt (`> `). */
  pending: { text: string; prompt: string } | null = $state(null);
  /** Why the typed line was refused before it ran (a malformed MFA code, a line too long); cleared on the next try. */
  refused: string | null = $state(null);
  /** How many of the newest entries are rendered. */
  shown = $state(RENDERED_ENTRIES);
  /** Entries forgotten from the top because the terminal keeps at most KEPT_ENTRIES. */
  forgotten = $state(0);
  /** The IP address the calls come from (`aws:SourceIp`, `sourceIPAddress`); empty: the simulator's default. */
  sourceIp = $state('');

  readonly session: WorldSession;
  #history: string[] = [];
  #cursor = 0;
  #nextId = 1;

  constructor(world: string) {
    this.session = worldSession(world);
    const saved = loadSaved(pageKey('history', world), historySchema);
    if (saved.kind === 'ok') this.#history = saved.value;
    this.#cursor = this.#history.length;
  }

  /** The entries rendered now: the newest `shown`. */
  get visible(): TerminalEntry[] {
    return this.entries.length > this.shown ? this.entries.slice(-this.shown) : this.entries;
  }

  /**
   * The entries in the page: the rendered ones after those that left the window since the last
   * trim (hidden; see TRIM_STEP). Where the kept part starts moves in steps of TRIM_STEP counted
   * from the first command, so forgetting the oldest entry does not move it.
   */
  get kept(): TerminalEntry[] {
    const left = this.forgotten + this.hidden;
    const start = Math.max(0, left - (left % TRIM_STEP) - this.forgotten);
    return start === 0 ? this.entries : this.entries.slice(start);
  }

  /** The kept entries in groups of CHUNK_ENTRIES, by position counted from the first command. */
  get chunks(): { key: number; entries: TerminalEntry[] }[] {
    const kept = this.kept;
    const first = this.forgotten + this.entries.length - kept.length;
    const out: { key: number; entries: TerminalEntry[] }[] = [];
    for (let i = 0; i < kept.length;) {
      const key = Math.floor((first + i) / CHUNK_ENTRIES);
      const end = Math.min(kept.length, (key + 1) * CHUNK_ENTRIES - first);
      out.push({ key, entries: kept.slice(i, end) });
      i = end;
    }
    return out;
  }

  /** The id of the oldest rendered entry: kept entries before it are hidden. */
  get firstShownId(): number {
    return this.entries[this.hidden]?.id ?? Number.POSITIVE_INFINITY;
  }

  /** Entries kept but not rendered (shown with "Show earlier output"). */
  get hidden(): number {
    return Math.max(0, this.entries.length - this.shown);
  }

  /** Renders RENDERED_ENTRIES more of the earlier entries. */
  showEarlier(): void {
    this.shown += RENDERED_ENTRIES;
  }

  /** Where the terminal is on the page, to find the exercise beside it. */
  attach(element: Element): void {
    this.#element = element;
  }

  /** Starts the exercise beside the terminal when nothing is lost by it, so the command counts for it. */
  async prepareExercise(): Promise<void> {
    if (!this.#element) return;
    const { start, offer } = exerciseForTerminal(this.session.name, this.#element);
    this.offer = offer ?? null;
    if (start) {
      await start.start();
      this.exerciseNote = `Started ${start.heading} for you; commands here count for it now.`;
    }
  }

  /** Starts the offered exercise (the learner chose to switch). */
  async startOffered(): Promise<void> {
    const offer = this.offer;
    if (!offer) return;
    this.offer = null;
    await offer.start();
    this.exerciseNote = `Started ${offer.heading}; commands here count for it now.`;
  }

  /** Runs the typed line (or answers the MFA prompt with it). */
  async submit(): Promise<void> {
    const raw = this.line;
    const text = raw.trim();
    this.candidates = [];
    this.refused = null;
    if (this.sourceIp.trim() !== '' && !isIpAddress(this.sourceIp.trim())) {
      this.refused = `"${this.sourceIp.trim()}" is not an IP address; set the source IP to one such as 198.51.100.7, or empty it.`;
      return;
    }
    if (this.pending) {
      // Heredoc lines are kept as typed: leading spaces are part of the file.
      const { text: before } = this.pending;
      this.pending = null;
      this.line = '';
      await this.#run(`${before}\n${raw}`, {}, `${before}\n${raw}`);
      return;
    }
    if (this.mfaPrompt) {
      if (!/^\d{6}$/.test(text)) {
        // Refused here, before anything runs or is saved: the prompt stays for another try.
        this.refused = `An MFA code is the six digits your authenticator shows${text === '' ? '' : ` (you typed ${text.length} character${text.length === 1 ? '' : 's'}${/\D/.test(text) ? ', not all digits' : ''})`}. Type the code again.`;
        this.line = '';
        return;
      }
      const { command } = this.mfaPrompt;
      this.mfaPrompt = null;
      this.line = '';
      await this.#run(command, { mfaCode: text }, `${command}  # MFA code entered`);
      return;
    }
    if (text === '') {
      this.line = '';
      return;
    }
    if (text.length > MAX_LINE_CHARS) {
      this.refused = `That command line is ${text.length} characters; IAM Dojo keeps lines of at most ${MAX_LINE_CHARS}. Put long documents in a file and pass file://NAME.`;
      return;
    }
    this.line = '';
    this.#remember(text);
    if (text === 'clear') {
      this.clear();
      return;
    }
    await this.prepareExercise();
    await this.#run(text, {}, text);
  }

  /** Runs a command built elsewhere (the form alternative, a lesson's button). */
  async runCommand(command: string): Promise<void> {
    this.#remember(command);
    await this.prepareExercise();
    await this.#run(command, {}, command);
  }

  /** Moves through the history (ArrowUp = -1, ArrowDown = +1). */
  browse(direction: -1 | 1): void {
    if (this.#history.length === 0) return;
    this.#cursor = Math.min(this.#history.length, Math.max(0, this.#cursor + direction));
    this.line = this.#history[this.#cursor] ?? '';
  }

  /** Completes the word at `cursor`; answers the new cursor position. */
  async complete(cursor: number): Promise<number> {
    const line = this.line;
    const result = await withSimulator((api) => api.complete(this.session.name, line, cursor));
    if (!result.ok || this.line !== line) return cursor;
    const { from, to, candidates } = result.value;
    if (candidates.length === 0) {
      this.candidates = [];
      return cursor;
    }
    const common = commonPrefix(candidates);
    const single = candidates.length === 1;
    const insert = single ? `${common} ` : common;
    this.line = line.slice(0, from) + insert + line.slice(to);
    this.candidates = single ? [] : candidates.slice(0, 60);
    return from + insert.length;
  }

  /** Marks the output so far as history after the world was replaced (nothing to mark when empty or just marked). */
  worldReplaced(): void {
    const last = this.entries.at(-1);
    if (last === undefined || last.divider !== undefined) return;
    this.entries = [...this.entries, { id: this.#nextId++, command: '', stdout: '', stderr: '', exitCode: 0, divider: WORLD_REPLACED }];
  }

  /** Forgets the output (the world is unchanged). */
  clear(): void {
    this.entries = [];
    this.shown = RENDERED_ENTRIES;
    this.forgotten = 0;
  }

  #remember(command: string): void {
    this.#history = [...this.#history, command].slice(-MAX_HISTORY);
    this.#cursor = this.#history.length;
    save(pageKey('history', this.session.name), this.#history);
  }

  async #run(command: string, extra: { mfaCode?: string }, shown: string): Promise<void> {
    this.running = true;
    try {
      const from = this.sourceIp.trim();
      const out = await this.session.run(command, from === '' ? extra : { ...extra, sourceIp: from });
      if (out.continuation !== undefined) {
        this.pending = { text: command, prompt: out.continuation };
        return;
      }
      const entry: TerminalEntry = { id: this.#nextId++, command: shown, stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
      if (out.mfaPrompt) entry.awaitingMfa = true;
      if (out.exitCode !== 0) {
        const hint = await skewHint(this.session, command, out.stderr, extra.mfaCode);
        if (hint) entry.hint = hint;
      }
      const over = Math.max(0, this.entries.length + 1 - KEPT_ENTRIES);
      this.entries = [...this.entries.slice(over), entry];
      this.forgotten += over;
      if (out.mfaPrompt) this.mfaPrompt = { command, prompt: out.mfaPrompt };
    } finally {
      this.running = false;
    }
  }
}

/** An IPv4 address (four octets 0–255) or an IPv6 address (hex groups, `::` once) — what a request's source can be. */
export function isIpAddress(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255 && !/^0\d/.test(o));
  if (!/^[0-9a-f:]+$/i.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const groups = text.split(':');
  const full = !text.includes('::');
  return groups.every((g) => g.length <= 4) && (full ? groups.length === 8 : groups.length <= 8);
}

/** The longest prefix all strings share. */
export function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Quotes a value for the command line when it needs it: the one quoting function, shared with the Node CLI. */
export { shellQuote } from '../sim/cli/quote.ts';
