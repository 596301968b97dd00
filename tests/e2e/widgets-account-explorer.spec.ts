/**
 * AccountExplorer: who has what — a user's policies directly and through groups, click-through to
 * the policy document, and effective permissions decided by the simulator.
 */
import { test, expect } from './fixtures.ts';
import { showWidget } from './widgets-helpers.ts';

test('shows who has what and the effective permissions', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  for (const command of [
    'aws iam create-user --user-name carol',
    'aws iam create-group --group-name readers',
    'aws iam add-user-to-group --group-name readers --user-name carol',
    'aws iam attach-group-policy --group-name readers --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
  ]) {
    await line.fill(command);
    await line.press('Enter');
  }
  await expect(terminal.getByRole('log')).toContainText('exit code 0', { timeout: 15_000 });

  const explorer = page.getByRole('region', { name: 'Account explorer' });
  await showWidget(explorer);
  await explorer.getByRole('button', { name: 'carol' }).click();
  await expect(explorer).toContainText('(through group readers)');
  await explorer.getByRole('button', { name: 'IAMReadOnlyAccess' }).first().click();
  await expect(explorer.getByLabel('Policy document of IAMReadOnlyAccess')).toContainText('iam:Get');
  await explorer.getByRole('button', { name: 'Back to carol' }).click();
  await explorer.getByRole('textbox', { name: 'Actions (comma separated)' }).fill('iam:ListUsers, iam:CreateUser');
  await explorer.getByRole('button', { name: 'Check' }).click();
  await expect(explorer.getByRole('status')).toContainText('iam:ListUsers: Allowed');
  await expect(explorer.getByRole('status')).toContainText('iam:CreateUser: Denied (implicit)');
  await explorer.getByText('Why? (iam:CreateUser)').click();
  await expect(explorer.getByRole('status')).toContainText('is not authorized to perform: iam:CreateUser');
  await expect(explorer.getByRole('img', { name: /Evaluation flowchart/ })).toBeVisible();
});
