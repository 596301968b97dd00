/**
 * State of the progress page: the learner's saved progress, and export, import and reset. Reads
 * and writes go through progress.ts, which validates everything it reads back.
 */
import {
  clearProgress,
  emptyProgress,
  exerciseKey,
  exportProgress,
  loadProgress,
  parseProgress,
  replaceProgress,
  type Progress,
} from './progress.ts';
import type { LessonOutline } from './outline.ts';

/** State and actions of the progress board. */
export class ProgressBoardState {
  /** The saved progress. */
  progress: Progress = $state.raw(emptyProgress());
  /** A notice for the learner (corrupt saved progress, import result). */
  notice: string | null = $state(null);
  /** The last import error, shown next to the import control. */
  importError: string | null = $state(null);
  /** True once the saved progress was read (the server-rendered page has not read it). */
  loaded = $state(false);
  readonly lessons: LessonOutline[];

  constructor(lessons: LessonOutline[]) {
    this.lessons = lessons;
  }

  /** Reads the saved progress (in the browser only). */
  load(): void {
    const loaded = loadProgress();
    this.progress = loaded.progress;
    this.notice = loaded.notice ?? null;
    this.loaded = true;
  }

  /** True when the exercise is done. */
  isDone(lesson: string, exercise: string): boolean {
    return exerciseKey(lesson, exercise) in this.progress.exercises;
  }

  /** When the exercise was done and whether the solution was viewed first. */
  record(lesson: string, exercise: string): Progress['exercises'][string] | undefined {
    return this.progress.exercises[exerciseKey(lesson, exercise)];
  }

  /** Exercises done in one lesson. */
  doneIn(lesson: LessonOutline): number {
    return lesson.exercises.filter((e) => this.isDone(lesson.slug, e.id)).length;
  }

  /** Exercises done in the whole course. */
  get doneTotal(): number {
    return this.lessons.reduce((sum, l) => sum + this.doneIn(l), 0);
  }

  /** Exercises in the whole course. */
  get total(): number {
    return this.lessons.reduce((sum, l) => sum + l.exercises.length, 0);
  }

  /** The progress as a JSON file's text. */
  exportText(): string {
    return exportProgress(this.progress);
  }

  /** Replaces the progress with an imported file's text; answers whether it worked. */
  importText(text: string): boolean {
    const parsed = parseProgress(text);
    if (!parsed.ok) {
      this.importError = parsed.message;
      return false;
    }
    if (!replaceProgress(parsed.progress)) {
      this.importError = 'The browser refused to save the imported progress (storage full or disabled).';
      return false;
    }
    this.importError = null;
    this.progress = parsed.progress;
    this.notice = `Imported progress: ${Object.keys(parsed.progress.exercises).length} finished exercises.`;
    return true;
  }

  /** Forgets all progress. */
  reset(): void {
    clearProgress();
    this.progress = emptyProgress();
    this.notice = 'Progress cleared.';
  }
}
