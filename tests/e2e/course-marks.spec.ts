/**
 * Level design a learner sees: an exercise says how long the reference solution is, the home page
 * shows done marks and "continue where you left off" after an exercise is done, and instructor
 * mode lists each exercise's common mistakes (its declared wrong answers).
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { showWidget } from './widgets-helpers.ts';

test('after the first exercise, the home page marks lesson 1 and continues at exercise 2', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  const first = page.locator('[data-exercise="who-am-i"]');
  await showWidget(first);
  await expect(first).toContainText('The reference solution takes 1 command.');
  await expect(first.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
  const terminal = page.getByRole('region', { name: 'AWS terminal' }).first();
  await showWidget(terminal);
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill('aws sts get-caller-identity');
  await input.press('Enter');
  await expect(first.getByRole('status')).toHaveText('All 1 checks pass — exercise complete.');

  await page.goto('/');
  const next = page.getByText('Continue where you left off:');
  await expect(next).toBeVisible();
  await expect(next.getByRole('link')).toHaveText('1. What IAM is — Watch a new user get denied');
  await expect(page.locator('.lesson-list li[data-lesson="01-what-is-iam"] .marks')).toHaveText('1 of 3 exercises done');
  await expectNoA11yViolations(page, '.lesson-list');
  // The sidebar of a lesson page marks the lesson too (desktop layout).
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/lessons/02-users-and-credentials/');
  const sidebarLink = page.locator('#starlight__sidebar a[href$="/lessons/01-what-is-iam/"]');
  await expect(sidebarLink).toContainText('1/3');
  await expect(sidebarLink).toContainText('(1 of 3 exercises done)');
  await page.goto('/');
  await page.getByText('Continue where you left off:').getByRole('link').click();
  await expect(page).toHaveURL(/\/lessons\/01-what-is-iam\/#exercise-denied-by-default$/);
});

test('instructor mode lists the common mistakes of an exercise with the checks that catch them', async ({ page }) => {
  await page.goto('/lessons/02-users-and-credentials/?instructor=on');
  const exercise = page.locator('[data-exercise="rotate-key"]');
  await showWidget(exercise);
  const mistakes = exercise.getByRole('region', { name: 'Common mistakes' });
  await expect(mistakes).toContainText('rotates the new key');
  await expect(mistakes).toContainText('caught by: the old key was deactivated before it was deleted');
});
