/**
 * Terminal: an `aws` terminal on the playground world — commands answer as the AWS CLI would,
 * the history comes back with the arrow keys, Tab completes, and the form builds a command.
 */
import { test, expect } from './fixtures.ts';
import { showWidget } from './widgets-helpers.ts';

test('runs commands, keeps history, completes with Tab', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  const output = terminal.getByRole('log', { name: 'Terminal output' });

  await line.fill('aws iam create-user --user-name alice');
  await line.press('Enter');
  await expect(output).toContainText('"UserName": "alice"');

  await line.fill('aws iam get-user --user-name nobody');
  await line.press('Enter');
  await expect(output).toContainText('NoSuchEntity');
  await expect(output).toContainText('exit code 254');

  await line.press('ArrowUp');
  await expect(line).toHaveValue('aws iam get-user --user-name nobody');
  await line.press('ArrowUp');
  await expect(line).toHaveValue('aws iam create-user --user-name alice');

  await page.reload();
  await showWidget(terminal);
  await line.press('ArrowUp');
  await expect(line).toHaveValue('aws iam get-user --user-name nobody');

  await line.fill('aws st');
  await line.press('Tab');
  await expect(line).toHaveValue('aws sts ');
  await expect(line).toBeFocused();
});

test('the form alternative builds and runs a command', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  await terminal.getByText('New to the command line?').click();
  await terminal.getByRole('combobox', { name: 'Command' }).selectOption({ label: 'Who am I? (sts get-caller-identity)' });
  await expect(terminal.getByText('Command line: aws sts get-caller-identity')).toBeVisible();
  await terminal.getByRole('button', { name: 'Run it' }).click();
  await expect(terminal.getByRole('log')).toContainText('"Arn": "arn:aws:iam::');
});

test('markup typed into the terminal stays text', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  await line.fill('aws iam create-user --user-name "<img src=x onerror=alert(1)>"');
  await line.press('Enter');
  await expect(terminal.getByRole('log')).toContainText('<img src=x');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

// Learners review POLISH 4: after a reset the old output described keys and users that no longer
// existed, with nothing saying so. A reset now draws a line under it.
test('resetting the world marks the output above it as the world before', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  const output = terminal.getByRole('log', { name: 'Terminal output' });
  await line.fill('aws iam create-user --user-name alice');
  await line.press('Enter');
  await expect(output).toContainText('"UserName": "alice"');
  await expect(output.locator('[data-divider]')).toHaveCount(0);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset world' }).click();
  await expect(output.locator('[data-divider]')).toHaveText(/The world was reset or replaced here/);
  await line.fill('aws iam list-users');
  await line.press('Enter');
  await expect(output).toContainText('"Users": []');
  // One line per reset, under the output it concerns; a reload keeps none.
  await expect(output.locator('[data-divider]')).toHaveCount(1);
});

// Learners review MINOR-5: the terminal had no way to set the source IP, so a learner could not see
// an aws:SourceIp guard work. Calls now come from the address set under the terminal.
test('calls come from the source IP set under the terminal; a malformed one is refused', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const line = terminal.getByRole('textbox', { name: 'Command line' });
  const output = terminal.getByRole('log', { name: 'Terminal output' });
  await terminal.getByText('Call from another IP address').click();
  const from = terminal.getByRole('textbox', { name: 'Source IP of your calls' });
  await from.fill('198.51.100.700');
  await line.fill('aws iam list-users');
  await line.press('Enter');
  await expect(terminal.getByRole('alert')).toContainText('is not an IP address');
  await from.fill('198.51.100.7');
  await line.press('Enter');
  await expect(output).toContainText('"Users": []');

  const log = page.getByRole('region', { name: 'CloudTrail event history' });
  await showWidget(log);
  await log.getByRole('textbox', { name: 'Source IP' }).fill('198.51.100.7');
  await expect(log.getByRole('table')).toContainText('ListUsers');
  await expect(log.getByRole('table').getByRole('row')).toHaveCount(2); // header + the one call from that IP
});
