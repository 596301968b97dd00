/**
 * Wires the instructor controls that the Starlight overrides render on every page: the header
 * toggle(s), the instructor banner, and the reset confirmation dialog. Idempotent per element.
 */
import { initInstructorMode, isInstructorMode, onInstructorModeChange, setInstructorMode } from './mode.ts';
import { resetAllProgress, resettableKeys } from './reset.ts';

/** sessionStorage key of the one-shot "progress was reset" notice shown after the reload. */
const RESET_NOTICE_KEY = 'iam-dojo:v1:instructor-reset-notice';

/** Applies the URL parameter and saved switch, then wires every instructor control on the page. */
export function mountInstructorControls(root: Document = document): void {
  const enabled = initInstructorMode();
  const toggles = [...root.querySelectorAll<HTMLButtonElement>('[data-instructor-toggle]')];
  const render = (on: boolean): void => {
    for (const toggle of toggles) toggle.setAttribute('aria-pressed', String(on));
  };
  for (const toggle of toggles) {
    if (toggle.dataset['bound']) continue;
    toggle.dataset['bound'] = 'true';
    toggle.addEventListener('click', () => setInstructorMode(!isInstructorMode()));
  }
  render(enabled);
  onInstructorModeChange(render);

  const banner = root.querySelector<HTMLElement>('[data-instructor-banner]');
  if (banner && !banner.dataset['bound']) {
    banner.dataset['bound'] = 'true';
    wireBanner(banner, root);
  }
}

function wireBanner(banner: HTMLElement, root: Document): void {
  const status = banner.querySelector<HTMLElement>('[data-instructor-status]');
  const dialog = root.querySelector<HTMLDialogElement>('[data-instructor-reset-dialog]');
  const count = dialog?.querySelector<HTMLElement>('[data-instructor-reset-count]');
  banner.querySelector('[data-instructor-off]')?.addEventListener('click', () => setInstructorMode(false));
  banner.querySelector('[data-instructor-reset]')?.addEventListener('click', () => {
    if (!dialog) return;
    if (count) count.textContent = String(countEntries());
    dialog.showModal();
  });
  dialog?.querySelector('[data-instructor-reset-cancel]')?.addEventListener('click', () => dialog.close());
  dialog?.querySelector('[data-instructor-reset-confirm]')?.addEventListener('click', () => {
    const removed = resetAllProgress();
    dialog.close();
    try {
      sessionStorage.setItem(RESET_NOTICE_KEY, String(removed));
    } catch {
      // Storage disabled: the page reloads without the notice, nothing was saved anyway.
    }
    // Reload so every widget and the simulator worker drop what they hold in memory.
    location.reload();
  });
  const notice = takeResetNotice();
  if (notice !== undefined && status) {
    status.textContent = `All IAM Dojo progress on this machine was reset (${notice} saved ${notice === 1 ? 'entry' : 'entries'} removed).`;
  }
}

function countEntries(): number {
  let total = 0;
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      total += resettableKeys(globalThis[name]).length;
    } catch {
      // Storage disabled: nothing saved there.
    }
  }
  return total;
}

function takeResetNotice(): number | undefined {
  try {
    const raw = sessionStorage.getItem(RESET_NOTICE_KEY);
    if (raw === null) return undefined;
    sessionStorage.removeItem(RESET_NOTICE_KEY);
    const removed = Number(raw);
    return Number.isSafeInteger(removed) && removed >= 0 ? removed : undefined;
  } catch {
    return undefined;
  }
}
