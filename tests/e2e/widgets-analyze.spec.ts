/**
 * The analysis panels in the playground's AccessCheck: "What would allow it?" beside an
 * AccessDenied proposes an edit the simulator re-checked, and the live comparison with the version
 * the learner started from names the new access.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { runInTerminal, setEditorText, showWidget } from './widgets-helpers.ts';

test('playground: a denied request gets an edit that would allow it', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await widget.getByRole('combobox', { name: 'Action' }).fill('iam:DeleteUser');
  await expect(widget.getByRole('status').first()).toContainText('Denied');
  await widget.getByRole('button', { name: 'What would allow it?' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'found, each checked again by the simulator' })).toBeVisible();
  await expect(widget.getByText('Attach a new inline policy AllowThisRequest')).toBeVisible();
  await expect(widget.getByText('Then the simulator says: allowed.')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('playground: editing the policy shows the new access compared with the starting version', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  const panel = widget.getByRole('region', { name: 'Compared with the version you started from' });
  await expect(panel).toContainText('No changes yet.');
  await setEditorText(
    page,
    widget,
    'Identity-based policy',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*","iam:DeleteUser"],"Resource":"*"}]}',
  );
  await expect(panel.getByRole('status')).toContainText('Your edit allows more than before', { timeout: 20_000 });
  await expect(panel.getByRole('listitem').first()).toContainText('New access: now also allows iam:DeleteUser on any resource');
});

test('playground: an escalation path is found, replayed in the world, and then gone; the trail gives a policy', async ({ page }) => {
  await page.goto('/playground/');
  const policy =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"arn:aws:iam::*:user/alice"}]}';
  for (const line of [
    'aws iam create-user --user-name alice',
    'aws iam create-access-key --user-name alice',
    `aws iam put-user-policy --user-name alice --policy-name p --policy-document '${policy}'`,
  ]) {
    const entry = await runInTerminal(page, line);
    await expect(entry).not.toContainText('An error occurred');
  }
  const panel = page.getByRole('region', { name: 'Who can become admin?' });
  await showWidget(panel);
  await panel.getByRole('button', { name: 'Find escalation paths' }).click();
  await expect(panel.getByRole('status').first()).toContainText('1 principal can reach administrator access');
  await expect(panel.getByText('AttachUserPolicy: arn:aws:iam::123456789012:user/alice')).toBeVisible();
  await panel.getByRole('button', { name: 'Replay in the world' }).click();
  await expect(panel.getByText(/Replayed 1 command in the world/)).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByRole('status').first()).toContainText('No principal can escalate');
  await panel.getByRole('textbox', { name: 'Principal ARN' }).fill('arn:aws:iam::123456789012:user/alice');
  await panel.getByRole('button', { name: 'Generate policy' }).click();
  await expect(panel.getByText(/From 1 successful records/)).toBeVisible({ timeout: 20_000 });
  await expect(panel.locator('pre').last()).toContainText('iam:AttachUserPolicy');
  await expectNoA11yViolations(page);
});

test('terminal and audit log: an AccessDenied gets "What would allow it?", decided again by the simulator', async ({ page }) => {
  await page.goto('/playground/');
  for (const line of ['aws iam create-user --user-name bob', 'aws iam create-access-key --user-name bob']) {
    await expect(await runInTerminal(page, line)).not.toContainText('An error occurred');
  }
  const denied = await runInTerminal(page, 'aws iam list-users --profile bob');
  await expect(denied).toContainText('(AccessDenied)');
  await denied.getByRole('button', { name: /What would allow it\?/ }).click();
  await expect(denied.getByRole('status')).toContainText('found, each checked again by the simulator', { timeout: 20_000 });
  await expect(denied.getByText('Then the simulator says: allowed.').first()).toBeVisible();
  // A later command replaces the world's latest decisions, so the offer moves to the newest entry.
  const next = await runInTerminal(page, 'aws sts get-caller-identity');
  await expect(denied.getByRole('button', { name: /What would allow it\?/ })).toHaveCount(0);
  await expect(next.getByRole('button', { name: /What would allow it\?/ })).toHaveCount(0);

  const log = page.getByRole('region', { name: 'CloudTrail event history' });
  await showWidget(log);
  await log.getByRole('textbox', { name: 'Event name' }).fill('ListUsers');
  await log.getByRole('button', { name: /Show JSON of ListUsers/ }).click();
  await log.getByRole('button', { name: 'Why was it denied?' }).click();
  await log.getByRole('button', { name: /What would allow it\?/ }).click();
  await expect(log.getByRole('status').filter({ hasText: 'found, each checked again by the simulator' })).toBeVisible({ timeout: 20_000 });
  await expect(log.getByText('Then the simulator says: allowed.').first()).toBeVisible();
  await expectNoA11yViolations(page);
});
