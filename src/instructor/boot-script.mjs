// @ts-check
/**
 * The instructor-mode boot script, inlined in every page's <head> (astro.config.mjs `head`) so the
 * presenter type size is applied before first paint. It honours `?instructor=on|off` and the saved
 * switch. mode.ts is the source of truth once modules load: it validates the saved value with zod
 * and corrects the root attribute if this quick check disagreed. Its SHA-256 is listed in the
 * Content-Security-Policy (src/security/csp.mjs), so its text must stay byte-identical.
 */
export const INSTRUCTOR_BOOT_SCRIPT = `(() => {
  const key = 'iam-dojo:v1:instructor';
  let enabled = false;
  try {
    const param = new URLSearchParams(location.search).get('instructor');
    if (param === 'on' || param === 'off') {
      enabled = param === 'on';
      localStorage.setItem(key, JSON.stringify({ version: 1, enabled }));
    } else {
      const saved = JSON.parse(localStorage.getItem(key) || 'null');
      enabled = saved !== null && typeof saved === 'object' && saved.version === 1 && saved.enabled === true;
    }
  } catch {}
  if (enabled) document.documentElement.dataset.instructor = 'on';
})();`;
