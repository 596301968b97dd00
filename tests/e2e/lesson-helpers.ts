/**
 * Helpers for the lesson journeys: start an exercise, type a command into the terminal that follows
 * it, do a reference solution as a learner would (files saved in the file editor beside the exercise,
 * commands typed, `{{NAME}}` copied from earlier outputs), and complete a whole lesson that way.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import jmespath from 'jmespath';
import type { Exercise } from '../../src/course/exercise.ts';
import { saveInFileEditor, showWidget } from './widgets-helpers.ts';

/** Starts the exercise `id` (the first of a page starts by itself) and waits for its first check run. */
export async function startExercise(page: Page, id: string): Promise<Locator> {
  const card = page.locator(`[data-exercise="${id}"]`);
  await showWidget(card);
  const start = card.getByRole('button', { name: 'Start this exercise' });
  const status = card.getByRole('status');
  await expect(start.or(status)).toBeVisible({ timeout: 15_000 });
  if (await start.isVisible()) await start.click();
  await expect(status).toHaveText(/checks pass/, { timeout: 20_000 });
  return card;
}

/** The terminal that follows an exercise card on the page. */
export function terminalAfter(card: Locator): Locator {
  return card.locator('xpath=following::section[contains(@class, "terminal")][1]');
}

/** Types one command line into `terminal`; answers its exit code and output. */
export async function run(terminal: Locator, command: string): Promise<{ exit: string; out: string }> {
  const entries = terminal.locator('.entry');
  const before = await entries.count();
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(command);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 20_000 });
  const entry = entries.nth(before);
  // Text content, not innerText: an entry out of view skips rendering (content-visibility: auto),
  // and the innerText of what is not rendered is empty.
  return { exit: (await entry.getAttribute('data-exit')) ?? '', out: (await entry.locator('pre').allTextContents()).join('\n') };
}

/** Does an exercise's reference solution as a learner would; `vars` gains what its steps save. */
export async function typeSolution(
  page: Page,
  card: Locator,
  terminal: Locator,
  exercise: Exercise,
  vars: Record<string, string>,
): Promise<void> {
  const fill = (raw: string) =>
    raw.replace(/\{\{([A-Za-z_]+)\}\}/g, (_m, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`no value for {{${name}}} in ${raw}`);
      return value;
    });
  for (const step of exercise.solution.steps) {
    if (typeof step !== 'string' && 'advanceClock' in step) throw new Error('no clock steps in the journeys');
    if (typeof step !== 'string' && 'writeFile' in step) {
      await saveInFileEditor(page, card, step.writeFile, fill(step.text));
      await showWidget(terminal);
      continue;
    }
    const line = fill(typeof step === 'string' ? step : step.run);
    const mayFail = typeof step !== 'string' && step.mayFail === true;
    const result = await run(terminal, line);
    if (!mayFail) expect(result.exit, `${line}\n${result.out}`).toBe('0');
    if (typeof step !== 'string' && step.save) {
      const output = JSON.parse(result.out) as object;
      for (const [name, query] of Object.entries(step.save)) vars[name] = String(jmespath.search(output, query));
    }
  }
}

/**
 * Completes every exercise of a lesson in order: start it, let `before` look up what a learner would,
 * type the answers of its questions and its solution, and wait for every check to pass.
 */
export async function completeLesson(
  page: Page,
  slug: string,
  exercises: Exercise[],
  before: (id: string, terminal: Locator, vars: Record<string, string>) => Promise<void> = async () => {},
): Promise<void> {
  await page.goto(`/lessons/${slug}/`);
  const vars: Record<string, string> = {};
  for (const exercise of exercises) {
    const card = await startExercise(page, exercise.id);
    const terminal = terminalAfter(card);
    await showWidget(terminal);
    vars['accountId'] ??= (JSON.parse((await run(terminal, 'aws sts get-caller-identity')).out) as { Account: string }).Account;
    await before(exercise.id, terminal, vars);
    for (const check of exercise.checks) {
      if (check.kind !== 'answer') continue;
      await card.getByRole('textbox', { name: check.question }).fill(exercise.solution.answers[check.id] ?? '');
    }
    await typeSolution(page, card, terminal, exercise, vars);
    await expect(card.getByRole('status')).toHaveText(`All ${exercise.checks.length} checks pass — exercise complete.`, {
      timeout: 30_000,
    });
    await expect(card.getByText('✓ Completed')).toBeVisible();
  }
}
