/**
 * Learner journeys through the exercises most likely to break, in a real browser: the solution
 * commands are typed into the lesson's terminal (and, for MFA, the authenticator widget is used),
 * and each exercise's checks must turn ✓ and its completion be announced. Lessons: 2 (users and
 * access keys), 7 (assuming a role from the terminal), 8 (MFA end to end), 11 (the SCP exercise).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { saveInFileEditor, showWidget, shownCode, skipToNextCode, waitForFreshCode } from './widgets-helpers.ts';
import lesson01 from '../../content/lessons/01-what-is-iam/exercises.ts';
import lesson03 from '../../content/lessons/03-groups/exercises.ts';
import lesson04 from '../../content/lessons/04-policies/exercises.ts';
import lesson05 from '../../content/lessons/05-how-aws-decides/exercises.ts';
import lesson06 from '../../content/lessons/06-conditions-and-variables/exercises.ts';
import lesson07 from '../../content/lessons/07-roles-and-sts/exercises.ts';
import lesson09 from '../../content/lessons/09-cloudtrail/exercises.ts';
import lesson10 from '../../content/lessons/10-resource-policies/exercises.ts';
import lesson11 from '../../content/lessons/11-guardrails/exercises.ts';
import lesson12 from '../../content/lessons/12-least-privilege/exercises.ts';

/** The exercise with this id, hydrated and started (clicking "Start this exercise" if shown). */
async function startExercise(page: Page, id: string): Promise<Locator> {
  const exercise = page.locator(`[data-exercise="${id}"]`);
  await showWidget(exercise);
  const start = exercise.getByRole('button', { name: 'Start this exercise' });
  const status = exercise.getByRole('status');
  // The first exercise of a page starts by itself; later ones wait for the learner.
  await expect(start.or(status)).toBeVisible({ timeout: 15_000 });
  if (await start.isVisible()) await start.click();
  await expect(status).toHaveText(/checks pass/, { timeout: 15_000 });
  return exercise;
}

/** The nth terminal of the page, hydrated. */
async function terminalAt(page: Page, index: number): Promise<Locator> {
  const terminal = page.getByRole('region', { name: 'AWS terminal' }).nth(index);
  await showWidget(terminal);
  return terminal;
}

/** Types a command into the terminal, presses Enter and returns what it printed (stdout + stderr). */
async function run(terminal: Locator, command: string): Promise<string> {
  const entries = terminal.locator('.entry');
  const before = await entries.count();
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(command);
  await input.press('Enter');
  await expect(entries).toHaveCount(before + 1, { timeout: 15_000 });
  const entry = entries.nth(before);
  return (await entry.locator('pre').allTextContents()).join('\n');
}

/** Runs a command that must succeed and returns its stdout parsed as JSON (or null when empty). */
async function runOk(terminal: Locator, command: string): Promise<unknown> {
  const out = await run(terminal, command);
  const entry = terminal.locator('.entry').last();
  await expect(entry, `${command}\n${out}`).toHaveAttribute('data-exit', '0');
  const text = out.trim();
  return text.startsWith('{') ? (JSON.parse(text) as unknown) : null;
}

/** Waits until every check of the exercise passes and completion is announced. */
async function expectComplete(exercise: Locator, checks: number): Promise<void> {
  await expect(exercise.getByRole('status')).toHaveText(new RegExp(`All ${checks} checks pass — exercise complete`), { timeout: 15_000 });
  await expect(exercise.getByRole('list', { name: 'Checks' }).getByText('(passes)')).toHaveCount(checks);
  await expect(exercise.getByText('✓ Completed')).toBeVisible();
}

/** The world's account id, as a learner finds it. */
async function accountId(terminal: Locator): Promise<string> {
  const who = (await runOk(terminal, 'aws sts get-caller-identity')) as { Account: string };
  return who.Account;
}

