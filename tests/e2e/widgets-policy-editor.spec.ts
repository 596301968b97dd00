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

// Learners review POLISH 2: a 17-line policy had its last line cut off, and long lines ran off the
// right edge. Lines wrap, and the editor grows with its content.
test('long lines wrap and the editor grows to show the last line', async ({ page }) => {
  await page.goto('/playground/');
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await showWidget(widget);
  await expect(widget.locator('[data-editor-status="monaco"]').first()).toBeVisible();
  const surface = widget.locator('.policy-editor .surface').first();
  const before = (await surface.boundingBox())!.height;
  const resources = Array.from(
    { length: 3 },
    (_, i) => `      "arn:aws:s3:::dojo-reports-with-a-long-name/2026/q${i}/a-long-key-name-${i}.csv"`,
  );
  const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": [\n${resources.join(',\n')}\n      ]\n    }\n  ]\n}`;
  await setEditorText(page, widget, 'Identity-based policy', text);
  await expect.poll(async () => (await surface.boundingBox())!.height).toBeGreaterThan(before);
  // The editor's own measures: all of the content fits its height, and nothing is wider than it
  // (polled: Monaco lays out again a frame after its box grows).
  await expect
    .poll(() =>
      surface.evaluate((el) => {
        const ed = (
          el.closest('.policy-editor') as HTMLElement & {
            dojoEditor: { getContentHeight(): number; getScrollWidth(): number; getLayoutInfo(): { height: number; width: number } };
          }
        ).dojoEditor;
        const layout = ed.getLayoutInfo();
        return { tall: ed.getContentHeight() <= layout.height + 1, wide: ed.getScrollWidth() <= layout.width + 1 };
      }),
    )
    .toEqual({ tall: true, wide: true });
});
