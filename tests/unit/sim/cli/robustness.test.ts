// Bad input (unknown commands, missing or malformed arguments, hostile JSON) gets the CLI's error
// and exit code, never a crash, and never changes the world.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { FakeHost } from './fake-host.ts';

const EXIT_CODES = new Set([0, 1, 2, 127, 252, 253, 254, 255]);
const WORDS = [
  'aws',
  'iam',
  's3api',
  'sts',
  'create-user',
  'tag-user',
  'get-object',
  '--user-name',
  '--tags',
  '--output',
  'table',
  '--query',
  "'",
  '"',
  '\\',
  'Key=a',
  'Key=',
  '[',
  '{',
  '}',
  'file://x',
  '--cli-input-json',
  'help',
  '--no-x',
  '=',
  '--',
  '-1',
];

describe('robustness', () => {
  it('any line gives a result with a known exit code, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 12 }), async (parts) => {
        const host = new FakeHost();
        const result = await runCommandLine(host, parts.join(' '));
        expect(EXIT_CODES.has(result.exitCode)).toBe(true);
        expect(typeof result.stdout).toBe('string');
        expect(typeof result.stderr).toBe('string');
        if (result.exitCode !== 0 && result.exitCode !== 254) expect(host.requests).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('deeply nested JSON is refused without a stack overflow', async () => {
    const host = new FakeHost();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await runCommandLine(host, `aws iam tag-user --user-name a --tags '${deep}'`);
    expect(result.exitCode).toBe(252);
    expect(host.requests).toEqual([]);
  });

  it('a huge shorthand value is handled in linear time', async () => {
    const host = new FakeHost();
    const started = Date.now();
    const result = await runCommandLine(host, `aws iam tag-user --user-name a --tags Key=${'k,'.repeat(50_000)}`);
    expect(result.exitCode).toBe(252);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('__proto__ keys stay plain data', async () => {
    const host = new FakeHost();
    const result = await runCommandLine(
      host,
      `aws iam tag-user --user-name a --tags '[{"__proto__": {"x": 1}, "Key": "k", "Value": "v"}]'`,
    );
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('Unknown parameter in Tags[0]: "__proto__"');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
