/**
 * The getting-started journey entirely in the simulated console, on the playground's world: sign in
 * as root, create an admin user with console access, sign in as that user and change the password,
 * create a group with a policy, assign an MFA device from its secret key (codes computed here on the
 * world's clock), sign in again with MFA, and find every action in CloudTrail Event history.
 */
import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { runInTerminal } from './widgets-helpers.ts';

const ADMIN = 'admin-ana';
const FIRST_PASSWORD = 'First-Passw0rd!23';
const NEW_PASSWORD = 'Second-Passw0rd!45';

async function openConsole(page: Page): Promise<Locator> {
  await page.goto('/console/');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
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

async function signInAsUser(console: Locator, account: string, user: string, password: string): Promise<void> {
  await console.getByRole('radio', { name: 'IAM user' }).check();
  await console.getByRole('textbox', { name: 'Account ID or alias' }).fill(account);
  await console.getByRole('textbox', { name: 'IAM user name' }).fill(user);
  await console.getByLabel('Password', { exact: true }).fill(password);
  await console.getByRole('button', { name: 'Sign in' }).click();
}

async function worldTime(scope: Locator): Promise<number> {
  return Date.parse((await scope.getByTestId('world-time').getAttribute('datetime')) ?? '');
}

function code(secret: string, ms: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
}

test('getting started in the console, every step in Event history', async ({ page }) => {
  test.setTimeout(120_000);
  let console = await openConsole(page);
  const accountId = await card(console, 'Account ID');
  const rootEmail = await card(console, 'Root user email');
  const rootPassword = await card(console, 'Root user password');

  // 1. Root signs in with the account's email address and password.
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(rootEmail);
  await console.getByLabel('Password', { exact: true }).fill(rootPassword);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  await expect(console.getByText(`root @ ${accountId}`)).toBeVisible();
  await expect(console.getByRole('combobox', { name: 'Region' })).toHaveValue('Global');
  await expectNoA11yViolations(page, '.aws-console');

  // 2. An admin user with console access and a password to change at first sign-in.
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Users' }).click();
  await console.getByRole('button', { name: 'Create user' }).click();
  await console.getByRole('textbox', { name: 'User name' }).fill(ADMIN);
  await console.getByRole('checkbox', { name: /Provide user access to the AWS Management Console/ }).check();
  await console.getByRole('radio', { name: 'Custom password' }).check();
  await console.getByRole('textbox', { name: 'Password' }).fill(FIRST_PASSWORD);
  await expect(console.getByRole('checkbox', { name: /Users must create a new password at next sign-in/ })).toBeChecked();
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('radio', { name: 'Attach policies directly' }).check();
  await console.getByRole('searchbox', { name: 'Search policies' }).fill('AdministratorAccess');
  await console.getByRole('checkbox', { name: /^AdministratorAccess \(AWS managed\)/ }).check();
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Next' }).click();
  await expect(console.getByText('IAMUserChangePassword')).toBeVisible();
  await console.getByRole('button', { name: 'Create user' }).click();
  await expect(console.getByRole('status').filter({ hasText: `User ${ADMIN} created successfully.` })).toBeVisible();
  await expect(console.getByText(`https://${accountId}.signin.aws.amazon.com/console`)).toBeVisible();
  await console.getByRole('button', { name: 'Sign out' }).click();

  // 3. The user signs in and must change the password (IAMUserChangePassword makes that possible).
  await signInAsUser(console, accountId, ADMIN, FIRST_PASSWORD);
  await expect(console.getByRole('heading', { name: 'Password change required' })).toBeVisible();
  await console.getByLabel('Old password').fill(FIRST_PASSWORD);
  await console.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await console.getByLabel('Retype new password').fill(NEW_PASSWORD);
  await console.getByRole('button', { name: 'Confirm password change' }).click();
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  await expect(console.getByText(`${ADMIN} @ ${accountId}`)).toBeVisible();

  // 4. A group with a policy, the admin in it.
  await console.getByRole('button', { name: 'User groups' }).click();
  await console.getByRole('button', { name: 'Create group' }).click();
  await console.getByRole('textbox', { name: 'User group name' }).fill('Developers');
  await console.getByRole('checkbox', { name: ADMIN }).check();
  await console.getByRole('searchbox', { name: 'Search policies' }).fill('ReadOnlyAccess');
  await console.getByRole('checkbox', { name: /^ReadOnlyAccess \(AWS managed\)/ }).check();
  await console.getByRole('button', { name: 'Create user group' }).click();
  await expect(console.getByRole('heading', { name: 'Developers' })).toBeVisible();
  await expect(console.getByRole('tabpanel')).toContainText(ADMIN);
  await console.getByRole('tab', { name: 'Permissions' }).click();
  await expect(console.getByRole('tabpanel')).toContainText('ReadOnlyAccess');

  // 5. An MFA device for the admin: read the secret key, compute two consecutive codes on the world's clock.
  await console.getByRole('tab', { name: 'Users' }).click();
  await console.getByRole('tabpanel').getByRole('button', { name: ADMIN, exact: true }).click();
  await console.getByRole('tab', { name: 'Security credentials' }).click();
  await console.getByRole('button', { name: 'Assign MFA device' }).click();
  await console.getByRole('button', { name: 'Next' }).click();
  await expect(console.getByRole('img', { name: /QR code for MFA device admin-ana-phone/ })).toBeVisible();
  await console.getByRole('button', { name: 'Show secret key' }).click();
  const secret = (await console.getByTestId('mfa-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
  const t1 = await worldTime(console);
  await console.getByRole('textbox', { name: 'MFA code 1' }).fill(code(secret, t1));
  await console.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  // The world clock follows real time, so the wait moves it 30 s plus the seconds that passed.
  await expect.poll(() => worldTime(console)).toBeGreaterThanOrEqual(t1 + 30_000);
  await console.getByRole('textbox', { name: 'MFA code 2' }).fill(code(secret, t1 + 30_000));
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Add MFA' }).click();
  await expect(console.getByRole('heading', { name: ADMIN })).toBeVisible();
  await console.getByRole('tab', { name: 'Security credentials' }).click();
  await expect(console.getByRole('region', { name: /Multi-factor authentication/ }).getByRole('code')).toHaveText(
    `arn:aws:iam::${accountId}:mfa/admin-ana-phone`,
  );
  await console.getByRole('button', { name: 'Sign out' }).click();

  // 6. Sign in again: the password, then a fresh code (the last one was used to enable the device).
  await signInAsUser(console, accountId, ADMIN, NEW_PASSWORD);
  await expect(console.getByRole('heading', { name: 'Multi-factor authentication' })).toBeVisible();
  await console.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  await expect.poll(() => worldTime(console)).toBeGreaterThanOrEqual(t1 + 60_000);
  await console.getByRole('textbox', { name: 'MFA code' }).fill(code(secret, await worldTime(console)));
  await console.getByRole('button', { name: 'Submit' }).click();
  await expect(console.getByText(`${ADMIN} @ ${accountId}`)).toBeVisible();

  // 7. Every action in Event history, as the console records it.
  await console.getByRole('navigation', { name: 'Services' }).getByRole('button', { name: 'CloudTrail' }).click();
  await expect(console.getByRole('heading', { name: 'Event history' })).toBeVisible();
  const table = console.getByRole('table', { name: 'Event history' });
  // AttachUserPolicy twice: AdministratorAccess and the IAMUserChangePassword the wizard adds.
  const expected = {
    ConsoleLogin: 3,
    CreateUser: 1,
    CreateLoginProfile: 1,
    AttachUserPolicy: 2,
    ChangePassword: 1,
    CreateGroup: 1,
    AddUserToGroup: 1,
    AttachGroupPolicy: 1,
    CreateVirtualMFADevice: 1,
    EnableMFADevice: 1,
  };
  for (const [name, count] of Object.entries(expected)) {
    await expect(table.getByRole('button', { name: new RegExp(`^${name} at`) }), name).toHaveCount(count);
  }
  await console.getByRole('combobox', { name: 'Lookup attributes' }).selectOption('Username');
  await console.getByRole('textbox', { name: 'Attribute value' }).fill(ADMIN);
  await console.getByRole('button', { name: 'Look up events' }).click();
  await expect(table.getByRole('button', { name: /^CreateUser at/ })).toHaveCount(0);
  await table
    .getByRole('button', { name: /^ConsoleLogin at/ })
    .first()
    .click();
  const record = JSON.parse(await console.getByLabel('Event record of ConsoleLogin').innerText()) as Record<string, unknown>;
  expect(record['additionalEventData']).toMatchObject({ MFAUsed: 'Yes', MFAIdentifier: `arn:aws:iam::${accountId}:mfa/admin-ana-phone` });
  expect(record['userIdentity']).toMatchObject({ type: 'IAMUser', userName: ADMIN });
  await table.getByRole('button', { name: /^ChangePassword at/ }).click();
  const change = JSON.parse(await console.getByLabel('Event record of ChangePassword').innerText()) as Record<string, unknown>;
  expect(change).toMatchObject({ userAgent: 'AWS Internal', sessionCredentialFromConsole: 'true' });
  await expectNoA11yViolations(page, '.aws-console');
  const downloading = page.waitForEvent('download');
  await console.getByRole('button', { name: 'Download events: CSV' }).click();
  expect((await downloading).suggestedFilename()).toBe('event_history.csv');

  // 8. The same world in the playground's terminal; and the console keeps its session across a reload.
  await page.reload();
  console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console.getByText(`${ADMIN} @ ${accountId}`)).toBeVisible();
  await page.goto('/playground/');
  const entry = await runInTerminal(page, 'aws iam get-group --group-name Developers');
  await expect(entry).toContainText(`"UserName": "${ADMIN}"`);
});

test('a user without permissions sees Access denied naming the action, and why', async ({ page }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name bob');
  await runInTerminal(page, 'aws iam create-login-profile --user-name bob --password Bob-Passw0rd!23');
  const console = await openConsole(page);
  const accountId = await card(console, 'Account ID');
  await signInAsUser(console, accountId, 'bob', 'Bob-Passw0rd!23');
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Users' }).click();
  const alert = console.getByRole('alert');
  await expect(alert).toContainText('Access denied');
  await expect(alert).toContainText("You don't have permission to iam:ListUsers.");
  await alert.getByRole('button', { name: 'Why?' }).click();
  await expect(alert).toContainText('no policy allows it');
  await expectNoA11yViolations(page, '.aws-console');
});

test('a wrong password is refused with the sign-in page words and recorded as a failure', async ({ page }) => {
  const console = await openConsole(page);
  const accountId = await card(console, 'Account ID');
  await signInAsUser(console, accountId, 'nobody', 'Wrong-Passw0rd!');
  await expect(console.getByRole('status')).toContainText('Your authentication information is incorrect. Please try again.');
  await page.goto('/playground/');
  const entry = await runInTerminal(
    page,
    'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=ConsoleLogin --query "Events[0].CloudTrailEvent" --output text',
  );
  await expect(entry).toContainText('"ConsoleLogin":"Failure"');
});

test('the console is usable at 390 px without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const console = await openConsole(page);
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card(console, 'Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card(console, 'Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).press('Enter');
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  for (const page_ of ['Users', 'Policies', 'Account settings']) {
    await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: page_ }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal scroll on ${page_}`).toBeLessThanOrEqual(0);
  }
  await expectNoA11yViolations(page, '.aws-console');
});

test('embedded in a page, the console shares the world with the terminal and the audit log', async ({ page }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name carol');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await console.scrollIntoViewIfNeeded();
  await expect(console).toHaveAttribute('aria-busy', 'false');
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card(console, 'Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card(console, 'Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).click();
  // start="iam/users": the user the terminal created is listed.
  await expect(console.getByRole('heading', { name: /^Users/ })).toBeVisible();
  await console.getByRole('button', { name: 'carol', exact: true }).click();
  await console.getByRole('tab', { name: 'Tags' }).click();
  await console.getByRole('textbox', { name: 'Key' }).fill('team');
  await console.getByRole('textbox', { name: 'Value' }).fill('blue');
  await console.getByRole('button', { name: 'Add tag' }).click();
  await expect(console.getByRole('tabpanel')).toContainText('team');
  const entry = await runInTerminal(page, 'aws iam list-user-tags --user-name carol');
  await expect(entry).toContainText('"Value": "blue"');
  const log = page.getByRole('region', { name: 'CloudTrail event history' });
  await log.scrollIntoViewIfNeeded();
  await log.getByRole('textbox', { name: 'Event name' }).fill('TagUser');
  await log.getByRole('button', { name: /Show JSON of TagUser/ }).click();
  await expect(log.getByRole('table')).toContainText('"sessionCredentialFromConsole": "true"');
});

test('create roles in the wizard, switch role and back; a role that requires MFA refuses a sign-in without it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name dev');
  await runInTerminal(page, 'aws iam create-login-profile --user-name dev --password Dev-Passw0rd!234');
  await runInTerminal(
    page,
    `aws iam put-user-policy --user-name dev --policy-name assume --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","cloudtrail:LookupEvents"],"Resource":"*"}]}'`,
  );
  const console = await openConsole(page);
  const accountId = await card(console, 'Account ID');
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card(console, 'Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card(console, 'Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).click();

  for (const [name, mfa] of [
    ['Auditor', false],
    ['Admin', true],
  ] as const) {
    await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Roles' }).click();
    await console.getByRole('button', { name: 'Create role' }).click();
    await console.getByRole('radio', { name: 'AWS account' }).check();
    if (mfa) await console.getByRole('checkbox', { name: 'Require MFA' }).check();
    await expect(console.getByLabel('Trust policy to be created')).toContainText(`arn:aws:iam::${accountId}:root`);
    await console.getByRole('button', { name: 'Next' }).click();
    await console.getByRole('searchbox', { name: 'Search policies' }).fill('IAMReadOnlyAccess');
    await console.getByRole('checkbox', { name: /^IAMReadOnlyAccess \(AWS managed\)/ }).check();
    await console.getByRole('button', { name: 'Next' }).click();
    await console.getByRole('textbox', { name: 'Role name' }).fill(name);
    await console.getByRole('button', { name: 'Create role' }).click();
    await expect(console.getByRole('heading', { name })).toBeVisible();
  }
  await console.getByRole('tab', { name: 'Trust relationships' }).click();
  await expect(console.getByLabel('Trust policy', { exact: true })).toContainText('aws:MultiFactorAuthPresent');
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Sign out' }).click();

  await signInAsUser(console, accountId, 'dev', 'Dev-Passw0rd!234');
  await console.getByRole('button', { name: 'Switch role', exact: true }).click();
  await console.getByRole('textbox', { name: 'IAM role name' }).fill('Admin');
  await console.getByRole('button', { name: 'Switch Role', exact: true }).click();
  await expect(console.getByRole('alert')).toContainText('not authorized to perform: sts:AssumeRole');

  await console.getByRole('textbox', { name: 'IAM role name' }).fill('Auditor');
  await console.getByRole('textbox', { name: 'Display name - optional' }).fill('Audit');
  await console.getByRole('radio', { name: 'green' }).check();
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Switch Role', exact: true }).click();
  await expect(console.getByTitle(`arn:aws:sts::${accountId}:assumed-role/Auditor/dev`)).toHaveText('Acting as role Audit');
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Users' }).click();
  await expect(console.getByRole('button', { name: 'dev', exact: true })).toBeVisible();
  await console.getByRole('button', { name: 'Create user' }).click();
  await console.getByRole('textbox', { name: 'User name' }).fill('intruder');
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('button', { name: 'Create user' }).click();
  await expect(console.getByRole('alert')).toContainText(`assumed-role/Auditor/dev is not authorized to perform: iam:CreateUser`);
  await console.getByRole('button', { name: /^Switch back/ }).click();
  await expect(console.getByText(`dev @ ${accountId}`)).toBeVisible();
  await expect(console.getByRole('combobox', { name: 'Role history' })).toBeVisible();

  await console.getByRole('navigation', { name: 'Services' }).getByRole('button', { name: 'CloudTrail' }).click();
  const table = console.getByRole('table', { name: 'Event history' });
  await table.getByRole('button', { name: /^SwitchRole at/ }).click();
  const record = JSON.parse(await console.getByLabel('Event record of SwitchRole').innerText()) as Record<string, unknown>;
  expect(record).toMatchObject({
    eventSource: 'signin.amazonaws.com',
    responseElements: { SwitchRole: 'Success' },
    additionalEventData: { SwitchFrom: `arn:aws:iam::${accountId}:user/dev` },
  });
});

