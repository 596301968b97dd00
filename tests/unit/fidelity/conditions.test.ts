// Condition operators, missing keys, multiple values and set operators.
// IAM User Guide, "IAM JSON policy elements: Condition operators" (missing keys: negated operators match,
// …IfExists, Null), "Conditions with multiple context keys or values" (OR across values, NOR for negated
// operators), "Single-valued vs. multivalued context keys" (ForAllValues vacuous truth, ForAnyValue),
// "IAM JSON policy elements: Condition operators", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, test } from 'vitest';
import { condDecision } from './helpers.ts';

type Row = [
  name: string,
  condition: Record<string, unknown>,
  context: Record<string, string | number | boolean | string[]>,
  expected: 'allowed' | 'implicitDeny',
];

const rows: Row[] = [
  // missing keys
  ['StringEquals, key missing → no match', { StringEquals: { 'aws:PrincipalTag/team': 'a' } }, {}, 'implicitDeny'],
  ['StringNotEquals, key missing → match', { StringNotEquals: { 'aws:PrincipalTag/team': 'a' } }, {}, 'allowed'],
  ['StringNotLike, key missing → match', { StringNotLike: { 'aws:PrincipalTag/team': 'a*' } }, {}, 'allowed'],
  ['NumericNotEquals, key missing → match', { NumericNotEquals: { 's3:max-keys': '10' } }, {}, 'allowed'],
  ['NotIpAddress, key missing → match', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {}, 'allowed'],
  ['ArnNotLike, key missing → match', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, {}, 'allowed'],
  ['StringEqualsIfExists, key missing → match', { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'a' } }, {}, 'allowed'],
  [
    'StringEqualsIfExists, key present and different → no match',
    { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'a' } },
    { 'aws:PrincipalTag/team': 'b' },
    'implicitDeny',
  ],
  ['Null true, key missing → match', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, 'allowed'],
  [
    'Null true, key present → no match',
    { Null: { 'aws:TokenIssueTime': 'true' } },
    { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    'implicitDeny',
  ],
  [
    'Null false, key present → match',
    { Null: { 'aws:TokenIssueTime': 'false' } },
    { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    'allowed',
  ],
  ['Bool, key missing → no match', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, 'implicitDeny'],
  ['BoolIfExists true, key missing (long-term keys) → match', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, 'allowed'],
  [
    'BoolIfExists true, key false → no match',
    { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    { 'aws:MultiFactorAuthPresent': 'false' },
    'implicitDeny',
  ],
  // multiple values: OR; negated: NOR
  [
    'StringEquals with two values: OR',
    { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
    { 'aws:PrincipalTag/team': 'b' },
    'allowed',
  ],
  [
    'StringNotEquals with two values: NOR (one equal → no match)',
    { StringNotEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
    { 'aws:PrincipalTag/team': 'b' },
    'implicitDeny',
  ],
  [
    'StringNotEquals with two values: NOR (none equal → match)',
    { StringNotEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
    { 'aws:PrincipalTag/team': 'c' },
    'allowed',
  ],
  [
    'two keys under one operator: AND',
    { StringEquals: { 'aws:PrincipalTag/team': 'a', 'aws:PrincipalTag/env': 'p' } },
    { 'aws:PrincipalTag/team': 'a', 'aws:PrincipalTag/env': 'q' },
    'implicitDeny',
  ],
  // set operators
  ['ForAllValues, key missing → vacuously true', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, {}, 'allowed'],
  [
    'ForAllValues, empty set → vacuously true',
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
    { 'aws:TagKeys': [] },
    'allowed',
  ],
  [
    'ForAllValues, all listed → match',
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
    { 'aws:TagKeys': ['a', 'b'] },
    'allowed',
  ],
  [
    'ForAllValues, one not listed → no match',
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
    { 'aws:TagKeys': ['a', 'c'] },
    'implicitDeny',
  ],
  ['ForAnyValue, key missing → no match', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, {}, 'implicitDeny'],
  ['ForAnyValue, empty set → no match', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': [] }, 'implicitDeny'],
  ['ForAnyValue, one listed → match', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['z', 'a'] }, 'allowed'],
  // case rules
  [
    'condition key names are case-insensitive',
    { StringEquals: { 'AWS:PRINCIPALTAG/team': 'a' } },
    { 'aws:PrincipalTag/team': 'a' },
    'allowed',
  ],
  [
    'StringEquals compares values case-sensitively',
    { StringEquals: { 'aws:PrincipalTag/team': 'A' } },
    { 'aws:PrincipalTag/team': 'a' },
    'implicitDeny',
  ],
  [
    'StringEqualsIgnoreCase ignores case',
    { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'A' } },
    { 'aws:PrincipalTag/team': 'a' },
    'allowed',
  ],
  [
    'StringLike * crosses colons',
    { StringLike: { 'aws:SourceArn': 'arn:aws:*' } },
    { 'aws:SourceArn': 'arn:aws:sns:us-east-1:1:t' },
    'allowed',
  ],
  [
    'ArnEquals behaves like ArnLike (wildcards)',
    { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:*:t' } },
    { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:t' },
    'allowed',
  ],
  ['Bool accepts True in any case', { Bool: { 'aws:SecureTransport': 'True' } }, { 'aws:SecureTransport': 'true' }, 'allowed'],
  // numeric
  ['NumericLessThan 10 with 9.5', { NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '9.5' }, 'allowed'],
  [
    'NumericLessThan with a non-number policy value never matches',
    { NumericLessThan: { 's3:max-keys': 'ten' } },
    { 's3:max-keys': '1' },
    'implicitDeny',
  ],
  ['Numeric value without quotes', { NumericEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' }, 'allowed'],
  // dates
  [
    'DateLessThan ISO vs ISO',
    { DateLessThan: { 'aws:CurrentTime': '2026-12-31T00:00:00Z' } },
    { 'aws:CurrentTime': '2026-11-28T05:00:00Z' },
    'allowed',
  ],
  [
    'DateLessThan with epoch seconds policy value',
    { DateLessThan: { 'aws:CurrentTime': '1798675200' } },
    { 'aws:CurrentTime': '2026-11-28T05:00:00Z' },
    'allowed',
  ],
  [
    'DateGreaterThan with a date-only value',
    { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01' } },
    { 'aws:CurrentTime': '2026-11-28T05:00:00Z' },
    'allowed',
  ],
  // IP
  ['IpAddress v4 CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.9' }, 'allowed'],
  ['IpAddress bare IP means /32', { IpAddress: { 'aws:SourceIp': '203.0.113.9' } }, { 'aws:SourceIp': '203.0.113.10' }, 'implicitDeny'],
  ['IpAddress v6 CIDR', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8:1::5' }, 'allowed'],
  [
    'IpAddress v4 policy does not match a v6 caller',
    { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
    { 'aws:SourceIp': '2001:db8::1' },
    'implicitDeny',
  ],
  [
    'NotIpAddress two ranges: NOR',
    { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
    { 'aws:SourceIp': '192.168.1.1' },
    'implicitDeny',
  ],
  // binary
  [
    'BinaryEquals compares base64 bytes',
    { BinaryEquals: { 'aws:PrincipalTag/b': 'QmluYXJ5' } },
    { 'aws:PrincipalTag/b': 'QmluYXJ5' },
    'allowed',
  ],
];

describe('condition operators (data-driven)', () => {
  test.each(rows)('%s', (_name, condition, context, expected) => {
    expect(condDecision(condition, context)).toBe(expected);
  });
});

describe('MFA deny patterns (IAM User Guide, Configuring MFA-protected API access; AWS-FACTS §3.2)', () => {
  // A Deny statement with the condition, plus Allow *. "Denied" = the Deny applies.
  const denyIf = (condition: Record<string, unknown>, context: Record<string, string>) => condDecisionDeny(condition, context);
  test('Deny + BoolIfExists false blocks long-term keys (key absent) and non-MFA sessions, lets MFA sessions through', () => {
    expect(denyIf({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, {})).toBe('explicitDeny');
    expect(denyIf({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { 'aws:MultiFactorAuthPresent': 'false' })).toBe(
      'explicitDeny',
    );
    expect(denyIf({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { 'aws:MultiFactorAuthPresent': 'true' })).toBe('allowed');
  });
  test('Deny + Bool false lets long-term keys through (the documented pitfall)', () => {
    expect(denyIf({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {})).toBe('allowed');
  });
  test('Deny + Null true denies long-term keys but not non-MFA sessions', () => {
    expect(denyIf({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }, {})).toBe('explicitDeny');
    expect(denyIf({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': 'false' })).toBe('allowed');
  });
  test('Deny + NumericGreaterThanIfExists MultiFactorAuthAge: absent age (no MFA) → not denied by that statement', () => {
    expect(denyIf({ NumericGreaterThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } }, {})).toBe('explicitDeny');
    expect(denyIf({ NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } }, {})).toBe('allowed');
    expect(denyIf({ NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '4000' })).toBe('explicitDeny');
  });
});

import { authorize } from '../../../src/sim/simulate/index.ts';
import { req, src } from './helpers.ts';
function condDecisionDeny(condition: Record<string, unknown>, context: Record<string, string>): string {
  return authorize(
    req({
      identityPolicies: [
        src('identity', [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition },
        ]),
      ],
      context,
    }),
  ).decision;
}
