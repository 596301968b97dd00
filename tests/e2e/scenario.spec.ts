/**
 * One scenario file, every way in: the example in examples/ imports into the playground, the
 * playground's world answers as the scenario says, and its share link opens the same scenario in a
 * fresh browser. (The command-line half, `iam-dojo aws --world`, is tests/unit/instructor/scenario.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { runInTerminal } from './widgets-helpers.ts';

const EXAMPLE = 'examples/reports-bucket.scenario.json';

async function importExample(page: Page): Promise<void> {
  await page.goto('/playground/');
  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByText('Import a world or get-account-authorization-details JSON').click();
  await controls.getByLabel('Choose a file').setInputFiles(EXAMPLE);
  await expect(controls.getByRole('group', { name: 'Open the world from the file reports-bucket.scenario.json?' })).toContainText(
    'A saved world (account 111122223333)',
  );
  await controls.getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(controls.getByRole('status')).toContainText('Loaded a saved world from the file reports-bucket.scenario.json', {
    timeout: 30_000,
  });
}

test('the example scenario imports into the playground and answers as the scenario says', async ({ page }) => {
  await importExample(page);
  const users = await runInTerminal(page, 'aws iam list-users --query "Users[].UserName" --output text');
  await expect(users.locator('.out')).toHaveText(/alice\s+bob/);
  const alice = await runInTerminal(page, 'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile alice');
  await expect(alice).toHaveAttribute('data-exit', '0');
  const bob = await runInTerminal(page, 'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile bob');
  await expect(bob.locator('.err')).toContainText(
    'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/bob',
  );
});

test('the share link opens the same scenario in a fresh browser', async ({ page, browser, baseURL }) => {
  await importExample(page);
  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByRole('button', { name: 'Share link' }).click();
  const link = await controls.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/playground\/#world=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext(baseURL ? { baseURL } : {});
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByRole('region', { name: 'Your world' }).getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(other.getByRole('region', { name: 'Your world' }).getByRole('status')).toContainText(
    'Loaded a saved world from the shared link',
    { timeout: 30_000 },
  );
  const users = await runInTerminal(other, 'aws iam list-users --query "Users[].UserName" --output text');
  await expect(users.locator('.out')).toHaveText(/alice\s+bob/);
  await fresh.close();
});

test('an exported world is the scenario plus what was done to it', async ({ page }) => {
  await importExample(page);
  await runInTerminal(page, 'aws iam create-user --user-name carol');
  const controls = page.getByRole('region', { name: 'Your world' });
  const [download] = await Promise.all([page.waitForEvent('download'), controls.getByRole('button', { name: 'Export world' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
    start: unknown;
    ops: { kind: string; line?: string }[];
  };
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { start: unknown; ops: unknown[] };
  expect(exported.start).toEqual(example.start);
  expect(exported.ops.slice(0, example.ops.length)).toEqual(example.ops);
  expect(exported.ops.at(-1)).toMatchObject({ kind: 'run', line: 'aws iam create-user --user-name carol' });
});
