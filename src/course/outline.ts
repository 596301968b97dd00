/**
 * The course outline for the progress page: every lesson folder's exercises (id and title), read
 * from `content/lessons/NN-slug/exercises.ts` at build time.
 */
import type { Exercise } from './exercise.ts';

/** One lesson's exercises, as the progress page lists them. */
export interface LessonOutline {
  /** The lesson folder name, e.g. `02-users-and-credentials`. */
  slug: string;
  /** The lesson's title. */
  title: string;
  /** Its exercises in order. */
  exercises: { id: string; title: string }[];
}

const modules = import.meta.glob<{ default: Exercise[] }>('../../content/lessons/*/exercises.ts', { eager: true });

/** The exercises of every lesson folder, keyed by the folder name. */
export function exercisesBySlug(): Map<string, { id: string; title: string }[]> {
  const map = new Map<string, { id: string; title: string }[]>();
  for (const [path, module] of Object.entries(modules)) {
    const slug = /lessons\/([^/]+)\/exercises\.ts$/.exec(path)?.[1];
    if (slug)
      map.set(
        slug,
        module.default.map((e) => ({ id: e.id, title: e.title })),
      );
  }
  return map;
}
