/**
 * Condition evaluation (IAM User Guide, "IAM JSON policy elements: Condition operators",
 * "Conditions with multiple context keys or values", "Single-valued vs. multivalued context keys").
 * - Operators AND, keys under one operator AND, values for one key OR — NOR for negated operators.
 * - Missing key: false, except negated operators (true), `…IfExists` (true), `Null` (tests presence),
 *   `ForAllValues` (vacuously true) and `ForAnyValue` (false).
 * - A type mismatch (a policy value that is not a number, date, IP...) never matches; lint reports it.
 */
import type { Located, ParsedCondition } from '../policy/types.ts';
import { ipInRange, parseBool, parseDate, parseIpRange, parseNumber, type IpRange } from '../policy/values.ts';
import { matchesArnPattern } from './arn.ts';
import { ipValues, type NormalizedContext } from './context.ts';
import type { ConditionExplanation, ResolvedVariable } from './types.ts';
import { resolvedPattern, resolveVariables, type VariableLookup } from './variables.ts';
import { compileWildcard, matchesCompiled, type CompiledPattern } from './wildcard.ts';

/** A policy value ready for comparison. */
interface PreparedValue {
  raw: string;
  text: string | null;
  pattern: CompiledPattern | null;
  variables: ResolvedVariable[];
}

/**
 * Evaluates one condition key test. `lookup` resolves policy variables (undefined when the policy's
 * Version does not enable them).
 */
export function evaluateCondition(cond: ParsedCondition, ctx: NormalizedContext, lookup: VariableLookup | undefined): ConditionExplanation {
  const info = cond.info;
  const entry = ctx.get(lowerKey(cond.key.value));
  const requestValues = entry ? entry.values : [];
  const present = entry !== undefined && (entry.values.length > 0 || !info.setOperator);
  const prepared = cond.values.map((v) => prepare(v.value, info.family, lookup));
  const base = {
    operator: cond.operator.value,
    key: cond.key.value,
    span: cond.span,
    keyPresent: present,
    requestValues: requestValues.slice(),
  };
  const valueMatched = prepared.map(() => false);
  const policyValues = (): ConditionExplanation['policyValues'] =>
    prepared.map((p, i) => ({ raw: p.raw, resolved: p.text, matched: valueMatched[i] ?? false, variables: p.variables }));

  if (info.family === 'Null') {
    // Null: "true" asks that the key be absent, "false" that it be present.
    let matched = false;
    prepared.forEach((p, i) => {
      const want = parseBool(p.raw);
      const ok = want === true ? !present : want === false ? present : false;
      if (ok) {
        valueMatched[i] = true;
        matched = true;
      }
    });
    return { ...base, matched, policyValues: policyValues(), code: matched ? 'NULL_MATCH' : 'NULL_NO_MATCH' };
  }

  if (!present) {
    if (info.setOperator === 'ForAllValues')
      return { ...base, matched: true, policyValues: policyValues(), code: 'KEY_MISSING_FOR_ALL_VALUES_TRUE' };
    if (info.setOperator === 'ForAnyValue') {
      const matched = info.ifExists;
      return {
        ...base,
        matched,
        policyValues: policyValues(),
        code: matched ? 'KEY_MISSING_IF_EXISTS' : 'KEY_MISSING_FOR_ANY_VALUE_FALSE',
      };
    }
    if (info.ifExists) return { ...base, matched: true, policyValues: policyValues(), code: 'KEY_MISSING_IF_EXISTS' };
    if (info.negated) return { ...base, matched: true, policyValues: policyValues(), code: 'KEY_MISSING_NEGATED_TRUE' };
    return { ...base, matched: false, policyValues: policyValues(), code: 'KEY_MISSING' };
  }

  // For one request value: does some policy value match under the positive form of the operator?
  const positiveMatch = (requestValue: string): boolean => {
    let any = false;
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i];
      if (p && compare(info.base, p, requestValue)) {
        valueMatched[i] = true;
        any = true;
      }
    }
    return any;
  };
  // Every request value is compared with every policy value, so the explanation shows each
  // comparison; each comparison is made once.
  const positive = requestValues.map((v) => positiveMatch(v));
  // The operator's own verdict for one request value (NOR of the values for negated operators).
  const satisfied = (r: boolean): boolean => (info.negated ? !r : r);

  let matched: boolean;
  if (info.setOperator === 'ForAllValues') matched = positive.every(satisfied);
  else if (info.setOperator === 'ForAnyValue') matched = positive.some(satisfied);
  // A multivalued key under a single-value operator: read as "some request value" for positive
  // operators and "no request value" for negated ones (undocumented; Access Analyzer warns).
  else if (info.negated) matched = positive.every(satisfied);
  else matched = positive.some(satisfied);
  return { ...base, matched, policyValues: policyValues(), code: matched ? 'CONDITION_MATCH' : 'CONDITION_NO_MATCH' };
}

/**
 * `evaluateCondition(...).matched` without the explanation: the same rules in the same order, for a
 * decision nobody may ask to see explained (decide.ts). lazy-explanation.test.ts checks both agree.
 */
