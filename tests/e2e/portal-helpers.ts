/**
 * The AWS access portal's sign-in steps as a learner takes them (src/console/portal): a one-time
 * password, a new password, then the authenticator app to register at the first sign-in (IAM
 * Identity Center User Guide, "Configure MFA device enforcement": "Require them to register an MFA
 * device at sign in" is the default, https://docs.aws.amazon.com/singlesignon/latest/userguide/how-to-configure-mfa-device-enforcement.html),
 * and later sign-ins with a code from it.
 */
import { expect, type Locator } from '@playwright/test';
import { waitForFreshCode } from './widgets-helpers.ts';

/** The simulated authenticator app inside `scope`. */
export function phoneIn(scope: Locator): Locator {
  return scope.getByRole('complementary', { name: /Simulated authenticator app/ });
}

/** A code the phone shows (for the app whose line has `app`, when it shows several) with enough of its 30 s window left to type it. */
export async function freshCode(scope: Locator, app?: string): Promise<string> {
  const phone = app === undefined ? phoneIn(scope) : phoneIn(scope).locator('p').filter({ hasText: app });
  await waitForFreshCode(phone);
  return (await phone.locator('.code').innerText()).trim();
}

/** alice's first sign-in: one-time password, a new password, an authenticator app registered with a code from it. */
export async function firstSignIn(
  portal: Locator,
  userName: string,
  newPassword: string,
  options: { deviceName?: string; onRegisterPage?: () => Promise<void> } = {},
): Promise<void> {
  await portal.getByRole('textbox', { name: 'Identity Center user name' }).fill(userName);
  await portal.getByRole('button', { name: 'Generate a one-time password' }).click();
  await expect(portal.getByText(`One-time password for ${userName}`)).toBeVisible();
  await portal.getByRole('button', { name: 'Sign in' }).click();
  await expect(portal.getByRole('alert')).toContainText('one-time password');
  await portal.getByLabel('New password').fill(newPassword);
  await portal.getByRole('button', { name: 'Set new password' }).click();
  const register = portal.getByRole('region', { name: 'Register MFA device' });
  await expect(register.getByRole('img', { name: "QR code of the authenticator app's secret" })).toBeVisible();
  await register.getByRole('button', { name: 'Show secret key' }).click();
  await expect(register.getByText(/^Secret key: [A-Z2-7]{64}$/)).toBeVisible();
  await options.onRegisterPage?.();
  await register.getByLabel('Device name (optional)').fill(options.deviceName ?? 'phone');
  await register.getByLabel('Authenticator code').fill(await freshCode(register));
  await register.getByRole('button', { name: 'Assign MFA' }).click();
  await expect(portal.getByRole('status')).toHaveText(`Signed in as ${userName}.`);
}

/** A later sign-in: password, then the next code of the registered app (the last one was used); answers the code. */
export async function signInWithCode(portal: Locator, userName: string, password: string): Promise<string> {
  await portal.getByRole('textbox', { name: 'Username' }).fill(userName);
  await portal.getByLabel('Password', { exact: true }).fill(password);
  await portal.getByRole('button', { name: 'Sign in' }).click();
  const verify = portal.getByRole('form', { name: 'Additional verification required' });
  const phone = phoneIn(verify);
  // A code is accepted once: move to the next 30 s window so this sign-in gets a code of its own.
  const before = await phone.locator('.code').first().innerText();
  await phone.getByRole('button', { name: 'Wait 30 seconds for the next code' }).click();
  await expect(phone.locator('.code').first()).not.toHaveText(before);
  const code = await freshCode(verify);
  await verify.getByLabel('MFA code').fill(code);
  await verify.getByRole('button', { name: 'Verify' }).click();
  await expect(portal.getByRole('status')).toHaveText(`Signed in as ${userName}.`);
  return code;
}

/** Signs out and types the password again, up to the MFA code step; answers that step's form. */
export async function signOutAndIn(portal: Locator, userName: string, password: string): Promise<Locator> {
  await portal.getByRole('button', { name: 'Sign out' }).click();
  await portal.getByRole('textbox', { name: 'Username' }).fill(userName);
  await portal.getByLabel('Password', { exact: true }).fill(password);
  await portal.getByRole('button', { name: 'Sign in' }).click();
  return portal.getByRole('form', { name: 'Additional verification required' });
}
