/**
 * AccessCheck (and its compact PolicyCheck mode in lesson 1): the verdict updates as the request
 * and the policy change, is announced in a status region in words, and comes with the evaluation
 * flowchart, the statement-by-statement explanation and the AccessDenied message.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { setEditorText, showWidget } from './widgets-helpers.ts';

test('lesson 1: the verdict follows the action and explains a deny', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  const widget = page.getByRole('region', { name: 'Try it: would AWS allow this request?' });
  await showWidget(widget);
  const verdict = widget.getByRole('status').first();
  await expect(verdict).toContainText('Allowed');
  await widget.getByRole('combobox', { name: 'Action' }).fill('s3:PutObject');
  await expect(verdict).toContainText('Denied — no policy allows it (implicit deny)');
  await expect(widget.getByText('What AWS would answer:')).toBeVisible();
  await expect(widget.locator('pre')).toContainText('is not authorized to perform: s3:PutObject');
  await widget.getByText('Why? The evaluation, step by step').click();
  await expect(widget.getByRole('img', { name: /Evaluation flowchart/ })).toBeVisible();
  await expect(widget.getByRole('table').first()).toContainText('ReadReports');
});

test('playground: an explicit deny in the boundary wins, with the deciding layer named', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  const verdict = widget.getByRole('status');
  await expect(verdict).toContainText('Allowed');
  await widget.getByRole('checkbox', { name: 'Permissions boundary' }).check();
  await setEditorText(
    page,
    widget,
    'Permissions boundary',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}',
  );
  await expect(verdict).toContainText('Denied — an explicit Deny statement matched');
  await expect(verdict).toContainText('permissions boundary');
});

test('a broken policy is an error with a position, never a blank widget', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await widget.getByRole('checkbox', { name: 'Resource-based policy' }).check();
  await setEditorText(
    page,
    widget,
    'Resource-based policy',
    '{"Statement": [ {"Effect": "Allow", "Action": "<img src=x onerror=alert(1)>" ',
  );
  await expect(widget.getByRole('status')).toContainText('Error');
  await expect(widget.getByRole('list', { name: 'Problems in Resource-based policy' })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('the playground passes axe', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await expect(widget.getByRole('status')).toContainText('Allowed');
  await expectNoA11yViolations(page);
});

test('lesson 1 with its widget passes axe, verdict and explanation open', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  const widget = page.getByRole('region', { name: 'Try it: would AWS allow this request?' });
  await showWidget(widget);
  await widget.getByRole('combobox', { name: 'Action' }).fill('s3:PutObject');
  await expect(widget.getByRole('status').first()).toContainText('Denied');
  await widget.getByText('Why? The evaluation, step by step').click();
  await expectNoA11yViolations(page, 'main');
});
