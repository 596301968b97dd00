/**
 * `aws configure set|get|list|list-profiles` over the world's CLI configuration
 * (awscli/customizations/configure/). The interactive `aws configure` prompt is not available in
 * a non-interactive run; `aws configure set` does the same job one value at a time.
 */
import type { CliHost, RunOptions, RunResult } from './host.ts';
import { configOf, implicitCredentials } from './credentials.ts';
import type { GlobalOptions } from './globals.ts';
import { CliFailure } from './messages.ts';
import { setSsoSessionValue, ssoConfigOf } from './sso-config.ts';

const SUBCOMMANDS = ['get', 'list', 'list-profiles', 'set'] as const;

/** Runs `aws configure <words...>`. */
export function runConfigure(host: CliHost, words: readonly string[], globals: GlobalOptions, options: RunOptions): RunResult {
  const [sub, ...args] = words;
  const profile = globals.profile ?? options.env?.AWS_PROFILE ?? 'default';
  const usage = (message: string): never => {
    throw new CliFailure('CONFIGURE_USAGE', { message });
  };
  const profiles = configOf(host).profiles;
  switch (sub) {
    case undefined:
      throw new CliFailure('GENERAL', {
        message:
          'aws configure asks its questions interactively, which this terminal cannot do. Use `aws configure set <name> <value> [--profile <profile>]` for each value instead.',
      });
    case 'set': {
      if (args.length < 2) usage(`the following arguments are required: ${args.length === 0 ? 'varname, value' : 'value'}`);
      if (args.length > 2) usage(`Unknown options: ${args.slice(2).join(', ')}`);
      const [name, value] = args as [string, string];
      // `sso-session.NAME.KEY` writes an `[sso-session NAME]` section (CLI User Guide, "cli-configure-sso").
      const session = /^sso-session\.(.+)\.([^.]+)$/.exec(name);
      if (session) {
        setSsoSessionValue(ssoConfigOf(host), session[1] as string, session[2] as string, value);
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      const [target, key] = splitVarname(name, profile);
      const entry = Object.hasOwn(profiles, target) ? (profiles[target] as Record<string, string>) : {};
      Object.defineProperty(entry, key, { value, enumerable: true, writable: true, configurable: true });
      Object.defineProperty(profiles, target, { value: entry, enumerable: true, writable: true, configurable: true });
      return { exitCode: 0, stdout: '', stderr: '' };
    }
    case 'get': {
      if (args.length < 1) usage('the following arguments are required: varname');
      if (args.length > 1) usage(`Unknown options: ${args.slice(1).join(', ')}`);
      const [target, key] = splitVarname(args[0] as string, profile);
      const entry = Object.hasOwn(profiles, target) ? profiles[target] : undefined;
      let value = entry !== undefined && Object.hasOwn(entry, key) ? entry[key] : undefined;
      if (value === undefined && (key === 'aws_access_key_id' || key === 'aws_secret_access_key') && entry?.role_arn === undefined) {
        // The world's own keys stand in for ~/.aws/credentials (root for default, IAM user NAME for NAME).
        const implicit = implicitCredentials(host, target);
        if (typeof implicit === 'object' && implicit.kind === 'accessKey')
          value = key === 'aws_access_key_id' ? implicit.accessKeyId : implicit.secretAccessKey;
      }
      // `aws configure get` prints nothing and exits 1 when the value is not set.
      return value === undefined ? { exitCode: 1, stdout: '', stderr: '' } : { exitCode: 0, stdout: `${value}\n`, stderr: '' };
    }
    case 'list':
      if (args.length > 0) usage(`Unknown options: ${args.join(', ')}`);
      return { exitCode: 0, stdout: listConfiguration(host, profile, globals, options), stderr: '' };
    case 'list-profiles': {
      const names = new Set(['default', ...Object.keys(profiles)]);
      return { exitCode: 0, stdout: [...names].map((n) => `${n}\n`).join(''), stderr: '' };
    }
    default:
      return usage(
        `argument subcommand: Invalid choice, valid choices are:\n\n${SUBCOMMANDS.map((s) => s.padEnd(40))
          .reduce<string[]>((rows, s, i) => {
            if (i % 2 === 0) rows.push(s);
            else rows[rows.length - 1] += ` | ${s}`;
            return rows;
          }, [])
          .join('\n')}`,
      );
  }
}

/** `region` → [profile, 'region']; `profile.dev.region` → ['dev', 'region']; `default.region` → ['default', 'region']. */
function splitVarname(name: string, profile: string): [string, string] {
  const parts = name.split('.');
  if (parts[0] === 'profile' && parts.length >= 3) return [parts.slice(1, -1).join('.'), parts[parts.length - 1] as string];
  if (parts[0] === 'default' && parts.length === 2) return ['default', parts[1] as string];
  return [profile, name];
}

function row(name: string, value: string, type: string, location: string): string {
  return `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`;
}

function mask(value: string): string {
  return `${'*'.repeat(16)}${value.slice(-4)}`;
}

function listConfiguration(host: CliHost, profile: string, globals: GlobalOptions, options: RunOptions): string {
  const profiles = configOf(host).profiles;
  const entry = Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
  let out = row('Name', 'Value', 'Type', 'Location') + row('----', '-----', '----', '--------');
  if (globals.profile !== undefined) out += row('profile', profile, 'manual', '--profile');
  else if (options.env?.AWS_PROFILE !== undefined) out += row('profile', profile, 'env', "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']");
  else out += row('profile', '<not set>', 'None', 'None');
  let keyId = entry?.aws_access_key_id;
  let secret = entry?.aws_secret_access_key;
  let method = 'shared-credentials-file';
  if (keyId === undefined && entry?.role_arn !== undefined) {
    method = 'assume-role';
  } else if (keyId === undefined) {
    const implicit = implicitCredentials(host, profile);
    if (typeof implicit === 'object' && implicit.kind === 'accessKey') {
      keyId = implicit.accessKeyId;
      secret = implicit.secretAccessKey;
    }
  }
  if (keyId !== undefined && secret !== undefined) {
    out += row('access_key', mask(keyId), method, '') + row('secret_key', mask(secret), method, '');
  } else {
    out += row('access_key', '<not set>', 'None', 'None') + row('secret_key', '<not set>', 'None', 'None');
  }
  const region = globals.region ?? options.env?.AWS_REGION ?? options.env?.AWS_DEFAULT_REGION ?? entry?.region;
  if (region === undefined) out += row('region', '<not set>', 'None', 'None');
  else if (globals.region !== undefined) out += row('region', region, 'manual', '--region');
  else if (entry?.region === region) out += row('region', region, 'config-file', '~/.aws/config');
  else out += row('region', region, 'env', "['AWS_REGION', 'AWS_DEFAULT_REGION']");
  return out;
}
