// Bad command lines for Lambda, EC2, KMS and the terminal's file commands: the CLI's or the service's
// own error and exit code, never an internal error, and a failed line never changes the world.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';

const WORDS = [
  'aws',
  'lambda',
  'ec2',
  'kms',
  'sts',
  'create-function',
  'invoke',
  'add-permission',
  'get-policy',
  'update-function-configuration',
  'run-instances',
  'stop-instances',
  'associate-iam-instance-profile',
  'create-tags',
  'create-key',
  'encrypt',
  'decrypt',
  'put-key-policy',
  'create-grant',
  'schedule-key-deletion',
  'decode-authorization-message',
  '--function-name',
  '--role',
  '--zip-file',
  '--instance-ids',
  '--iam-instance-profile',
  '--dry-run',
  '--key-id',
  '--plaintext',
  '--ciphertext-blob',
  '--policy',
  '--grantee-principal',
  '--operations',
  '--encoded-message',
  '--count',
  'Name=x',
  'fileb://nope',
  'file://nope',
  'fn',
  'i-0123456789abcdef0',
  'alias/x',
  'AAAA',
  '0',
  '2:1',
  'on-instance',
  'cat',
  'rm',
  'echo',
  '>',
  '>>',
  "<<'EOF'",
  'EOF',
  '{}',
  '[]',
  '"',
  "'",
  'arn:aws:iam::123456789012:role/r',
];

test('random Lambda, EC2, KMS and file command lines: an error and exit code, never an internal error, never a change', async () => {
  const world = createWorld({ seed: 'bad-input-services' });
  world.writeFile('code.txt', 'aws sts get-caller-identity\n');
  await world.run('aws iam create-user --user-name alice');
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 }),
      async (words) => {
        const line = words.join(' ');
        const before = world.save();
        const r = await world.run(line);
        expect(typeof r.exitCode).toBe('number');
        expect(r.stderr).not.toMatch(/internal error|TypeError|undefined is not|Cannot read prop/);
        if (r.exitCode !== 0) {
          const after = world.save();
          const strip = (s: typeof after) => ({
            ...s,
            idCounter: 0,
            accounts: Object.fromEntries(Object.entries(s.accounts).map(([id, a]) => [id, { ...a, records: [] }])),
          });
          expect(strip(after)).toEqual(strip(before));
        }
      },
    ),
    { numRuns: 300 },
  );
});
