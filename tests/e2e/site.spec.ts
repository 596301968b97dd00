/**
 * The site as a whole: the home page, the header, and the simulator worker answering where a widget
 * asks it. Monaco loads only when an editor scrolls into view, from the site itself, styled. Every
 * page's load and axe check run in layout.spec.ts, once each page has hydrated.
 */
import { test, expect } from './fixtures.ts';
import { builtPages } from './pages.ts';

const pages = builtPages();

test('the build has a home page, lessons and the playground', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/playground/');
  expect(pages.some((p) => p.startsWith('/lessons/'))).toBe(true);
});

test('the home page lists the lessons in order and links to them', async ({ page }) => {
  await page.goto('/');
  const lessons = page.getByRole('list', { name: 'Lessons' }).getByRole('listitem');
  await expect(lessons.first()).toContainText('1. What IAM is');
  await lessons.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What IAM is');
});

test('the home page title names the site once', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('IAM Dojo — learn AWS IAM by doing');
});

test("the header search button's accessible name contains its visible text (WCAG 2.5.3 Label in Name)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const search = page.getByRole('button', { name: /^Search/ });
  await expect(search).toBeVisible();
  const visible = (await search.innerText()).split(/\s+/).filter(Boolean).join(' ');
  await expect(search).toHaveAccessibleName(visible);
});

test('the home page loads neither Monaco nor the simulator worker', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /monaco|editor\.main|simulator\.worker/i.test(url))).toEqual([]);
});

test('lesson 1: the worker answers, Monaco loads on scroll, styled, and a typed change updates the verdict', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/lessons/01-what-is-iam/');
  const widget = page.getByRole('region', { name: /would AWS allow this request/i });
  await widget.scrollIntoViewIfNeeded();
  const verdict = widget.getByRole('status');
  await expect(verdict).toContainText('Allowed');
  // Monaco replaces the textarea once visible, loaded from the site itself and styled.
  await expect(widget.locator('.monaco-editor')).toBeVisible();
  expect(requested.some((url) => /editor\.worker|json\.worker/.test(url) || /monaco/i.test(url))).toBe(true);
  const zIndex = await widget
    .locator('.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea')
    .first()
    .evaluate((el) => getComputedStyle(el).zIndex);
  expect(zIndex).toBe('-10');
  // Changing the request changes the answer.
  await widget.getByLabel('Action', { exact: true }).fill('s3:PutObject');
  await expect(verdict).toContainText('implicit deny');
});

test('the policy editor can be left with the keyboard: Esc then Tab', async ({ page }) => {
  await page.goto('/lessons/01-what-is-iam/');
  const widget = page.getByRole('region', { name: /would AWS allow this request/i });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.getByRole('status')).toContainText('Allowed', { timeout: 30_000 });
  await expect(widget.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await widget.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  // Focus leaves Monaco for the next control after the editor.
  await expect(widget.locator('.monaco-editor')).not.toContainClass('focused');
  const focusedInEditor = await widget.evaluate((el) => !!el.querySelector('.monaco-editor')?.contains(document.activeElement));
  expect(focusedInEditor).toBe(false);
  const afterEditor = await widget.evaluate((el) => {
    const editor = el.querySelector('.monaco-editor');
    const active = document.activeElement;
    return !!editor && !!active && !!(editor.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(afterEditor).toBe(true);
});

// Learners review POLISH 6 and m6: search results quoted widget chrome ("Request context Add context
// key Asking the simulator…") and, on every page, the instructor reset dialog. Interactive widgets,
// the progress board and the dialog carry data-pagefind-ignore, so no page's indexed text holds them.
test('the search index holds lesson text, not widget chrome or the reset dialog', async ({ page }) => {
  await page.goto('/');
  const contents = await page.evaluate(async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as {
      search: (term: string) => Promise<{ results: { data: () => Promise<{ url: string; content: string }> }[] }>;
    };
    const out: { url: string; content: string }[] = [];
    for (const term of ['instructor', 'access key', 'context', 'PassRole']) {
      for (const result of (await pagefind.search(term)).results) out.push(await result.data());
    }
    return out;
  });
  expect(contents.length).toBeGreaterThan(5);
  expect(contents.some((c) => c.url.includes('/lessons/12-least-privilege/'))).toBe(true);
  for (const { url, content } of contents) {
    for (const chrome of ['Reset everything', 'Asking the simulator', 'Add context key', 'not done yet', 'Export JSON']) {
      expect(content, `${url} indexes "${chrome}"`).not.toContain(chrome);
    }
  }
});
