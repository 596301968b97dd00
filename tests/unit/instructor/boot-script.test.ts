// @vitest-environment happy-dom
/**
 * The inline boot script (run before first paint) and the zod-validated mode.ts must agree on
 * every saved value and URL parameter — otherwise the page would flash presenter type and shrink.
 */
import { afterEach, expect, it } from 'vitest';
import { INSTRUCTOR_BOOT_SCRIPT } from '../../../src/instructor/boot-script.mjs';
import { initInstructorMode } from '../../../src/instructor/mode.ts';
import { INSTRUCTOR_STORAGE_KEY, instructorParameter } from '../../../src/instructor/settings.ts';

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-instructor');
});

const saved = [
  null,
  '{"version":1,"enabled":true}',
  '{"version":1,"enabled":false}',
  '{"version":2,"enabled":true}',
  '{"version":1,"enabled":"true"}',
  '{"version":1,"enabled":true,"extra":1}',
  'not json',
  'null',
  '[1]',
];
const searches = ['', '?instructor=on', '?instructor=off', '?instructor=ON', '?instructor=1'];

for (const value of saved) {
  for (const search of searches) {
    it(`saved ${value ?? '(nothing)'}, URL "${search}": boot script and mode.ts agree`, () => {
      const boot = runBoot(value, search);
      localStorage.clear();
      document.documentElement.removeAttribute('data-instructor');
      if (value !== null) localStorage.setItem(INSTRUCTOR_STORAGE_KEY, value);
      const validated = initInstructorMode(search);
      // The boot script only checks version and enabled; an extra field is the one case it accepts
      // and zod rejects — mode.ts then removes the attribute, so the page ends up consistent.
      const lenient = value === '{"version":1,"enabled":true,"extra":1}' && instructorParameter(search) === undefined;
      expect(boot).toBe(lenient ? true : validated);
    });
  }
}

function runBoot(value: string | null, search: string): boolean {
  if (value !== null) localStorage.setItem(INSTRUCTOR_STORAGE_KEY, value);
  window.history.replaceState(null, '', `/${search}`);
  // The test runs the exact text the page inlines.
  new Function(INSTRUCTOR_BOOT_SCRIPT)();
  const on = document.documentElement.getAttribute('data-instructor') === 'on';
  window.history.replaceState(null, '', '/');
  return on;
}
