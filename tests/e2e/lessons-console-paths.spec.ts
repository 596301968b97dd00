/**
 * Lessons 2 and 8 done through the Console path of their "Console | CLI" tabs: the simulated console
 * on the lesson's own world, signed in with the account card's root password, drives the same
 * exercise checks as the terminal (the checks judge the world). A wrong policy written in the
 * console's inline-policy editor still fails with words; the choice of path is remembered.
 */
import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { setEditorText, showWidget } from './widgets-helpers.ts';

const CONSOLE = 'AWS Management Console (simulated)';

/** The exercise with this id, hydrated and started (clicking "Start this exercise" if shown). */
async function startExercise(page: Page, id: string): Promise<Locator> {
  const exercise = page.locator(`[data-exercise="${id}"]`);
  await showWidget(exercise);
  const start = exercise.getByRole('button', { name: 'Start this exercise' });
  const status = exercise.getByRole('status');
  await expect(start.or(status)).toBeVisible({ timeout: 15_000 });
  if (await start.isVisible()) await start.click();
  await expect(status).toHaveText(/checks pass/, { timeout: 15_000 });
  return exercise;
}

/** The nth "Console | CLI" switch of the page, hydrated, showing the path asked for. */
async function pathSwitch(page: Page, index: number, path: 'Console' | 'CLI'): Promise<Locator> {
  const paths = page.getByRole('region', { name: 'Do it in' }).nth(index);
  await showWidget(paths);
  const tab = paths.getByRole('tab', { name: path });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return paths;
}

/** Waits for the embedded console to be ready. */
async function consoleIn(paths: Locator): Promise<Locator> {
  const console = paths.getByRole('region', { name: CONSOLE });
  await expect(console).toHaveAttribute('aria-busy', 'false');
  return console;
}

async function card(console: Locator, term: string): Promise<string> {
  return (
    await console
      .getByRole('complementary', { name: 'This simulated account' })
      .locator('dt', { hasText: term })
      .locator('xpath=following-sibling::dd[1]')
      .innerText()
  ).trim();
}

