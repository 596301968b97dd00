// Where a learner stands: done counts per lesson and the exercise to continue with.
import { describe, expect, test } from 'vitest';
import { continueAt, lessonMarks } from '../../../src/course/course-marks.ts';
import { emptyProgress, type Progress } from '../../../src/course/progress.ts';

const lessons = [
  {
    slug: '01-a',
    title: '1. A',
    exercises: [
      { id: 'x', title: 'X' },
      { id: 'y', title: 'Y' },
    ],
  },
  { slug: '02-b', title: '2. B', exercises: [{ id: 'z', title: 'Z' }] },
];
const done = (...keys: string[]): Progress => ({
  ...emptyProgress(),
  exercises: Object.fromEntries(keys.map((k) => [k, { completedAt: '2026-12-01T10:00:00Z', usedSolution: false }])),
});

describe('course marks', () => {
  test('a new learner starts at the first exercise, nothing is marked', () => {
    expect(continueAt(lessons, emptyProgress())).toEqual({
      slug: '01-a',
      title: '1. A',
      exerciseId: 'x',
      exerciseTitle: 'X',
      started: false,
    });
    expect(lessonMarks(lessons, emptyProgress()).map((m) => m.done)).toEqual([0, 0]);
  });

  test('continue after the last finished exercise, not at an earlier gap', () => {
    expect(continueAt(lessons, done('01-a/y'))).toMatchObject({ slug: '02-b', exerciseId: 'z', started: true });
    expect(lessonMarks(lessons, done('01-a/y'))).toEqual([
      { slug: '01-a', done: 1, total: 2 },
      { slug: '02-b', done: 0, total: 1 },
    ]);
  });

  test('when the end is done, the earliest gap is next; when everything is done, nothing is', () => {
    expect(continueAt(lessons, done('01-a/y', '02-b/z'))).toMatchObject({ exerciseId: 'x' });
    expect(continueAt(lessons, done('01-a/x', '01-a/y', '02-b/z'))).toBeUndefined();
  });
});
