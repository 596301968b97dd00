/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"): `${key}`,
 * `${key, 'default'}`, and the escapes `${*}` `${?}` `${$}` for literal characters. They exist only
 * under `"Version": "2012-10-17"`; under 2008-10-17 or no Version the text is literal. A variable
 * with no value and no default makes the whole value null: a Resource then matches nothing, and a
 * condition value then matches nothing (so negated operators are true).
 */
import type { ResolvedVariable } from './types.ts';
import { compileLiteral, compileWildcard, concatPatterns, type CompiledPattern } from './wildcard.ts';

/** Looks up a single-valued context key (case-insensitive); undefined when absent or multivalued. */
export type VariableLookup = (lowerKey: string) => string | undefined;

/** A value after variable resolution. `pattern`/`text` are null when a variable had no value. */
export interface ResolvedValue {
  pattern: CompiledPattern | null;
  text: string | null;
  variables: ResolvedVariable[];
}

const NO_VARIABLES: ResolvedVariable[] = [];

/** True when the text contains `${`, i.e. may hold a variable. */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}

/**
 * Resolves variables in `raw`. With `wildcards`, `*` and `?` outside variables stay wildcards and
 * characters that come from variables or escapes are literal.
 */
export function resolveVariables(raw: string, lookup: VariableLookup, wildcards: boolean): ResolvedValue {
  if (!raw.includes('${')) {
    return { pattern: wildcards ? compileWildcard(raw) : compileLiteral(raw), text: raw, variables: NO_VARIABLES };
  }
  const pieces = piecesOf(raw);
  const variables: ResolvedVariable[] = [];
  const values: string[] = [];
  let unresolved = false;
  for (const piece of pieces) {
    if (piece.variable === undefined) continue;
    const value = resolveOne(piece.body ?? '', lookup);
    variables.push({ variable: piece.variable, value: value.value, source: value.source });
    if (value.value === null) unresolved = true;
    else values.push(value.value);
  }
  if (unresolved) return { pattern: null, text: null, variables };
  // The same raw pattern with the same values recurs on every request: reuse the compiled form.
  // Keyed by the raw text; the values are compared one by one (no key string to build and hash).
  const entries = resolvedCache.get(raw);
  let hit = entries?.find((e) => e.wildcards === wildcards && sameValues(e.values, values));
  if (!hit) {
    const parts: CompiledPattern[] = [];
    const textParts: string[] = [];
    let v = 0;
    for (const piece of pieces) {
      if (piece.variable === undefined) pushText(piece.text, wildcards, parts, textParts);
      else {
        const value = variables[v++]?.value ?? '';
        parts.push(compileLiteral(value));
        textParts.push(value);
      }
    }
    hit = { wildcards, values, pattern: concatPatterns(parts), text: textParts.join('') };
    if (resolvedCount >= 2000) {
      resolvedCache.clear();
      resolvedCount = 0;
    }
    if (entries && entries.length < 8) entries.push(hit);
    else resolvedCache.set(raw, [hit]);
    resolvedCount++;
  }
  return { pattern: hit.pattern, text: hit.text, variables };
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface ResolvedEntry {
  wildcards: boolean;
  values: string[];
  pattern: CompiledPattern;
  text: string;
}

let resolvedCount = 0;
const resolvedCache = new Map<string, ResolvedEntry[]>();
const piecesCache = new Map<string, Piece[]>();

/** Literal text, or a `${…}` variable with its body. */
interface Piece {
  text: string;
  variable?: string;
  body?: string;
}

function piecesOf(raw: string): Piece[] {
  const hit = piecesCache.get(raw);
  if (hit) return hit;
  const pieces: Piece[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('${', i);
    const close = start < 0 ? -1 : raw.indexOf('}', start + 2);
    if (start < 0 || close < 0) {
      pieces.push({ text: raw.slice(i) });
      break;
    }
    if (start > i) pieces.push({ text: raw.slice(i, start) });
    pieces.push({ text: '', variable: raw.slice(start, close + 1), body: raw.slice(start + 2, close) });
    i = close + 1;
  }
  if (piecesCache.size > 2000) piecesCache.clear();
  piecesCache.set(raw, pieces);
  return pieces;
}

function pushText(text: string, wildcards: boolean, parts: CompiledPattern[], textParts: string[]): void {
  if (text === '') return;
  parts.push(wildcards ? compileWildcard(text) : compileLiteral(text));
  textParts.push(text);
}

function resolveOne(body: string, lookup: VariableLookup): { value: string | null; source: ResolvedVariable['source'] } {
  const trimmed = body.trim();
  if (trimmed === '*' || trimmed === '?' || trimmed === '$') return { value: trimmed, source: 'escape' };
  // `${aws:PrincipalTag/team, 'company-wide'}`: a default in single quotes after a comma.
  const comma = body.indexOf(',');
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  let fallback: string | undefined;
  if (comma >= 0) {
    const m = /^\s*'([^']*)'\s*$/.exec(body.slice(comma + 1));
    if (m) fallback = m[1];
  }
  const value = lookup(key.toLowerCase());
  if (value !== undefined) return { value, source: 'context' };
  if (fallback !== undefined) return { value: fallback, source: 'default' };
  return { value: null, source: 'missing' };
}
