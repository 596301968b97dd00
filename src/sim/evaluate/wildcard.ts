/**
 * Wildcard matching for `*` (any run of characters) and `?` (exactly one character) without
 * regular expressions or backtracking: the pattern is split at `*` into pieces that must appear in
 * order, the first anchored at the start and the last at the end. Each piece is placed at its
 * leftmost fit, which is always safe for glob patterns, so the work is bounded by
 * text length × pattern length — a 10,000-character hostile pattern cannot hang.
 */

/**
 * A compiled pattern: code units, with STAR and QMARK standing for the wildcards. The two commonest
 * shapes are marked, so they match by one straight comparison of code units instead of the general
 * walk (policy patterns are matched on every request): `exact`, a pattern with no wildcard, and
 * `prefix`, literal text followed by one `*` at the end (`arn:aws:s3:::bucket/home/*`); each holds
 * the number of literal code units. Both are set only by the compile functions here, once per pattern.
 */
export type CompiledPattern = Int32Array & { exact?: number; prefix?: number };

/** Records the shortcut a pattern's shape allows (see CompiledPattern). */
function planned(codes: Int32Array): CompiledPattern {
  const out = codes as CompiledPattern;
  let wild = -1;
  for (let i = 0; i < codes.length; i++)
    if ((codes[i] ?? 0) < 0) {
      wild = i;
      break;
    }
  if (wild < 0) out.exact = codes.length;
  else if (wild === codes.length - 1 && codes[wild] === STAR) out.prefix = wild;
  return out;
}

/** Marks `*` in a compiled pattern. */
export const STAR = -1;
/** Marks `?` in a compiled pattern. */
export const QMARK = -2;

const compiledCache = new Map<string, CompiledPattern>();

/** Compiles a pattern in which every `*` and `?` is a wildcard (cached by text). */
export function compileWildcard(pattern: string): CompiledPattern {
  let hit = compiledCache.get(pattern);
  if (hit) return hit;
  hit = new Int32Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    hit[i] = c === 42 ? STAR : c === 63 ? QMARK : c;
  }
  hit = planned(hit);
  if (compiledCache.size > 5000) compiledCache.clear();
  compiledCache.set(pattern, hit);
  return hit;
}

/** Compiles literal text: no character in it is a wildcard. */
export function compileLiteral(text: string): CompiledPattern {
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return planned(out);
}

/** Joins compiled parts (wildcard text and literal text from resolved variables). */
export function concatPatterns(parts: readonly CompiledPattern[]): CompiledPattern {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return planned(out);
}

/** True when `text` matches the whole of `pattern` (case-sensitive). */
export function matchesWildcard(pattern: string, text: string): boolean {
  if (pattern === text) return true;
  if (pattern === '*') return true;
  return matchesCompiled(compileWildcard(pattern), text);
}

/**
 * True when `text` (from `textStart` on) matches a compiled pattern. `from`/`to` bound the slice of
 * `pattern` used. The start offset spares callers a substring on every request.
 */
export function matchesCompiled(pattern: CompiledPattern, text: string, from = 0, to = pattern.length, textStart = 0): boolean {
  if (from === 0 && to === pattern.length) {
    const { exact, prefix } = pattern;
    if (exact !== undefined) return text.length - textStart === exact && literalAt(pattern, exact, text, textStart);
    if (prefix !== undefined) return text.length - textStart >= prefix && literalAt(pattern, prefix, text, textStart);
  }
  // Leading piece: anchored at the start.
  let p = from;
  let t = textStart;
  while (p < to && pattern[p] !== STAR) {
    if (t >= text.length || !same(pattern[p] ?? 0, text.charCodeAt(t))) return false;
    p++;
    t++;
  }
  if (p === to) return t === text.length;
  // Trailing piece: anchored at the end.
  let endP = to;
  let endT = text.length;
  while (endP > p && pattern[endP - 1] !== STAR) {
    endP--;
    endT--;
    if (endT < t || !same(pattern[endP] ?? 0, text.charCodeAt(endT))) return false;
  }
  // Middle pieces between stars: each at its leftmost fit within [t, endT).
  while (p < endP) {
    while (p < endP && pattern[p] === STAR) p++;
    if (p >= endP) break;
    let pieceEnd = p;
    while (pieceEnd < endP && pattern[pieceEnd] !== STAR) pieceEnd++;
    const len = pieceEnd - p;
    let found = -1;
    for (let start = t; start + len <= endT; start++) {
      let k = 0;
      while (k < len && same(pattern[p + k] ?? 0, text.charCodeAt(start + k))) k++;
      if (k === len) {
        found = start;
        break;
      }
    }
    if (found < 0) return false;
    t = found + len;
    p = pieceEnd;
  }
  return t <= endT;
}

/**
 * The first `n` code units of a pattern (all literal) against `text` from `at` on, read from the
 * compiled codes: `startsWith` is a call TurboFan does not inline, and the pattern's own text is a
 * string built piece by piece, slow to read (bench/engine.bench.ts). The caller checks the length.
 */
function literalAt(codes: Int32Array, n: number, text: string, at: number): boolean {
  for (let i = 0; i < n; i++) if (text.charCodeAt(at + i) !== codes[i]) return false;
  return true;
}

function same(p: number, c: number): boolean {
  return p === c || p === QMARK;
}
