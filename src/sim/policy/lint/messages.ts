/**
 * Every lint check: its stable code, severity (as IAM Access Analyzer grades findings) and words,
 * written once here so code, docs and tests share them.
 */
import type { Severity, Span } from '../types.ts';

type Params = Record<string, string>;

/** Stable lint codes. */
export type LintCode = keyof typeof CHECKS;

/** A lint finding. */
export interface LintFinding {
  code: LintCode;
  severity: Severity;
  message: string;
  span: Span;
  params: Params;
}

/** The catalogue of checks: severity and words per code. */
export const CHECKS = {
  LINT_UNKNOWN_SERVICE: {
    severity: 'ERROR',
    words: (p: Params) => `"${p['service']}" is not a service prefix in the service authorization reference.`,
  },
  LINT_UNKNOWN_ACTION: { severity: 'ERROR', words: (p: Params) => `${p['service']} has no action "${p['action']}".` },
  LINT_ACTION_MATCHES_NOTHING: { severity: 'ERROR', words: (p: Params) => `"${p['value']}" matches no ${p['service']} action.` },
  LINT_ACTION_CASE: {
    severity: 'SUGGESTION',
    words: (p: Params) => `Write "${p['value']}" as "${p['canonical']}" (actions ignore case, but readers don't).`,
  },
  LINT_WILDCARD_SERVICE: {
    severity: 'ERROR',
    words: (p: Params) => `"${p['value']}" has a wildcard in the service prefix, which IAM never matches; name the service.`,
  },
  LINT_ACTION_RESOURCE_MISMATCH: {
    severity: 'WARNING',
    words: (p: Params) => `${p['action']} does not apply to any resource in this statement; it applies to ${p['types']}.`,
  },
  LINT_WILDCARD_ONLY_ACTION: {
    severity: 'WARNING',
    words: (p: Params) =>
      `${p['action']} does not support resource-level permissions; it only matches "Resource": "*", so this statement never allows it.`,
  },
  LINT_PASSROLE_WILDCARD: {
    severity: 'SECURITY_WARNING',
    words: () => 'iam:PassRole on "*" lets the caller pass any role to a service; name the roles.',
  },
  LINT_FULL_ADMIN: {
    severity: 'SECURITY_WARNING',
    words: () => 'This statement allows every action on every resource (administrator access).',
  },
  LINT_ALLOW_NOT_ACTION: {
    severity: 'SECURITY_WARNING',
    words: () => 'Allow with NotAction allows every action not listed, including future ones; prefer Action.',
  },
  LINT_ALLOW_NOT_RESOURCE: {
    severity: 'SECURITY_WARNING',
    words: () => 'Allow with NotResource allows every resource not listed; prefer Resource.',
  },
  LINT_ALLOW_NOT_PRINCIPAL: {
    severity: 'SECURITY_WARNING',
    words: () => 'Allow with NotPrincipal allows everyone not listed, including anonymous callers.',
  },
  LINT_PUBLIC_PRINCIPAL: {
    severity: 'SECURITY_WARNING',
    words: () => 'This statement allows "Principal": "*" (everyone, including anonymous callers) with no condition.',
  },
  LINT_FOR_ALL_VALUES_WITH_ALLOW: {
    severity: 'SECURITY_WARNING',
    words: (p: Params) => `ForAllValues with Allow is also true when ${p['key']} is missing or empty; add a Null check or use ForAnyValue.`,
  },
  LINT_SET_OPERATOR_SINGLE_VALUED_KEY: {
    severity: 'SECURITY_WARNING',
    words: (p: Params) => `${p['operator']} is for multivalued keys, but ${p['key']} is single-valued; this can be overly permissive.`,
  },
  LINT_MULTIVALUED_KEY_WITHOUT_SET_OPERATOR: {
    severity: 'WARNING',
    words: (p: Params) => `${p['key']} is multivalued; use ForAnyValue: or ForAllValues: with ${p['operator']}.`,
  },
  LINT_OPERATOR_TYPE_MISMATCH: {
    severity: 'WARNING',
    words: (p: Params) => `${p['operator']} compares ${p['family']} values, but ${p['key']} is of type ${p['type']}.`,
  },
  LINT_UNKNOWN_GLOBAL_KEY: { severity: 'ERROR', words: (p: Params) => `"${p['key']}" is not an AWS global condition key.` },
  LINT_UNKNOWN_SERVICE_KEY: { severity: 'WARNING', words: (p: Params) => `"${p['key']}" is not a condition key of ${p['service']}.` },
  LINT_INVALID_CIDR: {
    severity: 'ERROR',
    words: (p: Params) => `"${p['value']}" is not an IP address or CIDR block (e.g. 203.0.113.0/24, 2001:db8::/32).`,
  },
  LINT_INVALID_NUMBER: { severity: 'ERROR', words: (p: Params) => `"${p['value']}" is not a number; ${p['operator']} never matches it.` },
  LINT_INVALID_BOOL: { severity: 'ERROR', words: (p: Params) => `"${p['value']}" is not true or false.` },
  LINT_INVALID_BASE64: { severity: 'ERROR', words: (p: Params) => `"${p['value']}" is not base64.` },
  LINT_VARIABLE_NEEDS_VERSION: {
    severity: 'WARNING',
    words: (p: Params) =>
      `"${p['value']}" looks like a policy variable, but variables work only with "Version": "2012-10-17"; here it is literal text.`,
  },
  LINT_MISSING_VERSION: {
    severity: 'WARNING',
    words: () => 'No Version: the policy is read with the 2008-10-17 rules (no policy variables). Add "Version": "2012-10-17".',
  },
  LINT_OLD_VERSION: { severity: 'WARNING', words: () => 'Version 2008-10-17 has no policy variables; use "2012-10-17".' },
  LINT_VARIABLE_OUTSIDE_RESOURCE_PART: {
    severity: 'ERROR',
    words: (p: Params) => `Variables are allowed only in the resource part of an ARN (after the fifth colon): "${p['value']}".`,
  },
  LINT_VARIABLE_WITH_OPERATOR: {
    severity: 'ERROR',
    words: (p: Params) => `${p['operator']} does not accept policy variables: "${p['value']}".`,
  },
  LINT_RESOURCE_WILDCARD_SERVICE: {
    severity: 'WARNING',
    words: (p: Params) => `"${p['value']}" has a wildcard in the service segment, which IAM does not allow.`,
  },
  LINT_TRUST_POLICY_ACTION: {
    severity: 'ERROR',
    words: (p: Params) =>
      `"${p['value']}" is not an action a role trust policy can allow (sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity, sts:SetContext).`,
  },
  LINT_MFA_BOOL_FALSE: {
    severity: 'WARNING',
    words: () => 'aws:MultiFactorAuthPresent is absent for long-term access keys, so Bool "false" misses them; use BoolIfExists with Deny.',
  },
  LINT_DUPLICATE_VALUE: { severity: 'SUGGESTION', words: (p: Params) => `"${p['value']}" is listed twice.` },
  LINT_REDUNDANT_ACTION: { severity: 'SUGGESTION', words: (p: Params) => `"${p['value']}" is already covered by "${p['by']}".` },
  LINT_ID_IN_IDENTITY_POLICY: { severity: 'SUGGESTION', words: () => 'Id is meant for resource-based policies; IAM ignores it here.' },
  LINT_EMPTY_CONDITION_VALUES: {
    severity: 'ERROR',
    words: (p: Params) => `${p['key']} has no values to compare; the condition can never be true.`,
  },
} satisfies Record<string, { severity: Severity; words: (p: Params) => string }>;

/** Builds a finding with its words. */
export function finding(code: LintCode, params: Params, span: Span): LintFinding {
  const check = CHECKS[code];
  return { code, severity: check.severity as Severity, message: check.words(params), span, params };
}
