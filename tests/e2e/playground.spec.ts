/**
 * The playground's world: saved across reloads, restored after the worker dies, shared by link,
 * imported from authorization details, and safe against corrupt storage and hostile links.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { setEditorText, showWidget } from './widgets-helpers.ts';
import type { Page } from '@playwright/test';

async function run(page: Page, command: string, expected: string): Promise<void> {
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  await line.fill(command);
  await line.press('Enter');
  await expect(terminal.getByRole('log')).toContainText(expected);
}

test('the world survives a reload and a dead worker', async ({ page }) => {
  await page.goto('/playground/');
  await run(page, 'aws iam create-user --user-name dana', '"UserName": "dana"');
  await page.reload();
  await run(page, 'aws iam get-user --user-name dana', '"Arn": "arn:aws:iam::');
  await page.evaluate(() => (globalThis as unknown as { __iamDojoWorker: Worker }).__iamDojoWorker.terminate());
  await run(page, 'aws iam list-users', '"UserName": "dana"');
});

test('policy text typed in an AccessCheck survives a reload', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await expect(widget.getByRole('status', { name: 'Verdict' })).toContainText('Allowed');
  await setEditorText(
    page,
    widget,
    'Identity-based policy',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
  );
  await expect(widget.getByRole('status', { name: 'Verdict' })).toContainText('explicit Deny');
  await page.reload();
  await showWidget(widget);
  await expect(widget.getByRole('status', { name: 'Verdict' })).toContainText('explicit Deny');
});

test('a share link carries the world to a fresh browser', async ({ page }) => {
  await page.goto('/playground/');
  await run(page, 'aws iam create-user --user-name erin', '"UserName": "erin"');
  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByRole('button', { name: 'Share link' }).click();
  const link = await controls.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#world=[A-Za-z0-9_-]+$/);
  await page.evaluate(() => localStorage.clear());
  await page.goto('/playground/');
  await page.goto(link); // the hash alone does not reload: the playground reads it on hashchange
  await controls.getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(controls.getByRole('status')).toContainText('Loaded a saved world from the shared link');
  await run(page, 'aws iam list-users', '"UserName": "erin"');
});

test('hostile or damaged share links are refused with a reason', async ({ page }) => {
  await page.goto('/playground/#world=%3Cscript%3Ealert(1)%3C/script%3E');
  const controls = page.getByRole('region', { name: 'Your world' });
  await expect(controls.getByRole('status')).toContainText('SHARE_NOT_BASE64');
  await page.goto('/playground/#world=' + 'A'.repeat(70_000));
  await expect(controls.getByRole('status')).toContainText('SHARE_TOO_LARGE');
  await page.goto('/playground/#world=q1YqSizOLM1LLVYgAA');
  await expect(controls.getByRole('status')).toContainText(/NOT_JSON|NOT_A_WORLD|SHARE_NOT_DEFLATE/);
});

test('importing get-account-authorization-details JSON starts the world from it', async ({ page }) => {
  await page.goto('/playground/');
  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByText('Import a world or get-account-authorization-details JSON').click();
  const details = {
    UserDetailList: [
      {
        Path: '/',
        UserName: 'frank',
        UserId: 'AIDAEXAMPLEFRANK00001',
        Arn: 'arn:aws:iam::123456789012:user/frank',
        CreateDate: '2026-01-01T00:00:00+00:00',
        GroupList: [],
        AttachedManagedPolicies: [],
        UserPolicyList: [],
        Tags: [],
      },
    ],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  await controls.getByRole('textbox', { name: '…or paste JSON' }).fill(JSON.stringify(details));
  await controls.getByRole('button', { name: 'Import pasted JSON' }).click();
  await expect(controls.getByRole('group', { name: /Open the world from the pasted text/ })).toContainText(
    '1 user, 0 groups, 0 roles, 0 managed policies',
  );
  await controls.getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(controls.getByRole('status')).toContainText('Loaded an account from get-account-authorization-details');
  const explorer = page.getByRole('region', { name: 'Account explorer' });
  await showWidget(explorer);
  await expect(explorer.getByRole('button', { name: 'frank' })).toBeVisible();
});

test('an unreadable saved world is set aside with a visible notice and can be downloaded', async ({ page }) => {
  await page.goto('/playground/');
  // Let the page save its fresh world first, or that save would overwrite the corrupt entry.
  await page.waitForFunction(() => localStorage.getItem('iam-dojo:v1:world:/playground/:playground') !== null);
  await page.evaluate(() =>
    localStorage.setItem('iam-dojo:v1:world:/playground/:playground', '{"version":1,"start":{"now":"never"},"ops":[]}'),
  );
  await page.reload();
  const controls = page.getByRole('region', { name: 'Your world' });
  await expect(controls.getByRole('alert')).toContainText('Your saved world could not be read');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    controls.getByRole('button', { name: 'Download the unreadable copy' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('iam-dojo-unreadable-playground.json');
  await run(page, 'aws sts get-caller-identity', '"Account"');
});

test('a saved world with one unreadable entry keeps the others and says what was left out', async ({ page }) => {
  await page.goto('/playground/');
  await page.waitForFunction(() => localStorage.getItem('iam-dojo:v1:world:/playground/:playground') !== null);
  await page.evaluate(() =>
    localStorage.setItem(
      'iam-dojo:v1:world:/playground/:playground',
      JSON.stringify({
        version: 1,
        start: { seed: 's' },
        ops: [{ kind: 'run', line: 'aws iam create-user --user-name survivor' }, { kind: 'eval' }],
      }),
    ),
  );
  await page.reload();
  const controls = page.getByRole('region', { name: 'Your world' });
  await expect(controls.getByRole('alert')).toContainText('One entry was left out');
  await expect(controls.getByRole('alert')).toContainText('entry 2 (eval): it is not something a world records');
  await run(page, 'aws iam list-users', '"UserName": "survivor"');
});

test('the playground with a busy world passes axe', async ({ page }) => {
  await page.goto('/playground/');
  await run(page, 'aws iam create-user --user-name gina', '"UserName": "gina"');
  await run(page, 'aws iam list-users --profile gina', 'exit code');
  for (const name of ['Account explorer', 'Virtual MFA device', 'CloudTrail event history'])
    await showWidget(page.getByRole('region', { name }));
  await expect(page.getByRole('region', { name: 'CloudTrail event history' }).getByRole('table')).toContainText('CreateUser');
  await expectNoA11yViolations(page, 'main');
});
