/**
 * Unsigned calls: the few operations AWS serves without a SigV4 signature (botocore marks them
 * `auth: smithy.api#noAuth`): STS AssumeRoleWithSAML (the SAML assertion is the proof), and the IAM
 * Identity Center portal (`sso`) and OIDC (`sso-oidc`) APIs, which carry their own bearer token. Such a
 * call lands in the account its parameters name; its caller holds no policies, and a handler may only
 * authorize it as the principal it names (`AuthorizeOptions.principal`), so nothing is ever allowed
 * to "anonymous" by accident.
 */
import type { ContextValue } from '../evaluate/types.ts';
import type { Caller } from '../world/caller.ts';
import { isoSeconds } from '../world/dates.ts';
import { own, type AccountState, type WorldState } from '../world/state.ts';
import type { ServiceError, ServiceRequest } from './contract.ts';
import { fault } from './errors.ts';
import type { OperationDefinition } from './operation.ts';

/** Where an unsigned call lands and who makes it, or the error AWS answers when it cannot be accepted unsigned. */
export function unsignedAccount(
  world: WorldState,
  request: ServiceRequest,
  definition: OperationDefinition,
): { ok: true; account: AccountState; caller: Caller } | { ok: false; error: ServiceError } {
  if (definition.unsigned === undefined) {
    // A signed-only operation called without credentials (AWS General Reference, "Signing AWS API requests").
    return { ok: false, error: fault('MissingAuthenticationToken', 'Request is missing Authentication Token', 403).error };
  }
  const named = definition.unsigned(request.params, world);
  // The operation names its caller itself (AssumeRoleWithWebIdentity: the token's provider and subject).
  if (typeof named === 'object') return 'error' in named ? { ok: false, error: named.error } : { ok: true, ...named };
  const account = named !== undefined ? own(world.accounts, named) : undefined;
  // No account of the world is named: nothing can be attributed, so no trail receives the call.
  if (!account) {
    // STS: the role's account is not simulated; the portal and OIDC APIs: no Identity Center instance to answer.
    return request.service === 'sts'
      ? { ok: false, error: fault('AccessDenied', `Not authorized to perform sts:${request.operation}`, 403).error }
      : { ok: false, error: fault('UnauthorizedException', 'Session token not found or invalid', 401).error };
  }
  return { ok: true, account, caller: anonymousCaller(account.accountId) };
}

/** The caller of an unsigned call in `accountId` (it authorizes nothing as itself). */
export function anonymousCaller(accountId: string): Caller {
  return { type: 'Anonymous', arn: '', principalId: '', accountId, accessKeyId: '' };
}

/** The record's userIdentity until the handler names the caller (a call refused before it knows who). */
export function unsignedIdentity(): Record<string, unknown> {
  return { type: 'Unknown', principalId: '', accountId: '' };
}

/** Global context keys an unsigned request has: time, transport, network and client only (no principal keys). */
export function unsignedContext(facts: {
  nowMs: number;
  sourceIp: string;
  region: string;
  userAgent: string;
}): Record<string, ContextValue> {
  return {
    'aws:CurrentTime': isoSeconds(facts.nowMs),
    'aws:EpochTime': Math.floor(facts.nowMs / 1000),
    'aws:SecureTransport': true,
    'aws:SourceIp': facts.sourceIp,
    'aws:RequestedRegion': facts.region,
    'aws:UserAgent': facts.userAgent,
    'aws:ViaAWSService': false,
    'aws:PrincipalIsAWSService': false,
  };
}
