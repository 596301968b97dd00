/**
 * Which path a learner takes through the lessons that offer two — the simulated console or the
 * CLI — remembered in localStorage for every lesson, and shared by every path switcher on the page
 * so that choosing "Console" once switches them all.
 */
import { z } from 'zod';

/** The two ways through an exercise. */
export const PATHS = ['console', 'cli'] as const;
/** One of the two ways. */
export type LearningPath = (typeof PATHS)[number];

const pathSchema = z.enum(PATHS);
const STORAGE_KEY = 'iam-dojo:v1:learning-path';

/** The learner's choice, read once per page (CLI until they pick the console). */
class PathChoice {
  /** The path every switcher on the page shows. */
  current: LearningPath = $state(read());

  /** Switches every switcher on the page and remembers the choice for the next lessons. */
  choose(path: LearningPath): void {
    this.current = path;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, path);
    } catch {
      // storage disabled: the choice lasts as long as the page
    }
  }
}

function read(): LearningPath {
  try {
    const parsed = pathSchema.safeParse(globalThis.localStorage?.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : 'cli';
  } catch {
    return 'cli'; // unreadable: the terminal is the safe default, every lesson has one
  }
}

/** The page's one path choice. */
export const pathChoice = new PathChoice();
