// A role trust policy (and a KMS key policy) must allow explicitly; without an Allow the evaluation
// ends at that step ("IAM User Guide, Policy evaluation logic": for role trust and key policies the
// resource-based policy must allow). Learners review: the flowchart said "passes — evaluation
// continues" for a trust policy that denied, and the request was then denied by it.
import { describe, expect, test } from 'vitest';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import { requestOf } from './cases/case.ts';
import { flowCases } from './cases/flow.ts';

describe('the resource step of a trust policy', () => {
  test('no Allow in the trust policy: the step is "no allow", and it decides', () => {
    const c = flowCases.find((x) => x.name === 'trust must allow explicitly: identity allow is not enough')!;
    const { decision, explanation } = authorize(requestOf(c));
    expect(decision).toBe('implicitDeny');
    const step = explanation.steps.find((s) => s.step === 'resource');
    expect(step).toMatchObject({ outcome: 'implicitDeny', code: 'RESOURCE_NO_ALLOW', params: { kind: 'trust' } });
  });

  test('a trust policy naming the account passes on to the identity policies', () => {
    const c = flowCases.find((x) => x.name === 'trust naming the account plus identity allow')!;
    const step = authorize(requestOf(c)).explanation.steps.find((s) => s.step === 'resource');
    expect(step?.outcome).not.toBe('implicitDeny');
  });
});
