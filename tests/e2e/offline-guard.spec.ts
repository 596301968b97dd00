/**
 * The offline guard every other spec runs under (fixtures.ts) sees what it must: requests to
 * other hosts and ports are caught, the site's own are let through untouched. Run from a blank page,
 * since the site's CSP would stop a stray request before the guard could see it.
 */
import { test, expect } from '@playwright/test';
import { offOrigin } from './off-origin.ts';

test('the guard catches requests off the origin and only those', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  const caught: string[] = [];
  await page.route(offOrigin(origin), (route) => {
    caught.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await page.goto('about:blank');
  await page.evaluate(
    (site) =>
      Promise.allSettled(
        ['https://example.com/x', `${site}/favicon.svg`, 'http://127.0.0.1:9/'].map((url) => fetch(url, { mode: 'no-cors' })),
      ),
    origin,
  );
  expect(caught.sort()).toEqual(['http://127.0.0.1:9/', 'https://example.com/x']);
});
