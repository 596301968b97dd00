/**
 * The IAM console's Credential report page on the playground's world, in Chromium: root signs in,
 * generates the report (STARTED, then "the report you already have" within four hours), downloads
 * the CSV as a file made in the page (a blob: URL, no request leaves the origin), and the table
 * lists the report's rows. Source: IAM User Guide, "Generate credential reports for your AWS account"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html).
 */
import { readFile } from 'node:fs/promises';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';

test('generate and download the credential report in the console', async ({ page }) => {
  await page.goto('/console/');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console).toHaveAttribute('aria-busy', 'false');
  const facts = console.getByRole('complementary', { name: 'This simulated account' });
  const fact = async (term: string) =>
    (await facts.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  const rootEmail = await fact('Root user email');
  const rootPassword = await fact('Root user password');
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(rootEmail);
  await console.getByLabel('Password', { exact: true }).fill(rootPassword);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();

  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Credential report' }).click();
  await expect(console.getByRole('heading', { name: 'Credential report', level: 3 })).toBeVisible();
  await expect(console.getByText('No report has been generated for this account yet.')).toBeVisible();
  await expect(console.getByRole('button', { name: 'Download report' })).toBeDisabled();

  await console.getByRole('button', { name: 'Generate report' }).click();
  await expect(console.getByRole('status').filter({ hasText: 'Report generated.' })).toBeVisible();
  await expect(console.getByText(/^Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/)).toBeVisible();
  const table = console.getByRole('region', { name: 'Users in the report' });
  await expect(table.getByRole('rowheader', { name: '<root_account>' })).toBeVisible();
  await expectNoA11yViolations(page, '.aws-console');
  // On a phone the table scrolls inside its own region (keyboard-focusable), never the page.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expect(table).toHaveAttribute('tabindex', '0');

  // Within four hours IAM answers the report it has.
  await console.getByRole('button', { name: 'Generate report' }).click();
  await expect(console.getByRole('status').filter({ hasText: 'A report generated in the last four hours exists' })).toBeVisible();

  const download = page.waitForEvent('download');
  await console.getByRole('button', { name: 'Download report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^credential_report_\d{4}-\d{2}-\d{2}T\d{2}_\d{2}_\d{2}\+00_00\.csv$/);
  expect(file.url()).toMatch(/^blob:/);
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toBe(
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
      'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
      'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
      'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  );
  expect(csv.split('\n')[1]).toMatch(/^<root_account>,arn:aws:iam::\d{12}:root,/);
  await expect(console.getByRole('status').filter({ hasText: /^Downloaded credential_report_/ })).toBeVisible();
});
