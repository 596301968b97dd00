/**
 * Lint beyond validation, in the spirit of IAM Access Analyzer policy checks: findings with stable
 * codes, a severity and a position. Checks that need the service reference use the services
 * already loaded (`lintPolicyWithCatalog` loads them first); without them those checks are skipped.
 */
import { getLoadedService, loadServices } from '../../catalog/services.ts';
import type { ParsedPolicy, ParsedStatement } from '../types.ts';
import { isBase64, parseIpRange, parseNumber } from '../values.ts';
import { checkCatalog } from './catalog-checks.ts';
import { finding, type LintFinding } from './messages.ts';
import { checkConditionKeys } from './condition-checks.ts';
import { globCovers } from './glob.ts';

/** Service prefixes a policy's actions and condition keys name, to load before linting. */
export function servicesReferenced(policy: ParsedPolicy): string[] {
  const out = new Set<string>();
  for (const s of policy.statements) {
    for (const a of s.action ?? s.notAction ?? []) {
      const colon = a.value.indexOf(':');
      if (colon > 0 && !/[*?]/.test(a.value.slice(0, colon))) out.add(a.value.slice(0, colon).toLowerCase());
    }
    for (const c of s.conditions) {
      const colon = c.key.value.indexOf(':');
      const prefix = c.key.value.slice(0, colon).toLowerCase();
      if (colon > 0 && prefix !== 'aws') out.add(prefix);
    }
  }
  return [...out];
}

/** Loads the services the policy names, then lints it. */
export async function lintPolicyWithCatalog(policy: ParsedPolicy): Promise<LintFinding[]> {
  await loadServices(servicesReferenced(policy));
  return lintPolicy(policy);
}

/** Lints a valid policy with whatever service data is loaded. Findings are in document order. */
export function lintPolicy(policy: ParsedPolicy): LintFinding[] {
  const out: LintFinding[] = [];
  const version = policy.version?.value;
  if (!version) out.push(finding('LINT_MISSING_VERSION', {}, policy.span));
  else if (version === '2008-10-17') out.push(finding('LINT_OLD_VERSION', {}, policy.version?.span ?? policy.span));
  if (policy.id && (policy.policyType === 'identity' || policy.policyType === 'boundary' || policy.policyType === 'session')) {
    out.push(finding('LINT_ID_IN_IDENTITY_POLICY', {}, policy.id.span));
  }
  for (const s of policy.statements) lintStatement(policy, s, out);
  out.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return out;
}

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]);

