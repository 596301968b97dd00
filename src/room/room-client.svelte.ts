/**
 * The learner's side of a room: turns exercise signals into links of the exercise log (always,
 * room or not), and — when this browser joined the room served with the site — sends the links
 * the server has not acknowledged, in small batches, retrying with backoff while the server is
 * unreachable. The learner's own progress never waits for or depends on any of this.
 */
import { z } from 'zod';
import { onExerciseSignal, type ExerciseSignal } from './exercise-events.ts';
import { appendToLog, logHead, readLog } from './exercise-log.ts';
import { eventBodySchema, MAX_BATCH_EVENTS, ROOM_API, ROOM_COOKIE, roomCodeSchema, type EventBody, type RoomInfo } from './protocol.ts';
import { forget, loadSaved, save } from '../worker/storage.ts';
import { isInstructorMode, setInstructorMode } from '../instructor/mode.ts';

/** Storage key of this browser's room membership. */
export const MEMBERSHIP_KEY = 'room-membership:v1';

/** This browser's membership of the room, as saved. */
export const membershipSchema = z
  .object({
    /** The room's code. */
    code: roomCodeSchema,
    /** The room's name, for display. */
    room: z.string(),
    /** The display name the learner joined with. */
    name: z.string(),
    /** The server's id for this learner. */
    learnerId: z.string(),
    /** Bearer token for reports. */
    token: z.string(),
    /** Highest log sequence number the server acknowledged. */
    acked: z.number().int().min(0),
    /** The room's instructor-mode switch as last seen (applied when it changes). */
    instructorMode: z.boolean(),
  })
  .strict();

/** A membership. */
export type Membership = z.infer<typeof membershipSchema>;

/** Delay before sending new links, so that a burst goes as one batch. */
const BATCH_DELAY_MS = 1500;
/** Longest wait between retries. */
const MAX_BACKOFF_MS = 30_000;

/**
 * True when the site is served with a room: the room server sets a cookie naming its port (cookies
 * ignore ports, so a static server on another port of the same host is not mistaken for it).
 * Without it, nothing is asked, so a site without a room never sends a request that would fail.
 */
export function servedWithRoom(): boolean {
  if (typeof document === 'undefined') return false;
  const port = location.port || (location.protocol === 'https:' ? '443' : '80');
  return document.cookie.split(';').some((c) => c.trim() === `${ROOM_COOKIE}=${port}`);
}

/** The learner's room connection (one per page). */
export class RoomClient {
  /** The room this server has open, once asked (null: none). */
  info: RoomInfo['room'] = $state.raw(null);
  /** This browser's membership, when joined. */
  membership: Membership | null = $state.raw(null);
  /** Links not yet acknowledged. */
  pending = $state(0);
  /** When the next retry happens (ms since epoch), while the server is unreachable. */
  retryAt: number | null = $state(null);
  /** What the learner should know (role=status). */
  notice = $state('');
  /** A problem that stops reporting until the learner acts. */
  failure: { code: string; message: string } | null = $state.raw(null);

