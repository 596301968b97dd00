/**
 * Instructor mode, as an instructor uses it: turn it on with `?instructor=on` or the header switch,
 * it stays on across pages and reloads, type is presenter-size, and "reset all progress on this
 * machine" clears every saved IAM Dojo entry after a confirmation.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';

const rootFontSize = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const toggle = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Instructor' });
const banner = (page: Page) => page.getByRole('region', { name: 'Instructor mode' });

test('?instructor=on turns the mode on, it persists across pages, and the header switch turns it off', async ({ page }) => {
  await page.goto('/');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(banner(page)).toBeHidden();
  const normal = await rootFontSize(page);

  await page.goto('/?instructor=on');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('Instructor mode is on');
  expect(parseFloat(await rootFontSize(page))).toBeGreaterThan(parseFloat(normal));

  // Another page, no parameter: still on, already on first paint (the attribute is in the HTML
  // before any module runs, set by the inline boot script).
  await page.goto('/playground/');
  await expect(page.locator('html')).toHaveAttribute('data-instructor', 'on');
  await expect(banner(page)).toBeVisible();

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(banner(page)).toBeHidden();
  expect(await rootFontSize(page)).toBe(normal);
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).not.toHaveAttribute('data-instructor', 'on');
});

test('the header switch turns the mode on; the banner turns it off; ?instructor=off wins over the saved switch', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  await toggle(page).click();
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Turn instructor mode off' }).click();
  await expect(banner(page)).toBeHidden();
  await toggle(page).click();
  await page.goto('/?instructor=off');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/');
  await expect(banner(page)).toBeHidden();
});

test('a corrupt saved switch means off, without an error', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('iam-dojo:v1:instructor', '{"version":1,"enabled":"yes"}'));
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(banner(page)).toBeHidden();
});

test('reset all progress: asks first, then removes every IAM Dojo entry and nothing else', async ({ page }) => {
  await page.goto('/?instructor=on');
  await page.evaluate(() => {
    localStorage.setItem('iam-dojo:v1:world:/lessons/01-what-is-iam/:lesson-01', '{"version":1}');
    localStorage.setItem('iam-dojo:v1:progress', '{}');
    sessionStorage.setItem('iam-dojo:v1:draft', 'x');
    localStorage.setItem('starlight-theme', 'light');
  });
  await banner(page)
    .getByRole('button', { name: /reset all progress on this machine/i })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress on this machine?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('3 saved entries');
  await expectNoA11yViolations(page, 'dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('iam-dojo:v1:progress'))).toBe('{}');

  await banner(page)
    .getByRole('button', { name: /reset all progress/i })
    .click();
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Reset everything' }).click()]);
  await expect(banner(page).getByRole('status')).toHaveText(/progress on this machine was reset \(3 saved entries removed\)/);
  const left = await page.evaluate(() => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).filter((k) => k.startsWith('iam-dojo:')),
  }));
  expect(left.local).toEqual(['iam-dojo:v1:instructor', 'starlight-theme']);
  expect(left.session).toEqual([]);
  await expect(banner(page)).toBeVisible();
});

test('instructor mode passes axe, with presenter-size type on a lesson', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/?instructor=on');
  await expect(banner(page)).toBeVisible();
  await expectNoA11yViolations(page);
});

test('reset all progress really forgets a saved world', async ({ page }) => {
  test.setTimeout(120_000);
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  const run = async (line: string) => {
    await terminal.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island', { has: terminal }).last()).not.toHaveAttribute('ssr', { timeout: 30_000 });
    const entries = terminal.getByRole('log').locator('.entry');
    const before = await entries.count();
    await terminal.getByRole('textbox', { name: 'Command line' }).fill(line);
    await terminal.getByRole('textbox', { name: 'Command line' }).press('Enter');
    await expect(entries).toHaveCount(before + 1, { timeout: 30_000 });
    return entries.last();
  };
  await page.goto('/playground/?instructor=on');
  await expect(await run('aws iam create-user --user-name ada')).toHaveAttribute('data-exit', '0');
  await page.reload();
  await expect((await run('aws iam list-users --query "Users[].UserName" --output text')).locator('.out')).toHaveText('ada');

  await banner(page)
    .getByRole('button', { name: /reset all progress/i })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress on this machine?' });
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Reset everything' }).click()]);
  await expect(banner(page).getByRole('status')).toContainText('was reset');
  const after = await run('aws iam list-users --query "Users[].UserName" --output text');
  await expect(after).toHaveAttribute('data-exit', '0');
  await expect(after).not.toContainText('ada');
});

test('on a phone-sized screen the switch is in the menu', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/lessons/01-what-is-iam/');
  await page.getByRole('button', { name: 'Menu' }).click();
  const inMenu = page.locator('.mobile-preferences').getByRole('button', { name: 'Instructor' });
  await expect(inMenu).toBeVisible();
  await inMenu.click();
  await expect(inMenu).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-instructor', 'on');
});

test('in instructor mode an exercise shows its solution and check details without asking', async ({ page }) => {
  await page.goto('/lessons/03-groups/?instructor=on');
  const exercise = page.locator('[data-exercise="create-group"]');
  await exercise.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island', { has: exercise }).last()).not.toHaveAttribute('ssr', { timeout: 30_000 });
  const solution = exercise.getByRole('region', { name: 'Solution' });
  await expect(solution).toBeVisible();
  await expect(solution).toContainText('aws iam create-group --group-name Developers');
  // Check details: what each check runs, for the instructor to explain or debug.
  const checks = exercise.getByRole('list', { name: 'Checks' });
  await expect(checks).toContainText('aws s3api list-buckets --profile maria');
  await toggle(page).click();
  await expect(solution).toBeHidden();
  await expect(checks).not.toContainText('aws s3api list-buckets --profile maria');
});
