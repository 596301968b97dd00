/**
 * Credentials of an Identity Center profile (botocore's SSOProvider; CLI User Guide, "Configuring
 * IAM Identity Center authentication with the AWS CLI"): the cached access token of the profile's
 * sso-session (or legacy start URL) is exchanged with the portal's GetRoleCredentials for the role
 * session of `sso_role_name` in `sso_account_id`; the role credentials are cached until they are
 * about to expire. Without a valid token the CLI tells the learner to run `aws sso login`.
 */
import type { Credentials } from '../services/contract.ts';
import type { CliHost, RunOptions } from './host.ts';
import { cacheCredentials, CredentialServiceError, freshCachedCredentials, nowMs } from './credentials.ts';
import { CliFailure } from './messages.ts';
import { ssoConfigOf, ssoTargetOfProfile } from './sso-config.ts';

/** The role credentials of an Identity Center profile. */
export async function ssoProfileCredentials(
  host: CliHost,
  profile: string,
  settings: Readonly<Record<string, string>>,
  options: RunOptions,
): Promise<Credentials> {
  const target = ssoTargetOfProfile(host, profile, settings);
  const accountId = settings['sso_account_id'];
  const roleName = settings['sso_role_name'];
  if (accountId === undefined || roleName === undefined)
    throw new CliFailure('GENERAL', {
      message: `Missing the following required SSO configuration values: ${[accountId === undefined ? 'sso_account_id' : '', roleName === undefined ? 'sso_role_name' : ''].filter(Boolean).join(', ')}. To make sure this profile is properly configured to use SSO, please run: aws configure sso --profile ${profile}`,
    });
  const config = ssoConfigOf(host);
  const now = nowMs(host);
  const token = config.ssoTokens?.[target.key];
  // botocore's messages for a missing token and an expired one (botocore/utils.py SSOTokenLoader, botocore/tokens.py).
  if (token === undefined) throw new CliFailure('GENERAL', { message: `Error loading SSO Token: Token for ${target.key} does not exist` });
  if (token.expiresAt <= now)
    throw new CliFailure('GENERAL', { message: 'Error when retrieving token from sso: Token has expired and refresh failed' });
  const cacheKey = JSON.stringify(['sso', target.key, accountId, roleName]);
  const cached = freshCachedCredentials(config, cacheKey, now);
  if (cached !== undefined) return cached;
  const response = await host.invoke({
    service: 'sso',
    operation: 'GetRoleCredentials',
    params: { roleName, accountId, accessToken: token.accessToken },
    credentials: { kind: 'anonymous' },
    region: target.region,
    ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
  if (!response.ok) {
    if (response.error.code === 'UnauthorizedException')
      throw new CliFailure('GENERAL', {
        message:
          'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      });
    throw new CredentialServiceError('GetRoleCredentials', response.error);
  }
  const rc = response.output['roleCredentials'] as {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    expiration: number;
  };
  return cacheCredentials(config, cacheKey, {
    AccessKeyId: rc.accessKeyId,
    SecretAccessKey: rc.secretAccessKey,
    SessionToken: rc.sessionToken,
    Expiration: new Date(rc.expiration).toISOString(),
  });
}
