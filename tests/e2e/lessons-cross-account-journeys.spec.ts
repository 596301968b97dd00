/**
 * Learner journeys through lesson 17 (cross-account access) and lesson 19 (incident capstone), in
 * Chromium: every exercise is started; each policy file of its reference solution is written in the
 * lesson's file editor and saved, every command is typed into the terminal that follows the
 * exercise — values the learner would look up (the analytics account's ID, the vendor's ID from its
 * onboarding file, a key ID) are read from outputs — and every check must turn ✓. A wrong answer per
 * lesson shows its check's words.
 */
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { completeLesson, run, startExercise } from './lesson-helpers.ts';
import { saveInFileEditor, showWidget } from './widgets-helpers.ts';
import lesson17 from '../../content/lessons/17-cross-account/exercises.ts';
import lesson19 from '../../content/lessons/19-incident-capstone/exercises.ts';

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
  const open = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] };
  await saveInFileEditor(page, card, 'trust.json', JSON.stringify(open));
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
