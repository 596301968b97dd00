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
    const value = resolveOne(piece, lookup);
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

/** Literal text, or a `${…}` variable with its body (and the body read once: escape, key, default). */
interface Piece {
  text: string;
  variable?: string;
  body?: string;
  /** `*`, `?` or `$` for the escapes `${*}` `${?}` `${$}`. */
  escape?: string;
  /** The context key, lower-cased. */
  lowerKey?: string;
  /** The default after the comma, in single quotes. */
  fallback?: string;
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
    pieces.push(variablePiece(raw.slice(start, close + 1), raw.slice(start + 2, close)));
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

/** A variable piece with its body read: an escape, or a key with an optional default. */
function variablePiece(variable: string, body: string): Piece {
  const piece: Piece = { text: '', variable, body };
  const trimmed = body.trim();
  if (trimmed === '*' || trimmed === '?' || trimmed === '$') {
    piece.escape = trimmed;
    return piece;
  }
  // `${aws:PrincipalTag/team, 'company-wide'}`: a default in single quotes after a comma.
  const comma = body.indexOf(',');
  piece.lowerKey = (comma < 0 ? body : body.slice(0, comma)).trim().toLowerCase();
  if (comma >= 0) {
    const m = /^\s*'([^']*)'\s*$/.exec(body.slice(comma + 1));
    if (m?.[1] !== undefined) piece.fallback = m[1];
  }
  return piece;
}

/** The value of a variable piece: the escaped character, the context value, the default, or null. */
function valueOf(piece: Piece, lookup: VariableLookup): string | null {
  if (piece.escape !== undefined) return piece.escape;
  return lookup(piece.lowerKey ?? '') ?? piece.fallback ?? null;
}

function resolveOne(piece: Piece, lookup: VariableLookup): { value: string | null; source: ResolvedVariable['source'] } {
  if (piece.escape !== undefined) return { value: piece.escape, source: 'escape' };
  const value = lookup(piece.lowerKey ?? '');
  if (value !== undefined) return { value, source: 'context' };
  if (piece.fallback !== undefined) return { value: piece.fallback, source: 'default' };
  return { value: null, source: 'missing' };
}

/**
 * The compiled pattern and text `resolveVariables` gives, without the list of variables (a decision
 * needs only these): found in its cache without allocating when the same values recur.
 */
export function resolvedPattern(
  raw: string,
  lookup: VariableLookup,
  wildcards: boolean,
): { pattern: CompiledPattern; text: string } | null {
  const pieces = piecesOf(raw);
  const entries = resolvedCache.get(raw);
  if (entries)
    next: for (const e of entries) {
      if (e.wildcards !== wildcards) continue;
      let v = 0;
      for (const piece of pieces) {
        if (piece.variable === undefined) continue;
        const value = valueOf(piece, lookup);
        if (value === null) return null;
        if (e.values[v++] !== value) continue next;
      }
      return e;
    }
  const r = resolveVariables(raw, lookup, wildcards);
  return r.pattern === null || r.text === null ? null : { pattern: r.pattern, text: r.text };
}