/** Creates ana's device and enables it with two consecutive codes, all in the first authenticator widget. */
async function enrollWithAuthenticator(page: Page): Promise<void> {
  const mfa = page.getByRole('region', { name: "ana's authenticator" }).first();
  await showWidget(mfa);
  await mfa.getByRole('button', { name: 'Create virtual MFA device' }).click();
  await expect(mfa.getByRole('group', { name: 'Authenticator' })).toContainText(/\d{3}\s\d{3}/);
  // The exercise above re-checks the world after the device appears, and its first check's "why"
  // line goes away: the widget moves up. Clicking while it moves can miss, so wait for the verdict.
  await expect(page.locator('[data-exercise="enroll"]').getByRole('status')).toHaveText(/1 of 2 checks pass/, { timeout: 15_000 });
  await waitForFreshCode(mfa.getByRole('group', { name: 'Authenticator' }));
  await mfa.getByRole('button', { name: 'Use this code' }).click();
  await expect(mfa.getByRole('textbox', { name: 'Code 1' })).toHaveValue(/^\d{6}$/);
  const code1 = await mfa.getByRole('textbox', { name: 'Code 1' }).inputValue();
  expect(code1).toMatch(/^\d{6}$/);
  await skipToNextCode(mfa);
  await mfa.getByRole('button', { name: 'Use this code' }).click();
  await expect(mfa.getByRole('textbox', { name: /Code 2/ })).toHaveValue(/^\d{6}$/);
  await mfa.getByRole('button', { name: 'Enable MFA' }).click();
  await expect(mfa.getByRole('status')).toContainText('Command succeeded');
}

test('lesson 2: create a user with a password, give it an access key and use it', async ({ page }) => {
  await page.goto('/lessons/02-users-and-credentials/');
  const first = await startExercise(page, 'create-user');
  const terminal = await terminalAt(page, 0);
  await runOk(terminal, 'aws iam create-user --user-name ana');
  await runOk(terminal, "aws iam create-login-profile --user-name ana --password 'Dojo-Start-2026!' --password-reset-required");
  // Forced to change her password, ana must be allowed to (the console would attach this for you).
  const stuck = first.getByRole('listitem').filter({ hasText: 'allowed to change her own password' });
  await expect(stuck).toContainText('stuck at her first sign-in');
  await runOk(terminal, 'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword');
  await expectComplete(first, 4);

  const second = await startExercise(page, 'access-key');
  const terminal2 = await terminalAt(page, 1);
  await runOk(terminal2, 'aws iam create-access-key --user-name ana');
  const who = (await runOk(terminal2, 'aws sts get-caller-identity --profile ana')) as { Arn: string };
  expect(who.Arn).toMatch(/:user\/ana$/);
  await expectComplete(second, 2);
});

test('lesson 7: create a role and assume it from the terminal through a role profile', async ({ page }) => {
  await page.goto('/lessons/07-roles-and-sts/');
  const exercise = await startExercise(page, 'assume-role');
  const terminal = await terminalAt(page, 0);
  const account = await accountId(terminal);
  const trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${account}:root"},"Action":"sts:AssumeRole"}]}`;
  await runOk(terminal, `aws iam create-role --role-name ReportsReader --assume-role-policy-document '${trust}'`);
  await runOk(terminal, 'aws iam attach-role-policy --role-name ReportsReader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await runOk(terminal, `aws configure set role_arn arn:aws:iam::${account}:role/ReportsReader --profile reader`);
  await runOk(terminal, 'aws configure set source_profile dev --profile reader');
  const buckets = (await runOk(terminal, 'aws s3api list-buckets --profile reader')) as { Buckets: { Name: string }[] };
  expect(buckets.Buckets.map((b) => b.Name)).toContain('dojo-reports');
  const who = (await runOk(terminal, 'aws sts get-caller-identity --profile reader')) as { Arn: string };
  expect(who.Arn).toMatch(new RegExp(`^arn:aws:sts::${account}:assumed-role/ReportsReader/`));
  await expectComplete(exercise, 3);
});

test('lesson 8: enroll a virtual MFA device with the authenticator, require MFA, delete with an MFA session', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/lessons/08-mfa/');
  const enroll = await startExercise(page, 'enroll');

  await enrollWithAuthenticator(page);
  await expectComplete(enroll, 2);

  // Require MFA for deletes with BoolIfExists.
  const requireMfa = await startExercise(page, 'require-mfa');
  const terminal2 = await terminalAt(page, 1);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: 's3:DeleteObject',
        Resource: 'arn:aws:s3:::dojo-prod/*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  });
  await runOk(terminal2, `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '${policy}'`);
  await expectComplete(requireMfa, 4);

  // Get an MFA session with a fresh code from the authenticator and delete with it.
  const session = await startExercise(page, 'mfa-session');
  const phone = page.getByRole('region', { name: "ana's authenticator" }).nth(1);
  await showWidget(phone);
  const app = phone.getByRole('group', { name: 'Authenticator' });
  await expect(app).toContainText(/\d{3}\s\d{3}/);
  // The codes used to enable may be the current step or, when real time crossed a 30 s boundary while
  // enabling, the next one: skip two steps so the code shown is newer than any code already used.
  await skipToNextCode(phone);
  const code = await skipToNextCode(phone);
  const terminal3 = await terminalAt(page, 2);
  const account = await accountId(terminal3);
  const denied = await run(terminal3, 'aws s3api delete-object --bucket dojo-prod --key old.log --profile ana');
  expect(denied).toContain('AccessDenied');
  const token = (await runOk(
    terminal3,
    `aws sts get-session-token --serial-number arn:aws:iam::${account}:mfa/ana --token-code ${code} --profile ana`,
  )) as {
    Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
  };
  await runOk(terminal3, `aws configure set aws_access_key_id ${token.Credentials.AccessKeyId} --profile ana-mfa`);
  await runOk(terminal3, `aws configure set aws_secret_access_key ${token.Credentials.SecretAccessKey} --profile ana-mfa`);
  await runOk(terminal3, `aws configure set aws_session_token ${token.Credentials.SessionToken} --profile ana-mfa`);
  await runOk(terminal3, 'aws s3api delete-object --bucket dojo-prod --key old.log --profile ana-mfa');
  await expectComplete(session, 3);
});

