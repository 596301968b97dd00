/**
 * PolicyEditor: Monaco loads locally when the editor scrolls into view, shows the engine's lint
 * markers as a list too, completes actions from the service reference, and can be left with the
 * keyboard (Esc then Tab), as its visible hint says.
 */
import { test, expect } from './fixtures.ts';
import { setEditorText, showWidget } from './widgets-helpers.ts';

test('Monaco loads, completes actions, and Esc then Tab leaves it', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await expect(widget.locator('[data-editor-status="monaco"]').first()).toBeVisible();
  await expect(widget.getByText('press Esc then Tab to move on')).toBeVisible();

  const editor = widget.getByRole('textbox', { name: 'Identity-based policy', exact: true });
  await setEditorText(
    page,
    widget,
    'Identity-based policy',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUs","Resource":"*"}]}',
  );
  // Put the cursor right after "iam:ListUs" and ask for suggestions.
  await page.keyboard.press('Control+End');
  for (let i = 0; i < '","Resource":"*"}]}'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  const suggestion = page.getByRole('option', { name: /iam:ListUsers/ }).first();
  await expect(suggestion).toBeVisible();
  await page.keyboard.press('Escape');

  await editor.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await expect(widget.getByRole('checkbox', { name: 'Permissions boundary' })).toBeFocused();
});

test('lint findings from the engine are listed under the editor', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await setEditorText(
    page,
    widget,
    'Identity-based policy',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}',
  );
  await expect(widget.getByRole('list', { name: 'Problems in Identity-based policy' })).toBeVisible();
});

test('hovering an action shows its description and access level', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await setEditorText(
    page,
    widget,
    'Identity-based policy',
    '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*" }]\n}',
  );
  await widget.locator('.view-line span', { hasText: 'iam:ListUsers' }).last().hover();
  await expect(page.getByText('Access level: List')).toBeVisible({ timeout: 15_000 });
});
