/**
 * The watch that revives a page headless Chromium stopped drawing (tests/chromium.ts): a page whose
 * timers run while no frame comes is revived by opening and closing another page, and the revival is
 * reported; a page that draws, and a page too busy (or held by a dialog) to tell, are left alone.
 */
import { expect, it } from 'vitest';
import { watchDrawing, type PageLike } from '../../chromium.ts';

/** A page whose checks answer from a script, counting the pages opened beside it. */
function scriptedPage(answer: (opened: number) => 'drawing' | 'stalled' | 'inconclusive'): PageLike & { opened: number } {
  const page = {
    opened: 0,
    evaluate: <R>() => Promise.resolve(answer(page.opened) as R),
    isClosed: () => false,
    context: () => ({
      newPage: async () => {
        page.opened++;
        return { close: async () => {} };
      },
    }),
  };
  return page;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('revives a page that stopped drawing, once, and says so', async () => {
  const page = scriptedPage((opened) => (opened === 0 ? 'stalled' : 'drawing'));
  const reports: string[] = [];
  const watch = watchDrawing(page, (what) => reports.push(what), 5);
  await settle(60);
  await watch.stop();
  expect(page.opened).toBe(1);
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatch(/stopped drawing the page; opening and closing another page brought it back after \d+ ms/);
});

it('says so when opening another page did not help', async () => {
  const page = scriptedPage(() => 'stalled');
  const reports: string[] = [];
  const watch = watchDrawing(page, (what) => reports.push(what), 5);
  await settle(40);
  await watch.stop();
  expect(page.opened).toBeGreaterThan(0);
  expect(reports[0]).toBe('Chromium stopped drawing the page, and opening another page did not bring it back');
});

it.each(['drawing', 'inconclusive'] as const)('leaves a page alone when a check says %s', async (answer) => {
  const page = scriptedPage(() => answer);
  const reports: string[] = [];
  const watch = watchDrawing(page, (what) => reports.push(what), 5);
  await settle(40);
  await watch.stop();
  expect(page.opened).toBe(0);
  expect(reports).toEqual([]);
});
