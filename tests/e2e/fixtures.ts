/**
 * The e2e fixture every spec uses. It fails a test when the page sends any request off the site's
 * origin (the site must work with the network unplugged) or logs a console error, and it offers
 * an axe check, and it revives a page that headless Chromium stopped drawing (tests/chromium.ts).
 * Import `test` and `expect` from here, not from @playwright/test.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchDrawing } from '../chromium.ts';
import { offOrigin } from './off-origin.ts';

interface Guard {
  /** Console errors matching one of these are expected by the test (e.g. a hostile import). */
  allowConsoleErrors: (pattern: RegExp) => void;
}

/** Playwright's test with the offline and console-error guards installed on `page`. */
export const test = base.extend<{ guard: Guard; drawing: void }>({
  // Headless Chromium can stop drawing a page for good (tests/chromium.ts, watchDrawing): the page is
  // watched and revived, and every revival is written to the test's annotations and the run's log.
  drawing: [
    async ({ page }, use, testInfo) => {
      const watch = watchDrawing(page, (what) => {
        testInfo.annotations.push({ type: 'frame stall', description: what });
        console.log(`[frame stall] ${testInfo.titlePath.join(' › ')}: ${what}`);
      });
      await use();
      await watch.stop();
    },
    { auto: true },
  ],
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const external: string[] = [];
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      // A pattern, not a predicate: Playwright matches a pattern itself and lets every other request
      // go on at once; a predicate is asked about every request, so each module the page loads
      // waits for a round trip to the test code.
      await page.route(offOrigin(origin), (route) => {
        external.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await use({ allowConsoleErrors: (pattern) => allowed.push(pattern) });
      expect(external, 'requests that left the site origin').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fails with the list of axe violations (WCAG 2.x A and AA rules) on the current page. */
export async function expectNoA11yViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe violations').toEqual([]);
}
