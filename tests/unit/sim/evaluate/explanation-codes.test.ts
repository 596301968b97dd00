// Every code the explanation carries has words in the one catalog (src/sim/evaluate/explanation-codes.ts):
// the codes emitted over all engine cases, and the whole catalog, read as sentences a learner can
// act on — never the code itself, never "a identity-based policy".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import {
  EXPLANATION_CODES,
  explanationInWords,
  withArticle,
  type ExplanationCode,
} from '../../../../src/sim/evaluate/explanation-codes.ts';
import { reasonInWords } from '../../../../src/sim/evaluate/messages.ts';
import type { DecidingLayer } from '../../../../src/sim/evaluate/types.ts';
import { requestOf } from './cases/case.ts';
import { conditionCases } from './cases/conditions.ts';
import { federatedProviderCases, flowCases } from './cases/flow.ts';
import { matchingCases } from './cases/matching.ts';
import { variableCases } from './cases/variables.ts';

const SAMPLE_PARAMS = {
  policyType: 'identity',
  level: '1',
  kind: 'resource',
  principalAccount: '111122223333',
  resourceAccount: '444455556666',
  error: 'boom',
};

/** A sentence for people: starts with a capital, ends with a full stop, has no code or bad article in it. */
function expectSentence(words: string, code: string): void {
  expect(words, code).toMatch(/^[A-Z"].*[.)]$/s);
  expect(words, code).not.toContain(code);
  expect(words, code).not.toMatch(/\ba [aeiou]/i);
  expect(words, code).not.toMatch(/undefined|\[object/);
}

describe('the explanation code catalog', () => {
  test('every code has words', () => {
    expect(EXPLANATION_CODES.length).toBeGreaterThanOrEqual(80);
    for (const code of EXPLANATION_CODES) expectSentence(explanationInWords(code, SAMPLE_PARAMS), code);
  });

  test('every code the engine emits over all engine cases is in the catalog', () => {
    const emitted = new Set<string>();
    for (const c of [...matchingCases, ...conditionCases, ...variableCases, ...flowCases, ...federatedProviderCases]) {
      const { explanation } = authorize(requestOf(c));
      for (const step of explanation.steps) {
        emitted.add(step.code);
        expectSentence(explanationInWords(step.code, step.params), step.code);
      }
      for (const policy of explanation.policies) {
        for (const s of policy.statements) for (const m of [s.action, s.resource, s.principal, ...s.conditions]) if (m) emitted.add(m.code);
      }
    }
    const known = new Set<string>(EXPLANATION_CODES);
    expect([...emitted].filter((code) => !known.has(code))).toEqual([]);
    expect(emitted.size).toBeGreaterThan(30);
  });

  test('no code is built from a string at run time in the engine', () => {
    const dir = 'src/sim/evaluate';
    const built = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => /code: `|\.step\([^)]*`/.test(line));
    expect(built).toEqual([]);
  });

  test.each([
    ['identity', 'an identity-based policy'],
    ['session', 'a session policy'],
    ['scp', 'a service control policy'],
    ['rcp', 'a resource control policy'],
  ])('an explicit deny in the %s layer reads "%s"', (layer, words) => {
    expect(reasonInWords('EXPLICIT_DENY', layer as DecidingLayer)).toContain(`A Deny statement in ${words} applies`);
    expect(explanationInWords('EXPLICIT_DENY_FOUND', { policyType: layer })).toContain(words);
  });

  test('articles', () => {
    expect(withArticle('identity-based policy')).toBe('an identity-based policy');
    expect(withArticle('permissions boundary')).toBe('a permissions boundary');
  });

  test('the codes are a closed union: an unknown code does not type-check', () => {
    // @ts-expect-error — not a code of the catalog
    const unknown: ExplanationCode = 'SCP_LEVEL_NO_ALLOWS';
    expect(unknown).toBeDefined();
  });
});
