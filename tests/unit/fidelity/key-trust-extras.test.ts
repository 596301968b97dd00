// More trust-policy and KMS key-policy edges, set operators with negated operators, and CLI error rendering.
// IAM User Guide, "Policy evaluation logic" (trust and key policies must allow explicitly, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html);
// AWS KMS Developer Guide, "Key policies" (IAM policies count only when the key policy trusts the account; without
// that statement not even the root user can use the key); IAM troubleshooting ("with an explicit deny in the role
// trust policy"); "Single-valued vs. multivalued context keys" (ForAllValues/ForAnyValue with negated operators);
// STS AssumeRole ("Roles may not be assumed by root accounts."); AWS CLI v2 return codes (254 service error).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';
import { ACCT, ALICE, ROOT, SESSION, condDecision, decide, req, src } from './helpers.ts';

const ROLE = `arn:aws:iam::${ACCT}:role/Target`;
const KEY = `arn:aws:kms:us-east-1:${ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const trust = (st: Record<string, unknown>[]) => ({ kind: 'trust' as const, policy: src('trust', st) });
const keyPolicy = (principal: unknown) => ({
  kind: 'key' as const,
  policy: src('resource', [{ Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*' }]),
});
const allowAll = () => src('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);

describe('trust policies', () => {
  test('a trust policy may name a specific role session ARN', () => {
    expect(
      decide(
        req({
          principal: SESSION,
          action: 'sts:AssumeRole',
          resource: ROLE,
          resourcePolicy: trust([{ Effect: 'Allow', Principal: { AWS: SESSION.sessionArn }, Action: 'sts:AssumeRole' }]),
        }),
      ).decision,
    ).toBe('allowed');
  });
  test('explicit deny in the trust policy: "with an explicit deny in the role trust policy"', () => {
    const d = decide(
      req({
        action: 'sts:AssumeRole',
        resource: ROLE,
        identityPolicies: [allowAll()],
        resourcePolicy: trust([
          { Effect: 'Allow', Principal: { AWS: ACCT }, Action: 'sts:AssumeRole' },
          { Effect: 'Deny', Principal: { AWS: ALICE.arn }, Action: 'sts:AssumeRole' },
        ]),
      }),
    );
    expect(d.decision).toBe('explicitDeny');
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: sts:AssumeRole on resource: ${ROLE} with an explicit deny in the role trust policy`,
    );
  });
  test('the root user cannot assume a role (STS answers AccessDenied)', async () => {
    const w = createWorld({ accountId: ACCT });
    const root = w.rootCredentials();
    await w.invoke({
      service: 'iam',
      operation: 'CreateRole',
      params: {
        RoleName: 'R',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: ACCT }, Action: 'sts:AssumeRole' }],
        }),
      },
      credentials: root,
    });
    const r = await w.run(`aws sts assume-role --role-arn arn:aws:iam::${ACCT}:role/R --role-session-name ss`);
    expect(r).toEqual({
      exitCode: 254,
      stdout: '',
      stderr: '\nAn error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.\n',
    });
  });
});

describe('KMS key policies', () => {
  test('key policy trusting the account: the identity policy decides', () => {
    expect(
      decide(
        req({
          action: 'kms:Decrypt',
          resource: KEY,
          identityPolicies: [allowAll()],
          resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${ACCT}:root` }),
        }),
      ).decision,
    ).toBe('allowed');
    expect(
      decide(req({ action: 'kms:Decrypt', resource: KEY, resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${ACCT}:root` }) })).decision,
    ).toBe('implicitDeny');
  });
  test('key policy not trusting the account: identity allows do not count', () => {
    expect(
      decide(
        req({
          action: 'kms:Decrypt',
          resource: KEY,
          identityPolicies: [allowAll()],
          resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${ACCT}:user/bob` }),
        }),
      ).decision,
    ).toBe('implicitDeny');
  });
  test('key policy naming the user directly is enough', () => {
    expect(decide(req({ action: 'kms:Decrypt', resource: KEY, resourcePolicy: keyPolicy({ AWS: ALICE.arn }) })).decision).toBe('allowed');
  });
  test('not even the root user can use a key whose policy does not allow it', () => {
    expect(
      decide(
        req({ principal: ROOT, action: 'kms:Decrypt', resource: KEY, resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${ACCT}:user/bob` }) }),
      ).decision,
    ).toBe('implicitDeny');
  });
});

describe('set operators with negated operators and Version gating in conditions', () => {
  test('ForAnyValue:StringNotEquals — some request value is not listed', () => {
    expect(condDecision({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a', 'b'] })).toBe('allowed');
    expect(condDecision({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a'] })).toBe('implicitDeny');
  });
  test('ForAllValues:StringNotEquals — no request value is listed', () => {
    expect(condDecision({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a', 'b'] })).toBe('implicitDeny');
    expect(condDecision({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['b', 'c'] })).toBe('allowed');
  });
  test('a condition value ${aws:username} is literal under Version 2008-10-17', () => {
    expect(
      condDecision(
        { StringEquals: { 'aws:PrincipalTag/x': '${aws:username}' } },
        { 'aws:PrincipalTag/x': 'alice', 'aws:username': 'alice' },
        '2008-10-17',
      ),
    ).toBe('implicitDeny');
    expect(
      condDecision(
        { StringEquals: { 'aws:PrincipalTag/x': '${aws:username}' } },
        { 'aws:PrincipalTag/x': 'alice', 'aws:username': 'alice' },
      ),
    ).toBe('allowed');
  });
  test('StringEquals treats * literally; StringLike ? matches one character', () => {
    expect(condDecision({ StringEquals: { 'aws:PrincipalTag/x': 'a*' } }, { 'aws:PrincipalTag/x': 'abc' })).toBe('implicitDeny');
    expect(condDecision({ StringLike: { 'aws:PrincipalTag/x': 'a?c' } }, { 'aws:PrincipalTag/x': 'abc' })).toBe('allowed');
  });
  test('ArnEquals compares case-sensitively', () => {
    expect(condDecision({ ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::B' } }, { 'aws:SourceArn': 'arn:aws:s3:::b' })).toBe('implicitDeny');
  });
});

describe('CLI rendering of service errors', () => {
  test('NoSuchEntity and ValidationError: botocore line on stderr, exit 254', async () => {
    const w = createWorld({ accountId: ACCT });
    expect(await w.run('aws iam get-user --user-name nobody')).toEqual({
      exitCode: 254,
      stdout: '',
      stderr: '\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.\n',
    });
    const v = await w.run('aws iam create-user --user-name "a b"');
    expect(v.exitCode).toBe(254);
    expect(v.stderr).toBe(
      "\nAn error occurred (ValidationError) when calling the CreateUser operation: 1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+\n",
    );
  });
});
