// iam-dojo's own options (node:util parseArgs) and the options it takes out of an aws command
// while leaving every AWS CLI word exactly as given.
import { describe, expect, test } from 'vitest';
import { splitWorldOptions } from '../../../src/cli/aws.ts';
import { parseOptions } from '../../../src/cli/options.ts';
import { UsageError } from '../../../src/cli/outcome.ts';

describe('parseOptions', () => {
  const specs = {
    'cli-input-json': { takesValue: true },
    explain: { takesValue: false },
    expect: { takesValue: true, choices: ['allowed', 'denied'] },
  };

  test('values, flags and positionals', () => {
    const { options, positionals } = parseOptions(
      ['file://p.json', '--cli-input-json=file://r.json', '--explain', '--expect', 'denied'],
      specs,
    );
    expect(Object.fromEntries(options)).toEqual({ 'cli-input-json': 'file://r.json', explain: 'true', expect: 'denied' });
    expect(positionals).toEqual(['file://p.json']);
  });

  test.each([
    [['--frob'], 'unknown option --frob'],
    [['--cli-input-json'], '--cli-input-json needs a value'],
    [['--expect', 'maybe'], '--expect must be one of: allowed, denied (got "maybe")'],
    [['--explain=yes'], '--explain takes no value'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseOptions(argv, specs)).toThrow(new UsageError(message));
  });
});

describe('splitWorldOptions', () => {
  test('takes --world and friends out wherever they stand and keeps the AWS words in order', () => {
    const argv = ['iam', 'create-user', '--world', 'w.json', '--user-name', 'bob', '--mfa-code=123456', '--tags', 'Key=a,Value=b', '-x'];
    const { own, words } = splitWorldOptions(argv);
    expect(Object.fromEntries(own)).toEqual({ world: 'w.json', 'mfa-code': '123456' });
    expect(words).toEqual(['iam', 'create-user', '--user-name', 'bob', '--tags', 'Key=a,Value=b', '-x']);
  });

  test('an own option without a value is a usage error', () => {
    expect(() => splitWorldOptions(['iam', 'list-users', '--world'])).toThrow(new UsageError('--world needs a value'));
  });
});
