// The argparse behaviours the AWS CLI inherits (Python argparse docs: "Argument abbreviations
// (prefix matching)", "nargs", "Arguments containing -") and the CLI's global options.
import { describe, expect, it } from 'vitest';
import { parseArgs, type ArgSpec } from '../../../../src/sim/cli/argparse.ts';
import { parseGlobals } from '../../../../src/sim/cli/globals.ts';
import { CliFailure } from '../../../../src/sim/cli/messages.ts';

const SPECS: ArgSpec[] = [
  { dest: 'path', option: '--path', nargs: 'one' },
  { dest: 'policy', option: '--policy-arn', nargs: 'one' },
  { dest: 'tags', option: '--tags', nargs: 'many' },
  { dest: 'flag', option: '--reset', nargs: 'flag' },
  { dest: 'flag', option: '--no-reset', nargs: 'negFlag' },
  { dest: 'outfile', nargs: 'one' },
];

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliFailure) return error.params.message ?? error.code;
  }
  return 'no error';
}

describe('parseArgs', () => {
  it('collects values, lists, flags and positionals', () => {
    const { values, extras } = parseArgs(['--path', '/a/', '--tags', 'x', 'y', '--reset', 'out.txt', 'extra'], SPECS);
    expect(Object.fromEntries(values)).toEqual({ path: '/a/', tags: ['x', 'y'], flag: true, outfile: 'out.txt' });
    expect(extras).toEqual(['extra']);
  });
  it('a negative number is a value, not an option', () => {
    expect(parseArgs(['--path', '-5'], SPECS).values.get('path')).toBe('-5');
  });
  it('the last --reset / --no-reset wins', () => {
    expect(parseArgs(['--reset', '--no-reset'], SPECS).values.get('flag')).toBe(false);
  });
  it('-- ends the options', () => {
    expect(parseArgs(['--', '--path'], SPECS).values.get('outfile')).toBe('--path');
  });
  it('an ambiguous prefix is an error naming the candidates', () => {
    expect(message(() => parseArgs(['--p', 'x'], SPECS))).toBe('ambiguous option: --p could match --path, --policy-arn');
  });
  it('a flag given a value is refused', () => {
    expect(message(() => parseArgs(['--reset=yes'], SPECS))).toBe("argument --reset: ignored explicit argument 'yes'");
  });
  it('an option followed by another option has no value', () => {
    expect(message(() => parseArgs(['--path', '--reset'], SPECS))).toBe('argument --path: expected one argument');
  });
});

describe('parseGlobals', () => {
  it('takes global options anywhere and keeps the rest in order', () => {
    const { globals, command, rest } = parseGlobals([
      '--profile',
      'a',
      'iam',
      'create-user',
      '--output',
      'text',
      '--user-name',
      'bob',
      '--region=eu-west-1',
    ]);
    expect(command).toBe('iam');
    expect(globals).toMatchObject({ profile: 'a', output: 'text', region: 'eu-west-1' });
    expect(rest).toEqual(['create-user', '--user-name', 'bob']);
  });
  it('--no-cli-pager, --debug and --color are accepted', () => {
    expect(parseGlobals(['iam', 'list-users', '--no-cli-pager', '--debug', '--color', 'off']).rest).toEqual(['list-users']);
  });
});
