/**
 * ARN matching for Resource/NotResource and the Arn condition operators (IAM User Guide, "IAM JSON
 * policy elements: Resource", wildcards): ARNs are case-sensitive; `*` and `?` work within each
 * colon-separated segment; a `*` that ends a segment may expand beyond colon boundaries; in the
 * resource part (after the fifth colon) `*` spans `/` and `:` freely. Variables resolve only in the
 * resource part.
 */
import type { ResolvedVariable } from './types.ts';
import { splitFive } from '../policy/arn-parts.ts';
import { resolvedPattern, resolveVariables, type VariableLookup } from './variables.ts';
import { compileWildcard, matchesCompiled, type CompiledPattern } from './wildcard.ts';

/** A resource pattern split at its first five colons; `last` is the remainder, variables resolved. */
interface ArnPattern {
  head: string[];
  last: CompiledPattern;
  /** The pattern reached the resource part (had five colons). */
  full: boolean;
  lastEndsWithStar: boolean;
  /** No head segment ends in `*` unless it is `*` (segments then align one to one with the ARN's). */
  headAligned: boolean;
}

/** The outcome of matching one pattern. */
export interface ArnMatch {
  matched: boolean;
  /** The pattern after variable resolution; null when a variable had no value (matches nothing). */
  resolved: string | null;
  variables: ResolvedVariable[];
}

/**
 * Matches a resource pattern from a policy against a request resource. `lookup` resolves policy
 * variables; pass undefined for policies without Version 2012-10-17, where `${…}` is literal text.
 */
export function matchResourcePattern(pattern: string, resource: string, lookup: VariableLookup | undefined): ArnMatch {
  if (pattern === '*') return { matched: true, resolved: '*', variables: NO_VARIABLES };
  const split = splitPattern(pattern);
  if (lookup && split.restHasVariable) {
    const r = resolveVariables(split.rest, lookup, true);
    if (r.pattern === null || r.text === null) return { matched: false, resolved: null, variables: r.variables };
    const resolved = split.head.length === 5 ? `${split.head.join(':')}:${r.text}` : r.text;
    return { matched: matchSplit(split.arn, r.pattern, resource), resolved, variables: r.variables };
  }
  if (pattern === resource) return { matched: true, resolved: pattern, variables: NO_VARIABLES };
  return { matched: matchSplit(split.arn, split.arn.last, resource), resolved: pattern, variables: NO_VARIABLES };
}

const NO_VARIABLES: ResolvedVariable[] = [];

/** Whether a resource pattern read by `splitPattern` matches (`matchResourcePattern(...).matched` without the resolved text). */
export function splitMatches(split: SplitPattern, resource: string, lookup: VariableLookup | undefined): boolean {
  const pattern = split.text;
  if (pattern === '*') return true;
  if (lookup && split.restHasVariable) {
    const r = resolvedPattern(split.rest, lookup, true);
    return r !== null && matchSplit(split.arn, r.pattern, resource);
  }
  return pattern === resource || matchSplit(split.arn, split.arn.last, resource);
}

/** A policy pattern split once and reused: the same patterns are matched on every request. */
export interface SplitPattern {
  /** The pattern as written. */
  text: string;
  head: string[];
  rest: string;
  restHasVariable: boolean;
  arn: ArnPattern;
}

const splitCache = new Map<string, SplitPattern>();

export function splitPattern(pattern: string): SplitPattern {
  let hit = splitCache.get(pattern);
  if (hit) return hit;
  const { head, rest } = splitFive(pattern);
  hit = {
    text: pattern,
    head,
    rest,
    restHasVariable: rest.includes('${'),
    arn: {
      head,
      last: compileWildcard(rest),
      full: head.length === 5,
      lastEndsWithStar: rest.endsWith('*'),
      headAligned: head.every((seg) => !seg.endsWith('*') || seg === '*'),
    },
  };
  if (splitCache.size > 5000) splitCache.clear();
  splitCache.set(pattern, hit);
  return hit;
}

/** Matches an ARN pattern (no variables) against an ARN, segment by segment — ArnLike / ArnEquals. */
export function matchesArnPattern(pattern: string, value: string): boolean {
  if (pattern === '*' || pattern === value) return true;
  const arn = splitPattern(pattern).arn;
  return matchSplit(arn, arn.last, value);
}

let lastResource = '';
let lastResourceSplit: { head: string[]; rest: string } = { head: [], rest: '' };

/** Matches `p`, with `last` (its resource part, variables resolved) in place of `p.last`. */
function matchSplit(p: ArnPattern, last: CompiledPattern, resource: string): boolean {
  // Fast path: both have five colons before the resource part; segments align one to one.
  if (resource !== lastResource || lastResourceSplit.head.length === 0) {
    lastResource = resource;
    lastResourceSplit = splitFive(resource);
  }
  const r = lastResourceSplit;
  if (p.full && r.head.length === 5 && p.headAligned) {
    for (let i = 0; i < 5; i++) if (!segmentMatches(p.head[i] ?? '', r.head[i] ?? '')) return false;
    return matchesCompiled(last, r.rest);
  }
  return matchWithSpill(p, last, resource);
}

function segmentMatches(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  if (pattern === text) return true;
  return matchesCompiled(compileWildcard(pattern), text);
}

/** General case: a segment ending in `*` may swallow colons, so try each alignment (memoized). */
function matchWithSpill(p: ArnPattern, last: CompiledPattern, resource: string): boolean {
  const segments = p.head.map((s) => compileWildcard(s));
  const endsWithStar = p.head.map((s) => s.endsWith('*'));
  const count = segments.length;
  const memo = new Map<number, boolean>();
  const go = (i: number, pos: number): boolean => {
    const key = i * (resource.length + 1) + pos;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result = false;
    if (i === count) {
      // The remainder: the resource part (full pattern) or the final segment of a short pattern.
      const rest = resource.slice(pos);
      result = matchesCompiled(last, rest) && (p.full || p.lastEndsWithStar || !rest.includes(':'));
    } else {
      const seg = segments[i] ?? new Int32Array(0);
      let c = resource.indexOf(':', pos);
      while (c >= 0 && !result) {
        if (matchesCompiled(seg, resource.slice(pos, c)) && go(i + 1, c + 1)) result = true;
        if (!endsWithStar[i]) break;
        c = resource.indexOf(':', c + 1);
      }
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}
