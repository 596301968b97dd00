/**
 * Python's `difflib.get_close_matches`, which the CLI uses to suggest `maybe you meant:` choices
 * for a mistyped command or operation (awscli/argparser.py, cutoff 0.8).
 */

/** Up to `n` possibilities whose similarity to `word` is at least `cutoff`, best first. */
export function closeMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.8): string[] {
  const scored: Array<[number, string]> = [];
  for (const candidate of possibilities) {
    const total = candidate.length + word.length;
    if (total === 0) continue;
    // real_quick_ratio: an upper bound from the lengths alone.
    if ((2 * Math.min(candidate.length, word.length)) / total < cutoff) continue;
    const score = (2 * matchingCharacters(candidate, word)) / total;
    if (score >= cutoff) scored.push([score, candidate]);
  }
  scored.sort((x, y) => (y[0] !== x[0] ? y[0] - x[0] : y[1] < x[1] ? -1 : y[1] > x[1] ? 1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}

/** Total size of SequenceMatcher's matching blocks: longest common block, then recurse on both sides. */
function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, size] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (size === 0) continue;
    total += size;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + size < ahi && j + size < bhi) queue.push([i + size, ahi, j + size, bhi]);
  }
  return total;
}

/** The longest block a[i..i+k) == b[j..j+k), earliest in a, then earliest in b (difflib's tie rule). */
function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let bestI = alo;
  let bestJ = blo;
  let bestSize = 0;
  let previous = new Map<number, number>();
  for (let i = alo; i < ahi; i += 1) {
    const current = new Map<number, number>();
    for (let j = blo; j < bhi; j += 1) {
      if (a[i] !== b[j]) continue;
      const k = (previous.get(j - 1) ?? 0) + 1;
      current.set(j, k);
      if (k > bestSize) {
        bestI = i - k + 1;
        bestJ = j - k + 1;
        bestSize = k;
      }
    }
    previous = current;
  }
  return [bestI, bestJ, bestSize];
}
