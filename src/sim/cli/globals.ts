/**
 * The CLI's global options (awscli/data/cli.json), parsed first from anywhere on the line, as the
 * main parser's `parse_known_args` does; the first other word is the command.
 */
import { parseArgs, type ArgSpec } from './argparse.ts';
import { OUTPUT_FORMATS } from './output/index.ts';

/** Global options of one command line. */
export interface GlobalOptions {
  profile?: string;
  region?: string;
  output?: string;
  query?: string;
  version: boolean;
  debug: boolean;
  /** --no-paginate: print the first page only (here: the whole single page, uncut). */
  noPaginate: boolean;
}

const GLOBAL_SPECS: readonly ArgSpec[] = [
  { dest: 'debug', option: '--debug', nargs: 'flag' },
  { dest: 'endpoint_url', option: '--endpoint-url', nargs: 'one' },
  { dest: 'no_verify_ssl', option: '--no-verify-ssl', nargs: 'flag' },
  { dest: 'no_paginate', option: '--no-paginate', nargs: 'flag' },
  { dest: 'output', option: '--output', nargs: 'one', choices: OUTPUT_FORMATS },
  { dest: 'query', option: '--query', nargs: 'one' },
  { dest: 'profile', option: '--profile', nargs: 'one' },
  { dest: 'region', option: '--region', nargs: 'one' },
  { dest: 'version', option: '--version', nargs: 'flag' },
  { dest: 'color', option: '--color', nargs: 'one', choices: ['on', 'off', 'auto'] },
  { dest: 'no_sign_request', option: '--no-sign-request', nargs: 'flag' },
  { dest: 'ca_bundle', option: '--ca-bundle', nargs: 'one' },
  { dest: 'cli_read_timeout', option: '--cli-read-timeout', nargs: 'one' },
  { dest: 'cli_connect_timeout', option: '--cli-connect-timeout', nargs: 'one' },
  { dest: 'cli_binary_format', option: '--cli-binary-format', nargs: 'one', choices: ['base64', 'raw-in-base64-out'] },
  { dest: 'no_cli_pager', option: '--no-cli-pager', nargs: 'flag' },
  { dest: 'cli_auto_prompt', option: '--cli-auto-prompt', nargs: 'flag' },
  { dest: 'no_cli_auto_prompt', option: '--no-cli-auto-prompt', nargs: 'flag' },
];

/** Splits `argv` (without `aws`) into global options, the command, and the remaining words in order. */
export function parseGlobals(argv: readonly string[]): { globals: GlobalOptions; command: string | undefined; rest: string[] } {
  const { values, extras } = parseArgs(argv, [...GLOBAL_SPECS, { dest: 'command', nargs: 'one' }]);
  const str = (key: string): string | undefined => {
    const v = values.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  const globals: GlobalOptions = {
    version: values.get('version') === true,
    debug: values.get('debug') === true,
    noPaginate: values.get('no_paginate') === true,
  };
  const profile = str('profile');
  if (profile !== undefined) globals.profile = profile;
  const region = str('region');
  if (region !== undefined) globals.region = region;
  const output = str('output');
  if (output !== undefined) globals.output = output;
  const query = str('query');
  if (query !== undefined) globals.query = query;
  return { globals, command: str('command'), rest: extras };
}

/** Names of the global options, for completion and help. */
export const GLOBAL_OPTION_NAMES: readonly string[] = GLOBAL_SPECS.map((s) => s.option as string);
