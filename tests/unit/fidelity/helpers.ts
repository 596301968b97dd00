/** Fidelity probes: small builders for engine requests through the public API (src/sim/index.ts). */
// Imports the engine part of the public API (src/sim/index.ts re-exports src/sim/simulate/index.ts).
import {
  authorize,
  accessDeniedMessage,
  type AuthorizationRequest,
  type AuthorizationResult,
  type PolicySource,
  type RequestPrincipal,
} from '../../../src/sim/simulate/index.ts';

/** The account every probe lives in. */
export const ACCT = '111122223333';
/** Another account, for cross-account probes. */
export const OTHER = '444455556666';

/** A policy document text from statements (Version 2012-10-17 unless `version` says otherwise). */
export function doc(statements: Record<string, unknown>[], version: string | null = '2012-10-17'): string {
  return JSON.stringify(version === null ? { Statement: statements } : { Version: version, Statement: statements });
}

let n = 0;
/** A PolicySource of the given type. */
export function src(
  policyType: PolicySource['policyType'],
  statements: Record<string, unknown>[],
  version: string | null = '2012-10-17',
  arn?: string,
): PolicySource {
  n += 1;
  return { id: `p${n}`, policyType, document: doc(statements, version), ...(arn ? { arn } : {}) };
}

/** IAM user alice in ACCT. */
export const ALICE: RequestPrincipal = { type: 'IAMUser', arn: `arn:aws:iam::${ACCT}:user/alice`, accountId: ACCT };
/** A session of role R (path /team/) in ACCT. */
export const SESSION: RequestPrincipal = {
  type: 'AssumedRole',
  arn: `arn:aws:sts::${ACCT}:assumed-role/R/s1`,
  accountId: ACCT,
  roleArn: `arn:aws:iam::${ACCT}:role/team/R`,
  sessionArn: `arn:aws:sts::${ACCT}:assumed-role/R/s1`,
};
/** The root user of ACCT. */
export const ROOT: RequestPrincipal = { type: 'Root', arn: `arn:aws:iam::${ACCT}:root`, accountId: ACCT };

/** A request with defaults: alice, s3:GetObject on a bucket object in ACCT, no policies. */
export function req(over: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    principal: ALICE,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    resourceAccountId: ACCT,
    context: {},
    identityPolicies: [],
    ...over,
  };
}

/** Authorizes and answers [decision, AccessDenied text]. */
export function decide(request: AuthorizationRequest): {
  decision: AuthorizationResult['decision'];
  message: string;
  result: AuthorizationResult;
} {
  const result = authorize(request);
  return { decision: result.decision, message: accessDeniedMessage(request, result), result };
}

/** Identity policy allowing everything on everything. */
export const ALLOW_ALL = (): PolicySource => src('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);

/** Decision of an identity-only request with one Allow statement carrying `condition`, under `context`. */
export function condDecision(
  condition: Record<string, unknown>,
  context: AuthorizationRequest['context'],
  version: string | null = '2012-10-17',
): AuthorizationResult['decision'] {
  return authorize(
    req({
      identityPolicies: [src('identity', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }], version)],
      context,
    }),
  ).decision;
}
