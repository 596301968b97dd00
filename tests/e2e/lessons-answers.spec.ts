/**
 * Answer exercises and continuing exercises: on lesson 9 the learner answers questions from the
 * trail (a wrong answer is refused, the right ones complete the exercise); on lesson 1 an exercise
 * that continues from the previous one is started with a button and checked live.
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

test('lesson 9: answers read from the trail complete the exercise, a wrong one is refused', async ({ page }) => {
  await page.goto('/lessons/09-cloudtrail/');
  const exercise = await hydrated(page.locator('[data-exercise="read-a-record"]'));
  const status = exercise.getByRole('status');
  await expect(status).toHaveText(/0 of 3 checks pass/);

  // The decoy: another refused call, by bo, for S3.
  await exercise.getByRole('textbox', { name: 'Which IAM operation (eventName) was denied?' }).fill('ListBuckets');
  await exercise.getByRole('button', { name: 'Check now' }).click();
  await expect(exercise.getByRole('listitem').filter({ hasText: 'the denied operation' })).toContainText('not what the trail shows');

  await exercise.getByRole('textbox', { name: 'Which IAM operation (eventName) was denied?' }).fill('CreateUser');
  await exercise.getByRole('textbox', { name: 'Which IAM user (the user name) made that call?' }).fill('ana');
  await exercise.getByRole('textbox', { name: 'From which IP address did that call come?' }).fill('198.51.100.23');
  await expect(status).toHaveText(/All 3 checks pass — exercise complete/);
  await expectNoA11yViolations(page, '[data-exercise="read-a-record"]');
});

test('lesson 1: a continuing exercise starts where the previous one ended and turns green', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  // The first exercise sets the lesson's world up on arrival; let it finish, as a reader would.
  const first = await hydrated(page.locator('[data-exercise="who-am-i"]'));
  await expect(first.getByRole('status')).toHaveText(/checks pass/);
  const second = await hydrated(page.locator('[data-exercise="denied-by-default"]'));
  await second.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(second.getByRole('status')).toHaveText(/0 of 1 checks pass/);

  const terminal = await hydrated(page.getByRole('region', { name: 'AWS terminal' }).nth(1));
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.scrollIntoViewIfNeeded();
  await input.fill('aws iam list-users --profile intern');
  await input.press('Enter');
  await expect(terminal.getByRole('log', { name: 'Terminal output' })).toContainText('AccessDenied');
  await expect(second.getByRole('status')).toHaveText(/All 1 checks pass/);

  const third = await hydrated(page.locator('[data-exercise="first-allow"]'));
  await expect(third.getByText('This exercise continues where the previous one ends.')).toBeVisible();
  await third.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(third.getByRole('status')).toHaveText(/2 of 3 checks pass/);
  await input.scrollIntoViewIfNeeded();
  await input.fill('aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess');
  await input.press('Enter');
  await expect(third.getByRole('status')).toHaveText(/All 3 checks pass — exercise complete/);
});
