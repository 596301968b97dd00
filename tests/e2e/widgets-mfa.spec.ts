/**
 * MfaDevice: create a virtual device, see its code change when the world's clock skips 30 s, and
 * enable it for a user with two consecutive codes.
 */
import { test, expect } from './fixtures.ts';
import { showWidget, waitForFreshCode } from './widgets-helpers.ts';

test('two consecutive codes enable the device', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  await line.fill('aws iam create-user --user-name alice');
  await line.press('Enter');
  await expect(terminal.getByRole('log')).toContainText('"UserName": "alice"');

  const mfa = page.getByRole('region', { name: 'Virtual MFA device' });
  await showWidget(mfa);
  await mfa.getByRole('button', { name: 'Create virtual MFA device' }).click();
  const authenticator = mfa.getByRole('group', { name: 'Authenticator' });
  await expect(authenticator).toContainText(/\d{3}\s\d{3}/);
  await mfa.getByText('Show the QR code to scan').click();
  await expect(mfa.getByRole('img', { name: /QR code for the authenticator app: otpauth:\/\/totp\// })).toBeVisible();
  await waitForFreshCode(authenticator);
  await mfa.getByRole('button', { name: 'Use this code' }).click();
  await expect(mfa.getByRole('textbox', { name: 'Code 1' })).toHaveValue(/^\d{6}$/);
  const first = await mfa.getByRole('textbox', { name: 'Code 1' }).inputValue();
  await mfa.getByRole('button', { name: 'Skip 30 s' }).click();
  await expect(mfa.getByRole('textbox', { name: 'Code 1' })).toHaveValue(first);
  await mfa.getByRole('button', { name: 'Use this code' }).click();
  await expect(mfa.getByRole('textbox', { name: /Code 2/ })).toHaveValue(/^\d{6}$/);
  await mfa.getByRole('button', { name: 'Enable MFA' }).click();
  await expect(mfa.getByRole('status')).toContainText('Command succeeded');
});
