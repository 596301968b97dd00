// Policy variables and wildcard/ARN matching.
// IAM User Guide, "IAM policy elements: Variables and tags" (Version gating, missing values, default values,
// `${aws:username}` only for IAM users), "IAM JSON policy elements: Version", "IAM JSON policy elements:
// Resource" (wildcards within segments; a trailing `*` in a segment can expand across colons; ARNs are
// case-sensitive), "IAM JSON policy elements: Action" (case-insensitive), "IAM policy elements: Variables and tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { describe, expect, test } from 'vitest';
import { ACCT, ALICE, SESSION, decide, req, src } from './helpers.ts';

const userRes = (name: string) => `arn:aws:iam::${ACCT}:user/${name}`;
const allowOn = (resource: string, version: string | null = '2012-10-17', action = 'iam:GetUser') =>
  src('identity', [{ Effect: 'Allow', Action: action, Resource: resource }], version);

describe('policy variables', () => {
  const ctx = { 'aws:username': 'alice' };
  test('${aws:username} resolves with Version 2012-10-17', () => {
    expect(
      decide(
        req({
          action: 'iam:GetUser',
          resource: userRes('alice'),
          context: ctx,
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/\${aws:username}`)],
        }),
      ).decision,
    ).toBe('allowed');
  });
  test('with Version 2008-10-17 the variable is a literal string', () => {
    expect(
      decide(
        req({
          action: 'iam:GetUser',
          resource: userRes('alice'),
          context: ctx,
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/\${aws:username}`, '2008-10-17')],
        }),
      ).decision,
    ).toBe('implicitDeny');
    expect(
      decide(
        req({
          action: 'iam:GetUser',
          resource: userRes('${aws:username}'),
          context: ctx,
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/\${aws:username}`, '2008-10-17')],
        }),
      ).decision,
    ).toBe('allowed');
  });
  test('without Version the variable is a literal string', () => {
    expect(
      decide(
        req({
          action: 'iam:GetUser',
          resource: userRes('alice'),
          context: ctx,
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/\${aws:username}`, null)],
        }),
      ).decision,
    ).toBe('implicitDeny');
  });
  test('a Resource with a variable that has no value matches nothing (roles have no aws:username)', () => {
    expect(
      decide(
        req({
          principal: SESSION,
          action: 'iam:GetUser',
          resource: userRes('alice'),
          context: {},
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/*\${aws:username}*`)],
        }),
      ).decision,
    ).toBe('implicitDeny');
  });
  test('default value applies when the key is missing', () => {
    expect(
      decide(
        req({
          resource: 'arn:aws:s3:::bucket/company-wide/x',
          identityPolicies: [allowOn("arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*", '2012-10-17', 's3:GetObject')],
        }),
      ).decision,
    ).toBe('allowed');
  });
  test('a null variable in a StringNotEquals condition matches (inverted operators)', () => {
    const p = src('identity', [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringNotEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } },
      },
    ]);
    expect(decide(req({ identityPolicies: [p], context: { 's3:prefix': 'x' } })).decision).toBe('allowed');
  });
  test('a null variable in a StringEquals condition does not match', () => {
    const p = src('identity', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } } },
    ]);
    expect(decide(req({ identityPolicies: [p], context: { 's3:prefix': '' } })).decision).toBe('implicitDeny');
  });
  test('${*} ${?} ${$} are literal characters', () => {
    expect(
      decide(
        req({
          resource: 'arn:aws:s3:::bucket/a*b',
          identityPolicies: [allowOn('arn:aws:s3:::bucket/a${*}b', '2012-10-17', 's3:GetObject')],
        }),
      ).decision,
    ).toBe('allowed');
    expect(
      decide(
        req({
          resource: 'arn:aws:s3:::bucket/axb',
          identityPolicies: [allowOn('arn:aws:s3:::bucket/a${*}b', '2012-10-17', 's3:GetObject')],
        }),
      ).decision,
    ).toBe('implicitDeny');
  });
  test('variable key names are case-insensitive', () => {
    expect(
      decide(
        req({
          action: 'iam:GetUser',
          resource: userRes('alice'),
          context: ctx,
          identityPolicies: [allowOn(`arn:aws:iam::${ACCT}:user/\${AWS:UserName}`)],
        }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('wildcards and case', () => {
  const s3 = (pattern: string, resource: string) =>
    decide(req({ resource, identityPolicies: [allowOn(pattern, '2012-10-17', 's3:GetObject')] })).decision;
  test('* spans slashes', () => {
    expect(s3('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c')).toBe('allowed');
  });
  test('? matches exactly one character', () => {
    expect(s3('arn:aws:s3:::bucket/?', 'arn:aws:s3:::bucket/ab')).toBe('implicitDeny');
    expect(s3('arn:aws:s3:::bucket/??', 'arn:aws:s3:::bucket/ab')).toBe('allowed');
  });
  test('ARNs are case-sensitive', () => {
    expect(s3('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x')).toBe('implicitDeny');
  });
  const sns = (pattern: string, resource: string) =>
    decide(req({ action: 'sns:Publish', resource, identityPolicies: [allowOn(pattern, '2012-10-17', 'sns:Publish')] })).decision;
  test('a * inside a segment stays within the segment', () => {
    expect(sns('arn:aws:sns:us-*-1:111122223333:t', 'arn:aws:sns:us-east-1:111122223333:t')).toBe('allowed');
    expect(sns('arn:aws:sns:u*3:t', 'arn:aws:sns:us-east-1:111122223333:t')).toBe('implicitDeny');
  });
  test('a * that ends a segment expands across colons', () => {
    expect(sns('arn:aws:sns:*', 'arn:aws:sns:us-east-1:111122223333:t')).toBe('allowed');
  });
  test('actions are case-insensitive, including wildcards inside the name', () => {
    expect(
      decide(
        req({
          action: 'iam:ListAccessKeys',
          resource: '*',
          identityPolicies: [src('identity', [{ Effect: 'Allow', Action: 'IAM:list*KEYS', Resource: '*' }])],
        }),
      ).decision,
    ).toBe('allowed');
  });
  test('a user name in a Resource ARN is case-sensitive', () => {
    expect(decide(req({ action: 'iam:GetUser', resource: userRes('alice'), identityPolicies: [allowOn(userRes('Alice'))] })).decision).toBe(
      'implicitDeny',
    );
  });
  test('NotResource: everything except the listed ARN', () => {
    const p = src('identity', [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }]);
    expect(decide(req({ identityPolicies: [p], resource: 'arn:aws:s3:::bucket/x' })).decision).toBe('allowed');
    expect(decide(req({ identityPolicies: [p], resource: 'arn:aws:s3:::secret/x' })).decision).toBe('implicitDeny');
  });
  test('NotAction with Deny: everything except the listed actions is denied', () => {
    const p = src('identity', [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
    ]);
    expect(decide(req({ identityPolicies: [p] })).decision).toBe('explicitDeny');
    expect(decide(req({ identityPolicies: [p], action: 'iam:GetUser', resource: userRes('alice') })).decision).toBe('allowed');
  });
});

describe('AccessDenied text per policy type (IAM User Guide, Troubleshoot access denied error messages)', () => {
  test('implicit deny with no identity allow', () => {
    expect(decide(req({ action: 'iam:ListUsers', resource: `arn:aws:iam::${ACCT}:user/` })).message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCT}:user/ because no identity-based policy allows the iam:ListUsers action`,
    );
  });
  test('role session caller is named by its session ARN', () => {
    expect(decide(req({ principal: SESSION })).message.startsWith(`User: ${SESSION.sessionArn} is not authorized`)).toBe(true);
  });
  test('explicit deny in a managed identity policy appends the policy ARN', () => {
    const arn = `arn:aws:iam::${ACCT}:policy/DenyS3`;
    const d = decide(req({ identityPolicies: [src('identity', [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }], '2012-10-17', arn)] }));
    expect(d.message).toBe(
      `User: ${ALICE.arn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key with an explicit deny in an identity-based policy: ${arn}`,
    );
  });
  test('session policy implicit deny', () => {
    const d = decide(
      req({
        principal: SESSION,
        identityPolicies: [src('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }])],
        sessionPolicies: [src('session', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }])],
      }),
    );
    expect(d.message).toContain('because no session policy allows the s3:GetObject action');
  });
  test('federated user without a session policy has no permissions', () => {
    const fed = {
      type: 'FederatedUser' as const,
      arn: `arn:aws:sts::${ACCT}:federated-user/bob`,
      accountId: ACCT,
      federatedByUserArn: ALICE.arn,
    };
    expect(
      decide(
        req({
          principal: fed,
          identityPolicies: [src('identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }])],
          sessionPolicies: [],
        }),
      ).decision,
    ).toBe('implicitDeny');
  });
});