/** Signs in as the root user with the email and password the sign-in page's account card shows. */
async function signInAsRoot(console: Locator): Promise<void> {
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card(console, 'Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card(console, 'Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(console.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Waits until every check of the exercise passes and completion is announced. */
async function expectComplete(exercise: Locator, checks: number): Promise<void> {
  await expect(exercise.getByRole('status')).toHaveText(new RegExp(`All ${checks} checks pass — exercise complete`), { timeout: 15_000 });
  await expect(exercise.getByText('✓ Completed')).toBeVisible();
}

/** Types a command into a terminal and waits for its entry; answers the entry. */
async function run(terminal: Locator, command: string): Promise<Locator> {
  const entries = terminal.locator('.entry');
  const before = await entries.count();
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(command);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 15_000 });
  return entries.nth(before);
}

async function worldTime(scope: Locator): Promise<number> {
  return Date.parse((await scope.getByTestId('world-time').getAttribute('datetime')) ?? '');
}

function code(secret: string, ms: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
}

/** Opens a user from the console's Users page, on the tab asked for. */
async function openUser(console: Locator, user: string, tab: string): Promise<void> {
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Users' }).click();
  await console.getByRole('button', { name: user, exact: true }).click();
  await expect(console.getByRole('heading', { name: user, exact: true })).toBeVisible();
  await console.getByRole('tab', { name: tab }).click();
}

test('lesson 2 by the console: ana with a password to change, her access key, and build rotated', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/lessons/02-users-and-credentials/');
  const first = await startExercise(page, 'create-user');
  const paths1 = await pathSwitch(page, 0, 'Console');
  let console = await consoleIn(paths1);
  await expectNoA11yViolations(page, '.paths');
  await signInAsRoot(console);

  // The Create user wizard: console access, a custom password, reset required (it attaches IAMUserChangePassword).
  await console.getByRole('button', { name: 'Create user' }).click();
  await console.getByRole('textbox', { name: 'User name' }).fill('ana');
  await console.getByRole('checkbox', { name: /Provide user access to the AWS Management Console/ }).check();
  await console.getByRole('radio', { name: 'Custom password' }).check();
  await console.getByRole('textbox', { name: 'Password' }).fill('Dojo-Start-2026!');
  await expect(console.getByRole('checkbox', { name: /Users must create a new password at next sign-in/ })).toBeChecked();
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('button', { name: 'Next' }).click();
  await expect(console.getByText('IAMUserChangePassword')).toBeVisible();
  await console.getByRole('button', { name: 'Create user' }).click();
  await expect(console.getByRole('status').filter({ hasText: 'User ana created successfully.' })).toBeVisible();
  await expectComplete(first, 4);

  // Exercise 2: the key is made in the console, and used from the terminal (a key is for programs).
  const second = await startExercise(page, 'access-key');
  const paths2 = await pathSwitch(page, 1, 'Console');
  console = await consoleIn(paths2);
  await expect(console.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openUser(console, 'ana', 'Security credentials');
  await console.getByRole('button', { name: 'Create access key' }).click();
  await expect(console.getByText(/AKIA[A-Z0-9]{16}/).first()).toBeVisible();
  await console.getByRole('button', { name: 'Done' }).click();
  const cli = await pathSwitch(page, 1, 'CLI');
  const terminal = cli.getByRole('region', { name: 'AWS terminal' });
  await expect(await run(terminal, 'aws sts get-caller-identity --profile ana')).toHaveAttribute('data-exit', '0');
  await expectComplete(second, 2);

  // Exercise 3 starts a new world: the console's old session ends and it says so.
  const third = await startExercise(page, 'rotate-key');
  const paths3 = await pathSwitch(page, 2, 'Console');
  console = await consoleIn(paths3);
  await expect(console.getByText(/Your console session ended/)).toBeVisible();
  await signInAsRoot(console);
  await openUser(console, 'build', 'Security credentials');
  const oldKey = /AKIA[A-Z0-9]{16}/.exec(
    (await console
      .getByRole('button', { name: /^Deactivate/ })
      .first()
      .textContent()) ?? '',
  )?.[0];
  expect(oldKey).toBeTruthy();
  await console.getByRole('button', { name: 'Create access key' }).click();
  await console.getByRole('button', { name: 'Done' }).click();
  await console.getByRole('button', { name: `Deactivate ${oldKey}` }).click();
  const deactivated = third.getByRole('listitem').filter({ hasText: 'the two-year-old key is gone' });
  await expect(deactivated).toContainText(/build still has the old key/i);
  await console.getByRole('button', { name: `Delete ${oldKey}` }).click();
  await expectComplete(third, 4);

  // The choice of path (the last one picked: Console) is remembered for the next lesson.
  await page.goto('/lessons/08-mfa/');
  const next = page.getByRole('region', { name: 'Do it in' }).first();
  await showWidget(next);
  await expect(next.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true');
});

test('lesson 8 by the console: Assign MFA device with the QR code and two codes, then an inline policy that requires MFA', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/lessons/08-mfa/');
  const enroll = await startExercise(page, 'enroll');
  const paths1 = await pathSwitch(page, 0, 'Console');
  let console = await consoleIn(paths1);
  await signInAsRoot(console);
  await openUser(console, 'ana', 'Security credentials');
  await console.getByRole('button', { name: 'Assign MFA device' }).click();
  await console.getByRole('textbox', { name: 'Device name' }).fill('ana');
  await console.getByRole('button', { name: 'Next' }).click();
  await expect(console.getByRole('img', { name: /QR code for MFA device ana/ })).toBeVisible();
  await console.getByRole('button', { name: 'Show secret key' }).click();
  const secret = (await console.getByTestId('mfa-secret').innerText()).trim();
  const t1 = await worldTime(console);
  await console.getByRole('textbox', { name: 'MFA code 1' }).fill(code(secret, t1));
  await console.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  await expect.poll(() => worldTime(console)).toBeGreaterThanOrEqual(t1 + 30_000);
  await console.getByRole('textbox', { name: 'MFA code 2' }).fill(code(secret, t1 + 30_000));
  await console.getByRole('button', { name: 'Add MFA' }).click();
  await expectComplete(enroll, 2);

  // Exercise 2 in the console's inline-policy editor: first the plain Bool mistake, which a check refuses in words.
  const require = await startExercise(page, 'require-mfa');
  const paths2 = page.getByRole('region', { name: 'Do it in' }).nth(1);
  await showWidget(paths2);
  await expect(paths2.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true');
  console = await consoleIn(paths2);
  await expect(console.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Typed as one line: the editor's own auto-indent would otherwise re-indent what the keyboard inserts.
  const policy = (condition: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:DeleteObject',
          Resource: 'arn:aws:s3:::dojo-prod/*',
          Condition: { [condition]: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    });
  for (const condition of ['Bool', 'BoolIfExists']) {
    await openUser(console, 'ana', 'Permissions');
    await console.getByRole('button', { name: 'Create inline policy' }).click();
    await expect(console.locator('[data-editor-status="monaco"]')).toHaveCount(1, { timeout: 20_000 });
    await setEditorText(page, console, 'Policy editor', policy(condition));
    await console.getByRole('textbox', { name: 'Policy name' }).fill('RequireMfaToDelete');
    await expect(console.getByText(/Error, line/)).toHaveCount(0);
    await console.getByRole('button', { name: 'Create policy' }).click();
    await expect(console.getByRole('heading', { name: 'ana', exact: true })).toBeVisible();
    if (condition === 'Bool') {
      const keyCheck = require.getByRole('listitem').filter({ hasText: "with ana's access key is refused" });
      await expect(keyCheck).toContainText('(not yet)');
      await expect(require.getByRole('status')).toHaveText(/2 of 4 checks pass/);
    }
  }
  await expectComplete(require, 4);
});
