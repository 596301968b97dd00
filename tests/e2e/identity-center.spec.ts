/**
 * IAM Identity Center in the browser: the management account's root enables Identity Center in the
 * playground's terminal, creates a user, a permission set and an assignment in the member account;
 * the user signs in to the AWS access portal (one-time password, then a new one, then an authenticator
 * app registered at the first sign-in; later sign-ins refuse a wrong or used code), opens the console
 * of the member account as `AWSReservedSSO_ReadOnly_…/alice`, and finds the AssumeRoleWithSAML that
 * Identity Center made for them in the account's CloudTrail Event history.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { firstSignIn, freshCode, signInWithCode, signOutAndIn } from './portal-helpers.ts';
import { runInTerminal } from './widgets-helpers.ts';

async function text(page: Parameters<typeof runInTerminal>[0], line: string): Promise<string> {
  return ((await (await runInTerminal(page, line)).textContent()) ?? '').trim();
}

test('an Identity Center user signs in to the portal and opens the member account console as the reserved role', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/playground/');
  await runInTerminal(page, 'aws organizations create-organization --feature-set ALL');
  const requestId = /car-[0-9a-f]{32}/.exec(
    await text(
      page,
      'aws organizations create-account --email dev@example.com --account-name dev --query CreateAccountStatus.Id --output text',
    ),
  )?.[0];
  const status = await text(
    page,
    `aws organizations describe-create-account-status --create-account-request-id ${requestId ?? ''} --query CreateAccountStatus.AccountId --output text`,
  );
  const member = [...status.matchAll(/\b\d{12}\b/g)].at(-1)?.[0] ?? '';
  const instanceArn =
    /arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}/.exec(await text(page, 'aws sso-admin create-instance --output text'))?.[0] ?? '';
  const storeId =
    /d-[0-9a-f]{10}/.exec(await text(page, 'aws sso-admin list-instances --query Instances[0].IdentityStoreId --output text'))?.[0] ?? '';
  const userId =
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(
      await text(
        page,
        `aws identitystore create-user --identity-store-id ${storeId} --user-name alice --display-name Alice --query UserId --output text`,
      ),
    )?.[0] ?? '';
  const psArn =
    /arn:aws:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}/.exec(
      await text(
        page,
        `aws sso-admin create-permission-set --instance-arn ${instanceArn} --name ReadOnly --query PermissionSet.PermissionSetArn --output text`,
      ),
    )?.[0] ?? '';
  expect([member, instanceArn, storeId, userId, psArn].every((v) => v !== '')).toBe(true);
  await runInTerminal(
    page,
    `aws sso-admin attach-managed-policy-to-permission-set --instance-arn ${instanceArn} --permission-set-arn ${psArn} --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`,
  );
  await expect(
    await runInTerminal(
      page,
      `aws sso-admin create-account-assignment --instance-arn ${instanceArn} --target-id ${member} --target-type AWS_ACCOUNT --permission-set-arn ${psArn} --principal-type USER --principal-id ${userId}`,
    ),
  ).toContainText('IN_PROGRESS');

  await page.goto('/portal/');
  const portal = page.getByRole('region', { name: 'AWS access portal (simulated)' });
  await expect(page.locator('astro-island', { has: portal }).last()).not.toHaveAttribute('ssr', { timeout: 30_000 });
  await expect(portal).toHaveAttribute('aria-busy', 'false');
  await firstSignIn(portal, 'alice', 'Correct-Horse-7', {
    onRegisterPage: async () => {
      await expectNoA11yViolations(page, '.portal');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    },
  });
  const devices = portal.getByRole('region', { name: 'MFA devices (1)' });
  await expect(devices.getByRole('listitem').filter({ hasText: 'phone' })).toContainText('Authenticator app');
  await expect(devices.getByRole('button', { name: 'Remove phone' })).toBeVisible();
  await expectNoA11yViolations(page, '.portal');
  // Signing in again takes a code: a wrong one and a used one are refused with words that say why.
  let verify = await signOutAndIn(portal, 'alice', 'Correct-Horse-7');
  await verify.getByLabel('MFA code').fill('12345');
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(verify.getByRole('alert')).toHaveText(/not the one your authenticator app shows/);
  await expectNoA11yViolations(page, '.portal');
  await verify.getByRole('button', { name: 'Back to sign-in' }).click();
  const used = await signInWithCode(portal, 'alice', 'Correct-Horse-7');
  verify = await signOutAndIn(portal, 'alice', 'Correct-Horse-7');
  await verify.getByLabel('MFA code').fill(used);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(verify.getByRole('alert')).toHaveText(/already used/);
  await verify.getByRole('button', { name: 'Back to sign-in' }).click();
  await signInWithCode(portal, 'alice', 'Correct-Horse-7');
  // MFA devices: register a second authenticator app, then remove it.
  await portal.getByRole('button', { name: 'Register device' }).click();
  const setup = portal.getByRole('form', { name: 'Set up the authenticator app' });
  await setup.getByLabel('Device name (optional)').fill('tablet');
  await setup
    .getByLabel('Authenticator code')
    .fill(await freshCode(portal.getByRole('region', { name: /^MFA devices/ }), 'being registered'));
  await setup.getByRole('button', { name: 'Assign MFA' }).click();
  await expect(portal.getByRole('status')).toHaveText('Registered the authenticator app tablet.');
  await expect(portal.getByRole('region', { name: 'MFA devices (2)' })).toBeVisible();
  await portal.getByRole('button', { name: 'Remove tablet' }).click();
  await expect(portal.getByRole('status')).toHaveText('Removed the MFA device tablet.');
  await expect(portal.getByRole('region', { name: 'MFA devices (1)' })).toBeVisible();
  await portal.getByRole('button', { name: 'Open console: ReadOnly in dev' }).click();

  await page.waitForURL(/\/console\/#\/iam/);
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console.getByText(`alice @ ${member}`)).toBeVisible({ timeout: 30_000 });
  await console.getByRole('navigation', { name: 'Services' }).getByRole('button', { name: 'CloudTrail' }).click();
  // AssumeRoleWithSAML is a read-only event; Event history opens on the write events.
  await console.getByRole('combobox', { name: 'Attribute value' }).selectOption('true');
  await console.getByRole('button', { name: 'Look up events' }).click();
  const table = console.getByRole('table', { name: 'Event history' });
  await expect(table.getByText('AssumeRoleWithSAML').first()).toBeVisible({ timeout: 30_000 });

  // The CLI path: an sso-session profile, aws sso login, the code approved in the portal, login again.
  await page.goto('/playground/');
  await runInTerminal(page, `aws configure set sso-session.my-sso.sso_start_url https://${storeId}.awsapps.com/start`);
  await runInTerminal(page, 'aws configure set sso-session.my-sso.sso_region us-east-1');
  await runInTerminal(page, 'aws configure set sso_session my-sso --profile dev');
  await runInTerminal(page, `aws configure set sso_account_id ${member} --profile dev`);
  await runInTerminal(page, 'aws configure set sso_role_name ReadOnly --profile dev');
  const started = await text(page, 'aws sso login --profile dev');
  const userCode = /[B-Z]{4}-[B-Z]{4}/.exec(started)?.[0] ?? '';
  expect(started).toContain('https://device.sso.us-east-1.amazonaws.com/');
  await page.goto('/portal/');
  await expect(portal.getByText(`Requests waiting: ${userCode}`)).toBeVisible({ timeout: 30_000 });
  await portal.getByRole('textbox', { name: 'Code' }).fill(userCode);
  await portal.getByRole('button', { name: 'Allow access' }).click();
  await expect(portal.getByRole('status')).toContainText('Request approved');
  await page.goto('/playground/');
  await expect(await runInTerminal(page, 'aws sso login --profile dev')).toContainText('Successfully logged into Start URL');
  await expect(await runInTerminal(page, 'aws sts get-caller-identity --profile dev --query Arn --output text')).toContainText(
    `assumed-role/AWSReservedSSO_ReadOnly_`,
  );

  // The sandbox's MFA settings: "Never (disabled)" lets the password alone sign in.
  await page.goto('/portal/');
  await portal.getByRole('button', { name: 'Sign out' }).click();
  const settings = portal.getByRole('form', { name: 'Sandbox: Identity Center MFA settings' });
  await expect(settings.getByRole('radio', { name: 'Every time they sign in (always-on)' })).toBeChecked();
  await expect(settings.getByRole('radio', { name: 'Require them to register an MFA device at sign in' })).toBeChecked();
  await settings.getByRole('radio', { name: 'Never (disabled)' }).check();
  await settings.getByRole('button', { name: 'Save changes' }).click();
  await expect(settings.getByText('MFA settings saved.')).toBeVisible();
  await portal.getByRole('textbox', { name: 'Username' }).fill('alice');
  await portal.getByLabel('Password', { exact: true }).fill('Correct-Horse-7');
  await portal.getByRole('button', { name: 'Sign in' }).click();
  await expect(portal.getByRole('status')).toHaveText('Signed in as alice.');
  await expectNoA11yViolations(page, '.portal');
});

test('the portal at 390 px has no sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/portal/');
  const portal = page.getByRole('region', { name: 'AWS access portal (simulated)' });
  await expect(portal).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoA11yViolations(page, '.portal');
});
