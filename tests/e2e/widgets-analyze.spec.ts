/**
 * The analysis panels: in the playground's AccessCheck "What would allow it?" beside an
 * AccessDenied proposes an edit the simulator re-checked, and the live comparison with the version
 * the learner started from names the new access; the escalation graph and its replay; the policy
 * generated from the trail, in the playground and in lesson 12.
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

test('playground: the escalation graph highlights a path, the replay runs it step by step, and a fix removes it', async ({ page }) => {
  // A long journey on the biggest pages (many terminal commands, two axe scans).
  test.setTimeout(150_000);
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
  // The graph: alice's node is a focusable button; the table says the same.
  const graph = panel.getByRole('group', { name: 'Escalation graph' });
  const alice = graph.getByRole('button', { name: /^user\/alice: 1 path to administrator access/ });
  await alice.focus();
  await page.keyboard.press('Enter');
  await expect(alice).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('svg .edge.hot')).toHaveCount(1);
  const table = panel.getByRole('table', { name: 'The same paths as a table' });
  await expect(table.getByRole('row').nth(1)).toContainText('AttachUserPolicy');
  await expectNoA11yViolations(page);
  // Replay: the step's command really runs in the world and leaves its record.
  await panel.getByRole('button', { name: 'Replay this path in the world' }).click();
  await panel.getByRole('button', { name: 'Run step 1 of 1' }).click();
  await expect(panel.getByText(/Replayed 1 command in the world/)).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByRole('list', { name: 'Commands the replay ran' })).toContainText('attach-user-policy');
  await expect(panel.getByRole('status').first()).toContainText('No principal can escalate');
  const attached = await runInTerminal(page, 'aws iam list-attached-user-policies --user-name alice');
  await expect(attached).toContainText('AdministratorAccess');
  // Undo what the replay gave her: the path is back; fix her policy: it is gone.
  await runInTerminal(page, 'aws iam detach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await panel.getByRole('button', { name: 'Find escalation paths' }).click();
  await expect(panel.getByRole('status').first()).toContainText('1 principal can reach administrator access');
  const fixed =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"arn:aws:iam::*:user/alice","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}}]}';
  await runInTerminal(page, `aws iam put-user-policy --user-name alice --policy-name p --policy-document '${fixed}'`);
  await panel.getByRole('button', { name: 'Find escalation paths' }).click();
  await expect(panel.getByRole('status').first()).toContainText('No principal can escalate');
});

test('playground: the trail gives alice a policy with real ARNs, saved as a file and opened in the Files editor', async ({ page }) => {
  // A long journey on the biggest pages (many terminal commands, two axe scans).
  test.setTimeout(150_000);
  await page.goto('/playground/');
  for (const line of ['aws iam create-user --user-name alice', 'aws iam create-access-key --user-name alice']) {
    await expect(await runInTerminal(page, line)).not.toContainText('An error occurred');
  }
  await runInTerminal(
    page,
    'aws iam put-user-policy --user-name alice --policy-name p --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}\'',
  );
  await expect(await runInTerminal(page, 'aws iam get-user --profile alice')).not.toContainText('An error occurred');
  const panel = page.getByRole('region', { name: 'Least privilege from the trail' });
  await showWidget(panel);
  await panel.getByRole('combobox', { name: 'Principal' }).selectOption({ label: 'user alice' });
  await panel.getByRole('button', { name: 'Generate policy' }).click();
  await expect(panel.getByRole('status').first()).toContainText(
    /From 1 successful record [\s\S]* what alice has today grants \d+ actions on \d+ resources? never used in the window/,
    {
      timeout: 20_000,
    },
  );
  await expect(panel.getByLabel('Generated policy')).toContainText('arn:aws:iam::123456789012:user/alice');
  await expect(panel.getByText('✓ Validated and linted: no findings.')).toBeVisible();
  await panel.getByRole('button', { name: 'Save as world file and open in the editor' }).click();
  await expect(panel.getByText(/Saved as generated-alice.json.*(Opened|Opening) generated-alice.json in the Files editor/)).toBeVisible();
  const files = page.getByRole('region', { name: 'Files in this world' });
  await expect(files.getByRole('combobox', { name: 'File name' })).toHaveValue('generated-alice.json');
  await expect(await runInTerminal(page, 'cat generated-alice.json')).toContainText('iam:GetUser');
  await expectNoA11yViolations(page);
});

test('lesson 12: the generate panel reads the lesson world and compares with AdministratorAccess', async ({ page }) => {
  // A long journey on the biggest pages (many terminal commands, two axe scans).
  test.setTimeout(150_000);
  await page.goto('/lessons/12-least-privilege/');
  const first = page.locator('[data-exercise="pass-role"]');
  await showWidget(first);
  await expect(first.getByRole('status')).toHaveText(/checks pass/, { timeout: 15_000 });
  const panel = page.getByRole('region', { name: 'Least privilege from the trail' });
  await showWidget(panel);
  await panel.getByRole('combobox', { name: 'Principal' }).selectOption({ label: 'role AdministratorAccess-Dojo' });
  await panel.getByRole('button', { name: 'Generate policy' }).click();
  const status = panel.getByRole('status').first();
  await expect(status).toContainText('every action of the services the window never used', { timeout: 15_000 });
  // The time it takes is a benchmark (bench/analyze.bench.ts, lesson-12 generation), not a test.
  await expect(status).toContainText(/Generated in \d+ ms/);
  await expect(panel.getByLabel('Generated policy')).toContainText('arn:aws:iam::111122223333:role/WebServerRole');
  await panel.getByRole('button', { name: 'Save as world file and open in the editor' }).click();
  const files = page.getByRole('region', { name: 'Files in this world' });
  await expect(files.getByRole('combobox', { name: 'File name' })).toHaveValue('generated-AdministratorAccess-Dojo.json');
  await expectNoA11yViolations(page);
});

test('terminal and audit log: an AccessDenied gets "What would allow it?", decided again by the simulator', async ({ page }) => {
  // Measured 58 s of the 60 s default on the shared machine: the same long-journey allowance.
  test.setTimeout(150_000);
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
