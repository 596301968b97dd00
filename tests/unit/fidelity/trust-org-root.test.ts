// Trust policies, organization guardrails and the root user.
// IAM User Guide, "Policy evaluation logic" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html; "Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); "AWS JSON policy elements:
// Principal" (account principals delegate to the account); "Cross-account policy evaluation logic" (§5.2);
// Organizations User Guide, "SCP evaluation" and "RCP evaluation"; IAM troubleshooting, "Access denied due to a
// service control policy – implicit denial" ("because no service control policy allows …").
import { describe, expect, test } from 'vitest';
import { ACCT, ALICE, OTHER, ROOT, SESSION, decide, req, src } from './helpers.ts';

const ROLE = `arn:aws:iam::${ACCT}:role/Target`;
const trust = (principal: unknown) => ({
  kind: 'trust' as const,
  policy: src('trust', [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }]),
});
const allowAssume = () => src('identity', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
const assume = (over: Parameters<typeof req>[0]) => req({ action: 'sts:AssumeRole', resource: ROLE, ...over });

describe('role trust policy must allow explicitly', () => {
  test('same account, trust names the user, no identity policy → allowed', () => {
    expect(decide(assume({ resourcePolicy: trust({ AWS: ALICE.arn }) })).decision).toBe('allowed');
  });
  test('trust names the account → identity allow needed', () => {
    expect(decide(assume({ resourcePolicy: trust({ AWS: `arn:aws:iam::${ACCT}:root` }) })).decision).toBe('implicitDeny');
    expect(decide(assume({ resourcePolicy: trust({ AWS: ACCT }), identityPolicies: [allowAssume()] })).decision).toBe('allowed');
  });
  // The engine's text follows the IAM troubleshooting page ("because no role trust policy allows …");
  // the world's STS answers as real 2024 records do (no reason clause, see world-trail.test.ts).
  test('identity allows but trust does not name the caller → denied, role trust policy wording', () => {
    const d = decide(assume({ resourcePolicy: trust({ AWS: `arn:aws:iam::${ACCT}:user/bob` }), identityPolicies: [allowAssume()] }));
    expect(d.decision).toBe('implicitDeny');
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: sts:AssumeRole on resource: ${ROLE} because no role trust policy allows the sts:AssumeRole action`,
    );
  });
  test('no implicit self-trust: a role session assuming its own role needs the trust policy to name it', () => {
    const self = {
      ...SESSION,
      roleArn: ROLE,
      arn: `arn:aws:sts::${ACCT}:assumed-role/Target/s`,
      sessionArn: `arn:aws:sts::${ACCT}:assumed-role/Target/s`,
    };
    expect(
      decide(
        assume({ principal: self, resourcePolicy: trust({ AWS: `arn:aws:iam::${ACCT}:user/bob` }), identityPolicies: [allowAssume()] }),
      ).decision,
    ).toBe('implicitDeny');
    expect(decide(assume({ principal: self, resourcePolicy: trust({ AWS: ROLE }), identityPolicies: [allowAssume()] })).decision).toBe(
      'allowed',
    );
  });
  test('cross account: trust names the user but the caller has no identity allow → denied', () => {
    const bob = { type: 'IAMUser' as const, arn: `arn:aws:iam::${OTHER}:user/bob`, accountId: OTHER };
    expect(decide(assume({ principal: bob, resourcePolicy: trust({ AWS: bob.arn }) })).decision).toBe('implicitDeny');
    expect(decide(assume({ principal: bob, resourcePolicy: trust({ AWS: bob.arn }), identityPolicies: [allowAssume()] })).decision).toBe(
      'allowed',
    );
    expect(decide(assume({ principal: bob, resourcePolicy: trust({ AWS: OTHER }), identityPolicies: [allowAssume()] })).decision).toBe(
      'allowed',
    );
  });
});

describe('cross-account resource access needs both sides', () => {
  const bob = { type: 'IAMUser' as const, arn: `arn:aws:iam::${OTHER}:user/bob`, accountId: OTHER };
  const bucketPolicy = (principal: unknown) => ({
    kind: 'resource' as const,
    policy: src('resource', [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: '*' }]),
  });
  const allowS3 = () => src('identity', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
  test('identity only → denied; resource only → denied; both → allowed', () => {
    expect(decide(req({ principal: bob, identityPolicies: [allowS3()] })).decision).toBe('implicitDeny');
    expect(decide(req({ principal: bob, resourcePolicy: bucketPolicy({ AWS: bob.arn }) })).decision).toBe('implicitDeny');
    expect(decide(req({ principal: bob, identityPolicies: [allowS3()], resourcePolicy: bucketPolicy({ AWS: OTHER }) })).decision).toBe(
      'allowed',
    );
  });
  test('cross-account denial carries no reason clause', () => {
    expect(decide(req({ principal: bob, identityPolicies: [allowS3()] })).message).toBe(
      `User: ${bob.arn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key`,
    );
  });
});

const full = () => src('scp', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const only = (action: string) => src('scp', [{ Effect: 'Allow', Action: action, Resource: '*' }]);
const allowAll = () => src('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);

describe('SCPs', () => {
  test('every level must allow: an OU level without an allow denies with the SCP wording', () => {
    const d = decide(
      req({
        identityPolicies: [allowAll()],
        organization: { scps: [[full()], [only('ec2:*')], [full()]], managementAccountId: '999999999999' },
      }),
    );
    expect(d.decision).not.toBe('allowed');
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no service control policy allows the s3:GetObject action`,
    );
  });
  test('an SCP allow does not grant anything by itself', () => {
    expect(decide(req({ organization: { scps: [[full()], [full()]], managementAccountId: '999999999999' } })).decision).toBe(
      'implicitDeny',
    );
  });
  test('explicit deny in an SCP', () => {
    const deny = src('scp', [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
    ]);
    const d = decide(
      req({ identityPolicies: [allowAll()], organization: { scps: [[full()], [deny]], managementAccountId: '999999999999' } }),
    );
    expect(d.decision).toBe('explicitDeny');
    expect(d.message).toContain('with an explicit deny in a service control policy');
  });
  test('SCPs bind the root user of a member account', () => {
    expect(
      decide(req({ principal: ROOT, organization: { scps: [[full()], [only('ec2:*')]], managementAccountId: '999999999999' } })).decision,
    ).not.toBe('allowed');
  });
  test('SCPs do not apply to the management account (its root or its users)', () => {
    const org = { scps: [[full()], [only('ec2:*')]], managementAccountId: ACCT };
    expect(decide(req({ principal: ROOT, organization: org })).decision).toBe('allowed');
    expect(decide(req({ identityPolicies: [allowAll()], organization: org })).decision).toBe('allowed');
  });
  test('SCPs do not restrict service-linked roles', () => {
    const slr = { ...SESSION, isServiceLinkedRole: true };
    expect(
      decide(
        req({
          principal: slr,
          identityPolicies: [allowAll()],
          organization: { scps: [[full()], [only('ec2:*')]], managementAccountId: '999999999999' },
        }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('RCPs', () => {
  const rcpDeny = () => src('rcp', [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]);
  test('explicit deny in an RCP names the resource control policy', () => {
    const d = decide(req({ identityPolicies: [allowAll()], organization: { rcps: [[rcpDeny()]], managementAccountId: '999999999999' } }));
    expect(d.decision).toBe('explicitDeny');
    expect(d.message).toContain('with an explicit deny in a resource control policy');
  });
  test('RCPs bind the root user of a member account', () => {
    expect(decide(req({ principal: ROOT, organization: { rcps: [[rcpDeny()]], managementAccountId: '999999999999' } })).decision).toBe(
      'explicitDeny',
    );
  });
  test('RCPs only affect supported services (iam is not in the RCP list)', () => {
    const rcp = src('rcp', [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }]);
    expect(
      decide(
        req({
          action: 'iam:ListUsers',
          resource: '*',
          identityPolicies: [allowAll()],
          organization: { rcps: [[rcp]], managementAccountId: '999999999999' },
        }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('root user', () => {
  test('allowed without any policy', () => {
    expect(decide(req({ principal: ROOT })).decision).toBe('allowed');
  });
  test('an identity-policy-like deny cannot be attached to root, but a resource policy deny binds it', () => {
    const bp = {
      kind: 'resource' as const,
      policy: src('resource', [{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }]),
    };
    expect(decide(req({ principal: ROOT, resourcePolicy: bp })).decision).toBe('explicitDeny');
  });
});
