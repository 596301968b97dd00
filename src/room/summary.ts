/**
 * What the room's reports mean, for the dashboard and the exports: one cell per learner and
 * exercise (done, working, stuck, solution shown), the checks the room fails most, and the room's
 * pace. Pure functions of the stored events, so the browser and the server agree.
 */
import type { EventBody, RoomLearner, StoredEvent } from './protocol.ts';

/** When a learner counts as stuck. */
export interface StuckRule {
  /** No progress (a start, or fewer failing checks than before) for this many minutes. */
  minutes: number;
  /** Or the same failing checks this many check runs in a row. */
  repeats: number;
}

/** Defaults: ten minutes without progress, or five identical failing runs. */
export const DEFAULT_STUCK: StuckRule = { minutes: 10, repeats: 5 };

/** One check run in a cell's history. */
export interface CheckRun {
  at: string;
  total: number;
  failing: { id: string; code: string }[];
}

/** One learner's work on one exercise. */
export interface Cell {
  learner: string;
  lesson: string;
  exercise: string;
  startedAt?: string;
  /** Last start, or check run with fewer failing checks than any before it. */
  lastProgressAt: string;
  checks: CheckRun[];
  /** Consecutive latest check runs with the same failing checks. */
  sameFailingRuns: number;
  hints: number;
  solutionShown: boolean;
  commands: { at: string; operation: string; exitCode: number; errorCode?: string }[];
  completed?: { at: string; commands: number; solutionShown: boolean; instructorMode: boolean; verified: boolean };
}

/** How a cell is shown. `unproven`: a completion the log did not back (never shown as clean). */
export type CellStatus = 'done' | 'done-assisted' | 'unproven' | 'stuck' | 'working' | 'solution-shown';

/** The key of a cell. */
export function cellKey(learner: string, lesson: string, exercise: string): string {
  return `${learner} ${lesson}/${exercise}`;
}

