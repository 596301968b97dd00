/**
 * Learner journeys through lesson 17 (cross-account access) and lesson 19 (incident capstone), in
 * Chromium: every exercise is started; each policy file of its reference solution is written in the
 * lesson's file editor and saved, every command is typed into the terminal that follows the
 * exercise — values the learner would look up (the analytics account's ID, the vendor's ID from its
 * onboarding file, a key ID) are read from outputs — and every check must turn ✓. A wrong answer per
 * lesson shows its check's words.
 */
import type { Locator, Page } from '@playwright/test';
import jmespath from 'jmespath';
import { test, expect } from './fixtures.ts';
import { setEditorText } from './widgets-helpers.ts';
import type { Exercise } from '../../src/course/exercise.ts';
import lesson17 from '../../content/lessons/17-cross-account/exercises.ts';
import lesson19 from '../../content/lessons/19-incident-capstone/exercises.ts';

/** Scrolls a widget into view and waits for it to hydrate; a busy worker on a shared machine may take a while. */
async function showWidget(widget: Locator): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/, { timeout: 45_000 });
}

async function startExercise(page: Page, id: string): Promise<Locator> {
  const card = page.locator(`[data-exercise="${id}"]`);
  await showWidget(card);
  const start = card.getByRole('button', { name: 'Start this exercise' });
  const status = card.getByRole('status');
  await expect(start.or(status)).toBeVisible({ timeout: 15_000 });
  if (await start.isVisible()) await start.click();
  await expect(status).toHaveText(/checks pass/, { timeout: 20_000 });
  return card;
}

async function run(terminal: Locator, command: string): Promise<{ exit: string; out: string }> {
  const entries = terminal.locator('.entry');
  const before = await entries.count();
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(command);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 20_000 });
  const entry = entries.nth(before);
  return { exit: (await entry.getAttribute('data-exit')) ?? '', out: (await entry.locator('pre').allInnerTexts()).join('\n') };
}

/** Saves a file through the file editor that precedes the terminal, as a learner does. */
async function saveFile(page: Page, files: Locator, name: string, text: string): Promise<void> {
  await showWidget(files);
  await files.getByRole('combobox', { name: 'File name' }).fill(name);
  // One line: typing newlines into Monaco would auto-indent and auto-close (see widgets-helpers.ts).
  await setEditorText(page, files, `Text of ${name}`, JSON.stringify(JSON.parse(text)));
  await files.getByRole('button', { name: `Save ${name}` }).click();
  const status = files.getByRole('status');
  await expect(status).toContainText(/Saved|Replace it/);
  if ((await status.textContent())?.includes('Replace it')) await files.getByRole('button', { name: `Replace ${name}` }).click();
  await expect(status).toContainText(`Saved ${name}.`);
}

