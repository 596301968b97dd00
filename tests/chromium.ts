/**
 * How the e2e tests and the browser benchmarks start Chromium: Debian's browser (never a downloaded
 * one) with the flags this offline machine needs. Without the background-networking flags Chromium
 * keeps trying to reach Google's services and floods the closed network.
 */

/** The browser binary: CHROMIUM_PATH, or Debian's Chromium. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Command-line flags for every Chromium this repository starts. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options for Playwright's `chromium.launch()` and the config's `use.launchOptions`. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };
}

/**
 * Headless Chromium (Debian's 156, software compositing) sometimes stops drawing one page for good,
 * more often on a loaded machine: `requestAnimationFrame` and IntersectionObserver never fire again
 * (so islands never hydrate and Playwright's clicks wait forever for a stable element), while the
 * page's scripts and timers answer at once. Measured on this machine (.ci and a repro loop over the
 * lesson pages, 2026-12-03): replacing the whole body, resizing the viewport, bringing the page to
 * the front, freezing and resuming it and waiting 20 s never brought the frames back; opening and
 * closing another page in the same context did, every time (11 of 11). So a test's page is watched,
 * and revived that way when it stops drawing; each revival is reported, never silent.
 */
export interface DrawingWatch {
  /** Stops watching and waits for the check in flight. */
  stop(): Promise<void>;
}

/** What one check saw: frames drawn, none while timers ran (a stall), or a busy or absent page. */
type Check = 'drawing' | 'stalled' | 'inconclusive';

/** A frame within `ms`? A timer that fires late means a busy main thread, which is not a stall. */
async function check(page: PageLike, ms: number): Promise<Check> {
  const inPage = page
    .evaluate(
      (wait) =>
        new Promise<Check>((resolve) => {
          const start = performance.now();
          const timer = setTimeout(() => resolve(performance.now() - start > wait + 1000 ? 'inconclusive' : 'stalled'), wait);
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve('drawing');
          });
        }),
      ms,
    )
    .catch((): Check => 'inconclusive'); // navigating, or closed
  // A modal dialog holds the evaluation until it is answered: that is not a stall either.
  const bound = new Promise<Check>((resolve) => setTimeout(() => resolve('inconclusive'), ms * 3).unref?.());
  return Promise.race([inPage, bound]);
}

/** The parts of Playwright's Page this needs (tests and benchmarks use different Playwright entry points). */
export interface PageLike {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  isClosed(): boolean;
  context(): { newPage(): Promise<{ close(): Promise<void> }> };
}

/** Revives a page that stopped drawing; says whether it draws again. */
export async function reviveDrawing(page: PageLike): Promise<boolean> {
  const other = await page.context().newPage();
  await other.close();
  return (await check(page, 3000)) === 'drawing';
}

/**
 * Checks every `every` ms that `page` still draws; on a stall, revives it and calls `report` with
 * what happened (a sentence for the test's annotations and the run's log).
 */
export function watchDrawing(page: PageLike, report: (what: string) => void, every = 2000): DrawingWatch {
  let stopped = false;
  let wake: () => void = () => {};
  const loop = (async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, every).unref?.();
      });
      if (stopped || page.isClosed()) return;
      if ((await check(page, 2000)) !== 'stalled' || stopped) continue;
      const started = Date.now();
      const revived = await reviveDrawing(page).catch(() => false);
      report(
        revived
          ? `Chromium stopped drawing the page; opening and closing another page brought it back after ${Date.now() - started} ms`
          : 'Chromium stopped drawing the page, and opening another page did not bring it back',
      );
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
    },
  };
}
