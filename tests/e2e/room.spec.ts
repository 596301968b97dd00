/**
 * The classroom journey: the test starts its own room server (`serve.mjs --room`, a temporary
 * database, a free loopback port in 4340–4349) and stops it afterwards. Several browser contexts
 * join one room; the instructor's dashboard updates live; killing and restarting the server loses
 * nothing (browsers resend what was not acknowledged, the dashboard comes back complete).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test as base, expect, expectNoA11yViolations } from './fixtures.ts';

interface RoomServer {
  url: string;
  code: string;
  secret: string;
  /** Kills the server without warning (SIGKILL), like a laptop losing power. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
}

const test = base.extend<object, { roomServer: RoomServer }>({
  roomServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const port = await freePort(4340, 4349);
      const dir = mkdtempSync(joinPath(tmpdir(), 'iam-dojo-room-e2e-'));
      let child: ChildProcess | undefined;
      let room = { code: '', secret: '' };
      const start = async (): Promise<void> => {
        child = spawn(
          process.execPath,
          ['scripts/serve.mjs', '--port', String(port), '--room', 'E2E room', '--room-db', joinPath(dir, 'room.sqlite')],
          { env: { ...process.env, ROOM_PRINT_JSON: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        room = await new Promise((resolve, reject) => {
          let out = '';
          child!.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = /ROOM_JSON (.*)/.exec(out)?.[1];
            if (line && /IAM Dojo is served/.test(out)) resolve(JSON.parse(line));
          });
          child!.on('exit', (code) => reject(new Error(`room server exited (${code}): ${out}`)));
        });
      };
      const stop = async (signal: NodeJS.Signals): Promise<void> => {
        const running = child;
        if (!running || running.exitCode !== null || running.signalCode !== null) return;
        await new Promise((resolve) => {
          running.once('exit', resolve);
          running.kill(signal);
        });
      };
      await start();
      await use({ url: `http://127.0.0.1:${port}`, code: room.code, secret: room.secret, kill: () => stop('SIGKILL'), restart: start });
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ roomServer }, use) => use(roomServer.url),
});

// One room server per worker, and these tests share it: run them in order.
test.describe.configure({ mode: 'serial', timeout: 180_000 }); // four browsers at once on a shared machine

test('learners in several browsers join one room and the dashboard follows them live', async ({ page, browser, roomServer, guard }) => {
  await page.goto('/room/');
  await page.getByLabel('Instructor secret').fill(roomServer.secret);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page.getByText(`Room code ${roomServer.code}`)).toBeVisible();
  await resetRoom(page);

  const ana = await learnerPage(browser, roomServer.url);
  const sam1 = await learnerPage(browser, roomServer.url);
  const sam2 = await learnerPage(browser, roomServer.url);
  await join(ana.page, roomServer.code, 'Ana');
  await join(sam1.page, roomServer.code, 'Sam');
  await join(sam2.page, roomServer.code, 'Sam', '/progress/'); // the second Sam stays off the exercises
  // Two browsers with the same display name are two learners.
  await expect(page.getByRole('status').filter({ hasText: /^Live:/ })).toContainText('Live: 3 learners.');
  await expect(page.getByRole('rowheader', { name: 'Sam' })).toHaveCount(2);

  // Ana does exercise 1 right; the first Sam makes a mistake first.
  await runCommand(ana.page, 'aws sts get-caller-identity', ':root');
  await expect(ana.page.locator('[data-exercise="who-am-i"]').getByRole('status')).toHaveText(/exercise complete/);
  await expect(page.getByRole('button', { name: 'Ana, Ask AWS who you are: done', exact: true })).toBeVisible();

  await runCommand(sam1.page, 'aws iam list-users --profile nobody', 'could not be found');
  await expect(page.getByRole('button', { name: 'Sam, Ask AWS who you are: working' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the room gets wrong' }).getByRole('listitem').first()).toContainText(
    'fails for 1 learner now',
  );
  // …with the course's wrong answers that this check catches, for the instructor to explain.
  await expect(page.getByRole('region', { name: 'What the room gets wrong' })).toContainText(
    'asks IAM for the list of users instead of asking STS',
  );

  // A cell opens the learner's check history and commands' outcomes (not what was typed).
  // Keyboard: a cell is a button.
  await page.getByRole('button', { name: 'Sam, Ask AWS who you are: working' }).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: /Sam — Ask AWS who you are/ });
  await expect(detail).toContainText('1 of 1 fail');
  await expect(detail).toContainText('iam list-users');
  await expect(detail).not.toContainText('nobody');

  await expect(page.getByRole('region', { name: 'Pace' })).toContainText('The room is around lesson 1');
  // On a phone the grid scrolls inside its own region; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  guard.allowConsoleErrors(/EventSource|ERR_CONNECTION|Failed to load resource/);
  await expectNoA11yViolations(page, '.dojo-dashboard');
  await expectNoA11yViolations(ana.page, '.dojo-room');
  for (const l of [ana, sam1, sam2]) await l.close();
});

test('killing the server loses nothing: browsers resend, the dashboard comes back complete', async ({
  page,
  browser,
  roomServer,
  guard,
}) => {
  guard.allowConsoleErrors(/EventSource|ERR_CONNECTION|Failed to load resource/);
  // The secret can come in the link's fragment (never sent to the server; removed from the address bar).
  await page.goto(`/room/#secret=${roomServer.secret}`);
  await expect(page.getByText(`Room code ${roomServer.code}`)).toBeVisible();
  expect(page.url()).not.toContain(roomServer.secret);
  await resetRoom(page);
  const lee = await learnerPage(browser, roomServer.url);
  await join(lee.page, roomServer.code, 'Lee');
  await expect(page.getByRole('rowheader', { name: 'Lee' })).toBeVisible();
  // The page is loaded before the server goes (its scripts come from that server too): a first try.
  await runCommand(lee.page, 'aws iam list-users --profile nobody', 'could not be found');
  await expect(page.getByRole('button', { name: 'Lee, Ask AWS who you are: working' })).toBeVisible();

  await roomServer.kill();
  await expect(page.getByRole('status').filter({ hasText: /reconnecting/ })).toBeVisible();
  // The learner keeps working while the server is down; progress does not wait for it.
  await runCommand(lee.page, 'aws sts get-caller-identity', ':root');
  await expect(lee.page.locator('[data-exercise="who-am-i"]').getByRole('status')).toHaveText(/exercise complete/);
  await expect(lee.page.getByRole('region', { name: 'Classroom' })).toContainText(/waiting: the room server is unreachable/);

  await roomServer.restart();
  await expect(lee.page.getByRole('region', { name: 'Classroom' })).toContainText('Everything is reported.', { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Lee, Ask AWS who you are: done', exact: true })).toBeVisible({ timeout: 15_000 });
  await lee.close();
});

test('only the instructor turns instructor mode on for the room, and learners follow it', async ({ page, browser, roomServer }) => {
  await page.goto(`/room/#secret=${roomServer.secret}`);
  await expect(page.getByText(`Room code ${roomServer.code}`)).toBeVisible();
  await resetRoom(page);
  const kim = await learnerPage(browser, roomServer.url);
  await join(kim.page, roomServer.code, 'Kim');
  await expect(kim.page.locator('html')).not.toHaveAttribute('data-instructor', 'on');

  const toggle = page.getByRole('button', { name: 'Instructor mode for the room' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await kim.page.reload();
  await expect(kim.page.locator('html')).toHaveAttribute('data-instructor', 'on');
  await expect(kim.page.getByRole('region', { name: 'Classroom' }).getByRole('status')).toHaveText(
    'The instructor turned instructor mode on for the room.',
  );
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await kim.page.reload();
  await expect(kim.page.locator('html')).not.toHaveAttribute('data-instructor', 'on');
  await kim.close();
});

/** A learner's own browser (a fresh context), guarded like the fixture's page: nothing leaves the origin. */
async function learnerPage(browser: Browser, baseURL: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context: BrowserContext = await browser.newContext({ baseURL });
  const origin = new URL(baseURL).origin;
  const external: string[] = [];
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin,
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  return {
    page,
    close: async () => {
      await context.close();
      expect(external, 'requests that left the site origin').toEqual([]);
    },
  };
}