test('the root user assigns its own MFA device in the console and then signs in with it', async ({ page }) => {
  const console = await openConsole(page);
  const email = await card(console, 'Root user email');
  const password = await card(console, 'Root user password');
  const signInAsRoot = async (): Promise<void> => {
    await console.getByRole('radio', { name: 'Root user' }).check();
    await console.getByRole('textbox', { name: 'Root user email address' }).fill(email);
    await console.getByLabel('Password', { exact: true }).fill(password);
    await console.getByRole('button', { name: 'Sign in' }).click();
  };
  await signInAsRoot();
  await expect(console.getByText(/Add MFA for the root user/)).toBeVisible();
  await console.getByRole('button', { name: 'My security credentials' }).click();
  await console.getByRole('button', { name: 'Assign MFA device' }).click();
  await expect(console.getByRole('textbox', { name: 'Device name' })).toHaveValue('root-account-mfa-device');
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('button', { name: 'Show secret key' }).click();
  const secret = (await console.getByTestId('mfa-secret').innerText()).trim();
  const t1 = await worldTime(console);
  await console.getByRole('textbox', { name: 'MFA code 1' }).fill(code(secret, t1));
  await console.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  // The world clock follows real time, so the wait moves it 30 s plus the seconds that passed.
  await expect.poll(() => worldTime(console)).toBeGreaterThanOrEqual(t1 + 30_000);
  await console.getByRole('textbox', { name: 'MFA code 2' }).fill(code(secret, t1 + 30_000));
  await console.getByRole('button', { name: 'Add MFA' }).click();
  await expect(console.getByRole('heading', { name: 'My security credentials' })).toBeVisible();
  await console.getByRole('button', { name: 'Dashboard' }).click();
  await expect(console.getByText('✓ The root user has MFA.')).toBeVisible();
  await console.getByRole('button', { name: 'Sign out' }).click();
  await signInAsRoot();
  await expect(console.getByRole('textbox', { name: 'MFA code' })).toBeVisible();
  await console.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  await expect.poll(() => worldTime(console)).toBeGreaterThanOrEqual(t1 + 60_000);
  await console.getByRole('textbox', { name: 'MFA code' }).fill(code(secret, await worldTime(console)));
  await console.getByRole('button', { name: 'Submit' }).click();
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
});
