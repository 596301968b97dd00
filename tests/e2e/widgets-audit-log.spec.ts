/**
 * AuditLog: every call on the world appears in the CloudTrail table as it happens, denied calls
 * included; filters narrow it, the full record opens as JSON, and a record pivots to every event
 * with its access key or source IP (review m1: lesson 9's "pivot on the access key, the source IP").
 */
import { test, expect } from './fixtures.ts';
import { showWidget } from './widgets-helpers.ts';

test('records appear live, filter, and open as JSON', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  await line.fill('aws iam create-user --user-name bob');
  await line.press('Enter');
  await expect(terminal.getByRole('log')).toContainText('"UserName": "bob"');
  await line.fill('aws iam list-users --profile bob');
  await line.press('Enter');
  await expect(terminal.getByRole('log')).toContainText('exit code');

  const log = page.getByRole('region', { name: 'CloudTrail event history' });
  await showWidget(log);
  const table = log.getByRole('table');
  await expect(table).toContainText('CreateUser');
  await log.getByRole('textbox', { name: 'Event name' }).fill('CreateUser');
  await expect(table.getByRole('row')).toHaveCount(2); // header + one event
  await log.getByRole('button', { name: /Show JSON of CreateUser/ }).click();
  await expect(table).toContainText('"eventSource": "iam.amazonaws.com"');
  await log.getByRole('button', { name: 'Why was it allowed?' }).click();
  await expect(table.getByRole('img', { name: /Evaluation flowchart/ })).toBeVisible();

  // Pivot: the other filters are cleared and the record's key fills the Access key filter.
  await log.getByRole('button', { name: /^Events with this access key/ }).click();
  await expect(log.getByRole('textbox', { name: 'Event name' })).toHaveValue('');
  await expect(log.getByRole('textbox', { name: 'Access key' })).toHaveValue(/^A[KS]IA[A-Z0-9]{16}$/);
  await expect(table).toContainText('CreateUser');
  await log.getByRole('textbox', { name: 'Access key' }).fill('AKIANOSUCHKEY0000000');
  await expect(table).toContainText('No events match the filters');
});
