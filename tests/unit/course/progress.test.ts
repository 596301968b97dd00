// @vitest-environment happy-dom
/**
 * Saved progress: marks are saved under the versioned key, the first completion time is kept,
 * viewing the solution first is remembered, and anything read back or imported is validated.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import {
  exportProgress,
  loadProgress,
  markExerciseDone,
  markSolutionSeen,
  parseProgress,
  PROGRESS_KEY,
} from '../../../src/course/progress.ts';
import { STORAGE_PREFIX, corruptCopies } from '../../../src/worker/storage.ts';

beforeEach(() => localStorage.clear());

describe('progress', () => {
  test('marks an exercise done once, keeping the first time, and remembers a viewed solution', () => {
    markSolutionSeen('02-users-and-credentials', 'access-key');
    markExerciseDone('02-users-and-credentials', 'access-key', new Date('2026-11-27T10:00:00Z'));
    markExerciseDone('02-users-and-credentials', 'access-key', new Date('2026-11-28T10:00:00Z'));
    markExerciseDone('01-what-is-iam', 'who-am-i', new Date('2026-11-27T09:00:00Z'));
    const { progress } = loadProgress();
    expect(progress.exercises).toEqual({
      '02-users-and-credentials/access-key': { completedAt: '2026-11-27T10:00:00.000Z', usedSolution: true },
      '01-what-is-iam/who-am-i': { completedAt: '2026-11-27T09:00:00.000Z', usedSolution: false },
    });
    expect(JSON.parse(localStorage.getItem(STORAGE_PREFIX + PROGRESS_KEY)!)).toEqual(progress);
    expect(parseProgress(exportProgress(progress))).toEqual({ ok: true, progress });
  });

  test('a corrupt saved entry is set aside with a notice', () => {
    localStorage.setItem(STORAGE_PREFIX + PROGRESS_KEY, '{"version":1,"exercises":{"../../etc":{}}}');
    const loaded = loadProgress();
    expect(loaded.progress.exercises).toEqual({});
    expect(loaded.notice).toMatch(/could not be read/);
    const [copy] = corruptCopies(PROGRESS_KEY);
    expect(localStorage.getItem(`${STORAGE_PREFIX}${copy}`)).toContain('etc');
  });

  test('every reader of the page still hears about the entry the first reader set aside', () => {
    // The sidebar marks hydrate before the progress board on some loads; both read progress.
    localStorage.setItem(STORAGE_PREFIX + PROGRESS_KEY, '{"version":1,"exercises":{"nonsense":');
    expect(loadProgress().notice).toMatch(/could not be read/);
    expect(loadProgress().notice).toMatch(/could not be read/);
    expect(corruptCopies(PROGRESS_KEY)).toHaveLength(1);
  });

  test.each([
    ['not JSON', '{', 'PROGRESS_NOT_JSON'],
    ['wrong version', '{"version":2,"exercises":{}}', 'PROGRESS_INVALID'],
    [
      'bad key',
      '{"version":1,"exercises":{"<img src=x>":{"completedAt":"2026-01-01T00:00:00Z","usedSolution":false}}}',
      'PROGRESS_INVALID',
    ],
    ['extra field', '{"version":1,"exercises":{},"evil":true}', 'PROGRESS_INVALID'],
  ])('an import that is %s is refused with %s', (_name, text, code) => {
    expect(parseProgress(text)).toMatchObject({ ok: false, code });
  });

  test.each([
    ['a wrong version', '{"version":2,"exercises":{}}', /made by a newer IAM Dojo \(format 2\)/],
    ['no version', '{"exercises":{}}', /has no progress format version/],
    ['a saved world', '{"version":1,"start":{},"ops":[]}', /saved world .*playground page/],
    [
      'a bad exercise name',
      '{"version":1,"exercises":{"<img src=x>":{"completedAt":"2026-01-01T00:00:00Z","usedSolution":false}}}',
      /"<img src=x>" is not an exercise name/,
    ],
    ['an unknown field', '{"version":1,"exercises":{},"evil":true}', /fields? progress files do not have \("evil"\)/],
    ['not JSON', '{', /not JSON text/],
  ])('a wrong file (%s) gets a sentence, not a schema path', (_name, text, words) => {
    const parsed = parseProgress(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(words);
      expect(parsed.message).not.toMatch(/Invalid input|expected/);
    }
  });
});