/** Builds every cell from the events (in the order they were stored). */
export function buildCells(events: readonly StoredEvent[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const best = new Map<string, number>();
  for (const event of events) addToCells(cells, best, event);
  return cells;
}

/** Adds one event to the cells (the dashboard calls this as events stream in). */
export function addToCells(cells: Map<string, Cell>, best: Map<string, number>, event: StoredEvent): void {
  const body: EventBody = event.body;
  if (body.kind === 'visit') return;
  const key = cellKey(event.learner, body.lesson, body.exercise);
  let cell = cells.get(key);
  if (!cell) {
    cell = {
      learner: event.learner,
      lesson: body.lesson,
      exercise: body.exercise,
      lastProgressAt: event.at,
      checks: [],
      sameFailingRuns: 0,
      hints: 0,
      solutionShown: false,
      commands: [],
    };
    cells.set(key, cell);
  }
  switch (body.kind) {
    case 'started':
      cell.startedAt ??= event.at;
      cell.lastProgressAt = event.at;
      cell.sameFailingRuns = 0;
      best.delete(key);
      break;
    case 'check': {
      const previous = cell.checks[cell.checks.length - 1];
      const same = previous !== undefined && failingKey(previous.failing) === failingKey(body.failing);
      cell.sameFailingRuns = body.failing.length > 0 ? (same ? cell.sameFailingRuns + 1 : 1) : 0;
      cell.checks.push({ at: event.at, total: body.total, failing: body.failing });
      if (body.failing.length < (best.get(key) ?? Infinity)) {
        best.set(key, body.failing.length);
        cell.lastProgressAt = event.at;
      }
      break;
    }
    case 'hint':
      cell.hints = Math.max(cell.hints, body.hint);
      break;
    case 'solution':
      cell.solutionShown = true;
      break;
    case 'command':
      cell.commands.push({
        at: event.at,
        operation: body.operation,
        exitCode: body.exitCode,
        ...(body.errorCode ? { errorCode: body.errorCode } : {}),
      });
      break;
    case 'completed':
      // The first completion counts; a verified one replaces an unproven one.
      if (!cell.completed || (!cell.completed.verified && event.verified)) {
        cell.completed = {
          at: event.at,
          commands: body.commands,
          solutionShown: body.solutionShown || cell.solutionShown,
          instructorMode: body.instructorMode,
          verified: event.verified,
        };
      }
      break;
  }
}

/** The status of a cell at time `now`. */
export function cellStatus(cell: Cell, now: number, rule: StuckRule = DEFAULT_STUCK): CellStatus {
  if (cell.completed) {
    if (!cell.completed.verified) return 'unproven';
    return cell.completed.solutionShown || cell.completed.instructorMode ? 'done-assisted' : 'done';
  }
  if (cell.solutionShown) return 'solution-shown';
  if (cell.sameFailingRuns >= rule.repeats || now - Date.parse(cell.lastProgressAt) > rule.minutes * 60_000) return 'stuck';
  return 'working';
}

/** One of the room's frequent failing checks. */
export interface Mistake {
  lesson: string;
  exercise: string;
  check: string;
  code: string;
  /** Learners whose latest check run fails it (and who are not done). */
  learners: number;
  /** Check runs that failed it, over the whole room. */
  runs: number;
}

/**
 * The checks the room fails most, per exercise: counted over learners who have not finished, from
 * their latest check run (what they are stuck on now), with all runs as a tie-breaker.
 */
export function roomMistakes(cells: Iterable<Cell>, limit = 10): Mistake[] {
  const byCheck = new Map<string, Mistake>();
  for (const cell of cells) {
    const latest = cell.checks[cell.checks.length - 1];
    for (const run of cell.checks) {
      for (const f of run.failing) {
        const key = `${cell.lesson}/${cell.exercise}/${f.id}`;
        const m = byCheck.get(key) ?? { lesson: cell.lesson, exercise: cell.exercise, check: f.id, code: f.code, learners: 0, runs: 0 };
        m.runs++;
        m.code = f.code;
        byCheck.set(key, m);
      }
    }
    if (!cell.completed && latest) {
      for (const f of latest.failing) {
        const m = byCheck.get(`${cell.lesson}/${cell.exercise}/${f.id}`);
        if (m) m.learners++;
      }
    }
  }
  return [...byCheck.values()].sort((a, b) => b.learners - a.learners || b.runs - a.runs || a.check.localeCompare(b.check)).slice(0, limit);
}

/** Where the room is. */
export interface Pace {
  /** The median lesson number of the learners with a current lesson (undefined when none). */
  median?: number;
  /** Each learner's current lesson folder. */
  current: Map<string, string>;
  /** Learners on a lesson after the median / before it. */
  ahead: string[];
  behind: string[];
}

/** The room's pace: each learner's current lesson (the last one they were seen in) against the median. */
export function roomPace(learners: readonly RoomLearner[], events: readonly StoredEvent[]): Pace {
  const current = new Map<string, string>();
  for (const event of events) current.set(event.learner, event.body.lesson);
  const numbers = learners
    .map((l) => current.get(l.id))
    .filter((s): s is string => s !== undefined)
    .map(lessonNumber)
    .sort((a, b) => a - b);
  if (numbers.length === 0) return { current, ahead: [], behind: [] };
  const mid = Math.floor(numbers.length / 2);
  const median = numbers.length % 2 ? numbers[mid]! : (numbers[mid - 1]! + numbers[mid]!) / 2;
  const ahead: string[] = [];
  const behind: string[] = [];
  for (const l of learners) {
    const lesson = current.get(l.id);
    if (lesson === undefined) continue;
    if (lessonNumber(lesson) > median) ahead.push(l.id);
    else if (lessonNumber(lesson) < median) behind.push(l.id);
  }
  return { median, current, ahead, behind };
}

/** The number of a lesson folder (`04-policies` → 4). */
export function lessonNumber(slug: string): number {
  return Number(slug.slice(0, 2));
}

function failingKey(failing: readonly { id: string; code: string }[]): string {
  return failing
    .map((f) => `${f.id}:${f.code}`)
    .sort()
    .join(',');
}