async function join(page: Page, code: string, name: string, path = '/lessons/01-what-is-iam/'): Promise<void> {
  await page.goto(`${path}?room=${code}`);
  const bar = page.getByRole('region', { name: 'Classroom' });
  await bar.getByLabel('Your name').fill(name);
  await expect(bar.getByLabel('Room code')).toHaveValue(code);
  await bar.getByRole('button', { name: 'Join the room' }).click();
  await expect(bar).toContainText(`as ${name}.`);
}

/** Runs a command in the lesson's terminal and waits for `expected` in its output. */
async function runCommand(page: Page, line: string, expected: string | RegExp): Promise<void> {
  // The exercise sets its world up first; a command typed before that would run in the old world.
  const exercise = page.locator('[data-exercise="who-am-i"]');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.getByRole('status')).toHaveText(/checks pass/, { timeout: 30_000 });
  const terminal: Locator = page.getByRole('region', { name: 'AWS terminal' }).first();
  await terminal.scrollIntoViewIfNeeded();
  const island = terminal.locator('xpath=ancestor::astro-island[1]');
  await expect.poll(() => island.evaluate((el) => el.hasAttribute('ssr')), { timeout: 30_000 }).toBe(false);
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(line);
  await input.press('Enter');
  await expect(terminal.getByRole('log', { name: 'Terminal output' })).toContainText(expected, { timeout: 15_000 });
}

async function resetRoom(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset the room…' }).click();
  await page.getByRole('dialog', { name: 'Reset the room?' }).getByRole('button', { name: 'Reset the room' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Live:/ })).toContainText('Live: 0 learners.');
}

/** The first port in [from, to] that nothing listens on (loopback). */
async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}
