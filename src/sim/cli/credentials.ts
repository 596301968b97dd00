/**
 * Which credentials a command signs with, following the CLI's credential chain as far as the
 * simulation has one: the profile's own keys (`aws_access_key_id` ...), an assumed role
 * (`role_arn` + `source_profile`, with `mfa_serial`), a web identity role (`role_arn` +
 * `web_identity_token_file`: AssumeRoleWithWebIdentity, unsigned), or the world's implicit keys — the root
 * user for `default`, IAM user NAME for `--profile NAME`. Role credentials are cached like
 * ~/.aws/cli/cache and reused until they are about to expire.
 * (CLI user guide: "Configuration and credential file settings", "Use an IAM role in the AWS CLI".)
 */
import type { Credentials, ServiceError } from '../services/contract.ts';
import type { CachedCredentials, CliConfigWithCache, CliHost, RunOptions } from './host.ts';
import { CliFailure } from './messages.ts';
import { isSsoProfile } from './sso-config.ts';
import { ssoProfileCredentials } from './sso-credentials.ts';

/** A service error raised while getting credentials (e.g. AssumeRole denied): printed like any service error. */
export class CredentialServiceError extends Error {
  readonly operation: string;
  readonly error: ServiceError;
  /** @param operation the STS operation that failed. */
  constructor(operation: string, error: ServiceError) {
    super(error.message);
    this.operation = operation;
    this.error = error;
    this.name = 'CredentialServiceError';
  }
}

/** Thrown when a role profile needs an MFA code and the run has none. */
export class MfaCodeNeeded extends Error {
  readonly serialNumber: string;
  readonly profile: string;
  /** @param serialNumber the profile's mfa_serial. */
  constructor(serialNumber: string, profile: string) {
    super('MFA code needed');
    this.serialNumber = serialNumber;
    this.profile = profile;
    this.name = 'MfaCodeNeeded';
  }
}

/** botocore refreshes assumed-role credentials this long before they expire (15 minutes). */
const REFRESH_MARGIN_MS = 15 * 60 * 1000;

/** The CLI config of a host, created when absent. */
export function configOf(host: CliHost): CliConfigWithCache {
  host.cliConfig ??= { profiles: {} };
  return host.cliConfig;
}

/** Resolves the credentials of `profile`; `depth` guards source_profile loops. */
export async function resolveCredentials(host: CliHost, profile: string, options: RunOptions, depth = 0): Promise<Credentials> {
  const settings = Object.hasOwn(configOf(host).profiles, profile) ? configOf(host).profiles[profile] : undefined;
  if (settings !== undefined) {
    const keyId = settings.aws_access_key_id;
    const secret = settings.aws_secret_access_key;
    if (keyId !== undefined || secret !== undefined) {
      if (keyId === undefined || secret === undefined) {
        throw new CliFailure('PARTIAL_CREDENTIALS', {
          provider: 'shared-credentials-file',
          missing: keyId === undefined ? 'aws_access_key_id' : 'aws_secret_access_key',
        });
      }
      const token = settings.aws_session_token;
      return { kind: 'accessKey', accessKeyId: keyId, secretAccessKey: secret, ...(token !== undefined ? { sessionToken: token } : {}) };
    }
    // botocore reads role_arn + web_identity_token_file as web identity before it looks for a source_profile.
    if (settings.role_arn !== undefined && settings.web_identity_token_file !== undefined)
      return webIdentityProfile(host, profile, settings, options);
    if (settings.role_arn !== undefined) return assumeRoleProfile(host, profile, settings, options, depth);
    if (isSsoProfile(settings)) return ssoProfileCredentials(host, profile, settings, options);
  }
  const implicit = implicitCredentials(host, profile);
  if (typeof implicit === 'object') return implicit;
  if (settings === undefined && implicit !== 'NO_ACCESS_KEY') throw new CliFailure('PROFILE_NOT_FOUND', { profile });
  throw new CliFailure('NO_CREDENTIALS', {});
}

/** The world's own keys for a profile: root for `default`, else the IAM user of that name. */
export function implicitCredentials(host: CliHost, profile: string): Credentials | 'NO_SUCH_USER' | 'NO_ACCESS_KEY' {
  if (profile === 'default') return host.rootCredentials?.() ?? 'NO_ACCESS_KEY';
  const lookup = host.lookupUserCredentials?.(profile);
  if (lookup === undefined) return 'NO_SUCH_USER';
  return lookup.ok ? lookup.credentials : lookup.reason;
}

