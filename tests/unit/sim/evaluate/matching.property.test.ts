/**
 * Property tests (fast-check) for the matching invariants: wildcard matching agrees with a simple
 * reference matcher, `*` matches everything, a literal pattern matches only itself, actions ignore
 * case, ARNs do not, and hostile patterns finish fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesArnPattern, matchResourcePattern } from '../../../../src/sim/evaluate/arn.ts';
import { matchesAction } from '../../../../src/sim/evaluate/statement.ts';
import { compileWildcard, matchesCompiled, matchesWildcard } from '../../../../src/sim/evaluate/wildcard.ts';

/** Reference: dynamic programming over pattern × text (obviously correct, quadratic). */
function reference(pattern: string, text: string): boolean {
  const m = pattern.length;
  const n = text.length;
  let prev: boolean[] = new Array<boolean>(n + 1).fill(false);
  prev[0] = true;
  for (let i = 1; i <= m; i++) {
    const cur: boolean[] = new Array<boolean>(n + 1).fill(false);
    const p = pattern[i - 1];
    cur[0] = p === '*' && (prev[0] ?? false);
    for (let j = 1; j <= n; j++) {
      if (p === '*') cur[j] = (prev[j] ?? false) || (cur[j - 1] ?? false);
      else cur[j] = (prev[j - 1] ?? false) && (p === '?' || p === text[j - 1]);
    }
    prev = cur;
  }
  return prev[n] ?? false;
}

const alphabet = fc.constantFrom('a', 'b', '/', ':', '*', '?');
const textAlphabet = fc.constantFrom('a', 'b', '/', ':');
const pattern = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
const text = fc.array(textAlphabet, { maxLength: 14 }).map((a) => a.join(''));

describe('wildcard matching', () => {
  it('agrees with the reference matcher', () => {
    fc.assert(
      fc.property(pattern, text, (p, t) => matchesWildcard(p, t) === reference(p, t)),
      { numRuns: 3000 },
    );
  });
  it('agrees with the reference matcher from any offset into the text', () => {
    fc.assert(
      fc.property(text, pattern, text, (skipped, p, t) => {
        const compiled = compileWildcard(p);
        return matchesCompiled(compiled, skipped + t, 0, compiled.length, skipped.length) === reference(p, t);
      }),
      { numRuns: 3000 },
    );
  });
  it('"*" matches every text', () => {
    fc.assert(fc.property(fc.string(), (t) => matchesWildcard('*', t)));
  });
  it('a pattern without wildcards matches exactly itself', () => {
    fc.assert(fc.property(text, text, (a, b) => matchesWildcard(a, b) === (a === b)));
  });
  it('every text matches itself with any character replaced by ?', () => {
    fc.assert(
      fc.property(
        text.filter((t) => t.length > 0),
        fc.nat(),
        (t, k) => {
          const i = k % t.length;
          return matchesWildcard(`${t.slice(0, i)}?${t.slice(i + 1)}`, t);
        },
      ),
    );
  });
  it('a 10,000-character hostile pattern finishes quickly', () => {
    const hostile = `${'*a'.repeat(5000)}b`;
    const t = 'a'.repeat(10_000);
    const start = performance.now();
    expect(matchesWildcard(hostile, t)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('action matching', () => {
  const name = fc.stringMatching(/^[A-Za-z]{1,12}$/);
  it('ignores case in the prefix and the name', () => {
    fc.assert(
      fc.property(name, name, (svc, act) => matchesAction(`${svc.toUpperCase()}:${act.toLowerCase()}`, `${svc}:${act}`.toLowerCase())),
    );
  });
  it('service:* matches every action of the service and none of another', () => {
    fc.assert(
      fc.property(
        name,
        name,
        (svc, act) =>
          matchesAction(`${svc}:*`, `${svc}:${act}`.toLowerCase()) && !matchesAction(`${svc}x:*`, `${svc}:${act}`.toLowerCase()),
      ),
    );
  });
});

describe('ARN matching', () => {
  const seg = fc.stringMatching(/^[a-z0-9-]{0,8}$/);
  const res = fc.stringMatching(/^[a-zA-Z0-9/_.-]{1,20}$/);
  const arn = fc.tuple(seg, seg, seg, res).map(([svc, region, acct, r]) => `arn:aws:${svc || 's3'}:${region}:${acct}:${r}`);
  it('an ARN matches itself and "*"', () => {
    fc.assert(
      fc.property(arn, (a) => matchesArnPattern(a, a) && matchesArnPattern('*', a) && matchResourcePattern(a, a, undefined).matched),
    );
  });
  it('resource ARNs are case-sensitive', () => {
    fc.assert(
      fc.property(
        arn.filter((a) => a !== a.toUpperCase()),
        (a) => !matchResourcePattern(a.toUpperCase(), a, undefined).matched,
      ),
    );
  });
  it('replacing the resource part with * matches', () => {
    fc.assert(
      fc.property(arn, (a) => {
        const head = a.split(':').slice(0, 5).join(':');
        return matchResourcePattern(`${head}:*`, a, undefined).matched;
      }),
    );
  });
  it('a wildcard in the region does not swallow the account', () => {
    expect(matchesArnPattern('arn:aws:ec2:us-*1:111122223333:instance/i', 'arn:aws:ec2:us-east-1:111122223333:instance/i')).toBe(true);
    expect(matchesArnPattern('arn:aws:ec2:us-*1:111122223333:instance/i', 'arn:aws:ec2:us-east-2:111122223333:instance/i')).toBe(false);
  });
});