test('lesson 8: the plain Bool mistake leaves the access-key check red with a reason, BoolIfExists fixes it', async ({ page }) => {
  await page.goto('/lessons/08-mfa/');
  const exercise = await startExercise(page, 'require-mfa');
  const terminal = await terminalAt(page, 1);
  const guard = (operator: string): string =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:DeleteObject',
          Resource: 'arn:aws:s3:::dojo-prod/*',
          Condition: { [operator]: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    });
  await runOk(terminal, `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '${guard('Bool')}'`);
  const checks = exercise.getByRole('list', { name: 'Checks' });
  await expect(exercise.getByRole('status')).toHaveText(/2 of 4 checks pass/);
  const keyCheck = checks.getByRole('listitem').filter({ hasText: "with ana's access key is refused" });
  await expect(keyCheck).toContainText('(not yet)');
  await expect(keyCheck.locator('.why')).not.toBeEmpty();
  const absent = checks.getByRole('listitem').filter({ hasText: 'no MFA information at all' });
  await expect(absent).toContainText('(not yet)');
  await expect(absent).toContainText('The policy simulator answers allowed; it should be explicitly denied (by a Deny statement).');

  await runOk(
    terminal,
    `aws iam put-user-policy --user-name ana --policy-name RequireMfaToDelete --policy-document '${guard('BoolIfExists')}'`,
  );
  await expectComplete(exercise, 4);
});

test('lesson 11: the SCP exercise refuses admin and root outside the approved regions', async ({ page }) => {
  await page.goto('/lessons/11-guardrails/');
  const exercise = await startExercise(page, 'scp-ceiling');
  const terminal = await terminalAt(page, 3);
  await runOk(terminal, 'aws s3api list-buckets --region eu-west-1 --profile admin');
  const admin = await run(terminal, 'aws s3api list-buckets --region ap-southeast-2 --profile admin');
  expect(admin).toMatch(/AccessDenied/);
  expect(admin).toMatch(/service control policy/);
  const root = await run(terminal, 'aws s3api list-buckets --region ap-southeast-2');
  expect(root).toMatch(/AccessDenied/);
  await expectComplete(exercise, 3);
});

test('lesson 8 by the hints: create the device in the terminal, the authenticator finds it, enable it in the terminal', async ({
  page,
}) => {
  await page.goto('/lessons/08-mfa/');
  const enroll = await startExercise(page, 'enroll');
  const terminal = await terminalAt(page, 0);
  const created = (await runOk(
    terminal,
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile mfa-ana-seed.txt --bootstrap-method Base32StringSeed',
  )) as {
    VirtualMFADevice: { SerialNumber: string };
  };
  const serial = created.VirtualMFADevice.SerialNumber;
  expect(serial).toMatch(/^arn:aws:iam::\d{12}:mfa\/ana$/);
  await expect(enroll.getByRole('list', { name: 'Checks' }).getByText('(passes)')).toHaveCount(1);

  const mfa = page.getByRole('region', { name: "ana's authenticator" }).first();
  await showWidget(mfa);
  const app = mfa.getByRole('group', { name: 'Authenticator' });
  await expect(app).toContainText(/\d{3}\s\d{3}/);
  await waitForFreshCode(app);
  const code1 = await shownCode(app);
  const code2 = await skipToNextCode(mfa);
  expect([code1, code2]).toEqual([expect.stringMatching(/^\d{6}$/), expect.stringMatching(/^\d{6}$/)]);
  await runOk(
    terminal,
    `aws iam enable-mfa-device --user-name ana --serial-number ${serial} --authentication-code1 ${code1} --authentication-code2 ${code2}`,
  );
  await expectComplete(enroll, 2);
});

