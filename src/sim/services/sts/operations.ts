/**
 * STS: GetCallerIdentity, AssumeRole (trust policy, durations, role chaining, session policies,
 * session tags, MFA), GetSessionToken (AWS STS API Reference; IAM User Guide, "Role terms and
 * concepts" for chaining, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html).
 */
import type { ContextValue, PolicySource } from '../../evaluate/types.ts';
import { cliTimestamp, stsTrailDate } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import { nameKey, own, type AccountState, type Session, type Tag } from '../../world/state.ts';
import { accessDenied, malformedPolicyDocument, validationMessage } from '../errors.ts';
import { requireValidDocument } from '../iam/documents.ts';
import { optList, optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext, resourceTagContext } from '../request-context.ts';
import { fault } from '../errors.ts';
import { decodeAuthorizationMessage } from './authorization-message.ts';
import { verifyMfa } from './mfa-check.ts';

function getCallerIdentity(ctx: OperationContext): Record<string, unknown> {
  // Always allowed, even under an explicit deny (STS API Reference, "GetCallerIdentity").
  return { UserId: ctx.caller.principalId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}

/** Issues temporary credentials that belong to `account` (the role's account for AssumeRole). */
export function issueSession(
  ctx: OperationContext,
  fields: Omit<Session, 'accessKeyId' | 'secret' | 'token' | 'issuedAt'>,
  account: AccountState = ctx.state,
): Session {
  const session: Session = {
    accessKeyId: ctx.ids.accessKeyId(ID_PREFIX.temporaryAccessKey, account.accountId),
    secret: ctx.ids.secretAccessKey(),
    token: ctx.ids.sessionToken(),
    issuedAt: ctx.nowMs,
    ...fields,
  };
  account.sessions[session.accessKeyId] = session;
  return session;
}

/** The CLI's Credentials structure of a session. */
export function credentialsOut(session: Session): Record<string, unknown> {
  return {
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secret,
    SessionToken: session.token,
    Expiration: cliTimestamp(session.expiration),
  };
}

/** The credentials block of a CloudTrail responseElements. */
export function credentialsTrail(session: Session): Record<string, unknown> {
  return { accessKeyId: session.accessKeyId, sessionToken: session.token, expiration: stsTrailDate(session.expiration) };
}

function assumeRole(ctx: OperationContext): Record<string, unknown> {
  const roleArn = str(ctx, 'RoleArn');
  const sessionName = str(ctx, 'RoleSessionName');
  const tags = (optList<Tag>(ctx, 'Tags') ?? []).map((t) => ({ Key: t.Key, Value: t.Value }));
  const transitive = optList<string>(ctx, 'TransitiveTagKeys') ?? [];
  const externalId = optStr(ctx, 'ExternalId');
  const sourceIdentityParam = optStr(ctx, 'SourceIdentity');
  const caller = ctx.caller;
  // The root user cannot assume roles (IAM User Guide, "Using IAM roles").
  if (caller.type === 'Root') throw accessDenied('Roles may not be assumed by root accounts.');
  const mfa = verifyMfa(ctx.state, caller, optStr(ctx, 'SerialNumber'), optStr(ctx, 'TokenCode'), ctx.nowMs);
  const m = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(roleArn);
  // The role may be in any account of the world (IAM User Guide, "Cross account resource access in IAM").
  const roleAccount = m ? ctx.accountState(m[1] ?? '') : undefined;
  const role = roleAccount ? own(roleAccount.roles, nameKey(m?.[3] ?? '')) : undefined;
  const parentSession = caller.session?.kind === 'AssumeRole' ? caller.session : undefined;
  const inherited = parentSession
    ? parentSession.sessionTags.filter((t) => parentSession.transitiveTagKeys.some((k) => k.toLowerCase() === t.Key.toLowerCase()))
    : [];
  const context: Record<string, ContextValue> = {
    'sts:RoleSessionName': sessionName,
    ...requestTagContext(tags),
    ...(transitive.length ? { 'sts:TransitiveTagKeys': transitive } : {}),
    ...(externalId !== undefined ? { 'sts:ExternalId': externalId } : {}),
    ...(sourceIdentityParam !== undefined ? { 'sts:SourceIdentity': sourceIdentityParam } : {}),
    // MFA passed with the request counts for the trust policy (IAM User Guide, "MFA-protected API access").
    ...(mfa.used ? { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0 } : {}),
  };
  // A role that does not exist answers the same AccessDenied as one that does not trust the caller.
  const trust: PolicySource = {
    id: `role/${role?.name ?? ''}/trust-policy`,
    policyType: 'trust',
    name: 'trust policy',
    document: role?.assumeRolePolicyDocument ?? '',
  };
  if (!role || !roleAccount || role.arn !== roleArn) {
    throw accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  // A cross-account AssumeRole is logged in both accounts (CloudTrail User Guide, "sharedEventID").
  if (roleAccount.accountId !== ctx.state.accountId) ctx.trail.alsoDeliverTo = [roleAccount.accountId];
  Object.assign(context, resourceTagContext(role.tags));
  // Across accounts the trust policy AND the caller's identity policies must allow (IAM User Guide,
  // "Cross-account policy evaluation logic"); the engine decides both sides from resourceAccountId.
  const onRole = { context, resourcePolicy: { kind: 'trust' as const, policy: trust }, resourceAccountId: roleAccount.accountId };
  ctx.authorize('sts:AssumeRole', role.arn, onRole);
  if (tags.length > 0 || inherited.length > 0) ctx.authorize('sts:TagSession', role.arn, onRole);
  if (sourceIdentityParam !== undefined) ctx.authorize('sts:SetSourceIdentity', role.arn, onRole);

  const chained = caller.type === 'AssumedRole';
  const duration = optNum(ctx, 'DurationSeconds') ?? 3600;
  if (chained && duration > 3600)
    throw validationMessage('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  if (duration > role.maxSessionDuration)
    throw validationMessage('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const policy = optStr(ctx, 'Policy');
  if (policy !== undefined) requireSessionPolicy(policy);
  const policyArns = (optList<{ arn?: string }>(ctx, 'PolicyArns') ?? []).map((p) => p.arn ?? '');
  if (
    parentSession?.sourceIdentity !== undefined &&
    sourceIdentityParam !== undefined &&
    sourceIdentityParam !== parentSession.sourceIdentity
  ) {
    throw accessDenied('Source identity cannot be changed once set.');
  }
  const sourceIdentity = parentSession?.sourceIdentity ?? sourceIdentityParam;
  const sessionTags = mergeSessionTags(inherited, tags);
  const session = issueSession(
    ctx,
    {
      kind: 'AssumeRole',
      expiration: ctx.nowMs + duration * 1000,
      roleName: role.name,
      roleArn: role.arn,
      roleId: role.id,
      sessionName,
      ...(policy !== undefined ? { policy } : {}),
      ...(policyArns.length ? { policyArns } : {}),
      sessionTags,
      transitiveTagKeys: [...new Set([...(parentSession?.transitiveTagKeys ?? []), ...transitive])],
      ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
      mfaAuthenticated: mfa.used,
      ...(mfa.used ? { mfaAuthTime: mfa.authTime } : {}),
      chained,
    },
    roleAccount,
  );
  role.lastUsed = { date: ctx.nowMs, region: ctx.region };
  const assumedRoleUser = {
    AssumedRoleId: `${role.id}:${sessionName}`,
    Arn: `arn:aws:sts::${roleAccount.accountId}:assumed-role/${role.name}/${sessionName}`,
  };
  const packed =
    policy !== undefined || policyArns.length > 0 || tags.length > 0
      ? Math.min(100, Math.ceil(((policy?.length ?? 0) + policyArns.join('').length + JSON.stringify(tags).length) / 20.48))
      : undefined;
  ctx.trail.resources = [{ accountId: roleAccount.accountId, type: 'AWS::IAM::Role', ARN: role.arn }];
  ctx.trail.responseElements = {
    credentials: credentialsTrail(session),
    assumedRoleUser: { assumedRoleId: assumedRoleUser.AssumedRoleId, arn: assumedRoleUser.Arn },
    ...(packed !== undefined ? { packedPolicySize: packed } : {}),
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
  };
  return {
    Credentials: credentialsOut(session),
    AssumedRoleUser: assumedRoleUser,
    ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
  };
}

/** Checks a session policy passed to an AssumeRole* call (MalformedPolicyDocument otherwise). */
export function requireSessionPolicy(text: string): void {
  try {
    requireValidDocument(text, 'session', false);
  } catch (e) {
    if (e instanceof Error && 'error' in e) throw e;
    throw malformedPolicyDocument('The policy is not in the valid JSON format.');
  }
}

function mergeSessionTags(inherited: readonly Tag[], added: readonly Tag[]): Tag[] {
  const keys = new Set(added.map((t) => t.Key.toLowerCase()));
  return [...inherited.filter((t) => !keys.has(t.Key.toLowerCase())), ...added];
}

function getSessionToken(ctx: OperationContext): Record<string, unknown> {
  const caller = ctx.caller;
  // GetSessionToken needs long-term credentials and no permission (STS API Reference, "GetSessionToken").
  if (caller.session) throw accessDenied('Cannot call GetSessionToken with session credentials');
  const mfa = verifyMfa(ctx.state, caller, optStr(ctx, 'SerialNumber'), optStr(ctx, 'TokenCode'), ctx.nowMs);
  const requested = optNum(ctx, 'DurationSeconds') ?? 43200;
  // The root user's sessions are capped at one hour (AWS STS API Reference, "GetSessionToken", https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html).
  const duration = caller.type === 'Root' ? Math.min(requested, 3600) : requested;
  const session = issueSession(ctx, {
    kind: 'GetSessionToken',
    expiration: ctx.nowMs + duration * 1000,
    ...(caller.user ? { userName: caller.user.name, userId: caller.user.id } : {}),
    sessionTags: [],
    transitiveTagKeys: [],
    mfaAuthenticated: mfa.used,
    ...(mfa.used ? { mfaAuthTime: mfa.authTime } : {}),
    chained: false,
  });
  ctx.trail.responseElements = { credentials: credentialsTrail(session) };
  return { Credentials: credentialsOut(session) };
}

/** Needs sts:DecodeAuthorizationMessage (STS API Reference, "DecodeAuthorizationMessage"). */
function decodeMessage(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('sts:DecodeAuthorizationMessage', '*');
  const decoded = decodeAuthorizationMessage(ctx.world.seed, str(ctx, 'EncodedMessage'));
  if (decoded === undefined)
    throw fault('InvalidAuthorizationMessageException', 'The error message cannot be decoded, it is invalid or corrupted.', 400);
  return { DecodedMessage: decoded };
}

/** The STS operations. */
export const STS_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  GetCallerIdentity: { handler: getCallerIdentity, readOnly: true },
  AssumeRole: { handler: assumeRole, readOnly: true },
  GetSessionToken: { handler: getSessionToken, readOnly: true },
  DecodeAuthorizationMessage: { handler: decodeMessage, readOnly: true },
};
