/**
 * The CLI's IAM Identity Center configuration (AWS CLI User Guide, "Configuring IAM Identity Center
 * authentication with the AWS CLI", https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html):
 * `[sso-session NAME]` sections (sso_start_url, sso_region, sso_registration_scopes) and profiles with
 * `sso_session` (or the legacy `sso_start_url` + `sso_region` in the profile), `sso_account_id`,
 * `sso_role_name`. The token cache (~/.aws/sso/cache) and a login waiting for approval are kept
 * with the world's CLI configuration.
 */
import type { CliConfigWithCache, CliHost } from './host.ts';
import { configOf } from './credentials.ts';
import { CliFailure } from './messages.ts';

/** A cached access token (like ~/.aws/sso/cache/<sha1>.json). */
export interface SsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** A device authorization `aws sso login` started and is waiting on. */
export interface SsoPendingLogin {
  startUrl: string;
  region: string;
  clientId: string;
  clientSecret: string;
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** The CLI configuration with its Identity Center parts. */
export interface SsoCliConfig extends CliConfigWithCache {
  /** `[sso-session NAME]` sections. */
  ssoSessions?: Record<string, Record<string, string>>;
  /** Token cache key (the sso-session name, or the start URL of a legacy profile) → token. */
  ssoTokens?: Record<string, SsoToken>;
  /** Token cache key → the login waiting for approval. */
  ssoPending?: Record<string, SsoPendingLogin>;
}

/** Where a profile's (or session's) Identity Center sign-in lives. */
export interface SsoTarget {
  /** Token cache key: the sso-session name, or the start URL for a legacy profile. */
  key: string;
  /** The sso-session name, when there is one. */
  session?: string;
  startUrl: string;
  region: string;
}

/** The config with its Identity Center parts. */
export function ssoConfigOf(host: CliHost): SsoCliConfig {
  return configOf(host) as SsoCliConfig;
}

/** An `[sso-session NAME]` section, or undefined. */
export function ssoSession(host: CliHost, name: string): Record<string, string> | undefined {
  const sessions = ssoConfigOf(host).ssoSessions ?? {};
  return Object.hasOwn(sessions, name) ? sessions[name] : undefined;
}

/** Whether a profile's settings make it an Identity Center profile. */
export function isSsoProfile(settings: Readonly<Record<string, string>>): boolean {
  return settings['sso_session'] !== undefined || settings['sso_start_url'] !== undefined;
}

/** The sign-in target of a profile (`aws sso login --profile P`, or resolving its credentials). */
export function ssoTargetOfProfile(host: CliHost, profile: string, settings: Readonly<Record<string, string>>): SsoTarget {
  const sessionName = settings['sso_session'];
  if (sessionName !== undefined) return ssoTargetOfSession(host, sessionName);
  const startUrl = settings['sso_start_url'];
  const region = settings['sso_region'];
  if (startUrl === undefined || region === undefined)
    throw new CliFailure('GENERAL', {
      message: `Missing the following required SSO configuration values: ${[startUrl === undefined ? 'sso_start_url' : '', region === undefined ? 'sso_region' : ''].filter(Boolean).join(', ')}. To make sure this profile is properly configured to use SSO, please run: aws configure sso --profile ${profile}`,
    });
  return { key: startUrl, startUrl, region };
}

/** The sign-in target of an `[sso-session NAME]` section. */
export function ssoTargetOfSession(host: CliHost, name: string): SsoTarget {
  const section = ssoSession(host, name);
  if (section === undefined) throw new CliFailure('GENERAL', { message: `The specified sso-session does not exist: "${name}"` });
  const startUrl = section['sso_start_url'];
  const region = section['sso_region'];
  if (startUrl === undefined || region === undefined)
    throw new CliFailure('GENERAL', {
      message: `Missing the following required SSO configuration values: ${[startUrl === undefined ? 'sso_start_url' : '', region === undefined ? 'sso_region' : ''].filter(Boolean).join(', ')}. To make sure this profile is properly configured to use SSO, please run: aws configure sso`,
    });
  return { key: name, session: name, startUrl, region };
}

/** Stores a value of an `[sso-session NAME]` section (`aws configure set sso-session.NAME.KEY VALUE`). */
export function setSsoSessionValue(config: SsoCliConfig, name: string, key: string, value: string): void {
  const sessions = (config.ssoSessions ??= {});
  const section = Object.hasOwn(sessions, name) ? (sessions[name] as Record<string, string>) : {};
  Object.defineProperty(section, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(sessions, name, { value: section, enumerable: true, writable: true, configurable: true });
}
