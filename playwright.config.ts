import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium.ts';

/**
 * Browser tests run in Debian's Chromium (never a downloaded browser). The web server builds the
 * site and serves dist/ with the same static server `npm start` uses. Environment:
 * - CHROMIUM_PATH: the browser (default /usr/bin/chromium)
 * - E2E_PORT: port for the test server (default 4322, so `npm start` on 4321 can keep running)
 * - E2E_NO_BUILD=1: serve the existing dist/ without rebuilding (faster local iteration)
 * - E2E_BASE_URL: test a site served elsewhere (the offline test serves dist/ in a network
 *   namespace with only loopback and points here); no web server is started then.
 */
const port = Number(process.env['E2E_PORT'] ?? 4322);
const external = process.env['E2E_BASE_URL'];
const baseURL = external ?? `http://127.0.0.1:${port}`;
const serve = `node scripts/serve.mjs --port ${port}`;
// Each run gets its own artifacts folder so that parallel runs on one machine cannot clobber each
// other's traces (the variable is set once here and inherited by the worker processes).
process.env['E2E_RUN_ID'] ??= `${process.env['E2E_REPORT'] ?? 'e2e'}-${Date.now()}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/${process.env['E2E_RUN_ID']}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // In CI a JSON report (test-results/e2e.json, or E2E_REPORT.json) feeds the one-line total.
  reporter: process.env['CI'] ? [['list'], ['json', { outputFile: `reports/${process.env['E2E_REPORT'] ?? 'e2e'}.json` }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  ...(external
    ? {}
    : {
        webServer: {
          command: process.env['E2E_NO_BUILD'] ? serve : `npm run build && ${serve}`,
          url: `${baseURL}/`,
          timeout: 240_000,
          reuseExistingServer: !process.env['CI'],
          stdout: 'ignore',
          stderr: 'pipe',
        },
      }),
});
