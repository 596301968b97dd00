// The repository is self-contained: code and tests read nothing outside it, every document a
// comment cites is in it (AWS facts are cited by page title and URL instead), and comments say why,
// not who built what. A fresh clone on another machine must pass the same tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const SELF = 'tests/unit/repository/self-contained.test.ts';
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const code = tracked.filter(
  (f) =>
    /^(src|tests|bench|scripts|bin)\//.test(f) &&
    /\.(ts|mts|mjs|js|svelte|astro|sh)$/.test(f) &&
    !f.startsWith('tests/fixtures/') &&
    f !== SELF,
);
const lines = code.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ where: `${file}:${i + 1}`, text })),
);

/** The lines that match `pattern`, as `file:line: text`. */
function offending(pattern: RegExp, keep: (text: string, match: RegExpMatchArray) => boolean = () => true): string[] {
  return lines.flatMap(({ where, text }) =>
    [...text.matchAll(pattern)]
      .filter((m) => keep(text, m))
      .map((m) => `${where}: …${text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 100).trim()}…`),
  );
}

describe('the repository is self-contained', () => {
  test('there is code to check', () => {
    expect(code.length).toBeGreaterThan(100);
  });

  test('no absolute path to a file outside the repository', () => {
    // A quoted absolute path into a work, home or other machine folder (path characters only, so a pattern such
    // as Lambda's "/mnt/[a-zA-Z0-9-_.]+" is not a path), or a path into a sibling shared/ folder.
    const absolute = new RegExp(`['"\`](/(?:work|home|root|Users|opt|srv|mnt)/[\\w.@%+=,:~/-]*['"\`$]|[^'"\`]*shared/reference/)`, 'g');
    expect(offending(absolute)).toEqual([]);
  });

  test('every .md file a comment cites is in the repository', () => {
    const missing = offending(/([\w./-]+\.md)\b/g, (_text, m) => {
      const cited = (m[1] ?? '').replace(/^\.?\//, '');
      return !tracked.some((f) => f === cited || f.endsWith(`/${cited}`));
    });
    expect(missing).toEqual([]);
  });

  test('comments say why, not who built what', () => {
    expect(offending(/\bAdded by the\b|\(issue \d+[,)]|\bIssue \d+[.:]/g)).toEqual([]);
  });
});
