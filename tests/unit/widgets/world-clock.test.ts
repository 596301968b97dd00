// Learners review, part 2 polish: a link with 2000 clock moves took the world to year 22067, and the
// MFA widget's "world clock" showed "24T09:00" because it sliced the ISO string by position.
import { describe, expect, test } from 'vitest';
import { clockTime } from '../../../src/widgets/world-clock.ts';

describe('clockTime', () => {
  test('a year with four digits', () => {
    expect(clockTime(Date.parse('2026-12-01T18:31:43Z'))).toBe('18:31:43');
  });

  test('a year past 9999 (six-digit ISO year) still shows the time of day', () => {
    const far = Date.parse('+022067-08-24T09:00:05Z');
    expect(new Date(far).toISOString().slice(11, 19)).not.toBe('09:00:05');
    expect(clockTime(far)).toBe('09:00:05');
  });
});