  /** The exercise each world of the page is set up for, and the commands run since it started. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for reports; never rendered
  #active = new Map<string, { lesson: string; exercise: string; commands: number }>();
  #sending = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #conflicts = 0;
  #stops: (() => void)[] = [];
  /** Appends to the local log still under way. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; never rendered
  #appending = new Set<Promise<unknown>>();

  /** Starts logging signals (always) and, when served with a room, looks for it and resumes reporting. */
  async start(): Promise<void> {
    this.#stops.push(onExerciseSignal((signal) => void this.#record(signal)));
    const lesson = /^\/lessons\/(\d\d-[a-z0-9-]+)\/?/.exec(location.pathname)?.[1];
    if (lesson) void this.#append({ kind: 'visit', lesson });
    if (!servedWithRoom()) return;
    const saved = loadSaved(MEMBERSHIP_KEY, membershipSchema);
    if (saved.kind === 'ok') this.membership = saved.value;
    await this.refresh();
    const poll = setInterval(() => void (this.pending > 0 ? this.flush() : this.refresh()), 30_000);
    const online = (): void => void this.flush();
    // Coming back to the tab: pick up the room's instructor-mode switch without waiting for the poll.
    const visible = (): void => {
      if (document.visibilityState === 'visible') void (this.pending > 0 ? this.flush() : this.refresh());
    };
    addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    this.#stops.push(() => {
      clearInterval(poll);
      removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    });
    void this.flush();
  }

  /** Stops listening and polling (the page's client runs for the page's life; tests stop theirs). */
  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
    clearTimeout(this.#timer);
  }

  /** Asks the server which room is open (and its instructor-mode switch). */
  async refresh(): Promise<void> {
    try {
      const response = await fetch(ROOM_API, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const info = (await response.json()) as RoomInfo;
      this.info = info.room;
      if (this.membership && info.room && info.room.code !== this.membership.code)
        this.#leave('The room on this server changed; join it again with its new code.');
      else if (info.room) this.#followInstructorMode(info.room.instructorMode);
    } catch {
      // Unreachable: the membership stays, reports wait.
    }
  }

  /** Joins the room with its code and a display name; answers an error message or null. */
  async join(code: string, name: string): Promise<string | null> {
    this.failure = null;
    // What happened before joining (the page visit) stays before the join: let it reach the log first.
    await Promise.allSettled(this.#appending);
    const log = await readLog();
    let response: Response;
    try {
      response = await fetch(`${ROOM_API}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: code.trim().toUpperCase(), name, from: logHead(log) }),
      });
    } catch {
      return 'The room server cannot be reached. Check the Wi-Fi, then try again.';
    }
    const body = (await response.json().catch(() => ({}))) as {
      token?: string;
      learner?: { id: string; name: string };
      room?: { name: string; code: string; instructorMode: boolean };
      error?: { code: string; message: string };
    };
    if (!response.ok || !body.token || !body.learner || !body.room)
      return body.error ? `${body.error.message} (${body.error.code})` : `The room answered ${response.status}.`;
    this.membership = {
      code: body.room.code,
      room: body.room.name,
      name: body.learner.name,
      learnerId: body.learner.id,
      token: body.token,
      acked: logHead(log).seq,
      instructorMode: body.room.instructorMode,
    };
    save(MEMBERSHIP_KEY, this.membership);
    if (body.room.instructorMode) setInstructorMode(true);
    this.notice = `You joined ${body.room.name} as ${body.learner.name}.`;
    void this.flush();
    return null;
  }

  /** Leaves the room in this browser (the instructor still sees what was reported). */
  leave(): void {
    this.#leave('You left the room. Your progress stays in this browser.');
  }

  /** Sends unacknowledged links now (one batch at a time, until none are left). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#sending || !this.membership || this.failure) return;
    this.#sending = true;
    try {
      while (this.membership) {
        const saved = loadSaved(MEMBERSHIP_KEY, membershipSchema);
        const acked = Math.max(
          this.membership.acked,
          saved.kind === 'ok' && saved.value.learnerId === this.membership.learnerId ? saved.value.acked : 0,
        );
        const log = await readLog();
        const unsent = log.events.filter((e) => e.seq > acked);
        this.pending = unsent.length;
        if (unsent.length === 0) break;
        const batch = unsent.slice(0, MAX_BATCH_EVENTS);
        const response = await fetch(`${ROOM_API}/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.membership.token}` },
          body: JSON.stringify({ events: batch }),
        });
        const body = (await response.json().catch(() => ({}))) as {
          acked?: number;
          instructorMode?: boolean;
          error?: { code: string; message: string };
        };
        if (response.ok && typeof body.acked === 'number') {
          this.#acknowledge(body.acked);
          this.#failures = 0;
          this.#conflicts = 0;
          this.retryAt = null;
          if (typeof body.instructorMode === 'boolean') this.#followInstructorMode(body.instructorMode);
          continue;
        }
        if (response.status === 401) {
          this.#leave('The room was reset (or no longer knows this browser). Join again to keep reporting; your progress is safe.');
          break;
        }
        if (response.status === 409 && typeof body.acked === 'number' && ++this.#conflicts < 3) {
          this.#acknowledge(body.acked, true); // the server has less than we thought: resend from there
          continue;
        }
        if (response.status >= 500) throw new Error(`server ${response.status}`);
        this.failure = body.error ?? { code: 'ROOM_REFUSED', message: `The room refused the reports (${response.status}).` };
        break;
      }
    } catch {
      this.#failures++;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.#failures, 5)) * (0.75 + Math.random() * 0.5);
      this.retryAt = Date.now() + delay;
      this.#timer = setTimeout(() => void this.flush(), delay);
    } finally {
      this.#sending = false;
    }
  }

  async #record(signal: ExerciseSignal): Promise<void> {
    let body: EventBody | undefined;
    if (signal.kind === 'command') {
      const active = this.#active.get(signal.world);
      if (!active) return; // not in an exercise: nothing the room needs
      active.commands++;
      body = {
        kind: 'command',
        lesson: active.lesson,
        exercise: active.exercise,
        operation: signal.operation,
        exitCode: signal.exitCode,
        ...(signal.errorCode ? { errorCode: signal.errorCode } : {}),
      };
    } else {
      const ref = { lesson: signal.lesson, exercise: signal.exercise };
      if (signal.kind === 'started') {
        this.#active.set(signal.world, { ...ref, commands: 0 });
        body = { kind: 'started', ...ref };
      } else if (signal.kind === 'check') body = { kind: 'check', ...ref, total: signal.total, failing: signal.failing };
      else if (signal.kind === 'hint') body = { kind: 'hint', ...ref, hint: signal.hint };
      else if (signal.kind === 'solution') body = { kind: 'solution', ...ref };
      else {
        const active = this.#active.get(signal.world);
        const commands = active && active.lesson === ref.lesson && active.exercise === ref.exercise ? active.commands : 0;
        body = { kind: 'completed', ...ref, commands, solutionShown: signal.solutionShown, instructorMode: isInstructorMode() };
      }
    }
    await this.#append(body);
    if (body.kind === 'completed') void this.flush();
  }

  async #append(body: EventBody): Promise<void> {
    // The same schema the server parses with: a link the server would refuse is never logged.
    const parsed = eventBodySchema.safeParse(body);
    if (!parsed.success) return;
    const appended = appendToLog(parsed.data);
    this.#appending.add(appended);
    try {
      await appended;
    } finally {
      this.#appending.delete(appended);
    }
    if (this.membership) {
      this.pending++;
      clearTimeout(this.#timer);
      if (this.retryAt === null) this.#timer = setTimeout(() => void this.flush(), BATCH_DELAY_MS);
    }
  }

  #acknowledge(acked: number, lower = false): void {
    if (!this.membership) return;
    this.membership = { ...this.membership, acked: lower ? acked : Math.max(acked, this.membership.acked) };
    save(MEMBERSHIP_KEY, this.membership);
  }

  #followInstructorMode(enabled: boolean): void {
    if (!this.membership || this.membership.instructorMode === enabled) return;
    this.membership = { ...this.membership, instructorMode: enabled };
    save(MEMBERSHIP_KEY, this.membership);
    setInstructorMode(enabled);
    this.notice = enabled
      ? 'The instructor turned instructor mode on for the room.'
      : 'The instructor turned instructor mode off for the room.';
  }

  #leave(notice: string): void {
    this.membership = null;
    this.pending = 0;
    this.retryAt = null;
    forget(MEMBERSHIP_KEY);
    this.notice = notice;
  }
}

/** The page's room client. */
export const roomClient = new RoomClient();
