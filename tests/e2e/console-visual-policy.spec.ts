/**
 * The console's visual policy editor, keyboard only: choose a service, pick actions by access level
 * with the filter, build a resource ARN, add a condition and a second statement; the JSON view shows
 * the same document, the project's validation runs on it, and Create policy saves it. A document the
 * visual editor cannot show (NotAction) is refused with words and left as it was. (IAM User Guide,
 * "Create IAM policies (console)", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_create-console.html.)
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { setEditorText } from './widgets-helpers.ts';

async function signInAsRoot(page: Page): Promise<Locator> {
  await page.goto('/console/');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console).toHaveAttribute('aria-busy', 'false');
  const card = async (term: string): Promise<string> =>
    (
      await console
        .getByRole('complementary', { name: 'This simulated account' })
        .locator('dt', { hasText: term })
        .locator('xpath=following-sibling::dd[1]')
        .innerText()
    ).trim();
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card('Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card('Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(console.getByRole('heading', { name: 'IAM dashboard' })).toBeVisible();
  return console;
}

/** Focuses a control and presses a key, as a keyboard user does. */
async function press(control: Locator, key: string): Promise<void> {
  await control.focus();
  await control.press(key);
}

test('visual editor: build a policy with the keyboard, see it as JSON, save it', async ({ page }) => {
  test.setTimeout(120_000);
  const console = await signInAsRoot(page);
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Policies' }).click();
  await console.getByRole('button', { name: 'Create policy' }).click();
  await press(console.getByRole('button', { name: 'Visual' }), 'Enter');
  const visual = console.getByRole('group', { name: 'Visual policy editor' });
  const first = visual.getByRole('group', { name: /^Statement 1/ });
  await first.getByRole('combobox', { name: 'Service' }).fill('s3');
  await press(first.getByRole('button', { name: 'Choose service' }), 'Enter');
  await expect(first.getByText(/Amazon S3 \(s3\)/)).toBeVisible();
  await first.getByRole('searchbox', { name: 'Filter actions' }).fill('GetObject');
  const read = first.getByRole('group', { name: /^Read/ });
  await press(read.getByRole('checkbox', { name: 'GetObject', exact: true }), 'Space');
  await expect(read.getByRole('checkbox', { name: 'GetObject', exact: true })).toBeChecked();
  // The object resource type's ARN builder: bucket given, object left empty (any).
  await first.getByRole('textbox', { name: 'BucketName (empty: any)' }).fill('reports');
  await press(first.getByRole('button', { name: 'Add object ARN' }), 'Enter');
  await expect(first.getByRole('list', { name: 'Resources of statement 1' })).toContainText('arn:aws:s3:::reports/*');
  await press(first.getByRole('button', { name: 'Add condition' }), 'Enter');
  await first.getByRole('combobox', { name: 'Condition key 1' }).fill('aws:SourceIp');
  await first.getByRole('combobox', { name: 'Condition key 1' }).press('Tab');
  await first.getByRole('combobox', { name: 'Operator 1' }).selectOption('IpAddress');
  await first.getByRole('textbox', { name: 'Values 1 (comma-separated)' }).fill('203.0.113.0/24');
  await first.getByRole('textbox', { name: 'Values 1 (comma-separated)' }).press('Tab');

  await press(visual.getByRole('button', { name: 'Add more permissions' }), 'Enter');
  const second = visual.getByRole('group', { name: /^Statement 2/ });
  await press(second.getByRole('radio', { name: 'Deny' }), 'Space');
  await second.getByRole('combobox', { name: 'Service' }).fill('iam');
  await press(second.getByRole('button', { name: 'Choose service' }), 'Enter');
  await press(second.getByRole('checkbox', { name: 'All iam actions (iam:*)' }), 'Space');
  await press(second.getByRole('radio', { name: 'All resources (*)' }), 'Space');
  await expect(console.getByRole('heading', { name: 'Policy validation' })).toBeVisible();
  await expectNoA11yViolations(page, '.aws-console');

  // The JSON view holds the same document.
  await press(console.getByRole('button', { name: 'JSON' }), 'Enter');
  await console.locator('[data-editor-status]').scrollIntoViewIfNeeded();
  await expect(console.locator('[data-editor-status="plain"], [data-editor-status="loading"]')).toHaveCount(0, { timeout: 20_000 });
  const text = await page.evaluate(() => {
    const host = document.querySelector('.aws-console [data-editor-status]') as
      (HTMLElement & { dojoEditor?: { getValue(): string } }) | null;
    return host?.dojoEditor?.getValue() ?? (document.querySelector('.aws-console textarea') as HTMLTextAreaElement | null)?.value ?? '';
  });
  expect(JSON.parse(text)).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Statement1',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports/*',
        Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      },
      { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
    ],
  });
  await console.getByRole('textbox', { name: 'Policy name' }).fill('VisualReports');
  await console.getByRole('button', { name: 'Create policy' }).click();
  await expect(console.getByRole('heading', { name: 'VisualReports' })).toBeVisible();
  await expect(console.getByLabel('Policy document')).toContainText('arn:aws:s3:::reports/*');
});

test('visual editor at 390 px, and a document it cannot show stays as it was', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const console = await signInAsRoot(page);
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Policies' }).click();
  await console.getByRole('button', { name: 'Create policy' }).click();
  const notAction = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}';
  await console.locator('[data-editor-status]').scrollIntoViewIfNeeded();
  await setEditorText(page, console, 'Policy editor', notAction);
  await console.getByRole('button', { name: 'Visual' }).click();
  await expect(console.getByRole('status').filter({ hasText: 'NotAction' })).toContainText(
    'Statement 1 uses NotAction, which the visual editor cannot show',
  );
  await expect(console.getByRole('button', { name: 'JSON' })).toHaveAttribute('aria-pressed', 'true');
  await setEditorText(
    page,
    console,
    'Policy editor',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
  );
  await console.getByRole('button', { name: 'Visual' }).click();
  const first = console.getByRole('group', { name: /^Statement 1/ });
  await expect(first.getByText(/Amazon S3 \(s3\)/)).toBeVisible();
  await expect(first.getByRole('checkbox', { name: 'ListBucket', exact: true })).toBeChecked();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page, '.aws-console');
});
