import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/chromium.ts';
const { chromium } = await import('@playwright/test');
const port = 4477;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--dir', 'dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${port}/playground/`);
const terminal = page.getByRole('region', { name: 'AWS terminal' });
await terminal.scrollIntoViewIfNeeded();
await page.waitForFunction(() => { const s = [...document.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'AWS terminal'); return s !== undefined && s.closest('astro-island[ssr]') === null; });
const N = Number(process.env.N ?? 2000);
async function typeAll(from: number, count: number, templates: string[]) {
  await page.evaluate(async ({ from, count, templates }) => {
    const region = [...document.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'AWS terminal')!;
    const input = region.querySelector('input[aria-label="Command line"]') as HTMLInputElement;
    for (let i = from; i < from + count; i++) {
      input.value = templates[i % templates.length]!.replaceAll('{i}', String(Math.floor(i / templates.length)));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      while (input.getAttribute('aria-busy') === 'true' || input.value !== '') await new Promise((r) => setTimeout(r, 2));
    }
  }, { from, count, templates });
}
const lines = ['aws iam create-user --user-name u{i}', 'aws iam tag-user --user-name u{i} --tags Key=team,Value=t{i}', 'aws iam list-users --max-items 5', 'aws sts get-caller-identity'];
async function timed(label: string) {
  const t = await page.evaluate(async () => {
    const region = [...document.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'AWS terminal')!;
    const input = region.querySelector('input[aria-label="Command line"]') as HTMLInputElement;
    const log = region.querySelector('[role="log"]')!;
    const out: number[] = [];
    for (let i = 0; i < 40; i++) {
      const shown = new Promise<number>((resolve) => { const o = new MutationObserver((ch) => { if (ch.some((c) => [...c.addedNodes].some((n) => n instanceof HTMLElement && n.classList.contains('entry')))) { o.disconnect(); resolve(performance.now()); } }); o.observe(log, { childList: true }); });
      input.value = 'aws sts get-caller-identity --query Account --output text';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      out.push((await shown) - t0);
    }
    return out.sort((a, b) => a - b);
  });
  console.log(label, 'p50', t[20]!.toFixed(1), 'p95', t[38]!.toFixed(1), 'ls chars', await page.evaluate(() => { let n = 0; for (let i = 0; i < localStorage.length; i++) n += (localStorage.getItem(localStorage.key(i)!) ?? '').length; return n; }));
}
await timed('fresh');
for (let d = 0; d < N; d += 100) await typeAll(d, 100, lines);
await timed('after');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await timed('after-prof');
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/page.cpuprofile', JSON.stringify(profile));
await browser.close();
server.kill();
