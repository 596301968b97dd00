import { describe, expect, it } from 'vitest';
import { buildCells, cellKey, cellStatus, roomMistakes, roomPace } from '../../../src/room/summary.ts';
import type { EventBody, RoomLearner, StoredEvent } from '../../../src/room/protocol.ts';

const ex = { lesson: '04-policies', exercise: 'new-version' };
const t0 = Date.parse('2026-12-02T09:00:00Z');
let seq = 0;
function ev(learner: string, minutes: number, body: EventBody, verified = true): StoredEvent {
  const at = new Date(t0 + minutes * 60_000).toISOString();
  return { learner, seq: ++seq, at, receivedAt: at, body, verified };
}
const failing = (ids: string[]): EventBody => ({
  kind: 'check',
  ...ex,
  total: 3,
  failing: ids.map((id) => ({ id, code: 'QUERY_MISMATCH' })),
});
const done = (over: Partial<{ solutionShown: boolean; instructorMode: boolean }> = {}): EventBody => ({
  kind: 'completed',
  ...ex,
  commands: 4,
  solutionShown: false,
  instructorMode: false,
  ...over,
});
const at = (minutes: number): number => t0 + minutes * 60_000;

describe('room summary: cell status', () => {
  it('is working while the failing checks shrink, stuck after N minutes without progress', () => {
    const cells = buildCells([ev('a', 0, { kind: 'started', ...ex }), ev('a', 1, failing(['x', 'y'])), ev('a', 2, failing(['x']))]);
    const cell = cells.get(cellKey('a', ex.lesson, ex.exercise))!;
    expect(cellStatus(cell, at(5), { minutes: 10, repeats: 5 })).toBe('working');
    expect(cellStatus(cell, at(13), { minutes: 10, repeats: 5 })).toBe('stuck');
  });

  it('is stuck after the same failing checks K runs in a row, even within the time', () => {
    const events = [ev('a', 0, { kind: 'started', ...ex }), ...[1, 2, 3].map((m) => ev('a', m, failing(['x'])))];
    const cell = buildCells(events).get(cellKey('a', ex.lesson, ex.exercise))!;
    expect(cell.sameFailingRuns).toBe(3);
    expect(cellStatus(cell, at(3), { minutes: 10, repeats: 3 })).toBe('stuck');
    expect(cellStatus(cell, at(3), { minutes: 10, repeats: 4 })).toBe('working');
  });

  it('tells a clean completion from one with the solution shown, in instructor mode, or unproven', () => {
    const status = (events: StoredEvent[]): string => cellStatus(buildCells(events).get(cellKey('a', ex.lesson, ex.exercise))!, at(1));
    expect(status([ev('a', 0, failing([])), ev('a', 0, done())])).toBe('done');
    expect(status([ev('a', 0, { kind: 'solution', ...ex }), ev('a', 0, failing([])), ev('a', 0, done())])).toBe('done-assisted');
    expect(status([ev('a', 0, failing([])), ev('a', 0, done({ instructorMode: true }))])).toBe('done-assisted');
    expect(status([ev('a', 0, done(), false)])).toBe('unproven');
    expect(status([ev('a', 0, { kind: 'solution', ...ex })])).toBe('solution-shown');
  });
});

describe('room summary: mistakes and pace', () => {
  it('ranks the checks most learners fail now, ignoring learners who finished', () => {
    const cells = buildCells([
      ev('a', 0, failing(['x', 'y'])),
      ev('b', 0, failing(['y'])),
      ev('c', 0, failing(['y'])),
      ev('c', 1, failing([])),
      ev('c', 1, done()),
    ]);
    const [first, second] = roomMistakes(cells.values());
    expect(first).toMatchObject({ check: 'y', learners: 2, runs: 3 });
    expect(second).toMatchObject({ check: 'x', learners: 1, runs: 1 });
  });

  it('puts the room at the median lesson and lists who is ahead and behind', () => {
    const learners: RoomLearner[] = ['a', 'b', 'c'].map((id) => ({ id, name: id, joinedAt: '', source: 'room' }));
    const pace = roomPace(learners, [
      ev('a', 0, { kind: 'visit', lesson: '02-users-and-credentials' }),
      ev('b', 0, { kind: 'visit', lesson: '04-policies' }),
      ev('c', 0, { kind: 'visit', lesson: '07-roles-and-sts' }),
    ]);
    expect(pace).toMatchObject({ median: 4, ahead: ['c'], behind: ['a'] });
  });
});
