/**
 * Where a learner stands in the course, computed from saved progress: how many exercises of each
 * lesson are done, and the exercise to continue with (the first unfinished one after the last
 * finished one, or the first of the course). Pure, so it is unit-tested without a browser.
 */
import type { LessonOutline } from './outline.ts';
import { exerciseKey, type Progress } from './progress.ts';

/** Done counts of one lesson. */
export interface LessonMark {
  slug: string;
  done: number;
  total: number;
}

/** How many exercises of each lesson are done. */
export function lessonMarks(lessons: readonly LessonOutline[], progress: Progress): LessonMark[] {
  return lessons.map((l) => ({
    slug: l.slug,
    total: l.exercises.length,
    done: l.exercises.filter((e) => exerciseKey(l.slug, e.id) in progress.exercises).length,
  }));
}

/** The exercise to continue with, or undefined when the course is complete. */
export function continueAt(
  lessons: readonly LessonOutline[],
  progress: Progress,
): { slug: string; title: string; exerciseId: string; exerciseTitle: string; started: boolean } | undefined {
  const all = lessons.flatMap((l) => l.exercises.map((e) => ({ slug: l.slug, title: l.title, exerciseId: e.id, exerciseTitle: e.title })));
  const doneIndex = all.map((e, i) => (exerciseKey(e.slug, e.exerciseId) in progress.exercises ? i : -1));
  const last = Math.max(-1, ...doneIndex);
  const next =
    all.slice(last + 1).find((e) => !(exerciseKey(e.slug, e.exerciseId) in progress.exercises)) ??
    all.find((e) => !(exerciseKey(e.slug, e.exerciseId) in progress.exercises));
  return next ? { ...next, started: last >= 0 } : undefined;
}
