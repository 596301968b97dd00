/**
 * The request context AWS builds for every call (IAM User Guide, "AWS global condition context
 * keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): principal keys from the caller, session keys only for temporary
 * credentials, network and time keys from the request.
 */
import type { ContextValue, RequestPrincipal } from '../evaluate/types.ts';
import type { Caller } from '../world/caller.ts';
import { isoSeconds } from '../world/dates.ts';
import type { Tag, AccountState } from '../world/state.ts';

/** What the context needs to know about the request itself. */
export interface RequestFacts {
  nowMs: number;
  sourceIp: string;
  region: string;
  userAgent: string;
}

/** The engine's view of the caller. */
export function requestPrincipal(caller: Caller): RequestPrincipal {
  if (caller.type === 'AssumedRole' && caller.role) {
    return { type: 'AssumedRole', arn: caller.arn, accountId: caller.accountId, roleArn: caller.role.arn, sessionArn: caller.arn };
  }
  return { type: caller.type, arn: caller.arn, accountId: caller.accountId };
}

/** The principal's tags: user tags, or role tags overridden by session tags (IAM "Passing session tags"). */
export function principalTags(caller: Caller): Tag[] {
  if (caller.user) return caller.user.tags;
  if (caller.role) {
    const sessionTags = caller.session?.sessionTags ?? [];
    const overridden = new Set(sessionTags.map((t) => t.Key.toLowerCase()));
    return [...caller.role.tags.filter((t) => !overridden.has(t.Key.toLowerCase())), ...sessionTags];
  }
  return [];
}

/** The global condition keys of a request made by `caller`. */
export function globalContext(state: AccountState, caller: Caller, facts: RequestFacts): Record<string, ContextValue> {
  const request: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(facts.nowMs),
    'aws:EpochTime': Math.floor(facts.nowMs / 1000),
    'aws:SecureTransport': true,
    'aws:SourceIp': facts.sourceIp,
    'aws:RequestedRegion': facts.region,
    'aws:UserAgent': facts.userAgent,
    'aws:ViaAWSService': false,
  };
  // A web identity caller has no AWS principal yet: no principal keys (the token's keys come from the operation).
  if (caller.type === 'WebIdentityUser') return request;
  const ctx: Record<string, ContextValue> = {
    ...request,
    'aws:PrincipalIsAWSService': false,
    'aws:PrincipalAccount': state.accountId,
    'aws:PrincipalArn': caller.role ? caller.role.arn : caller.arn,
    'aws:PrincipalType': caller.type === 'Root' ? 'Account' : caller.type === 'IAMUser' ? 'User' : 'AssumedRole',
    'aws:userid': caller.principalId,
  };
  if (caller.type === 'IAMUser' && caller.user) ctx['aws:username'] = caller.user.name;
  for (const tag of principalTags(caller)) ctx[`aws:PrincipalTag/${tag.Key}`] = tag.Value;
  const session = caller.session;
  // aws:MultiFactorAuthPresent and aws:TokenIssueTime exist only with temporary credentials;
  // long-term access keys carry neither (IAM User Guide, "aws:MultiFactorAuthPresent").
  if (session) {
    ctx['aws:TokenIssueTime'] = isoSeconds(session.issuedAt);
    // Role sessions from AssumeRole carry no MFA context for later calls (IAM User Guide,
    // "Configuring MFA-protected API access": use GetSessionToken for per-call MFA checks).
    const mfa = session.kind !== 'AssumeRole' && session.mfaAuthenticated;
    ctx['aws:MultiFactorAuthPresent'] = mfa;
    if (mfa && session.mfaAuthTime !== undefined)
      ctx['aws:MultiFactorAuthAge'] = Math.max(0, Math.floor((facts.nowMs - session.mfaAuthTime) / 1000));
    if (session.sourceIdentity !== undefined) ctx['aws:SourceIdentity'] = session.sourceIdentity;
    // Role sessions from AssumeRoleWithWebIdentity carry their IAM OIDC provider's ARN (IAM User Guide,
    // "AWS global condition context keys", aws:FederatedProvider).
    if (session.webIdentity !== undefined) ctx['aws:FederatedProvider'] = session.webIdentity.federatedProvider;
    // Instance profile credentials carry the instance (IAM User Guide, global keys; ec2:SourceInstanceARN, ec2:RoleDelivery).
    if (session.sourceInstanceArn !== undefined) {
      ctx['ec2:SourceInstanceARN'] = session.sourceInstanceArn;
      ctx['ec2:RoleDelivery'] = '2.0';
    }
  }
  return ctx;
}

/** Request-tag keys for an operation that passes tags (`aws:RequestTag/<k>`, `aws:TagKeys`). */
export function requestTagContext(tags: readonly Tag[] | undefined): Record<string, ContextValue> {
  if (!tags || tags.length === 0) return {};
  const ctx: Record<string, ContextValue> = { 'aws:TagKeys': tags.map((t) => t.Key) };
  for (const t of tags) ctx[`aws:RequestTag/${t.Key}`] = t.Value;
  return ctx;
}

/**
 * Resource-tag keys of the target IAM entity: `aws:ResourceTag/<k>` and IAM's own `iam:ResourceTag/<k>`
 * (IAM User Guide, "Controlling access to IAM resources" with tags).
 */
export function resourceTagContext(tags: readonly Tag[] | undefined): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  for (const t of tags ?? []) {
    ctx[`aws:ResourceTag/${t.Key}`] = t.Value;
    ctx[`iam:ResourceTag/${t.Key}`] = t.Value;
  }
  return ctx;
}

/**
 * `iam:PermissionsBoundary` for an IAM action on an existing user or role that has a boundary: the
 * boundary attached to that principal resource (IAM User Guide, "IAM and AWS STS condition context
 * keys": iam:PermissionsBoundary "checks that a specific policy is attached as a permissions boundary
 * on the IAM principal resource", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html;
 * the delegated-administrator example in "Permissions boundaries for IAM entities").
 */
export function boundaryContext(entity: { permissionsBoundary?: string } | undefined): Record<string, ContextValue> {
  return entity?.permissionsBoundary ? { 'iam:PermissionsBoundary': entity.permissionsBoundary } : {};
}
