/**
 * The words for every validation error code, in one place: a learner-facing message and the exact
 * MalformedPolicyDocument text IAM returns (texts mirrored from real IAM answers; the rules are in
 * "Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 */
import type { PolicyError, PolicyErrorCode, Span } from './types.ts';

type Params = Record<string, string>;

const SYNTAX = 'Syntax errors in policy.';
const LEGACY = 'The policy failed legacy parsing';

const TEXTS: Record<PolicyErrorCode, { message: (p: Params) => string; aws: (p: Params) => string }> = {
  JSON_SYNTAX: {
    message: (p) => `The policy is not valid JSON (${p['detail'] ?? 'syntax error'}).`,
    // IAM words invalid JSON differently per API (real IAM answers): CreatePolicy / Put*Policy
    // (identity policies, and boundaries, which are managed policies) say "Syntax errors in policy.";
    // CreateRole / UpdateAssumeRolePolicy (trust policies) say "This policy contains invalid Json".
    aws: (p) => (p['policyType'] === 'identity' || p['policyType'] === 'boundary' ? SYNTAX : 'This policy contains invalid Json'),
  },
  NOT_AN_OBJECT: { message: () => 'A policy must be a JSON object: { "Version": ..., "Statement": [...] }.', aws: () => SYNTAX },
  DUPLICATE_KEY: { message: (p) => `The key "${p['key']}" appears twice in the same object.`, aws: () => SYNTAX },
  UNKNOWN_TOP_LEVEL_KEY: {
    message: (p) => `"${p['key']}" is not a policy element; the top level allows Version, Id and Statement.`,
    aws: () => SYNTAX,
  },
  UNKNOWN_STATEMENT_KEY: {
    message: (p) =>
      `"${p['key']}" is not a statement element; use Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition.`,
    aws: () => SYNTAX,
  },
  INVALID_VERSION: { message: (p) => `Version "${p['value']}" is not valid; use "2012-10-17".`, aws: () => SYNTAX },
  VERSION_REQUIRED: {
    message: () => 'A managed policy must say "Version": "2012-10-17".',
    aws: () => 'Policy document must be version 2012-10-17 or greater.',
  },
  MISSING_STATEMENT: { message: () => 'The policy has no Statement element.', aws: () => SYNTAX },
  EMPTY_STATEMENT: { message: () => 'The Statement element is empty; add at least one statement.', aws: () => SYNTAX },
  WRONG_TYPE: { message: (p) => `${p['element']} must be ${p['expected']}.`, aws: () => SYNTAX },
  MISSING_EFFECT: { message: () => 'The statement has no Effect; add "Effect": "Allow" or "Deny".', aws: () => SYNTAX },
  INVALID_EFFECT: {
    message: (p) => `Effect "${p['value']}" is not valid; it must be exactly "Allow" or "Deny" (case matters).`,
    aws: (p) => (/^(allow|deny)$/i.test(p['value'] ?? '') ? LEGACY : SYNTAX),
  },
  MISSING_ACTION: { message: () => 'The statement has no Action or NotAction.', aws: () => 'Policy statement must contain actions.' },
  BOTH_ACTION_AND_NOT_ACTION: { message: () => 'A statement can have Action or NotAction, not both.', aws: () => SYNTAX },
  MISSING_RESOURCE: {
    message: () => 'The statement has no Resource or NotResource.',
    aws: () => 'Policy statement must contain resources.',
  },
  BOTH_RESOURCE_AND_NOT_RESOURCE: { message: () => 'A statement can have Resource or NotResource, not both.', aws: () => SYNTAX },
  BOTH_PRINCIPAL_AND_NOT_PRINCIPAL: { message: () => 'A statement can have Principal or NotPrincipal, not both.', aws: () => SYNTAX },
  PRINCIPAL_NOT_ALLOWED: {
    message: (p) => `A ${p['policyType']} policy cannot name a principal: the principal is whoever the policy is attached to.`,
    aws: () => 'Policy document should not specify a principal.',
  },
  MISSING_PRINCIPAL: {
    message: (p) => `A ${p['policyType']} policy statement must have a Principal.`,
    aws: () => 'Missing required field Principal',
  },
  RESOURCE_NOT_ALLOWED: {
    message: () => 'A role trust policy cannot have Resource or NotResource: the resource is the role itself.',
    aws: () => 'Has prohibited field Resource',
  },
  NOT_PRINCIPAL_NOT_ALLOWED: {
    message: (p) => `NotPrincipal is not supported in a ${p['policyType']} policy.`,
    aws: () => 'Has prohibited field NotPrincipal',
  },
  CONDITION_NOT_ALLOWED: { message: (p) => `Condition is not supported here (${p['reason']}).`, aws: () => SYNTAX },
  INVALID_SID: {
    message: (p) => `Sid "${p['value']}" may contain only letters A-Z, a-z and digits 0-9.`,
    aws: () => 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  },
  DUPLICATE_SID: {
    message: (p) => `Sid "${p['value']}" is used by more than one statement.`,
    aws: () => 'Statement IDs (SID) in a single policy must be unique.',
  },
  ID_NOT_ALLOWED: { message: (p) => `Id is not supported in a ${p['policyType']} policy.`, aws: () => SYNTAX },
  ACTION_NO_VENDOR: {
    message: (p) => `"${p['value']}" needs a service prefix, like "s3:GetObject" or "iam:*".`,
    aws: () => 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  },
  ACTION_TOO_MANY_COLONS: {
    message: (p) => `"${p['value']}" has more than one colon.`,
    aws: () => 'Actions/Condition can contain only one colon.',
  },
  ACTION_INVALID_VENDOR: {
    message: (p) => `"${p['vendor']}" is not a valid service prefix.`,
    aws: (p) => `Vendor ${p['vendor']} is not valid`,
  },
  RESOURCE_NOT_ARN: {
    message: (p) => `Resource "${p['value']}" must be an ARN (arn:partition:service:region:account:resource) or "*".`,
    aws: (p) => `Resource ${p['value']} must be in ARN format or "*".`,
  },
  RESOURCE_INVALID_PARTITION: {
    message: (p) => `"${p['partition']}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).`,
    aws: (p) => `Partition "${p['partition']}" is not valid for resource "${p['value']}".`,
  },
  RESOURCE_REGION_NOT_ALLOWED: {
    message: (p) => `${p['service'] === 'iam' ? 'IAM' : 'S3'} ARNs have an empty region field: "${p['value']}".`,
    aws: (p) =>
      p['service'] === 'iam'
        ? `IAM resource ${p['value']} cannot contain region information.`
        : `Resource ${p['value']} can not contain region information.`,
  },
  IAM_RESOURCE_INVALID_TYPE: {
    message: (p) => `"${p['value']}" is not an IAM resource type; IAM ARNs look like arn:aws:iam::123456789012:user/name.`,
    aws: () =>
      'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  },
  INVALID_PRINCIPAL: {
    message: (p) => `"${p['value']}" is not a valid ${p['kind']} principal${p['why'] ? ` (${p['why']})` : ''}.`,
    aws: (p) => `Invalid principal in policy: "${p['awsKind']}":"${p['value']}"`,
  },
  UNKNOWN_PRINCIPAL_KIND: {
    message: (p) => `"${p['key']}" is not a principal type; use AWS, Service, Federated or CanonicalUser.`,
    aws: () => SYNTAX,
  },
  UNKNOWN_CONDITION_OPERATOR: { message: (p) => `"${p['value']}" is not a condition operator.`, aws: () => SYNTAX },
  NULL_IF_EXISTS: {
    message: () => 'Null cannot be combined with IfExists or a set operator: Null already tests whether the key exists.',
    aws: () => SYNTAX,
  },
  INVALID_CONDITION_VALUE: { message: (p) => `"${p['value']}" is not a valid ${p['expected']} for ${p['operator']}.`, aws: () => LEGACY },
  INVALID_CHARACTER: {
    message: (p) => `Character ${p['char']} is not allowed; policies may contain tab, newline and U+0020–U+00FF only.`,
    aws: () => SYNTAX,
  },
  TOO_DEEP: { message: (p) => `The document nests deeper than ${p['max']} levels; no IAM policy does.`, aws: () => SYNTAX },
  TOO_LARGE: { message: (p) => `The document has ${p['length']} characters; IAM accepts at most ${p['max']}.`, aws: () => SYNTAX },
  SCP_ALLOW_CONDITION_OR_RESOURCE: { message: (p) => p['reason'] ?? 'Not supported in this SCP.', aws: () => SYNTAX },
  EFFECT_NOT_ALLOWED: { message: (p) => `Effect "${p['value']}" is not supported in a ${p['policyType']} policy.`, aws: () => SYNTAX },
};

/** Learner-facing words for an error code. */
export function policyErrorMessage(code: PolicyErrorCode, params: Params): string {
  return TEXTS[code].message(params);
}

/** IAM's own MalformedPolicyDocument text for an error code. */
export function policyErrorAwsMessage(code: PolicyErrorCode, params: Params): string {
  return TEXTS[code].aws(params);
}

/**
 * The message IAM puts in a MalformedPolicyDocument error for a failed parse: IAM reports one
 * problem, the first it meets, so the world can answer exactly like IAM.
 */
export function malformedPolicyMessage(errors: readonly PolicyError[]): string {
  return errors[0]?.awsMessage ?? SYNTAX;
}

/** Builds a PolicyError with its words. */
export function makeError(code: PolicyErrorCode, params: Params, span: Span): PolicyError {
  return {
    code,
    severity: 'ERROR',
    message: policyErrorMessage(code, params),
    awsMessage: policyErrorAwsMessage(code, params),
    span,
    params,
  };
}
