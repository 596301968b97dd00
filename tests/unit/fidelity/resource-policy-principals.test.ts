// Same-account resource-based policy × principal type × implicit denies.
// IAM User Guide, "Policy evaluation logic" → "Resource-based policies" table (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html),
// "Permissions boundaries" → "Evaluating effective permissions with boundaries" and
// "Session policies" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session); NotPrincipal element (NotPrincipal + boundary).
import { describe, expect, test } from 'vitest';
import { ACCT, ALICE, SESSION, decide, req, src } from './helpers.ts';

const BUCKET = 'arn:aws:s3:::bucket/key';
const rbp = (principal: unknown) => ({
  kind: 'resource' as const,
  policy: src('resource', [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: BUCKET }]),
});
const boundaryNothing = () => src('boundary', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]);
const sessionNothing = () => [src('session', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }])];

describe('RBP naming the IAM user ARN (not limited by identity implicit deny nor boundary)', () => {
  test('no identity policy → allowed', () => {
    expect(decide(req({ resourcePolicy: rbp({ AWS: ALICE.arn }) })).decision).toBe('allowed');
  });
  test('boundary that does not allow → still allowed (IAM User Guide, boundaries: resource-based policies)', () => {
    expect(decide(req({ resourcePolicy: rbp({ AWS: ALICE.arn }), permissionsBoundary: boundaryNothing() })).decision).toBe('allowed');
  });
  test('explicit deny in the boundary wins', () => {
    const pb = src('boundary', [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
    ]);
    const d = decide(req({ resourcePolicy: rbp({ AWS: ALICE.arn }), permissionsBoundary: pb }));
    expect(d.decision).toBe('explicitDeny');
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: s3:GetObject on resource: ${BUCKET} with an explicit deny in a permissions boundary`,
    );
  });
});

describe('RBP naming the role ARN (limited by boundary and session policy, not by identity)', () => {
  test('no identity policy → allowed', () => {
    expect(decide(req({ principal: SESSION, resourcePolicy: rbp({ AWS: SESSION.roleArn }) })).decision).toBe('allowed');
  });
  test('boundary not allowing → implicit deny naming the permissions boundary', () => {
    const d = decide(req({ principal: SESSION, resourcePolicy: rbp({ AWS: SESSION.roleArn }), permissionsBoundary: boundaryNothing() }));
    expect(d.decision).toBe('implicitDeny');
    expect(d.message).toBe(
      `User: ${SESSION.arn} is not authorized to perform: s3:GetObject on resource: ${BUCKET} because no permissions boundary allows the s3:GetObject action`,
    );
  });
  test('session policy not allowing → implicit deny naming the session policy', () => {
    const d = decide(req({ principal: SESSION, resourcePolicy: rbp({ AWS: SESSION.roleArn }), sessionPolicies: sessionNothing() }));
    expect(d.decision).toBe('implicitDeny');
    expect(d.message).toContain('because no session policy allows the s3:GetObject action');
  });
});

describe('RBP naming the role session ARN (not limited by identity, boundary or session policy)', () => {
  test('boundary and session policy not allowing → allowed', () => {
    expect(
      decide(
        req({
          principal: SESSION,
          resourcePolicy: rbp({ AWS: SESSION.sessionArn }),
          permissionsBoundary: boundaryNothing(),
          sessionPolicies: sessionNothing(),
        }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('RBP naming the account (delegates to the account: identity allow needed)', () => {
  for (const principal of [{ AWS: ACCT }, { AWS: `arn:aws:iam::${ACCT}:root` }]) {
    test(`${JSON.stringify(principal)} without identity allow → implicit deny`, () => {
      expect(decide(req({ resourcePolicy: rbp(principal) })).decision).toBe('implicitDeny');
    });
    test(`${JSON.stringify(principal)} with identity allow → allowed`, () => {
      expect(
        decide(
          req({
            resourcePolicy: rbp(principal),
            identityPolicies: [src('identity', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])],
          }),
        ).decision,
      ).toBe('allowed');
    });
  }
});

describe('RBP naming a different user in the same account does not grant alice', () => {
  test('implicit deny', () => {
    expect(decide(req({ resourcePolicy: rbp({ AWS: `arn:aws:iam::${ACCT}:user/bob` }) })).decision).toBe('implicitDeny');
  });
  test('user name in a principal ARN is case sensitive', () => {
    expect(decide(req({ resourcePolicy: rbp({ AWS: `arn:aws:iam::${ACCT}:user/Alice` }) })).decision).toBe('implicitDeny');
  });
});

describe('Deny with NotPrincipal and a permissions boundary (IAM User Guide, NotPrincipal element)', () => {
  const denyNotAlice = () => ({
    kind: 'resource' as const,
    policy: src('resource', [
      { Effect: 'Allow', Principal: { AWS: ALICE.arn }, Action: 's3:GetObject', Resource: BUCKET },
      { Effect: 'Deny', NotPrincipal: { AWS: [ALICE.arn, `arn:aws:iam::${ACCT}:root`] }, Action: 's3:GetObject', Resource: BUCKET },
    ]),
  });
  test('alice listed in NotPrincipal, no boundary → allowed', () => {
    expect(decide(req({ resourcePolicy: denyNotAlice() })).decision).toBe('allowed');
  });
  test('alice listed in NotPrincipal but has a boundary → always denied', () => {
    const pb = src('boundary', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    expect(decide(req({ resourcePolicy: denyNotAlice(), permissionsBoundary: pb })).decision).toBe('explicitDeny');
  });
});

describe('Explicit deny in the RBP overrides an identity allow', () => {
  test('explicit deny names the resource-based policy', () => {
    const d = decide(
      req({
        identityPolicies: [src('identity', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])],
        resourcePolicy: {
          kind: 'resource',
          policy: src('resource', [{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: BUCKET }]),
        },
      }),
    );
    expect(d.decision).toBe('explicitDeny');
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: s3:GetObject on resource: ${BUCKET} with an explicit deny in a resource-based policy`,
    );
  });
});
