/**
 * Data-driven engine cases, each citing the AWS documentation section its expectation comes from.
 * Run one with FILTER="substring" npx vitest run tests/unit/sim/evaluate.
 */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import { requestOf, type EngineCase } from './cases/case.ts';
import { conditionCases } from './cases/conditions.ts';
import { federatedProviderCases, flowCases } from './cases/flow.ts';
import { matchingCases } from './cases/matching.ts';
import { variableCases } from './cases/variables.ts';

const filter = process.env['FILTER'];
const suites: [string, EngineCase[]][] = [
  ['matching', matchingCases],
  ['conditions', conditionCases],
  ['variables', variableCases],
  ['flow', flowCases],
  ['web identity and SAML', federatedProviderCases],
];

for (const [suite, cases] of suites) {
  describe(suite, () => {
    for (const c of cases.filter((x) => !filter || x.name.includes(filter))) {
      it(`${c.name} [${c.doc}]`, () => {
        expect(c.doc).toMatch(/^https:\/\//);
        const result = authorize(requestOf(c));
        // A case fails for the stated reason, never because its own policies did not parse.
        if (c.reason !== 'POLICY_ERROR') expect(result.explanation.policies.filter((p) => p.outcome === 'error')).toEqual([]);
        expect({ decision: result.decision, reason: c.reason ? result.reason : undefined }).toEqual({
          decision: c.expect,
          reason: c.reason,
        });
      });
    }
  });
}

it('has at least 200 engine cases', () => {
  expect(suites.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(200);
});
