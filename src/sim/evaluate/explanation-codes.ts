/**
 * Every code the explanation carries — flow steps, element matches, condition tests — with the
 * words a learner reads for it, in one catalog. The unions are closed: the engine cannot emit a
 * code that has no words, and the widgets and the CLI show the words with the code small beside.
 * Rules cited: IAM User Guide, "Policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html.
 */
import type { PrincipalMatchKind } from './principal.ts';
import type { ReasonCode } from './types.ts';

/** Codes of the steps along the evaluation flow (the final step carries the ReasonCode). */
export type FlowStepCode =
  | 'ROOT_USER_FULL_ACCESS_BY_DEFAULT'
  | 'EXPLICIT_DENY_FOUND'
  | 'NO_EXPLICIT_DENY'
  | 'RCP_NO_DENY'
  | 'RCP_NOT_APPLICABLE'
  | 'SCP_LEVEL_NO_ALLOW'
  | 'SCP_ALLOW_EVERY_LEVEL'
  | 'SCP_NO_ORGANIZATION'
  | 'SCP_SERVICE_LINKED_ROLE'
  | 'SCP_MANAGEMENT_ACCOUNT'
  | 'SCP_NOT_APPLICABLE'
  | ResourceGrantCode
  | 'RESOURCE_NO_ALLOW'
  | 'NO_RESOURCE_POLICY'
  | 'CROSS_ACCOUNT_BOTH_SIDES'
  | 'IDENTITY_NO_ALLOW'
  | 'IDENTITY_ALLOW'
  | 'BOUNDARY_NO_ALLOW'
  | 'BOUNDARY_ALLOW'
  | 'NO_BOUNDARY'
  | 'SESSION_POLICY_NO_ALLOW'
  | 'SESSION_POLICY_ALLOW'
  | 'FEDERATED_NO_SESSION_POLICY'
  | 'ROLE_SESSION_NO_SESSION_POLICY'
  | 'NOT_A_SESSION'
  | 'INTERNAL_ERROR'
  | ReasonCode;

/** How a resource-based policy's Allow named the caller. */
export type ResourceGrantCode =
  | 'RESOURCE_GRANT_WILDCARD'
  | 'RESOURCE_GRANT_ACCOUNT'
  | 'RESOURCE_GRANT_USER'
  | 'RESOURCE_GRANT_ROLE'
  | 'RESOURCE_GRANT_SESSION'
  | 'RESOURCE_GRANT_FEDERATEDUSERVIAUSER'
  | 'RESOURCE_GRANT_SERVICE'
  | 'RESOURCE_GRANT_FEDERATED';

/** How a Principal element named the caller. */
export type PrincipalMatchCode =
  | 'PRINCIPAL_WILDCARD_MATCH'
  | 'PRINCIPAL_ACCOUNT_MATCH'
  | 'PRINCIPAL_USER_MATCH'
  | 'PRINCIPAL_ROLE_MATCH'
  | 'PRINCIPAL_SESSION_MATCH'
  | 'PRINCIPAL_FEDERATEDUSERVIAUSER_MATCH'
  | 'PRINCIPAL_SERVICE_MATCH'
  | 'PRINCIPAL_FEDERATED_MATCH';

/** Codes of one element's match (Action, Resource, Principal and their Not* forms). */
export type ElementMatchCode =
  | 'ACTION_MATCH'
  | 'ACTION_NO_MATCH'
  | 'NOT_ACTION_EXCLUDED'
  | 'NOT_ACTION_MATCH'
  | 'RESOURCE_MATCH'
  | 'RESOURCE_NO_MATCH'
  | 'NOT_RESOURCE_EXCLUDED'
  | 'NOT_RESOURCE_MATCH'
  | PrincipalMatchCode
  | 'PRINCIPAL_NO_MATCH'
  | 'NOT_PRINCIPAL_EXCLUDED'
  | 'NOT_PRINCIPAL_BOUNDARY_ALWAYS_DENIES'
  | 'NOT_PRINCIPAL_MATCH';

/** Codes of one condition key test. */
export type ConditionCode =
  | 'CONDITION_MATCH'
  | 'CONDITION_NO_MATCH'
  | 'NULL_MATCH'
  | 'NULL_NO_MATCH'
  | 'KEY_MISSING'
  | 'KEY_MISSING_IF_EXISTS'
  | 'KEY_MISSING_NEGATED_TRUE'
  | 'KEY_MISSING_FOR_ALL_VALUES_TRUE'
  | 'KEY_MISSING_FOR_ANY_VALUE_FALSE';

