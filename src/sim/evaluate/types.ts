/**
 * The internal authorization contract between the policy engine and the simulated services
 * (world/, services/). A service builds an AuthorizationRequest from the caller and its state, calls
 * `authorize(request)` (src/sim/evaluate/authorize.ts) and, on a deny, answers AccessDenied with
 * `accessDeniedMessage(request, result)` (src/sim/evaluate/messages.ts).
 *
 * Policy texts are parsed with `parsePolicy(text, { policyType })` (src/sim/policy/parse.ts); IAM's
 * MalformedPolicyDocument text for a failed parse comes from `malformedPolicyMessage(errors)`.
 * `authorize` parses `document` strings itself (cached by text) and fails closed: a policy that does
 * not parse can never allow, and the result names it.
 */
import type { ConditionCode, ElementMatchCode, FlowStepCode } from './explanation-codes.ts';
import type { ParsedPolicy, PolicyType, Span } from '../policy/types.ts';

export type { ParsedPolicy, PolicyType, Span, Position, ParseResult, PolicyError, Severity } from '../policy/types.ts';

/** Who is calling, as the request context and the evaluation flow need it. */
export interface RequestPrincipal {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSService' | 'Anonymous' | 'WebIdentityUser' | 'SAMLUser';
  /**
   * The caller's ARN: the user ARN, `arn:aws:iam::<acct>:root`, the role *session* ARN
   * `arn:aws:sts::<acct>:assumed-role/<role>/<session>`, the federated-user ARN, or for AWSService
   * the service principal (`ec2.amazonaws.com`). Empty string for Anonymous. For WebIdentityUser
   * and SAMLUser (AssumeRoleWithWebIdentity / AssumeRoleWithSAML callers, who have no AWS identity
   * yet) the identity provider as a trust policy's `Federated` principal names it
   * (`cognito-identity.amazonaws.com`, `arn:aws:iam::<acct>:saml-provider/<name>`): only the trust
   * policy can let them in.
   */
  arn: string;
  /** Account that owns the principal ('' for Anonymous and AWSService). */
  accountId: string;
  /** For AssumedRole: the role ARN (with its path) — what `aws:PrincipalArn` carries. */
  roleArn?: string;
  /** For AssumedRole / FederatedUser: the session ARN (defaults to `arn`). */
  sessionArn?: string;
  /** For FederatedUser: the IAM user that called GetFederationToken ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). */
  federatedByUserArn?: string;
  /** Service-linked roles are not restricted by SCPs (Organizations User Guide, SCPs). */
  isServiceLinkedRole?: boolean;
}

/** A request context value: single-valued keys are scalars, multivalued keys are arrays. */
export type ContextValue = string | number | boolean | readonly (string | number | boolean)[];

/** A policy that takes part in a decision. */
export interface PolicySource {
  /** Stable id used in explanations (`policy-1`, `user/alice/inline/ReadOnly`, a managed policy ARN...). */
  id: string;
  policyType: PolicyType;
  /** Managed policy ARN, when there is one (appended to explicit-deny messages for SCP/RCP/PB/identity). */
  arn?: string;
  /** Human name (policy name, Sid-less label). */
  name?: string;
  /** The JSON text, or an already parsed policy. Texts are parsed and cached by text. */
  document: string | ParsedPolicy;
}

/** The resource-based policy of the target resource, and which kind of resource policy it is. */
export interface ResourcePolicyInput {
  /**
   * 'resource' — an ordinary resource-based policy (bucket policy...): in the same account its allow
   * is enough on its own, subject to the principal-type table ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
   * 'trust' (role trust policy) and 'key' (KMS key policy) must explicitly allow: without an allow
   * in them the request is denied even if identity policies allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
   */
  kind: 'resource' | 'trust' | 'key';
  policy: PolicySource;
  /** For 'key': the key policy trusts the account (`arn:…:root` statement) so identity policies count. Computed if absent. */
}

/** Organization guardrails. Each list is levels root → OUs → account; every level must allow. */
export interface OrganizationPolicies {
  /** SCPs on the path of the *principal's* account; undefined = principal's account not in an organization. */
  scps?: PolicySource[][];
  /** RCPs on the path of the *resource's* account; undefined = none (RCPFullAWSAccess is implicit). */
  rcps?: PolicySource[][];
  /** The management account is not restricted by SCPs or RCPs (Organizations User Guide). */
  managementAccountId?: string;
  /** The resource is an AWS managed KMS key: RCPs do not apply (KMS Developer Guide, RCPs). */
  resourceIsAwsManagedKey?: boolean;
}

/** Everything the engine needs to decide one request. */
export interface AuthorizationRequest {
  principal: RequestPrincipal;
  /** `service:Action`, e.g. `iam:CreateUser` (case as the service documents it; matching ignores case). */
  action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  resource: string;
  /** Account owning the resource (cross-account evaluation when it differs from the principal's). */
  resourceAccountId: string;
  /** Request context keys → values. Key lookup ignores case (IAM condition element). */
  context: Readonly<Record<string, ContextValue>>;
  /** User + group policies, or role policies. */
  identityPolicies: readonly PolicySource[];
  permissionsBoundary?: PolicySource;
  /** undefined = no session policy was passed; [] = passed but empty (federated users then have nothing). */
  sessionPolicies?: readonly PolicySource[];
  resourcePolicy?: ResourcePolicyInput;
  organization?: OrganizationPolicies;
}

