/**
 * Learner journey: the exercise a terminal's commands count for is obvious, and typing beside an
 * exercise works without pressing Start first (learners review, MAJOR-1). Lesson 1: do exercise 1,
 * then type exercise 2's command in the terminal under it; lesson 3: with exercise 1 unfinished, a
 * terminal further down offers to switch rather than throwing the work away.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { showWidget } from './widgets-helpers.ts';

async function terminalAt(page: Page, index: number): Promise<Locator> {
  const terminal = page.getByRole('region', { name: 'AWS terminal' }).nth(index);
  await showWidget(terminal);
  return terminal;
}

async function type(terminal: Locator, line: string): Promise<void> {
  const log = terminal.getByRole('log', { name: 'Terminal output' });
  const before = await log.locator('.entry').count();
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(line);
  await input.press('Enter');
  await expect(log.locator('.entry')).toHaveCount(before + 1, { timeout: 30_000 });
}

test("typing the next exercise's command beside it starts that exercise, and the terminal says so", async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  const first = page.locator('[data-exercise="who-am-i"]');
  await showWidget(first);
  await expect(first.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
  const one = await terminalAt(page, 0);
  await expect(one.getByText('Commands here count for')).toContainText('Exercise 1: Ask AWS who you are');
  await type(one, 'aws sts get-caller-identity');
  await expect(first.getByRole('status')).toHaveText('All 1 checks pass — exercise complete.');

  // Exercise 2 is not started; its command typed in the terminal below it still counts.
  const second = page.locator('[data-exercise="denied-by-default"]');
  await showWidget(second);
  await expect(second.getByRole('button', { name: 'Start this exercise' })).toBeVisible();
  // As compact as the other buttons, not the card's full width (review POLISH 9).
  const [button, card] = await Promise.all([
    second.getByRole('button', { name: 'Start this exercise' }).boundingBox(),
    second.boundingBox(),
  ]);
  expect(button!.width).toBeLessThan(card!.width / 2);
  const two = await terminalAt(page, 1);
  await type(two, 'aws iam list-users --profile intern');
  await expect(two.getByRole('log', { name: 'Terminal output' }).locator('.entry').last()).toContainText('AccessDenied');
  await expect(two.getByText('Commands here count for')).toContainText('Exercise 2: Watch a new user get denied');
  await expect(second.getByRole('status')).toHaveText('All 1 checks pass — exercise complete.', { timeout: 15_000 });

  // Coming back later keeps going where the learner was.
  await page.reload();
  await showWidget(second);
  await expect(second.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
});

test('with an exercise unfinished, a terminal beside another one offers to switch instead of replacing the work', async ({ page }) => {
  await page.goto('/lessons/03-groups/');
  const first = page.locator('[data-exercise="create-group"]');
  await showWidget(first);
  await expect(first.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
  const one = await terminalAt(page, 0);
  await type(one, 'aws iam create-group --group-name Developers');

  // The last terminal sits under exercise 3 (tidy-up), which starts a world of its own.
  const last = await terminalAt(page, 2);
  await type(last, 'aws iam list-groups');
  await expect(last.getByRole('log', { name: 'Terminal output' }).locator('.entry').last()).toContainText('Developers');
  await expect(last.getByText('Commands here count for')).toContainText('Exercise 1: One group for the developers');
  const offer = last.getByText('The exercise beside this terminal is');
  await expect(offer).toContainText('Exercise 3: Move permissions from users to a group');
  await last.getByRole('button', { name: 'Start it' }).click();
  await expect(last.getByText('Commands here count for')).toContainText('Exercise 3');
  const third = page.locator('[data-exercise="tidy-up"]');
  await expect(third.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
});
