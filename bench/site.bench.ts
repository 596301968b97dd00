/**
 * The site's figures, measured in real Chromium against the built site (dist/): edit → verdict
 * latency over many policy edits once Monaco is loaded (target p95 < 50 ms), worker cold start, and
 * the JavaScript a lesson page loads before the editor, in gzip bytes (target < 150 KB).
 *
 * The runner (bench/run.ts) times synchronous operations; a browser measurement is asynchronous,
 * so this file measures when it is imported (top-level await) and writes
 * bench/results/site-latest.json. It exports no per-operation benchmarks. It is skipped when a
 * name filter excludes "site", when dist/ (or SITE_DIST) is missing, or when no Chromium is installed.
 * Run alone: `node --experimental-strip-types bench/site.bench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../tests/chromium.ts';
import type { Browser, Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const EDITS = 200;
const COLD_STARTS = 10;
const LESSON = '/lessons/01-what-is-iam/';

/** The figures this file writes. */
export interface SiteFigures {
  date: string;
  /** 1-minute load average at the end: above ~1 per core, every wall time here is inflated. */
  loadAverage: number;
  cores: number;
  editToVerdictMs: { edits: number; p50: number; p95: number; max: number; targetP95: number; meetsTarget: boolean };
  workerColdStartMs: { runs: number; toFirstAnswerP50: number; toFirstAnswerMax: number; pageLoadToFirstVerdictMs: number };
  /** A bare round trip to a warm worker (comlink ping): the floor under edit → verdict on this machine. */
  workerRoundTripMs: { runs: number; p50: number; p95: number };
  lessonJsBeforeEditor: {
    page: string;
    scripts: number;
    rawBytes: number;
    gzipBytes: number;
    targetGzipBytes: number;
    meetsTarget: boolean;
    files: { url: string; gzipBytes: number }[];
  };
}

const filter = process.argv.find((a, i) => i >= 2 && !a.startsWith('-'));
const wanted = !filter || 'site.bench.ts site'.includes(filter) || filter === 'site';
/** The built site to measure (default dist/). */
const dist = process.env['SITE_DIST'] ?? join(root, 'dist');

if (!wanted) {
  // filtered out by the runner's name filter
} else if (!existsSync(join(dist, 'index.html')) || !existsSync(CHROMIUM_PATH)) {
  console.log('site.bench.ts: skipped (needs dist/ from `npm run build` and Chromium at CHROMIUM_PATH or /usr/bin/chromium)');
} else {
  const figures = await measureSite();
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site-latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const e = figures.editToVerdictMs;
  const js = figures.lessonJsBeforeEditor;
  console.log(
    `site.bench.ts      edit → verdict: p50 ${e.p50} ms, p95 ${e.p95} ms over ${e.edits} edits (target p95 < ${e.targetP95} ms: ${e.meetsTarget ? 'met' : 'MISSED'})`,
  );
  console.log(
    `site.bench.ts      worker cold start to first answer: p50 ${figures.workerColdStartMs.toFirstAnswerP50} ms; page load → first verdict ${figures.workerColdStartMs.pageLoadToFirstVerdictMs} ms`,
  );
  console.log(
    `site.bench.ts      bare worker round trip: p50 ${figures.workerRoundTripMs.p50} ms, p95 ${figures.workerRoundTripMs.p95} ms`,
  );
  console.log(
    `site.bench.ts      lesson JS before the editor: ${js.gzipBytes} B gzip in ${js.scripts} files (target < ${js.targetGzipBytes} B: ${js.meetsTarget ? 'met' : 'MISSED'})`,
  );
  console.log(
    `site.bench.ts      (load average ${figures.loadAverage.toFixed(1)} on ${figures.cores} cores; wall times are inflated above ~1 per core)`,
  );
  console.log('wrote bench/results/site-latest.json');
}

/** No per-operation benchmarks: the figures above are written when the file is imported. */
export default [];

