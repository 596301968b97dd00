/**
 * State of the instructor's dashboard (/room/): signs in with the secret, follows the room over
 * server-sent events (a full snapshot on every connection, so a restarted server or a dropped
 * Wi-Fi comes back complete), and derives the grid, the room's mistakes and its pace.
 */
import { ROOM_API, type RoomInfo, type RoomLearner, type RoomSnapshot, type StoredEvent } from './protocol.ts';
import {
  addToCells,
  cellKey,
  cellStatus,
  DEFAULT_STUCK,
  roomMistakes,
  roomPace,
  type Cell,
  type CellStatus,
  type StuckRule,
} from './summary.ts';
import { servedWithRoom } from './room-client.svelte.ts';

/** One merged file's outcome, for the list under the merge form. */
export interface MergeOutcome {
  file: string;
  ok: boolean;
  message: string;
}

/** The dashboard. */
export class RoomDashboard {
  /** Where the dashboard is. */
  phase: 'checking' | 'no-room' | 'sign-in' | 'live' | 'reconnecting' = $state('checking');
  /** The room as last seen. */
  room: RoomSnapshot['room'] | null = $state.raw(null);
  /** The link learners open. */
  joinUrl = $state('');
  learners: RoomLearner[] = $state.raw([]);
  /** Bumped whenever events arrive (the cells map is not itself reactive). */
  version = $state(0);
  /** The time the statuses are computed for (ticks every 15 s). */
  now = $state(Date.now());
  stuck: StuckRule = $state({ ...DEFAULT_STUCK });
  /** The cell whose history is open. */
  selected: string | null = $state(null);
  /** Last thing to announce (role=status). */
  notice = $state('');
  /** When the last event arrived (for the "updated" line). */
  lastEventAt: number | null = $state(null);
  merges: MergeOutcome[] = $state.raw([]);

  #events: StoredEvent[] = [];
  // Not reactive on purpose: thousands of cells change per minute; `version` tells the view when.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain index, observed through `version`
  #cells = new Map<string, Cell>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain index, observed through `version`
  #best = new Map<string, number>();
  #source: EventSource | undefined;
  #redrawTimer: ReturnType<typeof setTimeout> | undefined;

  /** Finds out whether a room is open and whether this browser may see it; connects if so. */
  async open(): Promise<void> {
    setInterval(() => (this.now = Date.now()), 15_000);
    if (!servedWithRoom()) {
      this.phase = 'no-room';
      return;
    }
    const info = await this.#info();
    if (!info?.room) this.phase = 'no-room';
    else if (!info.instructor) this.phase = 'sign-in';
    else this.#connect();
  }

  /** Signs in with the instructor secret; answers an error message or null. */
  async signIn(secret: string): Promise<string | null> {
    const answer = await this.#post('/instructor/login', { secret: secret.trim() });
    if (answer.error) return answer.error;
    await this.#info();
    this.#connect();
    return null;
  }

  /** Signs out of the dashboard in this browser. */
  async signOut(): Promise<void> {
    await this.#post('/instructor/logout', {});
    this.#source?.close();
    this.phase = 'sign-in';
  }

  /** Turns instructor mode on or off in every learner's browser. */
  async setInstructorMode(enabled: boolean): Promise<void> {
    const answer = await this.#post('/instructor-mode', { enabled });
    this.notice =
      answer.error ?? `Instructor mode is now ${enabled ? 'on' : 'off'} for the room (learners' browsers follow within 30 seconds).`;
  }

  /** Forgets every learner and report (after the instructor confirmed). */
  async reset(): Promise<void> {
    const answer = await this.#post('/reset', {});
    this.notice = answer.error ?? 'The room was reset. Learners join again with the same code.';
  }

  /** Merges exported exercise logs, one request per file, each verified by the server. */
  async merge(files: readonly File[]): Promise<void> {
    const outcomes: MergeOutcome[] = [];
    for (const file of files) {
      let log: unknown;
      try {
        log = JSON.parse(await file.text());
      } catch {
        outcomes.push({ file: file.name, ok: false, message: 'not JSON (ROOM_NOT_JSON)' });
        continue;
      }
      const answer = await this.#post('/merge', { fileName: file.name, log });
      const b = answer.body as { learner?: { name: string }; events?: number; completions?: number; unproven?: number };
      outcomes.push(
        answer.error
          ? { file: file.name, ok: false, message: answer.error }
          : {
              file: file.name,
              ok: true,
              message: `merged as ${b.learner?.name} (from a file): ${b.events} events, ${b.completions} completions${b.unproven ? `, ${b.unproven} not proven by the log` : ''}`,
            },
      );
    }
    this.merges = outcomes;
    this.notice = `${outcomes.filter((o) => o.ok).length} of ${outcomes.length} files merged.`;
  }

