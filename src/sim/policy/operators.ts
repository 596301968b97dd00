/**
 * The condition operators of the IAM reference ("IAM JSON policy elements: Condition operators"),
 * and the decoding of an operator name with its `ForAllValues:`/`ForAnyValue:` prefix and
 * `IfExists` suffix. Operator names are matched case-insensitively, as IAM does for element names.
 */
import type { OperatorFamily, OperatorInfo } from './types.ts';

interface BaseOperator {
  name: string;
  family: OperatorFamily;
  negated: boolean;
}

const BASE_OPERATORS: readonly BaseOperator[] = [
  { name: 'StringEquals', family: 'String', negated: false },
  { name: 'StringNotEquals', family: 'String', negated: true },
  { name: 'StringEqualsIgnoreCase', family: 'String', negated: false },
  { name: 'StringNotEqualsIgnoreCase', family: 'String', negated: true },
  { name: 'StringLike', family: 'String', negated: false },
  { name: 'StringNotLike', family: 'String', negated: true },
  { name: 'NumericEquals', family: 'Numeric', negated: false },
  { name: 'NumericNotEquals', family: 'Numeric', negated: true },
  { name: 'NumericLessThan', family: 'Numeric', negated: false },
  { name: 'NumericLessThanEquals', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThan', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThanEquals', family: 'Numeric', negated: false },
  { name: 'DateEquals', family: 'Date', negated: false },
  { name: 'DateNotEquals', family: 'Date', negated: true },
  { name: 'DateLessThan', family: 'Date', negated: false },
  { name: 'DateLessThanEquals', family: 'Date', negated: false },
  { name: 'DateGreaterThan', family: 'Date', negated: false },
  { name: 'DateGreaterThanEquals', family: 'Date', negated: false },
  { name: 'Bool', family: 'Bool', negated: false },
  { name: 'BinaryEquals', family: 'Binary', negated: false },
  { name: 'IpAddress', family: 'IpAddress', negated: false },
  { name: 'NotIpAddress', family: 'IpAddress', negated: true },
  { name: 'ArnEquals', family: 'Arn', negated: false },
  { name: 'ArnLike', family: 'Arn', negated: false },
  { name: 'ArnNotEquals', family: 'Arn', negated: true },
  { name: 'ArnNotLike', family: 'Arn', negated: true },
  { name: 'Null', family: 'Null', negated: false },
];

const BY_LOWER = new Map(BASE_OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** Every base operator name, for completions and lint. */
export const OPERATOR_NAMES: readonly string[] = BASE_OPERATORS.map((o) => o.name);

/** Result of decoding an operator name: the info, or why it is not an operator. */
export type DecodedOperator = { ok: true; info: OperatorInfo } | { ok: false; code: 'UNKNOWN_CONDITION_OPERATOR' | 'NULL_IF_EXISTS' };

const cache = new Map<string, DecodedOperator>();

/** Decodes `ForAnyValue:StringLikeIfExists` into its parts. */
export function decodeOperator(raw: string): DecodedOperator {
  const hit = cache.get(raw);
  if (hit) return hit;
  const decoded = decodeUncached(raw);
  if (cache.size < 1000) cache.set(raw, decoded);
  return decoded;
}

function decodeUncached(raw: string): DecodedOperator {
  let rest = raw;
  let setOperator: OperatorInfo['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else return { ok: false, code: 'UNKNOWN_CONDITION_OPERATOR' };
    rest = rest.slice(colon + 1);
  }
  let lower = rest.toLowerCase();
  let ifExists = false;
  if (!BY_LOWER.has(lower) && lower.endsWith('ifexists')) {
    ifExists = true;
    lower = lower.slice(0, -'ifexists'.length);
  }
  const base = BY_LOWER.get(lower);
  if (!base) return { ok: false, code: 'UNKNOWN_CONDITION_OPERATOR' };
  // "Null with if exists" is rejected: Null already tests presence (IAM Condition operators, IfExists).
  if (base.family === 'Null' && (ifExists || setOperator)) return { ok: false, code: 'NULL_IF_EXISTS' };
  const info: OperatorInfo = { raw, base: base.name, family: base.family, ifExists, negated: base.negated };
  if (setOperator) info.setOperator = setOperator;
  return { ok: true, info };
}