/** Any code of the explanation. */
export type ExplanationCode = FlowStepCode | ElementMatchCode | ConditionCode;

/** The code for each way a Principal element can name the caller (no code is built from a string). */
export const PRINCIPAL_MATCH_CODES: Record<PrincipalMatchKind, PrincipalMatchCode> = {
  wildcard: 'PRINCIPAL_WILDCARD_MATCH',
  account: 'PRINCIPAL_ACCOUNT_MATCH',
  user: 'PRINCIPAL_USER_MATCH',
  role: 'PRINCIPAL_ROLE_MATCH',
  session: 'PRINCIPAL_SESSION_MATCH',
  federatedUserViaUser: 'PRINCIPAL_FEDERATEDUSERVIAUSER_MATCH',
  service: 'PRINCIPAL_SERVICE_MATCH',
  federated: 'PRINCIPAL_FEDERATED_MATCH',
};

/** The flow-step code for each way a resource-based policy's Allow can name the caller. */
export const RESOURCE_GRANT_CODES: Record<PrincipalMatchKind, ResourceGrantCode> = {
  wildcard: 'RESOURCE_GRANT_WILDCARD',
  account: 'RESOURCE_GRANT_ACCOUNT',
  user: 'RESOURCE_GRANT_USER',
  role: 'RESOURCE_GRANT_ROLE',
  session: 'RESOURCE_GRANT_SESSION',
  federatedUserViaUser: 'RESOURCE_GRANT_FEDERATEDUSERVIAUSER',
  service: 'RESOURCE_GRANT_SERVICE',
  federated: 'RESOURCE_GRANT_FEDERATED',
};

/** Parameters a code's words may use (a flow step's `params`). */
export type CodeParams = Readonly<Record<string, string>>;

/** How AWS names each policy type in prose. */
export const POLICY_TYPE_NAMES: Record<string, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  key: 'key policy',
  trust: 'role trust policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

/** `words` with its indefinite article: "an identity-based policy", "a session policy". */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

const policyName = (type: string | undefined): string => (type !== undefined ? (POLICY_TYPE_NAMES[type] ?? type) : 'policy');
const levelName = (level: string | undefined): string =>
  level === undefined ? 'One level' : level === '0' ? 'The organization root' : `Level ${Number(level) + 1} (an OU or the account)`;
const resourcePolicyName = (kind: string | undefined): string =>
  kind === 'trust' ? 'role trust policy' : kind === 'key' ? 'key policy' : 'resource-based policy';

