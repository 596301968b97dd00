/**
 * `aws sso login` and `aws sso logout` (AWS CLI Command Reference, "sso login" / "sso logout";
 * CLI User Guide, "Configuring IAM Identity Center authentication with the AWS CLI"). Login runs the
 * OIDC device authorization flow: RegisterClient, StartDeviceAuthorization, then CreateToken until
 * the user approves the code in the AWS access portal. The real CLI waits, polling; a simulated
 * terminal runs one command at a time and the approval happens in the same world, so the first run
 * prints the URL and code (as `--no-browser` does: there is no browser to open) and the login waits
 * in the CLI's configuration; running `aws sso login` again once approved finishes it. Logout calls
 * the portal's Logout for each cached token and removes the tokens and cached role credentials.
 */
import type { ServiceResponse } from '../services/contract.ts';
import type { GlobalOptions } from './globals.ts';
import type { CliHost, RunOptions, RunResult } from './host.ts';
import { configOf, nowMs } from './credentials.ts';
import { CliFailure, renderServiceError, EXIT } from './messages.ts';
import { ssoConfigOf, ssoTargetOfProfile, ssoTargetOfSession, type SsoTarget } from './sso-config.ts';

/** Runs `aws sso login|logout ...`; undefined when the words are another `sso` command (an API operation). */
export async function runSsoCommand(
  host: CliHost,
  words: readonly string[],
  globals: GlobalOptions,
  options: RunOptions,
): Promise<RunResult | undefined> {
  const [sub, ...args] = words;
  if (sub === 'login') return login(host, args, globals, options);
  if (sub === 'logout') return logout(host, args, options);
  return undefined;
}

function targetFor(host: CliHost, args: readonly string[], globals: GlobalOptions, options: RunOptions): SsoTarget {
  const i = args.indexOf('--sso-session');
  if (i >= 0) {
    const name = args[i + 1];
    if (name === undefined) throw new CliFailure('ARGPARSE', { message: 'argument --sso-session: expected one argument' });
    return ssoTargetOfSession(host, name);
  }
  const unknown = args.filter((a) => a.startsWith('--') && !['--no-browser', '--use-device-code'].includes(a));
  if (unknown.length) throw new CliFailure('UNKNOWN_OPTIONS', { options: unknown.join(', ') });
  const profile = globals.profile ?? options.env?.AWS_PROFILE ?? options.env?.AWS_DEFAULT_PROFILE ?? 'default';
  const profiles = configOf(host).profiles;
  const settings = Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
  if (settings === undefined) throw new CliFailure('PROFILE_NOT_FOUND', { profile });
  return ssoTargetOfProfile(host, profile, settings);
}

async function call(
  host: CliHost,
  service: string,
  operation: string,
  params: Record<string, unknown>,
  region: string,
  options: RunOptions,
): Promise<ServiceResponse> {
  return host.invoke({
    service,
    operation,
    params,
    credentials: { kind: 'anonymous' },
    region,
    ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
}

function failed(response: ServiceResponse & { ok: false }, operation: string): RunResult {
  return { exitCode: EXIT.CLIENT_ERROR, stdout: '', stderr: renderServiceError(response.error.code, operation, response.error.message) };
}

async function login(host: CliHost, args: readonly string[], globals: GlobalOptions, options: RunOptions): Promise<RunResult> {
  const target = targetFor(host, args, globals, options);
  const config = ssoConfigOf(host);
  const now = nowMs(host);
  let pending = config.ssoPending?.[target.key];
  if (pending !== undefined && (pending.expiresAt <= now || pending.startUrl !== target.startUrl)) pending = undefined;
  if (pending === undefined) {
    const registered = await call(
      host,
      'sso-oidc',
      'RegisterClient',
      { clientName: `botocore-client-${target.key}`, clientType: 'public' },
      target.region,
      options,
    );
    if (!registered.ok) return failed(registered, 'RegisterClient');
    const clientId = String(registered.output['clientId']);
    const clientSecret = String(registered.output['clientSecret']);
    const started = await call(
      host,
      'sso-oidc',
      'StartDeviceAuthorization',
      { clientId, clientSecret, startUrl: target.startUrl },
      target.region,
      options,
    );
    if (!started.ok) return failed(started, 'StartDeviceAuthorization');
    pending = {
      startUrl: target.startUrl,
      region: target.region,
      clientId,
      clientSecret,
      deviceCode: String(started.output['deviceCode']),
      userCode: String(started.output['userCode']),
      verificationUri: String(started.output['verificationUri']),
      verificationUriComplete: String(started.output['verificationUriComplete']),
      expiresAt: now + Number(started.output['expiresIn']) * 1000,
    };
    config.ssoPending = { ...(config.ssoPending ?? {}), [target.key]: pending };
    return { exitCode: 0, stdout: prompt(pending) + WAIT_NOTE, stderr: '' };
  }
  const token = await call(
    host,
    'sso-oidc',
    'CreateToken',
    {
      clientId: pending.clientId,
      clientSecret: pending.clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: pending.deviceCode,
    },
    target.region,
    options,
  );
  if (!token.ok) {
    if (token.error.code === 'AuthorizationPendingException') return { exitCode: 0, stdout: prompt(pending) + WAIT_NOTE, stderr: '' };
    delete config.ssoPending?.[target.key];
    return failed(token, 'CreateToken');
  }
  delete config.ssoPending?.[target.key];
  config.ssoTokens = {
    ...(config.ssoTokens ?? {}),
    [target.key]: {
      startUrl: target.startUrl,
      region: target.region,
      accessToken: String(token.output['accessToken']),
      expiresAt: now + Number(token.output['expiresIn']) * 1000,
    },
  };
  return { exitCode: 0, stdout: `Successfully logged into Start URL: ${target.startUrl}\n`, stderr: '' };
}

/** What the CLI prints with `--no-browser` (awscli/customizations/sso/utils.py). */
function prompt(p: { verificationUri: string; userCode: string; verificationUriComplete: string }): string {
  return (
    'Browser will not be automatically opened.\nPlease visit the following URL:\n\n' +
    `${p.verificationUri}\n\nThen enter the code:\n\n${p.userCode}\n\n` +
    `Alternatively, you may visit the following URL which will autofill the code upon loading:\n${p.verificationUriComplete}\n`
  );
}

const WAIT_NOTE =
  '\n[simulator] The real CLI waits here until you approve. Approve the code in the AWS access portal ("Authorize request"), then run this aws sso login again to finish.\n';

async function logout(host: CliHost, args: readonly string[], options: RunOptions): Promise<RunResult> {
  if (args.length > 0) throw new CliFailure('UNKNOWN_OPTIONS', { options: args.join(', ') });
  const config = ssoConfigOf(host);
  for (const token of Object.values(config.ssoTokens ?? {}))
    await call(host, 'sso', 'Logout', { accessToken: token.accessToken }, token.region, options);
  config.ssoTokens = {};
  config.ssoPending = {};
  // Logout also removes the role credentials cached from the portal (CLI reference, "sso logout").
  for (const key of Object.keys(config.cache ?? {})) if (key.startsWith('["sso"')) delete config.cache?.[key];
  return { exitCode: 0, stdout: '', stderr: '' };
}