async function measureSite(): Promise<SiteFigures> {
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = await startServer(port);
  const { chromium: launcher } = await import('@playwright/test');
  const browser = await launcher.launch(chromiumLaunchOptions());
  try {
    const base = `http://127.0.0.1:${port}`;
    const lessonJsBeforeEditor = await measureLessonJs(browser, base);
    const { workerColdStartMs, workerRoundTripMs } = await measureColdStart(browser, base);
    const editToVerdictMs = await measureEdits(browser, base);
    return {
      date: new Date().toISOString(),
      loadAverage: loadavg()[0] ?? 0,
      cores: cpus().length,
      editToVerdictMs,
      workerColdStartMs,
      workerRoundTripMs,
      lessonJsBeforeEditor,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--port', String(port), '--dir', dist], {
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the static server did not start on port ${port}`);
}

/** Every script the lesson page loads before anything is scrolled into view (the editor loads when visible). */
async function measureLessonJs(browser: Browser, base: string): Promise<SiteFigures['lessonJsBeforeEditor']> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const files: { url: string; rawBytes: number; gzipBytes: number }[] = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !response.url().endsWith('.js') && !response.url().endsWith('.mjs')) return;
    try {
      const body = await response.body();
      files.push({ url: response.url().replace(base, ''), rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
    } catch {
      // a response without a body (redirect): nothing loaded
    }
  });
  await page.goto(base + LESSON, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const editorLoaded = await page.evaluate(() => document.querySelector('[data-editor-status="monaco"]') !== null);
  await page.close();
  if (editorLoaded) throw new Error('the editor loaded without scrolling; the measurement would include it');
  const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
  return {
    page: LESSON,
    scripts: files.length,
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    gzipBytes,
    targetGzipBytes: 150_000,
    meetsTarget: gzipBytes < 150_000,
    files: files.map(({ url, gzipBytes: g }) => ({ url, gzipBytes: g })).sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

/** A fresh worker from the page's own worker script, timed to its first answer (a comlink ping). */
async function measureColdStart(browser: Browser, base: string): Promise<Pick<SiteFigures, 'workerColdStartMs' | 'workerRoundTripMs'>> {
  const page = await browser.newPage();
  let workerUrl = '';
  page.on('worker', (worker) => (workerUrl ||= worker.url()));
  const started = Date.now();
  await page.goto(`${base}/playground/`);
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await widget.scrollIntoViewIfNeeded();
  await widget
    .getByRole('status')
    .filter({ hasText: /Allowed|Denied|Error/ })
    .waitFor();
  const pageLoadToFirstVerdictMs = Date.now() - started;
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    times.push(
      await page.evaluate(async (url) => {
        const t0 = performance.now();
        const worker = new Worker(url, { type: 'module' });
        // comlink's wire format: APPLY the exposed `ping` and wait for its answer.
        await new Promise<void>((resolve) => {
          worker.addEventListener('message', (event: MessageEvent<{ id?: string }>) => {
            if (event.data?.id === 'bench') resolve();
          });
          worker.postMessage({ id: 'bench', type: 'APPLY', path: ['ping'], argumentList: [] });
        });
        const elapsed = performance.now() - t0;
        worker.terminate();
        return elapsed;
      }, workerUrl),
    );
  }
  const trips = await page.evaluate(async (url) => {
    const worker = new Worker(url, { type: 'module' });
    const ping = (id: string) =>
      new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent<{ id?: string }>) => {
          if (event.data?.id !== id) return;
          worker.removeEventListener('message', onMessage);
          resolve();
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, type: 'APPLY', path: ['ping'], argumentList: [] });
      });
    await ping('warm');
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await ping(`trip-${i}`);
      out.push(performance.now() - t0);
    }
    worker.terminate();
    return out;
  }, workerUrl);
  await page.close();
  times.sort((a, b) => a - b);
  trips.sort((a, b) => a - b);
  return {
    workerColdStartMs: {
      runs: COLD_STARTS,
      toFirstAnswerP50: round(quantile(times, 0.5)),
      toFirstAnswerMax: round(times.at(-1) ?? 0),
      pageLoadToFirstVerdictMs,
    },
    workerRoundTripMs: { runs: trips.length, p50: round(quantile(trips, 0.5)), p95: round(quantile(trips, 0.95)) },
  };
}

/** Alternates the policy between allowing and denying through Monaco and times each verdict change. */
async function measureEdits(browser: Browser, base: string): Promise<SiteFigures['editToVerdictMs']> {
  const page: Page = await browser.newPage();
  await page.goto(`${base}/playground/`);
  const widget = page.getByRole('region', { name: 'Would this policy allow the request?' });
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('[data-editor-status="monaco"]').first().waitFor();
  await widget
    .getByRole('status')
    .filter({ hasText: /Allowed/ })
    .waitFor();
  const times = await page.evaluate(async (edits) => {
    const region = [...document.querySelectorAll('section')].find(
      (s) => s.querySelector('h3')?.textContent === 'Would this policy allow the request?',
    )!;
    const host = region.querySelector('[data-editor-status="monaco"]') as HTMLElement & {
      dojoEditor: {
        getModel(): {
          getFullModelRange(): unknown;
          pushEditOperations(a: unknown[], b: unknown[], c: () => null): void;
          getValue(): string;
        };
      };
    };
    const model = host.dojoEditor.getModel();
    const status = region.querySelector('[role="status"]')!;
    const base = model.getValue();
    const out: number[] = [];
    for (let i = 0; i < edits; i++) {
      const deny = i % 2 === 0;
      const text = deny ? base.replace('"Allow"', '"Deny"') : base;
      const expected = deny ? 'Denied' : 'Allowed';
      const changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(expected)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      out.push((await changed) - t0);
    }
    return out;
  }, EDITS);
  await page.close();
  times.sort((a, b) => a - b);
  const p95 = round(quantile(times, 0.95));
  return { edits: EDITS, p50: round(quantile(times, 0.5)), p95, max: round(times.at(-1) ?? 0), targetP95: 50, meetsTarget: p95 < 50 };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