test('lesson 7: starting a later exercise directly rebuilds the world, and a 7200 s session works', async ({ page }) => {
  await page.goto('/lessons/07-roles-and-sts/');
  const exercise = await startExercise(page, 'session-duration');
  const terminal = await terminalAt(page, 2);
  const account = await accountId(terminal);
  const tooLong = await run(
    terminal,
    `aws sts assume-role --role-arn arn:aws:iam::${account}:role/ReportsReader --role-session-name report --duration-seconds 7200 --profile dev`,
  );
  expect(tooLong).toMatch(/ValidationError|DurationSeconds/);
  await runOk(terminal, 'aws iam update-role --role-name ReportsReader --max-session-duration 7200');
  await runOk(
    terminal,
    `aws sts assume-role --role-arn arn:aws:iam::${account}:role/ReportsReader --role-session-name report --duration-seconds 7200 --profile dev`,
  );
  await expectComplete(exercise, 2);
});

test("lesson 2: rotate build's access key without breaking it", async ({ page }) => {
  await page.goto('/lessons/02-users-and-credentials/');
  const exercise = await startExercise(page, 'rotate-key');
  const terminal = await terminalAt(page, 2);
  const keys = (await runOk(terminal, 'aws iam list-access-keys --user-name build')) as { AccessKeyMetadata: { AccessKeyId: string }[] };
  const oldKey = keys.AccessKeyMetadata[0]!.AccessKeyId;
  await runOk(terminal, 'aws iam create-access-key --user-name build');
  await runOk(terminal, `aws iam update-access-key --user-name build --access-key-id ${oldKey} --status Inactive`);
  await runOk(terminal, 'aws sts get-caller-identity --profile build');
  await runOk(terminal, `aws iam delete-access-key --user-name build --access-key-id ${oldKey}`);
  await expectComplete(exercise, 4);
});

test('lesson 11: cap intern with a permissions boundary, then delegate user creation safely', async ({ page }) => {
  await page.goto('/lessons/11-guardrails/');
  const first = await startExercise(page, 'set-boundary');
  const terminal = await terminalAt(page, 0);
  const account = await accountId(terminal);
  const boundary = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*'], Resource: '*' }],
  });
  await runOk(terminal, `aws iam create-policy --policy-name InternBoundary --policy-document '${boundary}'`);
  const boundaryArn = `arn:aws:iam::${account}:policy/InternBoundary`;
  await runOk(terminal, `aws iam put-user-permissions-boundary --user-name intern --permissions-boundary ${boundaryArn}`);
  expect(await run(terminal, 'aws iam list-users --profile intern')).toContain('AccessDenied');
  await expectComplete(first, 4);

  const delegate = await startExercise(page, 'safe-delegation');
  const terminal3 = await terminalAt(page, 2);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['iam:CreateUser', 'iam:PutUserPermissionsBoundary', 'iam:AttachUserPolicy'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      },
      { Effect: 'Deny', Action: 'iam:DeleteUserPermissionsBoundary', Resource: '*' },
      {
        Effect: 'Deny',
        Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
        Resource: boundaryArn,
      },
    ],
  });
  await runOk(terminal3, `aws iam put-user-policy --user-name team-lead --policy-name DelegateWithBoundary --policy-document '${policy}'`);
  await expectComplete(delegate, 6);
});

