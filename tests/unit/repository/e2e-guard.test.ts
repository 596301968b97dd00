/**
 * The e2e offline guard's pattern (tests/e2e/off-origin.ts): every request off the site's origin
 * matches, nothing on it does — including look-alike hosts and ports that only start like it.
 */
import { expect, it } from 'vitest';
import { offOrigin } from '../../e2e/off-origin.ts';

const pattern = offOrigin('http://127.0.0.1:4322');

it.each([
  'https://example.com/',
  'HTTP://EXAMPLE.COM/x',
  'http://127.0.0.1:43220/',
  'http://127.0.0.1:4322.evil.example/',
  'http://localhost:4322/',
  'wss://room.example/',
])('%s leaves the origin', (url) => {
  expect(pattern.test(url)).toBe(true);
});

it.each([
  'http://127.0.0.1:4322',
  'http://127.0.0.1:4322/',
  'http://127.0.0.1:4322/_astro/page.js',
  'http://127.0.0.1:4322?q=1',
  'http://127.0.0.1:4322#world=x',
  'blob:http://127.0.0.1:4322/0b6a',
  'data:text/plain,hi',
])('%s stays on it', (url) => {
  expect(pattern.test(url)).toBe(false);
});