async function assumeRoleProfile(
  host: CliHost,
  profile: string,
  settings: Record<string, string>,
  options: RunOptions,
  depth: number,
): Promise<Credentials> {
  const roleArn = settings.role_arn as string;
  const source = settings.source_profile;
  if (source === undefined) {
    throw new CliFailure('GENERAL', {
      message: `The source_profile "None" referenced in the profile "${profile}" does not exist.`,
    });
  }
  if (depth > 5 || (source === profile && settings.aws_access_key_id === undefined)) {
    throw new CliFailure('GENERAL', {
      message: `Infinite loop in credential configuration detected. Attempting to load from profile ${profile} which has already been visited. Visited profiles: ${profile}`,
    });
  }
  const now = nowMs(host);
  const cacheKey = JSON.stringify([profile, roleArn, settings.role_session_name ?? '', settings.mfa_serial ?? '']);
  const config = configOf(host);
  const cached = freshCachedCredentials(config, cacheKey, now);
  if (cached !== undefined) return cached;
  const sourceCredentials = await resolveCredentials(host, source, options, depth + 1);
  const params: Record<string, unknown> = {
    RoleArn: roleArn,
    // botocore names sessions `botocore-session-<epoch seconds>` unless role_session_name is set.
    RoleSessionName: settings.role_session_name ?? `botocore-session-${Math.floor(now / 1000)}`,
  };
  if (settings.duration_seconds !== undefined) params.DurationSeconds = Number(settings.duration_seconds);
  if (settings.external_id !== undefined) params.ExternalId = settings.external_id;
  if (settings.mfa_serial !== undefined) {
    if (options.mfaCode === undefined) throw new MfaCodeNeeded(settings.mfa_serial, profile);
    params.SerialNumber = settings.mfa_serial;
    params.TokenCode = options.mfaCode;
  }
  const response = await host.invoke({
    service: 'sts',
    operation: 'AssumeRole',
    params,
    credentials: sourceCredentials,
    region: settings.region ?? 'us-east-1',
    ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
  if (!response.ok) throw new CredentialServiceError('AssumeRole', response.error);
  return cacheCredentials(config, cacheKey, stsCredentials('AssumeRole', response.output, now));
}

/**
 * `role_arn` + `web_identity_token_file` (+ `role_session_name`), from a profile or from
 * AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE / AWS_ROLE_SESSION_NAME: AssumeRoleWithWebIdentity with the
 * token the file holds, sent unsigned (CLI User Guide, "Assume a role with web identity"). Cached like
 * role credentials; a refreshed token file is read again once they near expiry.
 */
export async function webIdentityProfile(
  host: CliHost,
  profile: string,
  settings: Record<string, string>,
  options: RunOptions,
): Promise<Credentials> {
  const roleArn = settings.role_arn as string;
  const file = settings.web_identity_token_file as string;
  const now = nowMs(host);
  const cacheKey = JSON.stringify([profile, roleArn, settings.role_session_name ?? '', `web_identity_token_file=${file}`]);
  const config = configOf(host);
  const cached = freshCachedCredentials(config, cacheKey, now);
  if (cached !== undefined) return cached;
  const content = host.readFile(file);
  if (content === undefined) throw new CliFailure('GENERAL', { message: `[Errno 2] No such file or directory: '${file}'` });
  const token = (typeof content === 'string' ? content : new TextDecoder().decode(content)).trim();
  const response = await host.invoke({
    service: 'sts',
    operation: 'AssumeRoleWithWebIdentity',
    params: {
      RoleArn: roleArn,
      RoleSessionName: settings.role_session_name ?? `botocore-session-${Math.floor(now / 1000)}`,
      WebIdentityToken: token,
      ...(settings.duration_seconds !== undefined ? { DurationSeconds: Number(settings.duration_seconds) } : {}),
    },
    credentials: { kind: 'anonymous' },
    region: settings.region ?? 'us-east-1',
    ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
  if (!response.ok) throw new CredentialServiceError('AssumeRoleWithWebIdentity', response.error);
  return cacheCredentials(config, cacheKey, stsCredentials('AssumeRoleWithWebIdentity', response.output, now));
}

/** Credentials cached under `key` that are not about to expire (the CLI refreshes them 15 minutes early). */
export function freshCachedCredentials(
  config: { cache?: Record<string, CachedCredentials> },
  key: string,
  now: number,
): Credentials | undefined {
  const cached = config.cache?.[key];
  if (cached === undefined || Date.parse(cached.Expiration) - now <= REFRESH_MARGIN_MS) return undefined;
  return { kind: 'accessKey', accessKeyId: cached.AccessKeyId, secretAccessKey: cached.SecretAccessKey, sessionToken: cached.SessionToken };
}

/** Caches `entry` under `key` and answers it as the credentials of the command. */
export function cacheCredentials(
  config: { cache?: Record<string, CachedCredentials> },
  key: string,
  entry: CachedCredentials,
): Credentials {
  config.cache = { ...(config.cache ?? {}), [key]: entry };
  return { kind: 'accessKey', accessKeyId: entry.AccessKeyId, secretAccessKey: entry.SecretAccessKey, sessionToken: entry.SessionToken };
}

/** The Credentials member of an STS answer, ready to cache (one hour when it has no Expiration). */
function stsCredentials(operation: string, output: unknown, now: number): CachedCredentials {
  const creds = (output as { Credentials?: Partial<CachedCredentials> }).Credentials;
  if (creds?.AccessKeyId === undefined || creds.SecretAccessKey === undefined || creds.SessionToken === undefined) {
    throw new CliFailure('GENERAL', { message: `${operation} returned no credentials` });
  }
  return {
    AccessKeyId: creds.AccessKeyId,
    SecretAccessKey: creds.SecretAccessKey,
    SessionToken: creds.SessionToken,
    Expiration: String(creds.Expiration ?? new Date(now + 3600_000).toISOString()),
  };
}

/** The host's clock in epoch milliseconds. */
export function nowMs(host: CliHost): number {
  const value = host.clock.now();
  return value instanceof Date ? value.getTime() : value;
}