test('lesson 8: progress and the world survive a reload; a role profile with mfa_serial prompts for a code', async ({ page }) => {
  await page.goto('/lessons/08-mfa/');
  const enroll = await startExercise(page, 'enroll');
  await enrollWithAuthenticator(page);
  await expectComplete(enroll, 2);

  await page.reload();
  const again = page.locator('[data-exercise="enroll"]');
  await showWidget(again);
  await expect(again.getByText('✓ Completed')).toBeVisible();
  await expect(again.getByRole('status')).toHaveText(/All 2 checks pass/, { timeout: 15_000 });

  const terminal = await terminalAt(page, 0);
  const account = await accountId(terminal);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ],
  });
  await runOk(terminal, `aws iam create-role --role-name Breakglass --assume-role-policy-document '${trust}'`);
  const mayAssume = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  await runOk(terminal, `aws iam put-user-policy --user-name ana --policy-name MayAssume --policy-document '${mayAssume}'`);
  await runOk(terminal, `aws configure set role_arn arn:aws:iam::${account}:role/Breakglass --profile breakglass`);
  await runOk(terminal, 'aws configure set source_profile ana --profile breakglass');
  await runOk(terminal, `aws configure set mfa_serial arn:aws:iam::${account}:mfa/ana --profile breakglass`);

  const mfa = page.getByRole('region', { name: "ana's authenticator" }).first();
  await showWidget(mfa);
  const code = await skipToNextCode(mfa); // the codes shown so far were used to enable

  const entries = terminal.locator('.entry');
  const before = await entries.count();
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  await line.fill('aws sts get-caller-identity --profile breakglass');
  await line.press('Enter');
  const prompt = terminal.getByRole('textbox', { name: 'MFA code' });
  await expect(prompt).toBeVisible();
  // The log shows the command that asked for the code, then the command run with it.
  await expect(entries).toHaveCount(before + 1);
  await expect(entries.last()).toContainText(`Enter MFA code for arn:aws:iam::${account}:mfa/ana`);
  await expect(entries.last()).toContainText('waiting for the MFA code');
  await expect(entries.last()).not.toContainText('failed');
  await prompt.fill(code);
  await prompt.press('Enter');
  await expect(entries).toHaveCount(before + 2);
  await expect(entries.last()).toHaveAttribute('data-exit', '0');
  await expect(entries.last()).toContainText(`assumed-role/Breakglass/`);
});

/*
 * The other lessons, swept the way a learner who gives up would do them: start the exercise, reveal
 * its solution, type each shown command into the terminal that follows the exercise. Only the
 * exercises whose solution is plain commands (no saved values, no clock, no MFA codes) are swept;
 * the journeys above cover those that are not.
 */

const sweep = {
  '01-what-is-iam': lesson01,
  '03-groups': lesson03,
  '04-policies': lesson04,
  '05-how-aws-decides': lesson05,
  '06-conditions-and-variables': lesson06,
  '07-roles-and-sts': lesson07,
  '09-cloudtrail': lesson09,
  '10-resource-policies': lesson10,
  '11-guardrails': lesson11,
  '12-least-privilege': lesson12,
};

for (const [lesson, exercises] of Object.entries(sweep)) {
  for (const exercise of exercises) {
    const plain = exercise.solution.steps.every(
      (step) => typeof step === 'string' || 'writeFile' in step || ('run' in step && !('save' in step && step.save)),
    );
    const text = exercise.solution.steps
      .map((step) => (typeof step === 'string' ? step : 'run' in step ? step.run : 'writeFile' in step ? step.text : ''))
      .join('\n');
    if (!plain || /\{\{(?!accountId\}\})/.test(text) || Object.keys(exercise.solution.answers).length > 0) continue;
    test(`lesson ${lesson}, "${exercise.title}": the shown solution, done in the file editor and the terminal, completes it`, async ({
      page,
    }) => {
      // Monaco loads for each file saved, on top of the commands typed.
      test.setTimeout(120_000);
      await page.goto(`/lessons/${lesson}/`);
      const card = await startExercise(page, exercise.id);
      await card.getByRole('button', { name: 'Show the solution' }).click();
      await card.getByRole('button', { name: 'Yes, show it' }).click();
      const shown = await card.getByRole('region', { name: 'Solution' }).locator('pre code').innerText();
      expect(shown).not.toContain('{{');
      const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
      // Each step as the solution shows it: a file saved in the editor beside the exercise, or a command typed.
      let account: string | undefined;
      for (const step of exercise.solution.steps) {
        if (typeof step !== 'string' && 'writeFile' in step) {
          expect(shown).toContain(`save ${step.writeFile}`);
          if (step.text.includes('{{accountId}}')) {
            await showWidget(terminal);
            account ??= await accountId(terminal);
          }
          await saveInFileEditor(
            page,
            card,
            step.writeFile,
            account === undefined ? step.text : step.text.replaceAll('{{accountId}}', account),
          );
          continue;
        }
        if (typeof step !== 'string' && !('run' in step)) throw new Error('only files and commands are swept');
        await showWidget(terminal);
        const line = typeof step === 'string' ? step : step.run;
        if (line.includes('{{accountId}}')) account ??= await accountId(terminal);
        await run(terminal, account === undefined ? line : line.replaceAll('{{accountId}}', account));
      }
      await expectComplete(card, exercise.checks.length);
    });
  }
}
