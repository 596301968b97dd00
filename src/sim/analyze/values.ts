/**
 * Representative values for one condition key: one value for every way the key's conditions can
 * come out. Strings and ARNs come from the automata (machines.ts); numbers, dates and IP addresses
 * from the boundaries the policy values draw (IAM "Condition operators": Numeric, Date, IpAddress
 * compare typed values, so every interval between two policy values behaves alike).
 */
import ipaddr from 'ipaddr.js';
import type { ParsedCondition } from '../policy/types.ts';
import { parseDate, parseIpRange, parseNumber, type IpRange } from '../policy/values.ts';
import type { VariableLookup } from '../evaluate/variables.ts';
import { resolveVariables } from '../evaluate/variables.ts';
import { compileWildcard } from '../evaluate/wildcard.ts';
import {
  arnTextMachine,
  both,
  explore,
  falseMachine,
  globMachine,
  literalTokens,
  prefixMachine,
  tokensOf,
  type Machine,
} from './machines.ts';

/** Candidate single values for a key, and whether the automaton search finished. */
export interface KeyValues {
  values: string[];
  complete: boolean;
}

/** The policy values of a condition after variable resolution (null: a variable had no value). */
function resolvedValues(cond: ParsedCondition, lookup: VariableLookup | undefined): (string | null)[] {
  const family = cond.info.family;
  return cond.values.map((v) => {
    if (lookup && (family === 'String' || family === 'Arn' || family === 'Bool') && v.value.includes('${'))
      return resolveVariables(v.value, lookup, true).text;
    return v.value;
  });
}

/** The automaton of one positive string comparison, mirroring conditions.ts `compare`. */
function stringMachine(cond: ParsedCondition, raw: string, lookup: VariableLookup | undefined): Machine {
  const base = cond.info.base;
  const resolved = lookup && raw.includes('${') ? resolveVariables(raw, lookup, true) : undefined;
  const text = resolved ? resolved.text : raw;
  if (text === null) return falseMachine();
  if (base.startsWith('StringEqualsIgnoreCase') || base.startsWith('StringNotEqualsIgnoreCase'))
    return globMachine(literalTokens(text), true);
  if (base === 'StringLike' || base === 'StringNotLike') return globMachine(tokensOf(resolved?.pattern ?? compileWildcard(text), true));
  if (base.startsWith('Arn')) return both(prefixMachine('arn:'), arnTextMachine(text));
  return globMachine(literalTokens(text));
}

/** Every way the conditions on one key can come out for a single value, one value each (unfiltered). */
export function keyValueCandidates(conds: readonly ParsedCondition[], lookup: VariableLookup | undefined): KeyValues {
  const out: string[] = [];
  const machines: Machine[] = [];
  let complete = true;
  for (const cond of conds) {
    const values = resolvedValues(cond, lookup);
    const family = cond.info.family;
    for (const v of values) if (v !== null) out.push(v);
    if (family === 'String' || family === 'Arn' || family === 'Binary') {
      cond.values.forEach((v) => machines.push(stringMachine(cond, v.value, lookup)));
      for (const v of values) if (v !== null && /[*?]/.test(v)) out.push(v.replace(/\*/g, 'example').replace(/\?/g, 'x'));
    } else if (family === 'Bool') out.push('true', 'false', 'not-a-boolean');
    else if (family === 'Numeric') out.push(...numberPoints(values.map((v) => (v === null ? undefined : parseNumber(v)))));
    else if (family === 'Date') out.push(...datePoints(values.map((v) => (v === null ? undefined : parseDate(v)))));
    else if (family === 'IpAddress') out.push(...ipPoints(values.map((v) => (v === null ? undefined : parseIpRange(v)))));
  }
  if (machines.length > 0) {
    const found = explore(machines, '');
    complete = found.complete;
    out.push(...found.witnesses);
  }
  return { values: [...new Set(out)], complete };
}

/** Each number, a point between neighbours, one below and one above, and a non-number. */
function numberPoints(nums: (number | undefined)[]): string[] {
  const sorted = [...new Set(nums.filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const out: string[] = ['not-a-number'];
  if (sorted.length === 0) return [...out, '0'];
  out.push(String((sorted[0] as number) - 1), String((sorted[sorted.length - 1] as number) + 1));
  sorted.forEach((n, i) => {
    out.push(String(n));
    const next = sorted[i + 1];
    if (next !== undefined) {
      const mid = (n + next) / 2;
      if (mid > n && mid < next && parseNumber(String(mid)) === mid) out.push(String(mid));
    }
  });
  return out;
}

/** The same for dates (milliseconds since the epoch), written as ISO 8601 text. */
function datePoints(ms: (number | undefined)[]): string[] {
  const sorted = [...new Set(ms.filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const out: string[] = ['not-a-date'];
  const iso = (n: number): string | undefined => {
    if (!Number.isInteger(n) || n < -8.64e15 || n > 8.64e15) return undefined;
    const text = new Date(n).toISOString();
    return parseDate(text) === n ? text : undefined;
  };
  if (sorted.length === 0) return [...out, '2026-01-01T00:00:00.000Z'];
  const push = (n: number): void => {
    const t = iso(n);
    if (t !== undefined) out.push(t);
  };
  push((sorted[0] as number) - 1);
  push((sorted[sorted.length - 1] as number) + 1);
  sorted.forEach((n, i) => {
    push(n);
    const next = sorted[i + 1];
    if (next !== undefined && next - n >= 2) push(Math.floor((n + next) / 2));
  });
  return out;
}

/**
 * For CIDR blocks, every cell of the partition they draw starts at the lowest address, at a block's
 * first address, or just after a block's last address: those addresses cover every cell. The
 * engine compares a request value's address bytes only (values.ts `ipInRange`), so addresses suffice.
 */
function ipPoints(ranges: (IpRange | undefined)[]): string[] {
  const out: string[] = ['0.0.0.0', '::', 'not-an-ip'];
  for (const r of ranges) {
    if (!r) continue;
    const first = r.bytes.map((b, i) => maskByte(b, r.prefix - i * 8, false));
    const last = r.bytes.map((b, i) => maskByte(b, r.prefix - i * 8, true));
    out.push(format(first));
    const after = increment(last);
    if (after) out.push(format(after));
  }
  return out;
}

function maskByte(b: number, bits: number, fill: boolean): number {
  if (bits >= 8) return b;
  const keep = bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
  return (b & keep) | (fill ? ~keep & 0xff : 0);
}

function increment(bytes: number[]): number[] | undefined {
  const out = bytes.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if ((out[i] as number) < 255) {
      out[i] = (out[i] as number) + 1;
      return out;
    }
    out[i] = 0;
  }
  return undefined;
}

function format(bytes: number[]): string {
  return ipaddr.fromByteArray(bytes).toString();
}
