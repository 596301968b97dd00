/**
 * The course as files, for the content self-test: every lesson folder, its frontmatter and body,
 * its exercises module, and the set of pages the site builds from content/.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Exercise } from '../../src/course/exercise.ts';

/** The repository's content/ folder. */
export const CONTENT_DIR = new URL('../../content/', import.meta.url).pathname;

/** One lesson folder as found on disk. */
export interface LessonFiles {
  slug: string;
  dir: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every `content/lessons/NN-slug/index.mdx`, in course order. */
export function lessonFolders(): LessonFiles[] {
  const root = join(CONTENT_DIR, 'lessons');
  return readdirSync(root)
    .filter((name) => /^\d\d-/.test(name) && statSync(join(root, name)).isDirectory())
    .sort()
    .map((slug) => {
      const dir = join(root, slug);
      const text = readFileSync(join(dir, 'index.mdx'), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${slug}/index.mdx has no frontmatter block`);
      return { slug, dir, frontmatter: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
    });
}

const exerciseModules = import.meta.glob<{ default: Exercise[] }>('../../content/lessons/*/exercises.ts', { eager: true });

/** The exercises of a lesson (from its `exercises.ts`), or undefined when it has none. */
export function lessonExercises(slug: string): Exercise[] | undefined {
  return exerciseModules[`../../content/lessons/${slug}/exercises.ts`]?.default;
}

/** The URL path of every page built from content/ (`/`, `/playground/`, `/lessons/01-x/`, ...). */
export function sitePages(): Set<string> {
  const pages = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.mdx?$/.test(name) && !name.startsWith('_')) {
        const route = relative(CONTENT_DIR, path)
          .replace(/\.mdx?$/, '')
          .replace(/(^|\/)index$/, '');
        pages.add(route === '' ? '/' : `/${route}/`);
      }
    }
  };
  walk(CONTENT_DIR);
  return pages;
}

/** True when a file exists beside a lesson. */
export function lessonHasFile(lesson: LessonFiles, name: string): boolean {
  return existsSync(join(lesson.dir, name));
}