/** The three decisions, with the names IAM SimulateCustomPolicy uses. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A stable code for why the decision came out as it did. */
export type ReasonCode =
  | 'ROOT_USER_ALLOWED'
  | 'EXPLICIT_DENY'
  | 'IDENTITY_ALLOW'
  | 'RESOURCE_POLICY_ALLOW'
  | 'TRUST_POLICY_ALLOW'
  | 'KEY_POLICY_ALLOW'
  | 'NO_IDENTITY_ALLOW'
  | 'NO_RESOURCE_POLICY_ALLOW'
  | 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW'
  | 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW'
  | 'BOUNDARY_IMPLICIT_DENY'
  | 'SCP_IMPLICIT_DENY'
  | 'RCP_IMPLICIT_DENY'
  | 'SESSION_POLICY_IMPLICIT_DENY'
  | 'FEDERATED_NO_SESSION_POLICY'
  | 'TRUST_POLICY_NO_ALLOW'
  | 'KEY_POLICY_NO_ALLOW'
  | 'ANONYMOUS_NO_RESOURCE_ALLOW'
  | 'POLICY_ERROR'
  | 'INVALID_REQUEST';

/** Which layer decided. 'root' = the root user's default access; 'none' = nothing allowed. */
export type DecidingLayer = PolicyType | 'key' | 'root' | 'none' | 'request';

/** A pointer to one statement in one policy. */
export interface StatementRef {
  policyId: string;
  policyType: PolicyType;
  policyArn?: string;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  span: Span;
}

/** Whether one element (Action, Resource, Principal) of a statement matched, and on what. */
export interface ElementMatch {
  element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal';
  /** The element applies to the request (for Not* elements: the request is *not* listed). */
  matched: boolean;
  /** The pattern that matched the request (for Not* elements: the one that excluded it). */
  matchedPattern?: string;
  /** Where that pattern is. */
  span?: Span;
  /** The patterns after resolving policy variables, with the variables resolved. */
  resolved?: { pattern: string; resolvedPattern: string | null; variables: ResolvedVariable[] }[];
  /** Stable code with words in explanation-codes.ts: ACTION_MATCH, RESOURCE_NO_MATCH, PRINCIPAL_ACCOUNT_MATCH, ... */
  code: ElementMatchCode;
}

/** A policy variable and what it resolved to (`null` = no value and no default: the pattern matches nothing). */
export interface ResolvedVariable {
  variable: string;
  value: string | null;
  source: 'context' | 'default' | 'escape' | 'missing';
}

/** The outcome of one condition key test. */
export interface ConditionExplanation {
  operator: string;
  key: string;
  span: Span;
  matched: boolean;
  keyPresent: boolean;
  /** The request's values for the key (empty when missing). */
  requestValues: string[];
  /** Each policy value, after variable resolution, and whether it matched some request value. */
  policyValues: { raw: string; resolved: string | null; matched: boolean; variables: ResolvedVariable[] }[];
  /** Stable code with words in explanation-codes.ts: CONDITION_MATCH, KEY_MISSING_IF_EXISTS, ... */
  code: ConditionCode;
}

/** The full trace for one statement. */
export interface StatementExplanation extends StatementRef {
  /** Action, resource, principal and all conditions matched: the statement applies to the request. */
  applies: boolean;
  action: ElementMatch;
  resource?: ElementMatch;
  principal?: ElementMatch;
  conditions: ConditionExplanation[];
  conditionsMatched: boolean;
}

/** The trace for one policy. */
export interface PolicyExplanation {
  policyId: string;
  policyType: PolicyType;
  policyArn?: string;
  name?: string;
  /** 'allow' = some Allow applies; 'deny' = some Deny applies; 'none' = nothing applies; 'error' = did not parse. */
  outcome: 'allow' | 'deny' | 'none' | 'error';
  statements: StatementExplanation[];
  /** Parse errors when outcome is 'error'. */
  errors?: { code: string; message: string; span: Span }[];
  /** For SCP/RCP: 0-based organization level (root, OUs..., account). */
  level?: number;
}

/** One step along the AWS evaluation flow (IAM User Guide, "Policy evaluation logic"). */
export interface FlowStep {
  step: 'root' | 'deny' | 'rcp' | 'scp' | 'resource' | 'identity' | 'boundary' | 'session' | 'crossAccount' | 'final';
  /** What the step found. 'skip' = the layer does not apply to this request. */
  outcome: 'allow' | 'deny' | 'implicitDeny' | 'continue' | 'skip';
  /** Stable code with words in explanation-codes.ts, e.g. SCP_LEVEL_NO_ALLOW. */
  code: FlowStepCode;
  params: Record<string, string>;
}

/** Everything the engine can say about a decision. */
export interface Explanation {
  steps: FlowStep[];
  policies: PolicyExplanation[];
  /** Context keys some condition asked for that the request did not carry. */
  missingContextKeys: string[];
  crossAccount: boolean;
}

/** The engine's answer. */
export interface AuthorizationResult {
  decision: Decision;
  reason: ReasonCode;
  decidingLayer: DecidingLayer;
  /** The policy type named in AccessDenied messages (undefined when allowed). */
  deniedByPolicyType?: PolicyType | 'key';
  /** The statements that decided: the Deny statements for explicitDeny, the Allows for allowed. */
  decidingStatements: StatementRef[];
  explanation: Explanation;
}