  /** The cell of a learner and exercise, if they touched it. */
  cell(learner: string, lesson: string, exercise: string): Cell | undefined {
    void this.version;
    return this.#cells.get(cellKey(learner, lesson, exercise));
  }

  /** The status of a cell now. */
  status(cell: Cell): CellStatus {
    return cellStatus(cell, this.now, this.#rule());
  }

  /** The checks the room fails most. */
  get mistakes(): ReturnType<typeof roomMistakes> {
    void this.version;
    return roomMistakes(this.#cells.values());
  }

  /** The room's pace. */
  get pace(): ReturnType<typeof roomPace> {
    void this.version;
    return roomPace(this.learners, this.#events);
  }

  /** Count of cells per status (the legend's numbers). */
  get counts(): Record<CellStatus, number> {
    void this.version;
    const counts: Record<CellStatus, number> = { done: 0, 'done-assisted': 0, unproven: 0, stuck: 0, working: 0, 'solution-shown': 0 };
    for (const cell of this.#cells.values()) counts[cellStatus(cell, this.now, this.#rule())]++;
    return counts;
  }

  /** The stuck rule as typed, with the defaults for a field left empty or out of range. */
  #rule(): StuckRule {
    const ok = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= min;
    return {
      minutes: ok(this.stuck.minutes, 1) ? this.stuck.minutes : DEFAULT_STUCK.minutes,
      repeats: ok(this.stuck.repeats, 2) ? this.stuck.repeats : DEFAULT_STUCK.repeats,
    };
  }

  #connect(): void {
    this.#source?.close();
    const source = new EventSource(`${ROOM_API}/stream`);
    this.#source = source;
    source.addEventListener('snapshot', (e) => this.#snapshot(JSON.parse((e as MessageEvent<string>).data) as RoomSnapshot));
    source.addEventListener('events', (e) => {
      const events = JSON.parse((e as MessageEvent<string>).data) as StoredEvent[];
      for (const event of events) {
        this.#events.push(event);
        addToCells(this.#cells, this.#best, event);
      }
      this.#redraw();
    });
    source.addEventListener('learner', (e) => {
      const learner = JSON.parse((e as MessageEvent<string>).data) as RoomLearner;
      this.learners = [...this.learners, learner];
      this.notice = `${learner.name} joined.`;
    });
    source.addEventListener('room', (e) => {
      const change = JSON.parse((e as MessageEvent<string>).data) as { instructorMode: boolean };
      if (this.room) this.room = { ...this.room, instructorMode: change.instructorMode };
    });
    source.onerror = () => {
      // EventSource retries by itself; the snapshot it gets on reconnecting makes the view complete.
      if (this.phase === 'live') this.phase = 'reconnecting';
    };
  }

  /**
   * Tells the view to redraw, at most every 300 ms: with 200 learners reports arrive dozens of times
   * a second, and each redraw walks the whole grid.
   */
  #redraw(): void {
    if (this.#redrawTimer !== undefined) return;
    this.#redrawTimer = setTimeout(() => {
      this.#redrawTimer = undefined;
      this.lastEventAt = Date.now();
      this.version++;
    }, 300);
  }

  #snapshot(snapshot: RoomSnapshot | null): void {
    if (!snapshot) {
      this.phase = 'no-room';
      return;
    }
    this.phase = 'live';
    this.room = snapshot.room;
    this.learners = snapshot.learners;
    this.#events = snapshot.events;
    this.#cells.clear();
    this.#best.clear();
    for (const event of snapshot.events) addToCells(this.#cells, this.#best, event);
    this.lastEventAt = Date.now();
    this.version++;
  }

  async #info(): Promise<RoomInfo | undefined> {
    try {
      const info = (await (await fetch(ROOM_API)).json()) as RoomInfo;
      if (info.joinUrl) this.joinUrl = info.joinUrl;
      return info;
    } catch {
      return undefined;
    }
  }

  async #post(path: string, body: unknown): Promise<{ error?: string; body?: unknown }> {
    try {
      const response = await fetch(ROOM_API + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
      if (!response.ok)
        return { error: data.error ? `${data.error.message} (${data.error.code})` : `The room answered ${response.status}.` };
      return { body: data };
    } catch {
      return { error: 'The room server cannot be reached.' };
    }
  }
}