const fill = (raw: string, vars: Record<string, string>) =>
  raw.replace(/\{\{([A-Za-z_]+)\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for {{${name}}} in ${raw}`);
    return value;
  });

/** Does an exercise's solution: files in the editor, commands in the terminal. */
async function solve(page: Page, card: Locator, terminal: Locator, exercise: Exercise, vars: Record<string, string>): Promise<void> {
  const files = card.locator('xpath=following::section[contains(@class, "world-files")][1]');
  for (const step of exercise.solution.steps) {
    if (typeof step !== 'string' && 'advanceClock' in step) throw new Error('no clock steps in these lessons');
    if (typeof step !== 'string' && 'writeFile' in step) {
      await saveFile(page, files, step.writeFile, fill(step.text, vars));
      continue;
    }
    const raw = typeof step === 'string' ? step : step.run;
    const line = fill(raw, vars);
    const result = await run(terminal, line);
    const mayFail = typeof step !== 'string' && step.mayFail === true;
    if (!mayFail) expect(result.exit, `${line}\n${result.out}`).toBe('0');
    if (typeof step !== 'string' && step.save) {
      const output = JSON.parse(result.out) as object;
      for (const [name, query] of Object.entries(step.save)) vars[name] = String(jmespath.search(output, query));
    }
  }
}

async function completeLesson(
  page: Page,
  slug: string,
  exercises: Exercise[],
  before: (id: string, terminal: Locator, vars: Record<string, string>) => Promise<void>,
): Promise<void> {
  await page.goto(`/lessons/${slug}/`);
  const vars: Record<string, string> = {};
  for (const exercise of exercises) {
    const card = await startExercise(page, exercise.id);
    const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
    await showWidget(terminal);
    vars['accountId'] ??= (JSON.parse((await run(terminal, 'aws sts get-caller-identity')).out) as { Account: string }).Account;
    await before(exercise.id, terminal, vars);
    for (const check of exercise.checks) {
      if (check.kind !== 'answer') continue;
      await card.getByRole('textbox', { name: check.question }).fill(exercise.solution.answers[check.id] ?? '');
    }
    await solve(page, card, terminal, exercise, vars);
    await expect(card.getByRole('status')).toHaveText(`All ${exercise.checks.length} checks pass — exercise complete.`, {
      timeout: 30_000,
    });
    await expect(card.getByText('✓ Completed')).toBeVisible();
  }
}

/** What a learner looks up in lesson 17: the analytics account's ID, and CloudCost's from its onboarding file. */
async function lookUpAccounts(terminal: Locator, vars: Record<string, string>): Promise<void> {
  vars['ANALYTICS'] ??= (
    await run(terminal, `aws organizations list-accounts --query "Accounts[?Name=='analytics'].Id" --output text`)
  ).out.trim();
  expect(vars['ANALYTICS']).toMatch(/^\d{12}$/);
  if (vars['VENDOR'] === undefined) {
    const onboarding = (await run(terminal, 'cat cloudcost-onboarding.txt')).out;
    vars['VENDOR'] = /Our AWS account ID:\s+(\d{12})/.exec(onboarding)?.[1] ?? '';
    expect(vars['VENDOR']).toMatch(/^\d{12}$/);
  }
}

test('lesson 17: a role for another account, its caller side, a shared bucket, a vendor with an external ID', async ({ page }) => {
  test.setTimeout(240_000);
  await completeLesson(page, '17-cross-account', lesson17, async (_id, terminal, vars) => lookUpAccounts(terminal, vars));
});

test('lesson 17: trusting everyone is caught, and the check says why in words', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/lessons/17-cross-account/');
  const card = await startExercise(page, 'trust-analytics');
  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  const files = card.locator('xpath=following::section[contains(@class, "world-files")][1]');
  const open = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] };
  await saveFile(page, files, 'trust.json', JSON.stringify(open));
  expect((await run(terminal, 'aws iam create-role --role-name ReportsReader --assume-role-policy-document file://trust.json')).exit).toBe(
    '0',
  );
  const item = card.getByRole('listitem').filter({ hasText: 'cannot assume ReportsReader' });
  await expect(item).toContainText('the trust policy must name the analytics account, not everyone', { timeout: 20_000 });
});

test('lesson 19: investigate a leaked key, contain it with its sessions and footholds, repair and prove', async ({ page }) => {
  test.setTimeout(300_000);
  await completeLesson(page, '19-incident-capstone', lesson19, async (id, terminal, vars) => {
    // The learner reads the leaked key's ID, and ana's own key, from list-access-keys.
    if (id !== 'contain') return;
    vars['DEPLOY_KEY'] = (
      await run(terminal, 'aws iam list-access-keys --user-name deploy --query "AccessKeyMetadata[0].AccessKeyId" --output text')
    ).out.trim();
    expect(vars['DEPLOY_KEY']).toMatch(/^AKIA/);
  });
  // The proof: the escalation analysis finds no way to administrator access.
  const analysis = page.getByRole('region', { name: 'Who can become admin?' });
  await showWidget(analysis);
  await analysis.getByRole('button', { name: 'Find escalation paths' }).click();
  await expect(analysis.getByRole('status')).toHaveText(/No principal can escalate/, { timeout: 30_000 });
});

test('lesson 19: deactivating the key alone leaves the sessions working, and the checks say so', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/lessons/19-incident-capstone/');
  const card = await startExercise(page, 'contain');
  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  const key = (
    await run(terminal, 'aws iam list-access-keys --user-name deploy --query "AccessKeyMetadata[0].AccessKeyId" --output text')
  ).out.trim();
  expect((await run(terminal, `aws iam update-access-key --user-name deploy --access-key-id ${key} --status Inactive`)).exit).toBe('0');
  await expect(card.getByRole('listitem').filter({ hasText: 'the leaked key no longer works' })).toHaveAttribute('data-passed', 'true', {
    timeout: 20_000,
  });
  await expect(card.getByRole('listitem').filter({ hasText: 'GetSessionToken cannot upload' })).toContainText(
    'a deactivated key does not end temporary credentials',
  );
});
