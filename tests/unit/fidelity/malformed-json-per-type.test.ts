// A regression guard.
// "Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html: invalid JSON answers "Syntax errors in policy." for identity policies (CreatePolicy,
// Put*Policy; moto's validator mirrors real IAM: "This is not a json document" → Syntax errors in policy.) and
// "This policy contains invalid Json" for role trust policies (CreateRole / UpdateAssumeRolePolicy).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';

const P = (...s: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: s });

describe('MalformedPolicyDocument for text that is not JSON, per policy type', () => {
  test('CreatePolicy / PutUserPolicy: Syntax errors in policy.; CreateRole: This policy contains invalid Json', async () => {
    const w = createWorld({ accountId: '111122223333' });
    const root = w.rootCredentials();
    const err = async (service: string, operation: string, params: Record<string, unknown>) => {
      const r = await w.invoke({ service, operation, params, credentials: root });
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    await err('iam', 'CreateUser', { UserName: 'alice' });
    expect(await err('iam', 'CreatePolicy', { PolicyName: 'x', PolicyDocument: 'policy.json' })).toBe(
      'MalformedPolicyDocument: Syntax errors in policy.',
    );
    expect(await err('iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'x', PolicyDocument: 'policy.json' })).toBe(
      'MalformedPolicyDocument: Syntax errors in policy.',
    );
    expect(await err('iam', 'CreateRole', { RoleName: 'R', AssumeRolePolicyDocument: 'trust.json' })).toBe(
      'MalformedPolicyDocument: This policy contains invalid Json',
    );
    expect(P()).toBeTruthy();
  });
});
