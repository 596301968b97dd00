// The policy checker validates each document as the policy type it is: the resource-based policy
// of a role is its trust policy, which must not have a Resource element ("IAM JSON policy
// elements: Resource", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html),
// so lesson 7's trust policy gets no "missing Resource" error.
import { describe, expect, test } from 'vitest';
import { simulateCustomPolicy, validatePolicy } from '../../../src/sim/index.ts';
import { toWorkerError } from '../../../src/worker/sim-adapter.ts';
import { errorWords, resourcePolicyType } from '../../../src/widgets/AccessCheck.svelte.ts';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
});

describe('resourcePolicyType', () => {
  test.each([
    ['arn:aws:iam::111122223333:role/ReportsReader', 'trust'],
    ['arn:aws:iam::111122223333:role/team/Deployer', 'trust'],
    ['arn:aws:s3:::reports/2026/q1.csv', 'resource'],
    ['arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'resource'],
    ['arn:aws:iam::111122223333:user/dev', 'resource'],
    ['*', 'resource'],
  ])('%s → %s', (arn, type) => {
    expect(resourcePolicyType(arn)).toBe(type);
  });

  test("lesson 7's trust policy, validated as the role's policy type, has no error", async () => {
    const asTrust = await validatePolicy(TRUST, resourcePolicyType('arn:aws:iam::111122223333:role/ReportsReader'));
    expect(asTrust.filter((f) => f.severity === 'ERROR')).toEqual([]);
    // Validated as an ordinary resource-based policy, the same text would be wrongly refused.
    const asResource = await validatePolicy(TRUST, 'resource');
    expect(asResource.map((f) => f.code)).toContain('MISSING_RESOURCE');
  });
});

describe('errorWords', () => {
  // Lesson 11: "empty the identity policy" gave "PolicyInputList.1 is not a valid policy: … (line 3,
  // column 14) (line 3, column 14)" — the API field name and the position twice.
  test('names the editor and leaves the position to the widget, which prints it once', () => {
    const empty = JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 2);
    let error: unknown;
    try {
      simulateCustomPolicy({ PolicyInputList: [empty], ActionNames: ['iam:ListUsers'] });
    } catch (e) {
      error = e;
    }
    const worker = toWorkerError(error);
    expect(worker.code).toBe('MALFORMED_POLICY');
    expect(worker.span?.start.line).toBe(3);
    expect(errorWords(worker)).toBe(
      'The identity-based policy is not a valid policy: The Statement element is empty; add at least one statement.',
    );
    expect(errorWords(worker)).not.toMatch(/PolicyInputList|line \d/);
  });

  test('other errors keep their message', () => {
    expect(errorWords({ code: 'WORKER_ERROR', message: 'The simulator stopped.' })).toBe('The simulator stopped.');
  });
});
