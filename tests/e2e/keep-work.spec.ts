/**
 * Never losing a learner's work, in the browser: a share link is previewed and only replaces the
 * world when asked (the fragment then leaves the address bar, so a reload keeps later work); a link
 * pasted into an open playground is read; a second tab never silently overwrites the first; a save
 * the browser refuses is shown with its remedy; an import that cannot be saved replaces nothing;
 * a malformed MFA code is refused at the prompt and the world survives a reload; the first Enter in
 * a fresh terminal is never dropped; Export world downloads in one click with no CSP violation.
 */
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { runInTerminal, showWidget } from './widgets-helpers.ts';

async function shareLinkWith(page: Page, user: string): Promise<string> {
  await page.goto('/playground/');
  await runInTerminal(page, `aws iam create-user --user-name ${user}`);
  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByRole('button', { name: 'Share link' }).click();
  return controls.getByRole('textbox', { name: 'Share link' }).inputValue();
}

async function userNames(page: Page): Promise<string> {
  const entry = await runInTerminal(page, 'aws iam list-users --query "Users[].UserName" --output text');
  return (await entry.locator('.out').textContent()) ?? '';
}

test('a share link is previewed and asks before replacing; afterwards the fragment is gone and later work survives a reload', async ({
  page,
  browser,
  baseURL,
}) => {
  const sharer = await browser.newContext(baseURL ? { baseURL } : {});
  const link = await shareLinkWith(await sharer.newPage(), 'shared-alice');
  await sharer.close();

  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name carol-own-work');
  await page.goto(link);
  await page.reload();
  const controls = page.getByRole('region', { name: 'Your world' });
  const preview = controls.getByRole('group', { name: 'Open the world from the shared link?' });
  await expect(preview).toContainText('A saved world');
  await expect(preview).toContainText('aws iam create-user --user-name shared-alice');
  await expect(preview).toContainText('Opening it replaces your current world (1 command)');
  await expect(preview.getByRole('button', { name: 'Export my current world first' })).toBeVisible();

  // Declining keeps the learner's world and takes the fragment away.
  await preview.getByRole('button', { name: 'Keep my world' }).click();
  await expect(page).toHaveURL(/\/playground\/$/);
  expect(await userNames(page)).toContain('carol-own-work');

  // Accepting replaces it; work done afterwards survives F5 (the link is not read again).
  await page.goto(link);
  await controls.getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(controls.getByRole('status')).toContainText('Loaded a saved world from the shared link');
  await expect(page).toHaveURL(/\/playground\/$/);
  await runInTerminal(page, 'aws iam create-user --user-name zed-after-share');
  await page.reload();
  const names = await userNames(page);
  expect(names).toContain('shared-alice');
  expect(names).toContain('zed-after-share');
});

test('a link pasted into a tab already on the playground is read at once (hashchange)', async ({ page, browser, baseURL }) => {
  const sharer = await browser.newContext(baseURL ? { baseURL } : {});
  const link = await shareLinkWith(await sharer.newPage(), 'pasted-bob');
  await sharer.close();
  await page.goto('/playground/');
  await showWidget(page.getByRole('region', { name: 'Your world' }));
  await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
  await expect(page.getByRole('group', { name: 'Open the world from the shared link?' })).toContainText('pasted-bob');
});

test('two tabs on one world: the other tab follows, and neither overwrites newer work', async ({ page, context }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name from-tab-one');
  const second = await context.newPage();
  await second.goto('/playground/');
  expect(await userNames(second)).toContain('from-tab-one');
  await runInTerminal(second, 'aws iam create-user --user-name from-tab-two');
  await expect(page.getByRole('region', { name: 'Your world' }).getByRole('status').first()).toContainText('changed in another tab');
  expect(await userNames(page)).toContain('from-tab-two');
  await page.reload();
  const names = await userNames(page);
  expect(names).toContain('from-tab-one');
  expect(names).toContain('from-tab-two');
});

