// SCP explicit deny through the world names the SCP's ARN (AWS Security Blog, "Enhanced access denied error
// messages with policy ARNs"; "Troubleshoot access denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html), and tag keys in the request context (IAM User Guide,
// "Controlling access during AWS requests" — aws:RequestTag/aws:TagKeys; CreateUser with Tags also needs iam:TagUser).
import { expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';

const ACCT = '111122223333';
const P = (...s: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: s });

test('SCP explicit deny binds the member account root and appends the SCP ARN', async () => {
  const w = createWorld({ accountId: ACCT });
  w.setOrganization({
    serviceControlPolicies: [
      [{ name: 'FullAWSAccess', document: P({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
      [
        {
          name: 'DenyDeleteUser',
          id: 'p-abcd1234',
          document: P({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' }),
        },
      ],
    ],
  });
  const r = await w.invoke({ service: 'iam', operation: 'DeleteUser', params: { UserName: 'x' }, credentials: w.rootCredentials() });
  expect(r.ok).toBe(false);
  const message = r.ok ? '' : r.error.message;
  expect(message.startsWith(`User: arn:aws:iam::${ACCT}:root is not authorized to perform: iam:DeleteUser on resource: `)).toBe(true);
  expect(
    message.endsWith(
      ' with an explicit deny in a service control policy: arn:aws:organizations::999999999999:policy/o-dojo0example/service_control_policy/p-abcd1234',
    ),
  ).toBe(true);
});

test('CreateUser with Tags is also authorized as iam:TagUser with aws:TagKeys and aws:RequestTag', async () => {
  const w = createWorld({ accountId: ACCT });
  await w.invoke({
    service: 'iam',
    operation: 'CreateUser',
    params: { UserName: 'bob', Tags: [{ Key: 'team', Value: 'red' }] },
    credentials: w.rootCredentials(),
  });
  const actions = w.lastDecisions().map((d) => d.request.action);
  expect(actions).toContain('iam:TagUser');
  const tag = w.lastDecisions().find((d) => d.request.action === 'iam:TagUser');
  expect(tag?.request.context).toMatchObject({ 'aws:TagKeys': ['team'], 'aws:RequestTag/team': 'red' });
});
