// Bad command lines never crash and never change the world.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';

const WORDS = [
  'aws',
  'iam',
  'sts',
  's3api',
  'cloudtrail',
  'create-user',
  'delete-user',
  'attach-user-policy',
  'put-user-policy',
  'assume-role',
  'put-bucket-policy',
  '--user-name',
  '--policy-arn',
  '--policy-document',
  '--role-arn',
  '--bucket',
  '--policy',
  '--cli-input-json',
  '--query',
  '--output',
  '--profile',
  'alice',
  'x y',
  '""',
  '\'{"Version":\'',
  '{}',
  '[]',
  'file://nope.json',
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  '--',
  '-',
  '"',
  "'",
  '\\',
  '$(rm -rf /)',
  'null',
];

test('random command lines: an error and exit code, never a crash, never a change', async () => {
  const world = createWorld();
  await world.run('aws iam create-user --user-name alice');
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 8 }),
      async (words) => {
        const line = words.join(' ');
        const before = world.save();
        const r = await world.run(line);
        expect(typeof r.exitCode).toBe('number');
        if (r.exitCode !== 0) {
          const after = world.save();
          expect({ ...after, records: [], idCounter: 0 }).toEqual({ ...before, records: [], idCounter: 0 });
        }
      },
    ),
    { numRuns: 150 },
  );
});
