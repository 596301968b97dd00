/**
 * Every built page, as a learner sees it once every widget has hydrated and every disclosure is
 * open: it loads (no console error, no request off the origin), axe finds nothing, no page scrolls sideways at a phone's 390 px or a laptop's 1 366 px, and no
 * widget spills under the right-hand "On this page" column at 1 280–1 440 px, with or without
 * instructor mode (presenter-size type). Commands and policies are set in a monospace font.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { builtPages } from './pages.ts';

const pages = builtPages();

/**
 * Scrolls through the whole page (islands hydrate when visible) and waits until every island that
 * shows something has hydrated; islands with no box (inside a closed disclosure, instructor-only)
 * never become visible and are not waited for.
 */
async function hydrateEverything(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight - 100);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    window.scrollTo(0, 0);
  });
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const waiting = [...document.querySelectorAll('astro-island[ssr]')].filter((island) =>
            [...island.children].some((child) => child.getBoundingClientRect().height > 0),
          );
          // A busy machine can skip frames while scrolling: show a missed island again.
          waiting[0]?.firstElementChild?.scrollIntoView({ block: 'center' });
          return waiting.length;
        }),
      { timeout: 30_000 },
    )
    .toBe(0);
  // Editors swap their plain textarea for Monaco once visible; wait for that to settle too.
  await expect(page.locator('[data-editor-status="loading"]')).toHaveCount(0, { timeout: 30_000 });
}

/** Opens every <details>, and the first record of every expandable table (CloudTrail JSON). */
async function openEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('main details')) (details as HTMLDetailsElement).open = true;
  });
  // The first record of each expandable table (a DOM click: the layout is what is tested here, and
  // a record scrolled out of its table's box is still opened).
  await page.evaluate(() => {
    for (const table of document.querySelectorAll('main table'))
      table.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')?.click();
  });
  // Let widgets lay out what the disclosures revealed.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Elements that stick out past the right edge of the viewport, for a readable failure. */
async function sideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      for (const el of document.querySelectorAll('body *')) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        // A part inside a scrolling or clipping container sticks out only as far as the container does.
        let right = rect.right;
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') right = Math.min(right, up.getBoundingClientRect().right);
        }
        if (right > width + 1 && culprits.length < 8) {
          culprits.push(
            `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : ''} right=${Math.round(right)}`,
          );
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

/**
 * Widget parts whose visible box reaches into the right sidebar column. A part inside a scrolling
 * or clipping container counts only as far as that container shows it.
 */
async function overlapWithSidebar(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sidebar = document.querySelector('.right-sidebar-panel, .right-sidebar');
    if (!sidebar) return [];
    const left = sidebar.getBoundingClientRect().left;
    const found: string[] = [];
    for (const el of document.querySelectorAll('main .not-content, main .not-content *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let right = rect.right;
      for (let up = el.parentElement; up && up.tagName !== 'MAIN'; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== 'visible') right = Math.min(right, up.getBoundingClientRect().right);
      }
      if (right > left + 1 && found.length < 5)
        found.push(
          `${el.tagName.toLowerCase()}.${String(el.className).split(/\s+/).join('.')} reaches ${Math.round(right - left)} px into the sidebar`,
        );
    }
    return found;
  });
}

/** Resizes the viewport and lets the page lay out again. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Soft checks (every failure of a page is reported, not just the first) that nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const result = await sideways(page);
  expect.soft(result.culprits, `${label}: scrollWidth ${result.scrollWidth} > ${result.clientWidth}`).toEqual([]);
  expect.soft(result.scrollWidth, label).toBeLessThanOrEqual(result.clientWidth);
}

// One page load per page: hydrating every widget of a lesson is the expensive part, and the checks
// after it only resize the window or flip instructor mode with the header toggle, as a learner can.
const withSidebar = (path: string): boolean => path.startsWith('/lessons/') || path === '/playground/';

for (const path of pages.filter((p) => !withSidebar(p))) {
  test(`${path} does not scroll sideways at 390 or 1366 px with every widget open`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    expect((await page.goto(path))?.status()).toBe(200);
    await hydrateEverything(page);
    await openEverything(page);
    await expectNoSidewaysScroll(page, 'at 390 px');
    await expectNoA11yViolations(page);
    await resize(page, 1366);
    await expectNoSidewaysScroll(page, 'at 1366 px');
  });
}

for (const path of pages.filter(withSidebar)) {
  test(`${path}: no sideways scroll at 390 or 1366 px, and no widget under the "On this page" column at 1 280–1 440 px, with and without instructor mode`, async ({
    page,
  }) => {
    test.slow(); // four checks' worth of work: two hydrations, seven widths
    await page.setViewportSize({ width: 390, height: 900 });
    expect((await page.goto(`${path}?instructor=off`))?.status()).toBe(200);
    await hydrateEverything(page);
    await openEverything(page);
    await expectNoSidewaysScroll(page, 'at 390 px');
    await expectNoA11yViolations(page);
    for (const instructor of [false, true]) {
      if (instructor) {
        // The header toggle switches the mode in place; solutions it reveals hydrate when shown.
        await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-instructor-toggle]')?.click());
        await expect(page.locator('html')).toHaveAttribute('data-instructor', 'on');
        await hydrateEverything(page);
        await openEverything(page);
      }
      const mode = instructor ? ' in instructor mode' : '';
      for (const width of [1280, 1366, 1440]) {
        await resize(page, width);
        expect.soft(await overlapWithSidebar(page), `at ${width} px${mode}`).toEqual([]);
        if (width === 1366) await expectNoSidewaysScroll(page, `at 1366 px${mode}`);
      }
    }
  });
}

test('the terminal and the policy editor set commands in a monospace font', async ({ page }) => {
  await page.goto('/playground/');
  await hydrateEverything(page);
  const input = page.getByRole('region', { name: 'AWS terminal' }).getByRole('textbox', { name: 'Command line' });
  const family = await input.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/monospace|Menlo|Consolas|Mono/i);
  const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(family).not.toBe(body);
});
