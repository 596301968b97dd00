/**
 * STS AssumeRoleWithWebIdentity (STS API Reference,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html): an
 * unsigned call — the web identity token is the only credential. STS checks the token (a JWT signed
 * by its issuer, not expired), finds the IAM OIDC provider registered for its `iss`, requires its
 * audience to be one of the provider's client IDs, then lets the role's trust policy decide with the
 * provider's condition keys (`<provider>:aud`, `<provider>:sub`, `<provider>:amr`; IAM User Guide,
 * "Available keys for AWS OIDC federation",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
 */
import type { ContextValue, PolicySource } from '../../evaluate/types.ts';
import type { Caller } from '../../world/caller.ts';
import { nameKey, own, type AccountState, type WorldState } from '../../world/state.ts';
import { checkTokenSignature } from '../../idp/issuers.ts';
import { decodeJwt, type JwtClaims } from '../../idp/jwt.ts';
import type { ServiceError } from '../contract.ts';
import { fault, validationMessage, type ServiceFault } from '../errors.ts';
import { oidcProviderArn, oidcProviderForIssuer } from '../iam/oidc-providers.ts';
import { optList, optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { resourceTagContext } from '../request-context.ts';
import { credentialsOut, credentialsTrail, issueSession, requireSessionPolicy } from './operations.ts';

/** The operation, registered in definition.ts. */
export const ASSUME_ROLE_WITH_WEB_IDENTITY: OperationDefinition = { handler: assumeRoleWithWebIdentity, readOnly: true, unsigned };

/** The errors STS answers for tokens, with AWS's words (codes from the STS API Reference "Errors" list). */
const TOKEN_ERRORS = {
  NOT_A_JWT: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
  NO_KEY:
    "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  BAD_SIGNATURE:
    'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
  AUDIENCE: 'Incorrect token audience',
} as const;

const invalidIdentityToken = (message: string): ServiceFault => fault('InvalidIdentityToken', message, 400);

function noProvider(iss: string): string {
  return `No OpenIDConnect provider found in your account for ${iss}`;
}

/** The unsigned caller: the role's account receives the call; the token (not yet verified) names the caller. */
function unsigned(
  params: Readonly<Record<string, unknown>>,
  world: WorldState,
): { account: AccountState; caller: Caller } | { error: ServiceError } {
  const roleArn = typeof params['RoleArn'] === 'string' ? params['RoleArn'] : '';
  const token = typeof params['WebIdentityToken'] === 'string' ? decodeJwt(params['WebIdentityToken']) : undefined;
  const accountId = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? '';
  const account = own(world.accounts, accountId);
  const iss = typeof token?.claims.iss === 'string' ? token.claims.iss : '';
  // No account of that id in the world: it has no provider either, so the token cannot be accepted.
  if (!account) return { error: invalidIdentityToken(token ? noProvider(iss) : TOKEN_ERRORS.NOT_A_JWT).error };
  const caller: Caller = { type: 'WebIdentityUser', arn: '', principalId: '', accountId: '', accessKeyId: '' };
  if (!token) return { account, caller };
  const providerArn = oidcProviderForIssuer(account, iss)?.arn ?? oidcProviderArn(account.accountId, iss);
  const sub = typeof token.claims.sub === 'string' ? token.claims.sub : '';
  return {
    account,
    caller: {
      ...caller,
      arn: providerArn,
      // CloudTrail names a web identity caller provider:audience:subject (CloudTrail User Guide, "CloudTrail userIdentity element").
      principalId: `${providerArn}:${audienceOf(token.claims) ?? ''}:${sub}`,
      webIdentity: { identityProvider: providerArn, userName: sub },
    },
  };
}

/** The audience STS matches: `azp` when present, else `aud` (IAM User Guide, "Available keys for AWS OIDC federation": aud). */
function audienceOf(claims: JwtClaims): string | undefined {
  if (typeof claims['azp'] === 'string') return claims['azp'];
  if (typeof claims.aud === 'string') return claims.aud;
  if (Array.isArray(claims.aud) && typeof claims.aud[0] === 'string') return claims.aud[0];
  return undefined;
}

function assumeRoleWithWebIdentity(ctx: OperationContext): Record<string, unknown> {
  const roleArn = str(ctx, 'RoleArn');
  const sessionName = str(ctx, 'RoleSessionName');
  const duration = optNum(ctx, 'DurationSeconds');
  // The token is never logged (reference record in the IAM User Guide, "Logging IAM and AWS STS API calls with AWS CloudTrail").
  ctx.trail.requestParameters = { roleArn, roleSessionName: sessionName, ...(duration !== undefined ? { durationSeconds: duration } : {}) };

  const check = checkTokenSignature(str(ctx, 'WebIdentityToken'));
  if (!check.ok && check.reason === 'NOT_A_JWT') throw invalidIdentityToken(TOKEN_ERRORS.NOT_A_JWT);
  const claims = check.token?.claims ?? {};
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const provider = oidcProviderForIssuer(ctx.state, iss);
  if (!provider) throw invalidIdentityToken(noProvider(iss));
  if (!check.ok) throw invalidIdentityToken(check.reason === 'UNKNOWN_ISSUER' ? TOKEN_ERRORS.NO_KEY : TOKEN_ERRORS.BAD_SIGNATURE);
  const nowSeconds = Math.floor(ctx.nowMs / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (nowSeconds >= exp)
    throw fault(
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${exp}`,
      400,
    );
  const audience = audienceOf(claims);
  if (audience === undefined || !provider.clientIds.includes(audience)) throw invalidIdentityToken(TOKEN_ERRORS.AUDIENCE);
  const subject = typeof claims.sub === 'string' ? claims.sub : '';

  const m = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(roleArn);
  const role = m?.[1] === ctx.state.accountId ? own(ctx.state.roles, nameKey(m[3] ?? '')) : undefined;
  const trust: PolicySource = {
    id: `role/${role?.name ?? ''}/trust-policy`,
    policyType: 'trust',
    name: 'trust policy',
    document: role?.assumeRolePolicyDocument ?? '',
  };
  // A role that does not exist answers the same AccessDenied as one that does not trust the token.
  if (!role || role.arn !== roleArn) throw fault('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
  const context: Record<string, ContextValue> = {
    ...providerKeys(provider.url, claims, audience, subject),
    'aws:FederatedProvider': provider.arn,
    'sts:RoleSessionName': sessionName,
    ...resourceTagContext(role.tags),
  };
  ctx.authorize('sts:AssumeRoleWithWebIdentity', role.arn, { context, resourcePolicy: { kind: 'trust', policy: trust } });

  const seconds = duration ?? 3600;
  if (seconds > role.maxSessionDuration)
    throw validationMessage('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const policy = optStr(ctx, 'Policy');
  if (policy !== undefined) requireSessionPolicy(policy);
  const policyArns = (optList<{ arn?: string }>(ctx, 'PolicyArns') ?? []).map((p) => p.arn ?? '');
  const session = issueSession(ctx, {
    kind: 'AssumeRole',
    expiration: ctx.nowMs + seconds * 1000,
    roleName: role.name,
    roleArn: role.arn,
    roleId: role.id,
    sessionName,
    ...(policy !== undefined ? { policy } : {}),
    ...(policyArns.length ? { policyArns } : {}),
    sessionTags: [],
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
    webIdentity: { federatedProvider: provider.arn },
  });
  role.lastUsed = { date: ctx.nowMs, region: ctx.region };
  const assumedRoleUser = {
    AssumedRoleId: `${role.id}:${sessionName}`,
    Arn: `arn:aws:sts::${ctx.state.accountId}:assumed-role/${role.name}/${sessionName}`,
  };
  const packed =
    policy !== undefined || policyArns.length > 0
      ? Math.min(100, Math.ceil(((policy?.length ?? 0) + policyArns.join('').length) / 20.48))
      : undefined;
  ctx.trail.resources = [{ accountId: ctx.state.accountId, type: 'AWS::IAM::Role', ARN: role.arn }];
  ctx.trail.responseElements = {
    credentials: credentialsTrail(session),
    subjectFromWebIdentityToken: subject,
    assumedRoleUser: { assumedRoleId: assumedRoleUser.AssumedRoleId, arn: assumedRoleUser.Arn },
    ...(packed !== undefined ? { packedPolicySize: packed } : {}),
    provider: provider.arn,
    audience,
  };
  // GitHub's issuer is verified through IAM's library of trusted root CAs, not the thumbprint (IAM User Guide,
  // "Obtain the thumbprint for an OpenID Connect identity provider"); the record says which method verified it.
  ctx.trail.additionalEventData = {
    identityProviderConnectionVerificationMethod: provider.url === 'token.actions.githubusercontent.com' ? 'IAMTrustStore' : 'Thumbprint',
  };
  // The Provider member is the IAM provider's ARN for IAM OIDC providers (as real answers show it; the API
  // Reference words it as "the iss field").
  return {
    Credentials: credentialsOut(session),
    SubjectFromWebIdentityToken: subject,
    AssumedRoleUser: assumedRoleUser,
    ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    Provider: provider.arn,
    Audience: audience,
  };
}

/** `<provider url>:aud`, `:sub` and, when the token has it, `:amr` (the only token claims AWS turns into keys). */
function providerKeys(url: string, claims: JwtClaims, audience: string, subject: string): Record<string, ContextValue> {
  const keys: Record<string, ContextValue> = { [`${url}:aud`]: audience, [`${url}:sub`]: subject };
  const amr = claims['amr'];
  if (typeof amr === 'string') keys[`${url}:amr`] = amr;
  else if (Array.isArray(amr)) keys[`${url}:amr`] = amr.filter((v): v is string => typeof v === 'string');
  return keys;
}
