// @vitest-environment happy-dom
/** "Reset all progress on this machine" removes every IAM Dojo key but the instructor switch, and nothing else. */
import { afterEach, expect, it, vi } from 'vitest';
import { PROGRESS_RESET_EVENT, resetAllProgress, resettableKeys } from '../../../src/instructor/reset.ts';
import { INSTRUCTOR_STORAGE_KEY } from '../../../src/instructor/settings.ts';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

it('removes every iam-dojo key of every version, in both storages, and keeps everything else', () => {
  localStorage.setItem('iam-dojo:v1:world:/lessons/02/:lesson-02', '{}');
  localStorage.setItem('iam-dojo:v1:progress', '{}');
  localStorage.setItem('iam-dojo:v1:world:x:corrupt', 'garbage');
  localStorage.setItem('iam-dojo:v0:old', '1');
  localStorage.setItem(INSTRUCTOR_STORAGE_KEY, '{"version":1,"enabled":true}');
  localStorage.setItem('starlight-theme', 'dark');
  localStorage.setItem('other-site', 'keep');
  sessionStorage.setItem('iam-dojo:v1:draft', 'x');
  const heard = vi.fn();
  window.addEventListener(PROGRESS_RESET_EVENT, heard);
  expect(resettableKeys(localStorage).sort()).toEqual([
    'iam-dojo:v0:old',
    'iam-dojo:v1:progress',
    'iam-dojo:v1:world:/lessons/02/:lesson-02',
    'iam-dojo:v1:world:x:corrupt',
  ]);
  expect(resetAllProgress()).toBe(5);
  window.removeEventListener(PROGRESS_RESET_EVENT, heard);
  expect(heard).toHaveBeenCalledOnce();
  expect((heard.mock.calls[0]?.[0] as CustomEvent).detail).toEqual({ removed: 5 });
  const left = Object.keys(localStorage).sort();
  expect(left).toEqual([INSTRUCTOR_STORAGE_KEY, 'other-site', 'starlight-theme'].sort());
  expect(sessionStorage.length).toBe(0);
});

it('answers 0 when nothing was saved', () => {
  expect(resetAllProgress()).toBe(0);
});