test('a save the browser refuses is shown with the remedy; an import that cannot be saved replaces nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name keep-me');
  // Fill this origin's storage to the brim, as hours of lessons and a big import can.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size > 64; i++) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  // Up to ~128 characters may still be free: the change must need more than that to be refused.
  await runInTerminal(page, `aws iam create-user --user-name not-saved-yet --tags Key=note,Value=${'n'.repeat(250)}`);
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await expect(terminal.getByRole('alert')).toContainText('Your latest change is NOT saved');
  await expect(terminal.getByRole('button', { name: 'Export this world' })).toBeVisible();

  const controls = page.getByRole('region', { name: 'Your world' });
  await controls.getByText('Import a world or get-account-authorization-details JSON').click();
  const big = {
    version: 1,
    start: { seed: 'big' },
    ops: Array.from({ length: 30 }, (_, i) => ({ kind: 'writeFile', name: `f${i}.txt`, text: 'y'.repeat(20_000) })),
  };
  await controls.getByRole('textbox', { name: '…or paste JSON' }).fill(JSON.stringify(big));
  await controls.getByRole('button', { name: 'Import pasted JSON' }).click();
  const preview = controls.getByRole('group', { name: /Open the world from/ });
  await expect(preview).toContainText(/with 0 commands and 30 files; about 60\d KB/);
  await expect(preview).toContainText('probably cannot be saved');
  await preview.getByRole('button', { name: 'Replace my world with this one' }).click();
  await expect(controls.getByRole('status')).toContainText('nothing was replaced');
  expect(await userNames(page)).toContain('keep-me');

  // Space comes back: saving resumes by itself, and the unsaved change is kept.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await runInTerminal(page, 'aws sts get-caller-identity');
  await expect(terminal.getByRole('alert')).toHaveCount(0);
  await page.reload();
  expect(await userNames(page)).toContain('not-saved-yet');
});

test('a malformed MFA code is refused at the prompt, and the world still loads after a reload', async ({ page }) => {
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const run = async (line: string) => {
    const input = terminal.getByRole('textbox', { name: /Command line|MFA code/ });
    await input.fill(line);
    await input.press('Enter');
  };
  await run('aws iam create-user --user-name mfa-user');
  await expect(terminal.getByRole('log')).toContainText('"UserName": "mfa-user"');
  await run(
    'aws iam create-role --role-name needs-mfa --assume-role-policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}\'',
  );
  await run('aws configure set role_arn arn:aws:iam::123456789012:role/needs-mfa --profile r');
  await run('aws configure set source_profile default --profile r');
  await run('aws configure set mfa_serial arn:aws:iam::123456789012:mfa/x --profile r');
  await run('aws sts get-caller-identity --profile r');
  const prompt = terminal.getByRole('textbox', { name: 'MFA code' });
  await expect(prompt).toBeVisible();
  await prompt.fill('12345');
  await prompt.press('Enter');
  await expect(terminal.getByRole('alert')).toContainText(
    'An MFA code is the six digits your authenticator shows (you typed 5 characters)',
  );
  await expect(prompt).toBeVisible();
  await page.reload();
  await showWidget(terminal);
  await expect(terminal.getByRole('alert')).toHaveCount(0);
  await run('aws iam list-users --query "Users[].UserName" --output text');
  await expect(terminal.getByRole('log')).toContainText('mfa-user');
});

test('the first Enter in a freshly loaded terminal is never dropped, even when typed before it hydrated', async ({ browser, baseURL }) => {
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext(baseURL ? { baseURL } : {});
    const page = await context.newPage();
    await page.goto('/playground/');
    // No waiting for hydration: a learner (or a paste) can be faster than the island.
    const terminal = page.getByRole('region', { name: 'AWS terminal' });
    const input = terminal.getByRole('textbox', { name: 'Command line' });
    await input.scrollIntoViewIfNeeded();
    await input.fill('aws sts get-caller-identity');
    await input.press('Enter');
    await expect(terminal.getByRole('log').locator('.entry'), `load ${i + 1}`).toHaveCount(1, { timeout: 20_000 });
    await expect(input).toHaveValue('');
    await context.close();
  }
});

test('Export world downloads in one click, with no CSP violation', async ({ page }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name exported');
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const controls = page.getByRole('region', { name: 'Your world' });
  const [download] = await Promise.all([page.waitForEvent('download'), controls.getByRole('button', { name: 'Export world' }).click()]);
  expect(download.suggestedFilename()).toBe('iam-dojo-world.json');
  await page.waitForTimeout(300);
  expect(violations).toEqual([]);
});

