// @vitest-environment happy-dom
/**
 * Instructor mode: the saved switch is read through the zod parser (anything invalid means off),
 * `?instructor=on|off` wins and persists, the root attribute follows, and listeners hear changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INSTRUCTOR_STORAGE_KEY, instructorParameter, parseInstructorSettings } from '../../../src/instructor/settings.ts';
import {
  INSTRUCTOR_MODE_EVENT,
  initInstructorMode,
  isInstructorMode,
  onInstructorModeChange,
  readInstructorSettings,
  setInstructorMode,
} from '../../../src/instructor/mode.ts';

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-instructor');
});

describe('parseInstructorSettings', () => {
  const cases: { name: string; raw: string | null; enabled: boolean; problem?: string }[] = [
    { name: 'nothing saved', raw: null, enabled: false },
    { name: 'on', raw: '{"version":1,"enabled":true}', enabled: true },
    { name: 'off', raw: '{"version":1,"enabled":false}', enabled: false },
    { name: 'not JSON', raw: '{version:1', enabled: false, problem: 'INSTRUCTOR_SETTINGS_NOT_JSON' },
    { name: 'a future version', raw: '{"version":2,"enabled":true}', enabled: false, problem: 'INSTRUCTOR_SETTINGS_INVALID' },
    { name: 'a truthy string', raw: '{"version":1,"enabled":"yes"}', enabled: false, problem: 'INSTRUCTOR_SETTINGS_INVALID' },
    { name: 'an extra field', raw: '{"version":1,"enabled":true,"x":1}', enabled: false, problem: 'INSTRUCTOR_SETTINGS_INVALID' },
    { name: 'an array', raw: '[true]', enabled: false, problem: 'INSTRUCTOR_SETTINGS_INVALID' },
    { name: 'null', raw: 'null', enabled: false, problem: 'INSTRUCTOR_SETTINGS_INVALID' },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.enabled ? 'on' : 'off'}`, () => {
      const parsed = parseInstructorSettings(c.raw);
      expect(parsed.settings.enabled).toBe(c.enabled);
      expect(parsed.problem).toBe(c.problem);
    });
  }
});

describe('instructorParameter', () => {
  it.each([
    ['?instructor=on', true],
    ['?instructor=off', false],
    ['?a=1&instructor=on', true],
    ['?instructor=yes', undefined],
    ['?instructor=ON', undefined],
    ['', undefined],
  ])('%s → %s', (search, expected) => expect(instructorParameter(search)).toBe(expected));
});

describe('the switch', () => {
  it('persists under the versioned key and sets the root attribute', () => {
    setInstructorMode(true);
    expect(JSON.parse(localStorage.getItem(INSTRUCTOR_STORAGE_KEY) ?? '')).toEqual({ version: 1, enabled: true });
    expect(isInstructorMode()).toBe(true);
    expect(document.documentElement.getAttribute('data-instructor')).toBe('on');
    setInstructorMode(false);
    expect(isInstructorMode()).toBe(false);
    expect(document.documentElement.hasAttribute('data-instructor')).toBe(false);
  });

  it('follows the URL parameter and keeps it', () => {
    expect(initInstructorMode('?instructor=on')).toBe(true);
    expect(initInstructorMode('')).toBe(true);
    expect(initInstructorMode('?instructor=off')).toBe(false);
    expect(initInstructorMode('')).toBe(false);
  });

  it('corrects a root attribute that a corrupt saved value would not justify', () => {
    localStorage.setItem(INSTRUCTOR_STORAGE_KEY, '{"version":1,"enabled":"true"}');
    document.documentElement.setAttribute('data-instructor', 'on');
    expect(initInstructorMode('')).toBe(false);
    expect(document.documentElement.hasAttribute('data-instructor')).toBe(false);
    expect(readInstructorSettings().problem).toBe('INSTRUCTOR_SETTINGS_INVALID');
  });

  it('tells listeners, through the window event, until they unsubscribe', () => {
    const heard = vi.fn();
    const events: boolean[] = [];
    const onEvent = (e: Event): void => void events.push((e as CustomEvent<{ enabled: boolean }>).detail.enabled);
    window.addEventListener(INSTRUCTOR_MODE_EVENT, onEvent);
    const stop = onInstructorModeChange(heard);
    setInstructorMode(true);
    setInstructorMode(false);
    stop();
    setInstructorMode(true);
    window.removeEventListener(INSTRUCTOR_MODE_EVENT, onEvent);
    expect(heard.mock.calls).toEqual([[true], [false]]);
    expect(events).toEqual([true, false, true]);
  });

  it('hears a change made in another tab (storage event)', () => {
    const heard = vi.fn();
    const stop = onInstructorModeChange(heard);
    localStorage.setItem(INSTRUCTOR_STORAGE_KEY, '{"version":1,"enabled":true}');
    window.dispatchEvent(new StorageEvent('storage', { key: INSTRUCTOR_STORAGE_KEY }));
    stop();
    expect(heard).toHaveBeenCalledWith(true);
    expect(document.documentElement.getAttribute('data-instructor')).toBe('on');
  });
});