/** The words for every code. */
const MESSAGES: { [C in ExplanationCode]: (p: CodeParams) => string } = {
  // Flow steps
  ROOT_USER_FULL_ACCESS_BY_DEFAULT: () => 'The caller is the account root user, which has full access unless something denies it.',
  EXPLICIT_DENY_FOUND: (p) => `A Deny statement in ${withArticle(policyName(p['policyType']))} applies to the request.`,
  NO_EXPLICIT_DENY: () => 'No Deny statement applies to the request.',
  RCP_NO_DENY: () => 'The resource control policies allow the action at every level.',
  RCP_NOT_APPLICABLE: () => 'Resource control policies do not apply to this request.',
  SCP_LEVEL_NO_ALLOW: (p) =>
    `${levelName(p['level'])} of the organization has no service control policy that allows the action; that ends the evaluation.`,
  SCP_ALLOW_EVERY_LEVEL: () => 'A service control policy allows the action at every level of the organization.',
  SCP_NO_ORGANIZATION: () => 'The account is not in an organization, so no service control policy applies.',
  SCP_SERVICE_LINKED_ROLE: () => 'Service control policies do not apply to service-linked roles.',
  SCP_MANAGEMENT_ACCOUNT: () => "Service control policies do not apply to the organization's management account.",
  SCP_NOT_APPLICABLE: () => 'Service control policies do not apply to this request.',
  RESOURCE_GRANT_WILDCARD: (p) => `The ${resourcePolicyName(p['kind'])} allows everyone ("*").`,
  RESOURCE_GRANT_ACCOUNT: (p) =>
    `The ${resourcePolicyName(p['kind'])} allows the caller's account; the caller's own policies must allow too.`,
  RESOURCE_GRANT_USER: (p) => `The ${resourcePolicyName(p['kind'])} allows this IAM user by name.`,
  RESOURCE_GRANT_ROLE: (p) => `The ${resourcePolicyName(p['kind'])} allows the role whose session is calling.`,
  RESOURCE_GRANT_SESSION: (p) => `The ${resourcePolicyName(p['kind'])} allows this role session by name.`,
  RESOURCE_GRANT_FEDERATEDUSERVIAUSER: (p) => `The ${resourcePolicyName(p['kind'])} allows the IAM user behind this federated user.`,
  RESOURCE_GRANT_SERVICE: (p) => `The ${resourcePolicyName(p['kind'])} allows the calling AWS service.`,
  RESOURCE_GRANT_FEDERATED: (p) => `The ${resourcePolicyName(p['kind'])} allows the caller's identity provider.`,
  RESOURCE_NO_ALLOW: (p) => `The ${resourcePolicyName(p['kind'])} has no Allow for this caller.`,
  NO_RESOURCE_POLICY: () => 'There is no resource-based policy in this request.',
  CROSS_ACCOUNT_BOTH_SIDES: (p) =>
    `The caller (account ${p['principalAccount'] ?? '?'}) and the resource (account ${p['resourceAccount'] ?? '?'}) are in different accounts: both sides must allow.`,
  IDENTITY_NO_ALLOW: () => 'No identity-based policy allows the action on this resource.',
  IDENTITY_ALLOW: () => 'An identity-based policy allows the request and nothing denies it.',
  BOUNDARY_NO_ALLOW: () => 'The permissions boundary does not allow the action.',
  BOUNDARY_ALLOW: () => 'The permissions boundary allows the action.',
  NO_BOUNDARY: () => 'The caller has no permissions boundary.',
  SESSION_POLICY_NO_ALLOW: () => 'The session policy does not allow the action.',
  SESSION_POLICY_ALLOW: () => 'The session policy allows the action.',
  ROLE_SESSION_NO_SESSION_POLICY: () => 'The role session was created without a session policy, so none limits it.',
  NOT_A_SESSION: () => 'The caller is not a session, so no session policy applies.',
  INTERNAL_ERROR: (p) => `The simulator failed while deciding (${p['error'] ?? 'unknown error'}); it denies rather than guess.`,
  // Final decisions (ReasonCode)
  ROOT_USER_ALLOWED: () => 'The account root user has full access unless an SCP, an RCP or a resource-based policy denies it.',
  EXPLICIT_DENY: () => 'A Deny statement applies, and an explicit deny overrides every allow.',
  RESOURCE_POLICY_ALLOW: () => 'The resource-based policy allows the request for this principal, which is enough within the same account.',
  TRUST_POLICY_ALLOW: () => 'The role trust policy allows this principal to assume the role.',
  KEY_POLICY_ALLOW: () => 'The key policy allows the request.',
  NO_IDENTITY_ALLOW: () => 'No identity-based policy allows the action on this resource, so it is implicitly denied.',
  NO_RESOURCE_POLICY_ALLOW: () => 'The resource-based policy does not allow this principal.',
  CROSS_ACCOUNT_NO_RESOURCE_ALLOW: () =>
    "The resource is in another account: that account's resource-based policy must allow the caller too, and it does not (or there is none).",
  CROSS_ACCOUNT_NO_IDENTITY_ALLOW: () =>
    "The resource is in another account: the caller's own identity-based policies must allow the action too, and they do not.",
  BOUNDARY_IMPLICIT_DENY: () => 'The permissions boundary does not allow the action: a boundary caps what identity policies can grant.',
  // AWS calls this denial final ("explicitly denied, even if the denial is implicit"):
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  SCP_IMPLICIT_DENY: () =>
    'A service control policy level (root, an OU or the account) has no Allow for the action. AWS treats this as final — "the request is explicitly denied, even if the denial is implicit" — so no resource-based or identity-based policy can allow it; the simulator reports implicitDeny because no Deny statement matched, and AWS\'s error says "because no service control policy allows" the action.',
  RCP_IMPLICIT_DENY: () => 'A resource control policy level has no Allow for the action.',
  SESSION_POLICY_IMPLICIT_DENY: () => 'The session policy passed when the session was created does not allow the action.',
  FEDERATED_NO_SESSION_POLICY: () => 'A federated user session without a session policy has no permissions.',
  TRUST_POLICY_NO_ALLOW: () => 'The role trust policy does not allow this principal; trust policies must allow explicitly.',
  KEY_POLICY_NO_ALLOW: () => 'The key policy does not allow this principal; key policies must allow explicitly.',
  ANONYMOUS_NO_RESOURCE_ALLOW: () => 'Anonymous requests are allowed only by a resource-based policy that allows everyone ("*").',
  POLICY_ERROR: () => 'A policy that takes part in the decision is not valid, so nothing it says can allow the request.',
  INVALID_REQUEST: () => 'The request itself is not valid (for example the action is not service:Action).',
  // Elements
  ACTION_MATCH: () => 'The Action element lists this action.',
  ACTION_NO_MATCH: () => 'The Action element does not list this action.',
  NOT_ACTION_EXCLUDED: () => 'NotAction lists this action, so the statement does not cover it.',
  NOT_ACTION_MATCH: () => 'NotAction does not list this action, so the statement covers it.',
  RESOURCE_MATCH: () => 'The Resource element matches this resource.',
  RESOURCE_NO_MATCH: () => 'The Resource element does not match this resource.',
  NOT_RESOURCE_EXCLUDED: () => 'NotResource lists this resource, so the statement does not cover it.',
  NOT_RESOURCE_MATCH: () => 'NotResource does not list this resource, so the statement covers it.',
  PRINCIPAL_WILDCARD_MATCH: () => 'The Principal element names everyone ("*").',
  PRINCIPAL_ACCOUNT_MATCH: () => "The Principal element names the caller's account: the caller's own policies must allow too.",
  PRINCIPAL_USER_MATCH: () => 'The Principal element names this IAM user.',
  PRINCIPAL_ROLE_MATCH: () => 'The Principal element names the role whose session is calling.',
  PRINCIPAL_SESSION_MATCH: () => 'The Principal element names this role session.',
  PRINCIPAL_FEDERATEDUSERVIAUSER_MATCH: () => 'The Principal element names the IAM user behind this federated user.',
  PRINCIPAL_SERVICE_MATCH: () => 'The Principal element names the calling AWS service.',
  PRINCIPAL_FEDERATED_MATCH: () => "The Principal element names the caller's identity provider.",
  PRINCIPAL_NO_MATCH: () => 'The Principal element does not name the caller.',
  NOT_PRINCIPAL_EXCLUDED: () => 'NotPrincipal names the caller, so the statement does not cover it.',
  NOT_PRINCIPAL_BOUNDARY_ALWAYS_DENIES: () => 'A Deny with NotPrincipal always covers a caller that has a permissions boundary.',
  NOT_PRINCIPAL_MATCH: () => 'NotPrincipal does not name the caller, so the statement covers it.',
  // Conditions
  CONDITION_MATCH: () => 'The condition is true for the request.',
  CONDITION_NO_MATCH: () => "The condition is false: no policy value matches the request's value.",
  NULL_MATCH: () => "The Null test is true: the key's presence is what the policy asks for.",
  NULL_NO_MATCH: () => "The Null test is false: the key's presence is not what the policy asks for.",
  KEY_MISSING: () => 'The request has no value for this key, so the condition is false.',
  KEY_MISSING_IF_EXISTS: () => 'The request has no value for this key, and …IfExists makes the condition true then.',
  KEY_MISSING_NEGATED_TRUE: () => 'The request has no value for this key, and a negated operator is true then.',
  KEY_MISSING_FOR_ALL_VALUES_TRUE: () => 'The request has no value for this key, and ForAllValues is true for an empty set.',
  KEY_MISSING_FOR_ANY_VALUE_FALSE: () => 'The request has no value for this key, and ForAnyValue is false for an empty set.',
};

/** Every code of the catalog, for tests and documentation. */
export const EXPLANATION_CODES = Object.keys(MESSAGES) as ExplanationCode[];

/** The words a learner reads for `code`. */
export function explanationInWords(code: ExplanationCode, params: CodeParams = {}): string {
  return MESSAGES[code](params);
}