test('the terminal keeps its page small after many commands: the newest 100 shown, earlier on demand', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/playground/');
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  await showWidget(terminal);
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  const log = terminal.getByRole('log');
  for (let i = 0; i < 110; i++) {
    await input.fill(`aws sts get-caller-identity --query Account --output text`);
    await input.press('Enter');
    await expect(input).toHaveValue('');
    await expect(log.locator('.entry')).toHaveCount(Math.min(i + 1, 100));
  }
  await expect(log.getByRole('button', { name: 'Show earlier output (10 more commands)' })).toBeVisible();
  // The ten that left the window wait in the page, hidden, to be removed with the next forty.
  await expect(log.locator('.trimmed')).toHaveCount(10);
  for (const entry of await log.locator('.trimmed').all()) await expect(entry).toBeHidden();
  await log.getByRole('button', { name: /Show earlier output/ }).click();
  await expect(log.locator('.entry')).toHaveCount(110);
});

test('MFA with a real phone: the countdown runs with real time, and a code refused for clock skew says so', async ({ page }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws iam create-user --user-name alice');
  const mfa = page.getByRole('region', { name: 'Virtual MFA device' });
  await showWidget(mfa);
  await mfa.getByRole('button', { name: 'Create virtual MFA device' }).click();
  const app = mfa.getByRole('group', { name: 'Authenticator' });
  await expect(app).toContainText(/\d+ s left/);
  await expect(app).toContainText('The world clock follows real time');
  const left = async () => Number(((await app.textContent()) ?? '').match(/(\d+) s left/)?.[1]);
  const first = await left();
  await expect.poll(left, { timeout: 5_000 }).not.toBe(first);

  // A phone whose clock is five minutes ahead of the world's: its codes are refused, and the terminal says why.
  await mfa.getByText('Show the QR code to scan').click();
  const uri = (await mfa.getByRole('img', { name: /QR code for the authenticator app/ }).getAttribute('aria-label')) ?? '';
  const secret = new URL(uri.slice(uri.indexOf('otpauth://'))).searchParams.get('secret') ?? '';
  const { TOTP, Secret } = await import('otpauth');
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const worldNow = Date.now();
  const ahead = (s: number) => totp.generate({ timestamp: worldNow + s * 1000 });
  const serial = (await mfa.locator('code').first().textContent())?.match(/arn:aws:iam::\d{12}:mfa\/dojo-phone/)?.[0] ?? '';
  const entry = await runInTerminal(
    page,
    `aws iam enable-mfa-device --user-name alice --serial-number ${serial} --authentication-code1 ${ahead(300)} --authentication-code2 ${ahead(330)}`,
  );
  await expect(entry.locator('.err')).toContainText('Authentication code for device is not valid');
  await expect(entry).toContainText(
    /Refused for clock skew: the code \d{6} is right for about (4 min 30 s|5 min|5 min 30 s) after the world's clock/,
  );
});

/** Types `count` create-user commands into the page's terminal, as fast as it answers. */
async function createUsers(page: Page, from: number, count: number): Promise<void> {
  await showWidget(page.getByRole('region', { name: 'AWS terminal' }));
  await page.evaluate(
    async ({ from, count }) => {
      const input = document.querySelector('input[aria-label="Command line"]') as HTMLInputElement;
      for (let i = from; i < from + count; i++) {
        input.value = `aws iam create-user --user-name u${i}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        while (input.getAttribute('aria-busy') === 'true' || input.value !== '') await new Promise((r) => setTimeout(r, 2));
      }
    },
    { from, count },
  );
}

test('a long world is saved as a short journal naming its snapshot: tabs follow each other across compactions, a reload restores it all', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const key = 'iam-dojo:v1:world:/playground/:playground';
  const snapshots = () => page.evaluate((k) => Object.keys(localStorage).filter((s) => s.startsWith(`${k}:snapshot:`)), key);
  const count = async (p: Page) =>
    (await (await runInTerminal(p, 'aws iam list-users --query "length(Users)" --output text')).locator('.out').textContent())?.trim();
  await page.goto('/playground/');
  await createUsers(page, 0, 205);
  const journal = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}') as Record<string, unknown>, key);
  expect(journal).not.toHaveProperty('snapshot');
  expect(await snapshots()).toEqual([`${key}:snapshot:${String(journal['snapshotRef'])}`]);

  const second = await context.newPage();
  await second.goto('/playground/');
  expect(await count(second)).toBe('205');
  await createUsers(second, 205, 200);
  await expect(page.getByRole('region', { name: 'Your world' }).getByRole('status').first()).toContainText('changed in another tab');
  expect(await count(page)).toBe('405');
  // The snapshot the second tab's compaction replaced goes once no journal names it.
  await expect.poll(snapshots, { timeout: 15_000 }).toHaveLength(1);
  await second.close();
  await page.reload();
  expect(await count(page)).toBe('405');
});