function lintStatement(policy: ParsedPolicy, s: ParsedStatement, out: LintFinding[]): void {
  const allow = s.effect.value === 'Allow';
  const actions = s.action ?? s.notAction ?? [];
  const resources = s.resource ?? s.notResource ?? [];
  const variablesOn = policy.version?.value === '2012-10-17';

  if (allow && s.notAction && policy.policyType !== 'boundary' && policy.policyType !== 'scp')
    out.push(finding('LINT_ALLOW_NOT_ACTION', {}, s.notAction[0]?.span ?? s.span));
  if (allow && s.notResource) out.push(finding('LINT_ALLOW_NOT_RESOURCE', {}, s.notResource[0]?.span ?? s.span));
  if (allow && s.notPrincipal) out.push(finding('LINT_ALLOW_NOT_PRINCIPAL', {}, s.notPrincipal.span));
  if (allow && s.principal?.wildcard && s.conditions.length === 0 && policy.policyType === 'resource')
    out.push(finding('LINT_PUBLIC_PRINCIPAL', {}, s.principal.span));
  // Guardrails and caps (SCP FullAWSAccess, RCPFullAWSAccess, a permissive boundary) grant nothing
  // by themselves, so "allows everything" is only a warning where a policy grants.
  const grants = policy.policyType === 'identity' || policy.policyType === 'resource';
  if (grants && allow && s.action?.some((a) => a.value === '*') && s.resource?.some((r) => r.value === '*') && s.conditions.length === 0) {
    out.push(finding('LINT_FULL_ADMIN', {}, s.span));
  }
  if (grants && allow && s.resource?.some((r) => r.value === '*')) {
    const pass = s.action?.find((a) => a.value !== '*' && globCovers(a.value.toLowerCase(), 'iam:passrole'));
    if (pass) out.push(finding('LINT_PASSROLE_WILDCARD', { value: pass.value }, pass.span));
  }

  const seenActions = new Set<string>();
  for (const a of actions) {
    const lower = a.value.toLowerCase();
    if (seenActions.has(lower)) out.push(finding('LINT_DUPLICATE_VALUE', { value: a.value }, a.span));
    seenActions.add(lower);
    const colon = a.value.indexOf(':');
    if (colon > 0 && /[*?]/.test(a.value.slice(0, colon))) out.push(finding('LINT_WILDCARD_SERVICE', { value: a.value }, a.span));
    if (policy.policyType === 'trust' && s.action && !TRUST_ACTIONS.has(lower) && !/^sts:(\*|assumerole\*)$/.test(lower)) {
      out.push(finding('LINT_TRUST_POLICY_ACTION', { value: a.value }, a.span));
    }
    const by = actions.find(
      (other) => other !== a && other.value !== a.value && /[*?]/.test(other.value) && globCovers(other.value.toLowerCase(), lower),
    );
    if (by) out.push(finding('LINT_REDUNDANT_ACTION', { value: a.value, by: by.value }, a.span));
  }

  const seenResources = new Set<string>();
  for (const r of resources) {
    if (seenResources.has(r.value)) out.push(finding('LINT_DUPLICATE_VALUE', { value: r.value }, r.span));
    seenResources.add(r.value);
    const parts = r.value.split(':');
    if (parts.length >= 6 && /[*?]/.test(parts[2] ?? '')) out.push(finding('LINT_RESOURCE_WILDCARD_SERVICE', { value: r.value }, r.span));
    if (r.value.includes('${')) {
      if (!variablesOn) out.push(finding('LINT_VARIABLE_NEEDS_VERSION', { value: r.value }, r.span));
      else if (parts.slice(0, 5).some((p) => p.includes('${')))
        out.push(finding('LINT_VARIABLE_OUTSIDE_RESOURCE_PART', { value: r.value }, r.span));
    }
  }

  for (const c of s.conditions) {
    const family = c.info.family;
    if (c.values.length === 0) out.push(finding('LINT_EMPTY_CONDITION_VALUES', { key: c.key.value }, c.span));
    if (allow && c.info.setOperator === 'ForAllValues')
      out.push(finding('LINT_FOR_ALL_VALUES_WITH_ALLOW', { key: c.key.value }, c.operator.span));
    if (
      /^aws:multifactorauthpresent$/i.test(c.key.value) &&
      c.info.base === 'Bool' &&
      !c.info.ifExists &&
      c.values.some((v) => v.value.toLowerCase() === 'false')
    ) {
      out.push(finding('LINT_MFA_BOOL_FALSE', {}, c.span));
    }
    for (const v of c.values) {
      const hasVar = v.value.includes('${');
      if (hasVar && !variablesOn && (family === 'String' || family === 'Arn'))
        out.push(finding('LINT_VARIABLE_NEEDS_VERSION', { value: v.value }, v.span));
      if (hasVar && variablesOn && family !== 'String' && family !== 'Arn' && family !== 'Bool') {
        out.push(finding('LINT_VARIABLE_WITH_OPERATOR', { value: v.value, operator: c.info.base }, v.span));
        continue;
      }
      if (hasVar) continue;
      if (family === 'IpAddress' && parseIpRange(v.value) === undefined) out.push(finding('LINT_INVALID_CIDR', { value: v.value }, v.span));
      if (family === 'Numeric' && parseNumber(v.value) === undefined)
        out.push(finding('LINT_INVALID_NUMBER', { value: v.value, operator: c.info.base }, v.span));
      if ((family === 'Bool' || family === 'Null') && !/^(true|false)$/i.test(v.value))
        out.push(finding('LINT_INVALID_BOOL', { value: v.value }, v.span));
      if (family === 'Binary' && !isBase64(v.value)) out.push(finding('LINT_INVALID_BASE64', { value: v.value }, v.span));
    }
    checkConditionKeys(c, out);
  }
  checkCatalog(s, out, getLoadedService);
}