export function conditionMatches(
  cond: ParsedCondition,
  ctx: NormalizedContext,
  lookup: VariableLookup | undefined,
  ranges?: readonly (IpRange | undefined)[],
): boolean {
  const info = cond.info;
  const entry = ctx.get(lowerKey(cond.key.value));
  const present = entry !== undefined && (entry.values.length > 0 || !info.setOperator);
  const values = cond.values;
  if (info.family === 'Null') {
    for (const v of values) {
      const want = parseBool(v.value);
      if (want === true ? !present : want === false ? present : false) return true;
    }
    return false;
  }
  if (!present) {
    if (info.setOperator === 'ForAllValues') return true;
    if (info.setOperator === 'ForAnyValue') return info.ifExists;
    return info.ifExists || info.negated;
  }
  const requestValues = entry?.values ?? [];
  // ForAnyValue: some request value; ForAllValues, and a negated single-value operator: every one;
  // a positive single-value operator: some (the same reading as evaluateCondition).
  const every = info.setOperator === 'ForAllValues' || (info.setOperator !== 'ForAnyValue' && info.negated);
  const resolves = lookup !== undefined && (info.family === 'String' || info.family === 'Arn' || info.family === 'Bool');
  // IP addresses are compared as read once: the request's per context, the policy's per compiled policy.
  const addresses = info.family === 'IpAddress' && entry ? ipValues(entry) : undefined;
  for (let k = 0; k < requestValues.length; k++) {
    // The operator's verdict for this request value: some policy value matches (none, when negated).
    let any = false;
    if (addresses) {
      // compareText's IpAddress case, on addresses and ranges read once.
      const address = addresses[k];
      for (let j = 0; j < values.length && address !== undefined && !any; j++) {
        const range = ranges ? ranges[j] : parseIpRange((values[j] as Located).value);
        any = range !== undefined && ipInRange(address, range);
      }
      if ((info.negated ? !any : any) !== every) return !every;
      continue;
    }
    const r = requestValues[k] as string;
    for (const v of values) {
      const raw = v.value;
      // Variables are substituted as `prepare` does; the compiled pattern comes from its cache.
      const resolved = resolves && raw.includes('${') ? resolvedPattern(raw, lookup, true) : undefined;
      const text = resolved === undefined ? raw : resolved === null ? null : resolved.text;
      if (compareText(info.base, text, resolved?.pattern ?? null, r)) {
        any = true;
        break;
      }
    }
    if ((info.negated ? !any : any) !== every) return !every;
  }
  return every;
}

const lowerKeys = new Map<string, string>();

/** Condition keys lower-cased once: the same few keys are looked up on every request. */
function lowerKey(key: string): string {
  let hit = lowerKeys.get(key);
  if (hit === undefined) {
    hit = key.toLowerCase();
    if (lowerKeys.size > 5000) lowerKeys.clear();
    lowerKeys.set(key, hit);
  }
  return hit;
}

function prepare(raw: string, family: string, lookup: VariableLookup | undefined): PreparedValue {
  // Variables are substituted in String and ARN values, and Bool (IAM "Condition operators").
  if (lookup && (family === 'String' || family === 'Arn' || family === 'Bool') && raw.includes('${')) {
    const r = resolveVariables(raw, lookup, true);
    return { raw, text: r.text, pattern: r.pattern, variables: r.variables };
  }
  return { raw, text: raw, pattern: null, variables: [] };
}

/** The positive comparison of one policy value with one request value. */
function compare(base: string, p: PreparedValue, requestValue: string): boolean {
  return compareText(base, p.text, p.pattern, requestValue);
}

/** `compare` on a policy value's text (null: a variable had no value) and compiled pattern. */
function compareText(base: string, policy: string | null, pattern: CompiledPattern | null, requestValue: string): boolean {
  if (policy === null) return false;
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return policy === requestValue;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return policy.toLowerCase() === requestValue.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      // `*` crosses colons here, unlike ArnLike. Literal `*` comes from `${*}` (already literal in `pattern`).
      return pattern ? matchesCompiled(pattern, requestValue) : likeMatch(policy, requestValue);
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'ArnLike':
    case 'ArnNotLike':
      // ArnEquals and ArnLike behave identically: wildcards within each segment.
      return requestValue.startsWith('arn:') && matchesArnPattern(policy, requestValue);
    case 'Bool': {
      const a = parseBool(policy);
      return a !== undefined && a === parseBool(requestValue);
    }
    case 'BinaryEquals':
      return policy === requestValue;
    case 'IpAddress':
    case 'NotIpAddress': {
      const range = parseIpRange(policy);
      const addr = parseIpRange(requestValue);
      return range !== undefined && addr !== undefined && ipInRange(addr, range);
    }
    default:
      if (base.startsWith('Numeric')) return compareOrdered(base.slice(7), parseNumber(policy), parseNumber(requestValue));
      if (base.startsWith('Date')) return compareOrdered(base.slice(4), parseDate(policy), parseDate(requestValue));
      return false;
  }
}

/** `request <op> policy` for Numeric and Date operators: e.g. NumericLessThan is request < policy. */
function compareOrdered(op: string, policy: number | undefined, request: number | undefined): boolean {
  if (policy === undefined || request === undefined) return false;
  switch (op) {
    case 'Equals':
    case 'NotEquals':
      return request === policy;
    case 'LessThan':
      return request < policy;
    case 'LessThanEquals':
      return request <= policy;
    case 'GreaterThan':
      return request > policy;
    case 'GreaterThanEquals':
      return request >= policy;
    default:
      return false;
  }
}

function likeMatch(pattern: string, value: string): boolean {
  if (pattern === '*' || pattern === value) return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return false;
  return matchesCompiled(compileWildcard(pattern), value);
}
