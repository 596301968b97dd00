/** The pages of the built site, for specs that visit every page. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths of every page in dist/, e.g. "/", "/lessons/01-what-is-iam/". */
export function builtPages(): string[] {
  const root = 'dist';
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name === 'index.html') {
        pages.push(`/${relative(root, dir)}/`.replace(/\/+/g, '/'));
      }
    }
  };
  walk(root);
  return pages.sort();
}
