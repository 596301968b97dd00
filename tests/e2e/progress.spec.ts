/**
 * The progress page: saved progress is shown per lesson, exported as JSON, imported (validated —
 * a bad file is refused with a message and changes nothing), reset, and a corrupt saved entry is
 * reported instead of breaking the page.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';

const KEY = 'iam-dojo:v1:progress:v1';
const saved = {
  version: 1,
  exercises: {
    '02-users-and-credentials/create-user': { completedAt: '2026-11-27T10:00:00.000Z', usedSolution: false },
    '02-users-and-credentials/access-key': { completedAt: '2026-11-27T10:05:00.000Z', usedSolution: true },
  },
  solutionsSeen: ['02-users-and-credentials/access-key'],
};

test('shows saved progress per lesson and passes axe', async ({ page }) => {
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(saved)]);
  await page.goto('/progress/');
  await expect(page.getByRole('status')).toHaveText(/^2 of \d+ exercises done\./);
  const lesson = page.locator('[data-lesson="02-users-and-credentials"]');
  await expect(lesson.getByRole('link', { name: '2. Users and credentials' })).toHaveAttribute(
    'href',
    '/lessons/02-users-and-credentials/',
  );
  await expect(lesson.getByRole('listitem').filter({ hasText: 'Give ana an access key' })).toContainText('after viewing the solution');
  await expect(lesson.getByRole('listitem').filter({ hasText: 'Rotate a key' })).toContainText('not done yet');
  await expectNoA11yViolations(page);
});

test('exports progress as a JSON file', async ({ page }) => {
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(saved)]);
  await page.goto('/progress/');
  await expect(page.getByRole('status')).toHaveText(/^2 of/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('iam-dojo-progress.json');
  expect(JSON.parse(await readFile((await file.path())!, 'utf8'))).toEqual(saved);
});

test('imports a valid file, refuses an invalid one, and resets', async ({ page }) => {
  await page.goto('/progress/');
  await expect(page.getByRole('status')).toHaveText(/^0 of/);
  const picker = page.getByLabel('Import progress from a file');

  await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":2,"exercises":{}}') });
  await expect(page.getByRole('alert')).toContainText('not IAM Dojo progress');
  await expect(page.getByRole('status')).toHaveText(/^0 of/);

  await picker.setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(page.getByRole('status')).toHaveText(/^2 of/);
  await page.reload();
  await expect(page.getByRole('status')).toHaveText(/^2 of/);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByRole('status')).toHaveText(/^0 of/);
});

test('a corrupt saved entry is reported and set aside', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"exercises":{"nonsense":');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto('/progress/');
  await expect(page.getByText(/could not be read/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^0 of/);
  // Set aside under a time-stamped key (a bounded history of unreadable copies).
  const copies = await page.evaluate(
    (key) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(`${key}:corrupt:`))
        .map((k) => localStorage.getItem(k)),
    KEY,
  );
  expect(copies).toHaveLength(1);
  expect(copies[0]).toContain('nonsense');
});

// Learners review POLISH 8: each exercise links to itself on its lesson page; a bar and a
// "continue" line show where the learner stands.
test('each exercise links to itself, with a progress bar and where to continue', async ({ page }) => {
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(saved)]);
  await page.goto('/progress/');
  await expect(page.getByRole('status')).toHaveText(/^2 of/);
  const lesson = page.locator('[data-lesson="02-users-and-credentials"]');
  await expect(lesson.getByRole('link', { name: 'Give ana an access key' })).toHaveAttribute(
    'href',
    '/lessons/02-users-and-credentials/#exercise-access-key',
  );
  const bar = page.getByRole('progressbar', { name: 'Exercises done' });
  await expect(bar).toHaveAttribute('value', '2');
  const continueLink = page.locator('.progress-board .continue a');
  await expect(page.locator('.progress-board .continue')).toContainText('Continue where you left off:');
  await expect(continueLink).toHaveAttribute('href', /^\/lessons\/02-users-and-credentials\/#exercise-(?!create-user|access-key)/);
  await continueLink.click();
  await expect(page.locator(`#${new URL(page.url()).hash.slice(1)}`)).toBeVisible();
});
