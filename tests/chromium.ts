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
