/**
 * Helpers shared by the e2e specs. setEditorText replaces the text of a policy editor whether Monaco has
 * loaded (select all, then insert the text as one input, which skips auto-closing brackets) or the
 * plain textarea fallback is showing.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Replaces the whole text of the policy editor labelled `name` inside `scope`. */
export async function setEditorText(page: Page, scope: Locator, name: string, text: string): Promise<void> {
  // Monaco replaces the textarea once an editor has been in view: bring each into view (an editor
  // the widget just revealed may sit below the fold) and wait for every one to settle first.
  const unsettled = scope.locator('[data-editor-status="plain"], [data-editor-status="loading"]');
  // The list shrinks as editors settle (`.all()` hands out positions, not elements): a short
  // timeout per editor, never a wait for an editor that has already become Monaco.
  for (const editor of await unsettled.all()) await editor.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
  await expect(unsettled).toHaveCount(0, { timeout: 20_000 });
  const editor = scope.getByRole('textbox', { name, exact: true });
  const tag = await editor.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'textarea') {
    await editor.fill(text);
    return;
  }
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Scrolls a widget into view (islands hydrate when visible) and waits until Astro hydrated it. */
export async function showWidget(widget: Locator): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  // A worker busy with a lesson's start steps on a loaded machine may take a while to answer.
  await expect(widget.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/, { timeout: 45_000 });
}

/**
 * Runs one command line in the page's AWS terminal and answers the new log entry. Waits for the
 * terminal to hydrate first (it hydrates when visible; typing into the server-rendered input is lost).
 */
export async function runInTerminal(page: Page, line: string): Promise<Locator> {
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  const log = terminal.getByRole('log', { name: 'Terminal output' });
  // The island hydrates once it has been in view; a layout shift right after the scroll (a notice,
  // a world being replaced) can move it out again first, so bring it back while waiting.
  const island = page.locator('astro-island', { has: terminal }).last();
  await expect
    .poll(
      async () => {
        await terminal.scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
        return island.getAttribute('ssr');
      },
      { timeout: 30_000 },
    )
    .toBeNull();
  // Entries are numbered; the terminal renders only its newest ones, so wait for a new number.
  const last = log.locator('.entry').last();
  const before = (await log.locator('.entry').count()) === 0 ? '0' : ((await last.getAttribute('data-entry')) ?? '0');
  const input = terminal.getByRole('textbox', { name: 'Command line' });
  await input.fill(line);
  await input.press('Enter');
  const newest = async () => ((await log.locator('.entry').count()) === 0 ? '0' : ((await last.getAttribute('data-entry')) ?? '0'));
  await expect.poll(newest, { timeout: 30_000 }).not.toBe(before);
  return log.locator(`.entry[data-entry="${await newest()}"]`);
}

/**
 * Waits until the file editor `files` has shown the findings for its text: the findings list sits
 * above the Save button, and a click while it appears can land where the button was.
 */
export async function filesChecked(files: Locator): Promise<void> {
  await expect(files).toHaveAttribute('aria-busy', 'false');
}

/**
 * Saves `text` as the world file `name` through the file editor that follows `after` on the page (the
 * editor beside an exercise), as a learner does: name, text, Save — and Replace when the file exists.
 * The text goes in as one line: typing newlines into Monaco would auto-indent and auto-close.
 */
export async function saveInFileEditor(page: Page, after: Locator, name: string, text: string): Promise<void> {
  const files = after.locator('xpath=following::section[contains(@class, "world-files")][1]');
  await showWidget(files);
  await files.getByRole('combobox', { name: 'File name' }).fill(name);
  const oneLine = text.trim().startsWith('{') ? JSON.stringify(JSON.parse(text)) : text;
  await setEditorText(page, files, `Text of ${name}`, oneLine);
  await filesChecked(files);
  await files.getByRole('button', { name: `Save ${name}` }).click();
  const status = files.getByRole('status');
  await expect(status).toContainText(/Saved|Replace it/);
  if ((await status.textContent())?.includes('Replace it')) await files.getByRole('button', { name: `Replace ${name}` }).click();
  await expect(status).toContainText(`Saved ${name}. Use it in the terminal as file://${name}.`);
}

/**
 * Waits until the authenticator `app` shows a code with at least 12 s left, as a person does before
 * copying two consecutive codes: the world clock follows real time, so a code read just before its
 * 30 s window ends is followed by a skip that lands two windows later, and the pair is refused.
 */
export async function waitForFreshCode(app: Locator): Promise<void> {
  const left = async (): Promise<number> => Number(((await app.textContent()) ?? '').match(/(\d+) s left/)?.[1] ?? 0);
  await expect(app).toContainText(/\d+ s left/);
  if ((await left()) >= 12) return;
  // Compare the digits only: the element's text and its innerText differ in whitespace around the
  // hidden "Current code:" label, so comparing whole texts passed at once and never waited.
  const digits = (): Promise<string> => codeDigits(app);
  const shown = await digits();
  await expect.poll(digits, { timeout: 20_000 }).toMatch(new RegExp(`^(?!${shown}$)\\d{6}$`));
}

/** The six digits of the first `.code` in `app` ("123 456" or "123456"), or '' when it shows none. */
async function codeDigits(app: Locator): Promise<string> {
  return ((await app.locator('.code').first().innerText()).match(/\d{3}\s?\d{3}/)?.[0] ?? '').replace(/\s/, '');
}

/** The code the MfaDevice authenticator `app` shows, digits only, once it shows one (not while a skip moves the clock). */
export async function shownCode(app: Locator): Promise<string> {
  await expect(app.locator('.code')).toHaveText(/\d{3}\s\d{3}/);
  return codeDigits(app);
}

/**
 * Clicks the MfaDevice's "Skip 30 s" and answers the code shown once the clock has moved. Until the
 * new time is read back the widget shows no digits, so the code answered is never the one before.
 */
export async function skipToNextCode(mfa: Locator): Promise<string> {
  const app = mfa.getByRole('group', { name: 'Authenticator' });
  const before = await shownCode(app);
  await mfa.getByRole('button', { name: 'Skip 30 s' }).click();
  await expect(app.locator('.code')).not.toContainText(`${before.slice(0, 3)}\u00a0${before.slice(3)}`);
  const after = await shownCode(app);
  expect(after).not.toBe(before);
  return after;
}
