/**
 * Condition key checks: unknown global keys, unknown service keys, operator/key type mismatches,
 * and set operators against single- or multivalued keys (IAM "Single-valued vs. multivalued
 * context keys"; Access Analyzer "Type mismatch", "ForAllValues with single valued key").
 */
import { getLoadedService } from '../../catalog/services.ts';
import { globalKeyFor } from '../../catalog/static-data.ts';
import type { ParsedCondition } from '../types.ts';
import { finding, type LintFinding } from './messages.ts';

/** Key types each operator family compares sensibly. */
const FAMILY_TYPES: Record<string, readonly string[]> = {
  String: ['String', 'ARN'],
  Arn: ['ARN'],
  Numeric: ['Numeric'],
  Date: ['Date', 'Numeric'],
  Bool: ['Bool'],
  IpAddress: ['IPAddress'],
  Binary: ['Binary'],
};

/** Keys whose type the reference lists loosely: aws:EpochTime is Date and Numeric. */
const TYPE_OVERRIDES: Record<string, string> = { 'aws:epochtime': 'Date', 'aws:currenttime': 'Date', 'aws:tokenissuetime': 'Date' };

/** Runs the key checks for one condition. */
export function checkConditionKeys(c: ParsedCondition, out: LintFinding[]): void {
  const key = c.key.value;
  const colon = key.indexOf(':');
  if (colon <= 0) return;
  const prefix = key.slice(0, colon).toLowerCase();
  let type: string | undefined;
  if (prefix === 'aws') {
    const g = globalKeyFor(key);
    if (!g) {
      out.push(finding('LINT_UNKNOWN_GLOBAL_KEY', { key }, c.key.span));
      return;
    }
    type = TYPE_OVERRIDES[key.toLowerCase()] ?? g.type;
  } else {
    const service = getLoadedService(prefix);
    if (!service) return;
    const def = findServiceKey(service.conditionKeys, key);
    if (!def) {
      out.push(finding('LINT_UNKNOWN_SERVICE_KEY', { key, service: prefix }, c.key.span));
      return;
    }
    type = def.type;
  }
  if (!type || c.info.family === 'Null') return;
  const multivalued = type.startsWith('ArrayOf');
  const scalarType = multivalued ? type.slice('ArrayOf'.length) : type;
  if (c.info.setOperator && !multivalued)
    out.push(finding('LINT_SET_OPERATOR_SINGLE_VALUED_KEY', { key, operator: c.operator.value }, c.operator.span));
  if (!c.info.setOperator && multivalued)
    out.push(finding('LINT_MULTIVALUED_KEY_WITHOUT_SET_OPERATOR', { key, operator: c.operator.value }, c.operator.span));
  const allowed = FAMILY_TYPES[c.info.family];
  if (allowed && !allowed.includes(scalarType)) {
    out.push(finding('LINT_OPERATOR_TYPE_MISMATCH', { key, operator: c.operator.value, family: c.info.family, type }, c.operator.span));
  }
}

/** Service keys may be templates: `s3:ExistingObjectTag/<key>`, `aws:RequestTag/${TagKey}`. */
function findServiceKey(keys: ReadonlyMap<string, { key: string; type: string }>, key: string): { key: string; type: string } | undefined {
  const lower = key.toLowerCase();
  const exact = keys.get(lower);
  if (exact) return exact;
  const slash = lower.indexOf('/');
  if (slash < 0) return undefined;
  const head = lower.slice(0, slash + 1);
  for (const [k, v] of keys) if (k.startsWith(head) && /[<$]/.test(k.slice(slash + 1))) return v;
  return undefined;
}
