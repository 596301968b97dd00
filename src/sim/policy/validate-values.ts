/**
 * Value-level validation IAM performs on save (MalformedPolicyDocument): action names, resource
 * ARNs, principals and typed condition values. Rules: IAM User Guide "Grammar of the IAM JSON
 * policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html, and "IAM JSON policy elements: Action / Resource / Principal /
 * Condition operators"; the texts are the ones real IAM answers return.
 */
import { splitFive } from './arn-parts.ts';
import { makeError } from './messages.ts';
import type { Located, ParsedStatement, PolicyError, PolicyType } from './types.ts';
import { parseDate } from './values.ts';

/** Partitions IAM accepts in ARNs. */
export const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const IAM_RESOURCE_TYPES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];
const VENDOR = /^[a-zA-Z0-9*?-]+$/;

/** Checks every value of a structurally valid statement. */
export function validateStatementValues(stmt: ParsedStatement, policyType: PolicyType): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const a of stmt.action ?? stmt.notAction ?? []) checkAction(a, errors);
  for (const r of stmt.resource ?? stmt.notResource ?? []) checkResource(r, errors);
  for (const p of [stmt.principal, stmt.notPrincipal]) {
    if (!p) continue;
    if (policyType === 'rcp' && !p.wildcard) {
      // RCPs apply to every principal: Principal must be "*" (Organizations, RCP syntax).
      errors.push(
        makeError(
          'INVALID_PRINCIPAL',
          { value: p.entries[0]?.values[0]?.value ?? '', kind: 'RCP', awsKind: 'AWS', why: 'an RCP must say "Principal": "*"' },
          p.span,
        ),
      );
    }
    for (const entry of p.entries) for (const v of entry.values) checkPrincipal(entry.kind, v, errors);
  }
  for (const c of stmt.conditions) {
    checkConditionKey(c.key, errors);
    for (const v of c.values) checkConditionValue(c.info.family, c.info.base, v, errors);
  }
  return errors;
}

/**
 * Action and resource values already found valid: the same few recur in every keystroke's parse,
 * and a lookup costs less than splitting and testing them again (bounded; cleared when full).
 */
const validActions = new Set<string>();
const validResources = new Set<string>();
const MAX_REMEMBERED = 4000;

function remember(set: Set<string>, value: string): void {
  if (set.size >= MAX_REMEMBERED) set.clear();
  set.add(value);
}

function checkAction(a: Located, errors: PolicyError[]): void {
  const v = a.value;
  if (v === '*' || validActions.has(v)) return;
  const before = errors.length;
  checkActionValue(a, errors);
  if (errors.length === before) remember(validActions, v);
}

function checkActionValue(a: Located, errors: PolicyError[]): void {
  const v = a.value;
  const colon = v.indexOf(':');
  if (colon < 0) errors.push(makeError('ACTION_NO_VENDOR', { value: v }, a.span));
  else if (v.indexOf(':', colon + 1) >= 0) errors.push(makeError('ACTION_TOO_MANY_COLONS', { value: v }, a.span));
  else if (!VENDOR.test(v.slice(0, colon)))
    errors.push(makeError('ACTION_INVALID_VENDOR', { vendor: v.slice(0, colon), value: v }, a.span));
}

function checkResource(r: Located, errors: PolicyError[]): void {
  const v = r.value;
  if (v === '*' || validResources.has(v)) return;
  const before = errors.length;
  checkResourceValue(r, errors);
  if (errors.length === before) remember(validResources, v);
}

function checkResourceValue(r: Located, errors: PolicyError[]): void {
  const v = r.value;
  const split = splitFive(v);
  const parts = [...split.head, split.rest];
  // Fewer than six segments is accepted only when a trailing `*` can expand across the missing
  // colons (IAM "Resource": a `*` that ends a segment may expand beyond colon boundaries).
  if (parts[0] !== 'arn' || (parts.length < 6 && !(parts.length >= 3 && v.endsWith('*')))) {
    errors.push(makeError('RESOURCE_NOT_ARN', { value: v }, r.span));
    return;
  }
  const [, partition = '', service = '', region = ''] = parts;
  if (!PARTITIONS.has(partition) && !/[*?$]/.test(partition)) {
    errors.push(makeError('RESOURCE_INVALID_PARTITION', { value: v, partition }, r.span));
    return;
  }
  if ((service === 'iam' || service === 's3') && region !== '' && region !== '*') {
    errors.push(makeError('RESOURCE_REGION_NOT_ALLOWED', { value: v, service }, r.span));
    return;
  }
  if (service === 'iam') {
    const rest = split.rest;
    const head = rest.split('/')[0] ?? '';
    const ok = rest === 'root' || /[*?$]/.test(head) || IAM_RESOURCE_TYPES.some((t) => rest.startsWith(t)) || rest === '';
    if (!ok) errors.push(makeError('IAM_RESOURCE_INVALID_TYPE', { value: v }, r.span));
  }
}

const ACCOUNT = /^\d{12}$/;
const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{12,124}$/;
const AWS_PRINCIPAL_ARN =
  /^arn:[a-z-]+:(iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+)|sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;

function checkPrincipal(kind: string, v: Located, errors: PolicyError[]): void {
  const value = v.value;
  const awsKind = kind === 'AWS' ? 'AWS' : kind.toUpperCase();
  const bad = (why: string): void => {
    errors.push(makeError('INVALID_PRINCIPAL', { value, kind, awsKind, why }, v.span));
  };
  if (kind === 'AWS') {
    if (value === '*') return;
    if (ACCOUNT.test(value) || UNIQUE_ID.test(value)) return;
    // Only a whole "*" is a wildcard: "arn:aws:iam::*:root" or "…:user/*" are rejected (IAM "Principal").
    if (value.includes('*') || value.includes('?')) return bad('wildcards are only allowed as the whole value "*"');
    if (!AWS_PRINCIPAL_ARN.test(value))
      return bad('use an account ID, or the ARN of an account root, user, role, role session or federated user');
  } else if (kind === 'Service') {
    if (value === '*') return;
    if (!/^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com|aws\.internal|c2s\.ic\.gov|sc2s\.sgov\.gov)$/.test(value))
      return bad('service principals look like "ec2.amazonaws.com"');
  } else if (kind === 'Federated') {
    if (!/^(arn:[a-z-]+:iam::\d{12}:(saml-provider|oidc-provider)\/.+|[a-z0-9.-]+\.[a-z]{2,}(\/.*)?)$/.test(value))
      return bad('use a SAML or OIDC provider ARN or an identity provider domain');
  } else if (kind === 'CanonicalUser') {
    if (!/^[0-9a-f]{64}$/.test(value)) bad('a canonical user ID is 64 hexadecimal characters');
  }
}

function checkConditionKey(key: Located, errors: PolicyError[]): void {
  const colon = key.value.indexOf(':');
  if (colon <= 0) errors.push(makeError('ACTION_NO_VENDOR', { value: key.value }, key.span));
}

function checkConditionValue(family: string, operator: string, v: Located, errors: PolicyError[]): void {
  const text = v.value;
  const fail = (expected: string): void => {
    errors.push(makeError('INVALID_CONDITION_VALUE', { value: text, expected, operator }, v.span));
  };
  // IAM rejects unparseable dates on save ("The policy failed legacy parsing").
  // Other type mismatches (numbers, IPs, base64) are accepted on save and reported by lint, as
  // Access Analyzer does; at request time they never match ("IAM JSON policy elements: Condition
  // operators", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
  if (family === 'Date' && parseDate(text) === undefined) fail('date (ISO 8601 such as 2026-01-01T00:00:00Z, or epoch seconds)');
}
