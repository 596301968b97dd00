// Passing regression guard (was a suspected gap; the world already refuses unknown service principals).
// "STS API Reference, AssumeRole", https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; "Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html: a trust policy naming a service principal IAM does not know is refused on save:
// MalformedPolicyDocument `Invalid principal in policy: "SERVICE":"<svc>"` (note upper-case SERVICE; real report
// terraform-provider-aws #35086 with tagging.amazonaws.com). Learners' typos (ec2.amazonaw.com) hit this.
import { expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';

test('CreateRole with a misspelled service principal is refused', async () => {
  const w = createWorld({ accountId: '111122223333' });
  const doc = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaw.com' }, Action: 'sts:AssumeRole' }],
  });
  const r = await w.invoke({
    service: 'iam',
    operation: 'CreateRole',
    params: { RoleName: 'R', AssumeRolePolicyDocument: doc },
    credentials: w.rootCredentials(),
  });
  expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe(
    'MalformedPolicyDocument: Invalid principal in policy: "SERVICE":"ec2.amazonaw.com"',
  );
});
