/**
 * The policy JSON reader against the platform's JSON.parse, on random documents and random damage:
 * it accepts exactly what JSON.parse accepts when every character is one IAM allows (tab, LF, CR and
 * U+0020–U+00FF: IAM API Reference, PolicyDocument pattern,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html), reads the same values,
 * and refuses any other character with INVALID_CHARACTER at its offset. Documents of every length
 * follow one another, so nothing read for one document can leak into the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, type Node } from '../../../../src/sim/policy/json.ts';

/** The value a reader tree stands for; `duplicates` is set when an object repeats a key (JSON.parse keeps the last). */
function valueOf(n: Node, seen = { duplicates: false }): unknown {
  if (n.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of n.children ?? []) {
      const key = p.value as string;
      if (Object.hasOwn(out, key)) seen.duplicates = true;
      // Defined, not assigned: a "__proto__" key is an own property, as JSON.parse makes it.
      if (p.item) Object.defineProperty(out, key, { value: valueOf(p.item, seen), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (n.type === 'array') return (n.children ?? []).map((c) => valueOf(c, seen));
  return n.value;
}

const IAM_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;

function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Characters from every class the reader treats differently. */
const char = fc.oneof(
  fc.constantFrom('"', '\\', '{', '}', '[', ']', ':', ',', ' ', '\n', '\t', '\r', '0', '-', 'e', 'n', 't', 'u', '/'),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0100', '\u20ac', '\ud83d\ude00', '\ud800'),
);
const text = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v, null, 2)),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.array(char, { minLength: 1, maxLength: 3 }), fc.nat()).map(([v, inserted, at]) => {
    const json = JSON.stringify(v);
    const i = at % (json.length + 1);
    return json.slice(0, i) + inserted.join('') + json.slice(i);
  }),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([v, at]) => {
    const json = JSON.stringify(v);
    return json.slice(0, at % (json.length + 1));
  }),
);

describe('policy JSON reader', () => {
  it('agrees with JSON.parse on documents in IAM characters, and refuses other characters where they are', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { root, problems } = parseJson(t);
        const problem = problems[0];
        const expected = reference(t);
        if (!IAM_CHARACTERS.test(t)) {
          // Refused; when the reader got as far as a character IAM does not allow, it names that one.
          expect(root).toBeUndefined();
          if (problem?.code === 'INVALID_CHARACTER') expect(IAM_CHARACTERS.test(t.charAt(problem.offset))).toBe(false);
          return;
        }
        if (expected.ok) {
          expect(problems).toEqual([]);
          const seen = { duplicates: false };
          const value = root ? valueOf(root, seen) : undefined;
          if (!seen.duplicates) expect(value).toEqual(expected.value);
        } else {
          expect(root).toBeUndefined();
          expect(['JSON_SYNTAX', 'INVALID_CHARACTER', 'TOO_DEEP']).toContain(problem?.code);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('reports a character above U+00FF as itself, in a string or between tokens, after any earlier document', () => {
    parseJson(JSON.stringify({ long: 'x'.repeat(5000) }));
    for (const [t, offset] of [
      ['{"a":"caf\u20ac"}', 9],
      ['{"a":\u20ac}', 5],
      ['{"caf\u00e9":"\u00e9\u0100"}', 10],
      ['[1,\ud83d\ude00]', 3],
    ] as const) {
      const { problems } = parseJson(t);
      expect(problems[0]?.code, t).toBe('INVALID_CHARACTER');
      expect(problems[0]?.offset, t).toBe(offset);
      expect(problems[0]?.params['char'], t).toBe(`U+${t.charCodeAt(offset).toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(valueOf(parseJson('{"caf\u00e9":"\u00ff"}').root as Node)).toEqual({ 'caf\u00e9': '\u00ff' });
    // A short document after a long one ends where it ends.
    expect(parseJson('{"a"').problems[0]?.code).toBe('JSON_SYNTAX');
  });
});
