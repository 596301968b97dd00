/**
 * Learner journeys through the lessons added in the second edition (13 roles for services, 14 KMS
 * key policies, 15 privilege escalation, 16 reviewing access), in Chromium: every exercise is started, its reference
 * solution is typed into the terminal that follows it — values the learner would copy from an
 * output (an instance ID, a key ARN) are read from that output — and its checks must all turn ✓.
 * One wrong answer per lesson shows its check's words first.
 */
import type { Locator, Page } from '@playwright/test';
import jmespath from 'jmespath';
import { test, expect } from './fixtures.ts';
import { setEditorText, showWidget } from './widgets-helpers.ts';
import type { Exercise } from '../../src/course/exercise.ts';
import lesson13 from '../../content/lessons/13-roles-for-services/exercises.ts';
import lesson14 from '../../content/lessons/14-kms-key-policies/exercises.ts';
import lesson15 from '../../content/lessons/15-privilege-escalation/exercises.ts';
import lesson16 from '../../content/lessons/16-reviewing-access/exercises.ts';

async function startExercise(page: Page, id: string): Promise<Locator> {
  const card = page.locator(`[data-exercise="${id}"]`);
  await showWidget(card);
  const start = card.getByRole('button', { name: 'Start this exercise' });
  const status = card.getByRole('status');
  await expect(start.or(status)).toBeVisible({ timeout: 15_000 });
  if (await start.isVisible()) await start.click();
  await expect(status).toHaveText(/checks pass/, { timeout: 15_000 });
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

/** Fills `{{NAME}}` from earlier outputs, as a learner would copy them. */
function fill(raw: string, vars: Record<string, string>): string {
  return raw.replace(/\{\{([A-Za-z_]+)\}\}/g, (_m: string, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for {{${name}}} in ${raw}`);
    return value;
  });
}

/** Saves a policy file in the file editor that follows the exercise card, as a learner does before `file://`. */
async function saveFile(page: Page, card: Locator, name: string, text: string): Promise<void> {
  const files = card.locator('xpath=following::section[contains(@class, "world-files")][1]');
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

/** Types an exercise's solution; its policy files are saved in the page's file editor first. */
async function typeSolution(page: Page, card: Locator, terminal: Locator, exercise: Exercise, vars: Record<string, string>): Promise<void> {
  for (const step of exercise.solution.steps) {
    if (typeof step !== 'string' && 'advanceClock' in step) throw new Error('no clock steps in these lessons');
    if (typeof step !== 'string' && 'writeFile' in step) {
      await saveFile(page, card, step.writeFile, fill(step.text, vars));
      continue;
    }
    const raw = typeof step === 'string' ? step : step.run;
    const line = fill(raw, vars);
    const mayFail = typeof step !== 'string' && step.mayFail === true;
    const result = await run(terminal, line);
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
  before: (id: string, terminal: Locator, vars: Record<string, string>) => Promise<void> = async () => {},
): Promise<void> {
  await page.goto(`/lessons/${slug}/`);
  const vars: Record<string, string> = {};
  for (const exercise of exercises) {
    const card = await startExercise(page, exercise.id);
    const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
    await showWidget(terminal);
    vars['accountId'] ??= (JSON.parse((await run(terminal, 'aws sts get-caller-identity')).out) as { Account: string }).Account;
    await before(exercise.id, terminal, vars);
    await typeSolution(page, card, terminal, exercise, vars);
    await expect(card.getByRole('status')).toHaveText(`All ${exercise.checks.length} checks pass — exercise complete.`, {
      timeout: 20_000,
    });
    await expect(card.getByText('✓ Completed')).toBeVisible();
  }
}

test('lesson 13: execution role, PassRole by path and service, an instance acting as its role', async ({ page }) => {
  test.setTimeout(120_000);
  await completeLesson(page, '13-roles-for-services', lesson13);
});

test('lesson 13: a function role that trusts EC2 is refused, and the check says why in words', async ({ page }) => {
  await page.goto('/lessons/13-roles-for-services/');
  const card = await startExercise(page, 'execution-role');
  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  const trust =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  await run(terminal, `aws iam create-role --role-name report-fn-role --assume-role-policy-document '${trust}'`);
  const item = card.getByRole('listitem').filter({ hasText: 'trusts the Lambda service' });
  await expect(item).toContainText('names other principals than lambda.amazonaws.com');
});

test('lesson 14: decrypt through IAM, a key policy that must allow, administrators who cannot read', async ({ page }) => {
  test.setTimeout(120_000);
  await completeLesson(page, '14-kms-key-policies', lesson14, async (id, terminal, vars) => {
    // The learner finds the HR key's ARN from its alias.
    if (id === 'must-allow')
      vars['HR_KEY'] = (await run(terminal, 'aws kms describe-key --key-id alias/hr --query KeyMetadata.Arn --output text')).out.trim();
  });
});

test('lesson 15: break in through PassRole and a policy version, then close both paths', async ({ page }) => {
  test.setTimeout(150_000);
  await completeLesson(page, '15-privilege-escalation', lesson15);
});

test('lesson 16: password policy, retiring unused keys, MFA before anything else', async ({ page }) => {
  test.setTimeout(120_000);
  await completeLesson(page, '16-reviewing-access', lesson16, async (id, terminal, vars) => {
    if (id !== 'unused-keys') return;
    // The learner reads each user's key ID from list-access-keys.
    for (const [user, name] of [
      ['build', 'BUILD_KEY'],
      ['reporter', 'REPORTER_KEY'],
      ['old-tool', 'OLD_TOOL_KEY'],
    ] as const) {
      vars[name] = (
        await run(terminal, `aws iam list-access-keys --user-name ${user} --query AccessKeyMetadata[0].AccessKeyId --output text`)
      ).out.trim();
    }
    const never = await run(terminal, `aws iam get-access-key-last-used --access-key-id ${vars['REPORTER_KEY']}`);
    expect(never.out).not.toContain('LastUsedDate');
  });
});
