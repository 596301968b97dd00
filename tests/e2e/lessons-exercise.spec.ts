/**
 * The exercise journey on lesson 1: the first exercise sets up the lesson's world, a command typed
 * in the terminal turns its check green, completion is announced and saved, and the progress page
 * shows it. Hints come one at a time and the solution only after a confirmation.
 */
import type { Locator } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';

/** Scrolls a widget into view and waits until its island has hydrated (Astro drops `ssr` then). */
async function hydrated(widget: Locator): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  const island = widget.locator('xpath=ancestor::astro-island[1]');
  await expect.poll(() => island.evaluate((el) => el.hasAttribute('ssr')), { timeout: 30_000 }).toBe(false);
  return widget;
}

const LESSON = '/lessons/01-what-is-iam/';

test('lesson 1: doing the first exercise in the terminal completes it and records progress', async ({ page }) => {
  await page.goto(LESSON);
  const exercise = await hydrated(page.locator('[data-exercise="who-am-i"]'));
  await expect(exercise.getByRole('heading', { name: /Exercise 1: Ask AWS who you are/ })).toBeVisible();
  const status = exercise.getByRole('status');
  await expect(status).toHaveText(/0 of 1 checks pass/);
  await expect(exercise.getByRole('list', { name: 'Checks' }).getByRole('listitem')).toContainText('(not yet)');

  const terminal = await hydrated(page.getByRole('region', { name: 'AWS terminal' }).first());
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.scrollIntoViewIfNeeded();
  await input.fill('aws sts get-caller-identity');
  await input.press('Enter');
  await expect(terminal.getByRole('log', { name: 'Terminal output' })).toContainText(':root');

  await expect(status).toHaveText(/All 1 checks pass — exercise complete/);
  await expect(exercise.getByText('✓ Completed')).toBeVisible();

  await page.goto('/progress/');
  const lesson = page.locator('[data-lesson="01-what-is-iam"]');
  await expect(lesson.getByRole('listitem').filter({ hasText: 'Ask AWS who you are' })).toContainText('done');
  await expect(page.getByRole('status')).toHaveText(/^1 of \d+ exercises done\./);
});

test('lesson 1: hints one at a time, the solution only after confirming', async ({ page }) => {
  await page.goto(LESSON);
  const exercise = await hydrated(page.locator('[data-exercise="denied-by-default"]'));
  await exercise.getByRole('button', { name: 'Show a hint' }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  // The first hint asks a question; the later ones get closer to the command.
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem').first()).toContainText('?');
  await exercise.getByRole('button', { name: 'Show another hint' }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2);
  await exercise.getByRole('button', { name: 'Show another hint' }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(3);
  await expect(exercise.getByRole('button', { name: 'No more hints' })).toBeDisabled();

  await exercise.getByRole('button', { name: 'Show the solution' }).click();
  await exercise.getByRole('button', { name: 'No, keep trying' }).click();
  await expect(exercise.getByRole('region', { name: 'Solution' })).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Show the solution' }).click();
  await exercise.getByRole('button', { name: 'Yes, show it' }).click();
  await expect(exercise.getByRole('region', { name: 'Solution' })).toContainText('aws iam list-users --profile intern');
});

test('lesson 1 with its exercises passes axe', async ({ page }) => {
  await page.goto(LESSON);
  const exercise = await hydrated(page.locator('[data-exercise="who-am-i"]'));
  await expect(exercise.getByRole('status')).toHaveText(/checks pass/);
  await expectNoA11yViolations(page);
});

test("lesson 1 in instructor mode: the solution and every check's details show without a confirmation", async ({ page }) => {
  await page.goto(`${LESSON}?instructor=on`);
  const exercise = await hydrated(page.locator('[data-exercise="who-am-i"]'));
  await expect(exercise.getByRole('region', { name: 'Solution' })).toContainText('aws sts get-caller-identity');
  await expect(exercise.getByRole('button', { name: 'Show the solution' })).toHaveCount(0);
  await expect(exercise.getByRole('list', { name: 'Checks' })).toContainText("trail: length(Records[?eventName=='GetCallerIdentity'");
  await expect(progressKeys(page)).resolves.toEqual([]);
});

/** Keys of saved progress (instructor mode must not mark solutions as seen). */
async function progressKeys(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('progress')));
}
