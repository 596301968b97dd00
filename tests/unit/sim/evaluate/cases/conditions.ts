/**
 * Condition operator cases: [operator, key, policy value(s), request value (undefined = key
 * missing), does the condition hold]. Each becomes an Allow with that single condition.
 */
import type { ContextValue } from '../../../../../src/sim/evaluate/types.ts';
import { allow, deny, type EngineCase } from './case.ts';
import { DOC } from './docs.ts';

type Row = [operator: string, key: string, policy: unknown, request: ContextValue | undefined, holds: boolean, doc?: string];

const ROWS: Row[] = [
  // String operators
  ['StringEquals', 'aws:username', 'alice', 'alice', true],
  ['StringEquals', 'aws:username', 'alice', 'Alice', false],
  ['StringEquals', 'aws:username', ['bob', 'alice'], 'alice', true, DOC.multipleKeys],
  ['StringEquals', 'aws:username', 'alice', undefined, false],
  ['StringNotEquals', 'aws:username', 'alice', 'bob', true],
  ['StringNotEquals', 'aws:username', 'alice', 'alice', false],
  ['StringNotEquals', 'aws:username', ['bob', 'alice'], 'alice', false, DOC.multipleKeys],
  ['StringNotEquals', 'aws:username', ['bob', 'carol'], 'alice', true, DOC.multipleKeys],
  ['StringNotEquals', 'aws:username', 'alice', undefined, true],
  ['StringEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', true],
  ['StringEqualsIgnoreCase', 'aws:username', 'ALICE', 'bob', false],
  ['StringNotEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', false],
  ['StringNotEqualsIgnoreCase', 'aws:username', 'ALICE', 'bob', true],
  ['StringLike', 'aws:username', 'al*', 'alice', true],
  ['StringLike', 'aws:username', 'al?ce', 'alice', true],
  ['StringLike', 'aws:username', 'Al*', 'alice', false],
  ['StringLike', 's3:prefix', 'home/*', 'home/alice/docs', true],
  ['StringLike', 'aws:SourceArn', 'arn:aws:sns:*', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['StringNotLike', 'aws:username', 'al*', 'bob', true],
  ['StringNotLike', 'aws:username', 'al*', 'alice', false],
  ['StringNotLike', 'aws:username', 'al*', undefined, true],
  ['StringEquals', 'AWS:UserName', 'alice', 'alice', true, DOC.condition],
  ['StringEquals', 'aws:username', 'alice', undefined, false],
  ['StringEqualsIfExists', 'aws:username', 'alice', undefined, true],
  ['StringEqualsIfExists', 'aws:username', 'alice', 'bob', false],
  ['StringEqualsIfExists', 'aws:username', 'alice', 'alice', true],
  ['StringNotEqualsIfExists', 'aws:username', 'alice', undefined, true],
  ['StringLikeIfExists', 'aws:username', 'a*', undefined, true],
  // Numeric operators
  ['NumericEquals', 's3:max-keys', '10', '10', true],
  ['NumericEquals', 's3:max-keys', 10, '10', true],
  ['NumericEquals', 's3:max-keys', '10', '10.0', true],
  ['NumericNotEquals', 's3:max-keys', '10', '11', true],
  ['NumericNotEquals', 's3:max-keys', '10', '10', false],
  ['NumericLessThan', 's3:max-keys', '10', '9', true],
  ['NumericLessThan', 's3:max-keys', '10', '10', false],
  ['NumericLessThanEquals', 's3:max-keys', '10', '10', true],
  ['NumericGreaterThan', 's3:max-keys', '10', '11', true],
  ['NumericGreaterThan', 's3:max-keys', '10', '10', false],
  ['NumericGreaterThanEquals', 's3:max-keys', '10', '10', true],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', '3600', '120', true],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', '3600', undefined, false],
  ['NumericLessThan', 's3:max-keys', 'ten', '9', false],
  ['NumericLessThan', 's3:max-keys', '2.5', '2.25', true],
  // Date operators (ISO 8601 and epoch seconds)
  ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z', '2025-06-01T00:00:00Z', false],
  ['DateLessThan', 'aws:CurrentTime', '2026-01-01', '2025-12-31T23:59:59Z', true],
  ['DateEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
  ['DateNotEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', true],
  ['DateGreaterThanEquals', 'aws:CurrentTime', '1767225600', '2026-01-01T00:00:00Z', true],
  ['DateLessThanEquals', 'aws:EpochTime', '2026-01-01T00:00:00Z', 1767225600, true],
  ['DateLessThan', 'aws:EpochTime', '2026-01-01T00:00:00Z', 1767225601, false],
  ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T02:00:00+02:00', '2026-01-01T00:30:00Z', true],
  ['DateLessThan', 'aws:TokenIssueTime', '2026-01-01T00:00:00Z', undefined, false],
  ['DateGreaterThanIfExists', 'aws:TokenIssueTime', '2026-01-01T00:00:00Z', undefined, true],
  // Bool
  ['Bool', 'aws:SecureTransport', 'true', 'true', true],
  ['Bool', 'aws:SecureTransport', true, 'true', true],
  ['Bool', 'aws:SecureTransport', 'true', 'false', false],
  ['Bool', 'aws:SecureTransport', 'false', true, false],
  ['Bool', 'aws:MultiFactorAuthPresent', 'true', undefined, false],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', undefined, true],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', 'true', false],
  ['Bool', 'aws:SecureTransport', 'TRUE', 'true', true],
  // Binary
  ['BinaryEquals', 'aws:ExampleBinary', 'QmluYXJ5', 'QmluYXJ5', true],
  ['BinaryEquals', 'aws:ExampleBinary', 'QmluYXJ5', 'QmluYXJ6', false],
  // IP addresses
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.10', true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '198.51.100.10', false],
  ['IpAddress', 'aws:SourceIp', '203.0.113.10', '203.0.113.10', true],
  ['IpAddress', 'aws:SourceIp', ['198.51.100.0/24', '203.0.113.0/24'], '203.0.113.7', true],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db8:1::5', true],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db9::5', false],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '203.0.113.10', false],
  ['IpAddress', 'aws:SourceIp', '0.0.0.0/0', '8.8.8.8', true],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', '198.51.100.10', true],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.10', false],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', undefined, true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', undefined, false],
  // ARN operators
  ['ArnEquals', 'aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['ArnEquals', 'aws:SourceArn', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:444455556666:*', 'arn:aws:sns:us-east-1:111122223333:topic', false],
  ['ArnNotLike', 'aws:SourceArn', 'arn:aws:sns:*:444455556666:*', 'arn:aws:sns:us-east-1:111122223333:topic', true],
  ['ArnNotEquals', 'aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:topic', false],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/Admin*', 'arn:aws:iam::111122223333:role/AdminTeam', true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:*', 'not-an-arn', false],
  ['ArnNotLike', 'aws:SourceArn', 'arn:aws:sns:*', undefined, true],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:sns:*', undefined, false],
  // Null
  ['Null', 'aws:TokenIssueTime', 'true', undefined, true],
  ['Null', 'aws:TokenIssueTime', 'true', '2026-01-01T00:00:00Z', false],
  ['Null', 'aws:TokenIssueTime', 'false', '2026-01-01T00:00:00Z', true],
  ['Null', 'aws:TokenIssueTime', 'false', undefined, false],
  ['Null', 'aws:TokenIssueTime', false, undefined, false],
  // Set operators with multivalued keys
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env', 'team'], ['env', 'cost'], true, DOC.multiValue],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env', 'team'], ['cost'], false, DOC.multiValue],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env'], undefined, false, DOC.multiValue],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['env'], [], false, DOC.multiValue],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], ['env', 'team'], true, DOC.multiValue],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], ['env', 'cost'], false, DOC.multiValue],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], undefined, true, DOC.multiValue],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team'], [], true, DOC.multiValue],
  ['ForAllValues:StringLike', 'aws:TagKeys', ['env*'], ['env', 'environment'], true, DOC.multiValue],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['env'], ['env', 'cost'], true, DOC.multiValue],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['env'], ['env'], false, DOC.multiValue],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['env', 'cost'], true, DOC.multiValue],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['env', 'secret'], false, DOC.multiValue],
  ['ForAllValues:StringEqualsIgnoreCase', 'aws:TagKeys', ['ENV'], ['env'], true, DOC.multiValue],
  [
    'ForAnyValue:StringLike',
    'aws:PrincipalOrgPaths',
    'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*',
    ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/'],
    true,
    DOC.globalKeys,
  ],
  ['ForAnyValue:IpAddress', 'aws:ExampleIps', '10.0.0.0/8', ['192.168.0.1', '10.1.2.3'], true, DOC.multiValue],
  ['ForAnyValue:NumericGreaterThan', 'aws:ExampleNumbers', '5', ['1', '7'], true, DOC.multiValue],
  // A multivalued request value under a single-value operator
  ['StringEquals', 'aws:TagKeys', 'env', ['env'], true, DOC.multiValue],
  ['StringNotEquals', 'aws:TagKeys', 'env', ['cost', 'team'], true, DOC.multiValue],
];

const conditionRows: EngineCase[] = ROWS.map(([operator, key, policy, request, holds, doc]) => {
  const context: Record<string, ContextValue> = request === undefined ? {} : { [key]: request };
  return {
    name: `${operator} ${key} ${JSON.stringify(policy)} vs ${request === undefined ? '(missing)' : JSON.stringify(request)} → ${holds}`,
    doc: doc ?? DOC.operators,
    action: 's3:ListBucket',
    context,
    identity: [[allow('s3:ListBucket', '*', { Condition: { [operator]: { [key]: policy } } })]],
    expect: holds ? 'allowed' : 'implicitDeny',
  };
});

/** Combination rules: operators AND, keys AND, values OR. */
const combination: EngineCase[] = [
  {
    name: 'two operators: both must hold (AND)',
    doc: DOC.multipleKeys,
    action: 's3:ListBucket',
    context: { 'aws:username': 'alice', 'aws:SourceIp': '198.51.100.1' },
    identity: [
      [
        allow('s3:ListBucket', '*', {
          Condition: { StringEquals: { 'aws:username': 'alice' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        }),
      ],
    ],
    expect: 'implicitDeny',
  },
  {
    name: 'two operators: both hold',
    doc: DOC.multipleKeys,
    action: 's3:ListBucket',
    context: { 'aws:username': 'alice', 'aws:SourceIp': '203.0.113.1' },
    identity: [
      [
        allow('s3:ListBucket', '*', {
          Condition: { StringEquals: { 'aws:username': 'alice' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        }),
      ],
    ],
    expect: 'allowed',
  },
  {
    name: 'two keys under one operator: both must hold (AND)',
    doc: DOC.multipleKeys,
    action: 's3:ListBucket',
    context: { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'red' },
    identity: [
      [allow('s3:ListBucket', '*', { Condition: { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' } } })],
    ],
    expect: 'implicitDeny',
  },
  {
    name: 'Deny + StringNotEqualsIfExists still denies when the key is missing',
    doc: DOC.operators,
    action: 's3:ListBucket',
    identity: [[allow('s3:*'), deny('s3:*', '*', { Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } } })]],
    expect: 'explicitDeny',
  },
  {
    name: 'MFA: Deny + BoolIfExists false denies long-term keys (key absent)',
    doc: `${DOC.globalKeys}#condition-keys-multifactorauthpresent`,
    action: 'ec2:StopInstances',
    identity: [
      [allow('ec2:*'), deny('ec2:StopInstances', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })],
    ],
    expect: 'explicitDeny',
  },
  {
    name: 'MFA: Deny + Bool false misses long-term keys (key absent)',
    doc: `${DOC.globalKeys}#condition-keys-multifactorauthpresent`,
    action: 'ec2:StopInstances',
    identity: [[allow('ec2:*'), deny('ec2:StopInstances', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })]],
    expect: 'allowed',
  },
  {
    name: 'MFA: Deny + BoolIfExists false lets an MFA session through',
    doc: `${DOC.globalKeys}#condition-keys-multifactorauthpresent`,
    action: 'ec2:StopInstances',
    context: { 'aws:MultiFactorAuthPresent': true },
    identity: [
      [allow('ec2:*'), deny('ec2:StopInstances', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })],
    ],
    expect: 'allowed',
  },
  {
    name: 'context key names ignore case in the request too',
    doc: DOC.condition,
    action: 's3:ListBucket',
    context: { 'AWS:SOURCEIP': '203.0.113.5' },
    identity: [[allow('s3:ListBucket', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })]],
    expect: 'allowed',
  },
  {
    name: 'tag key names in aws:ResourceTag/… ignore case',
    doc: DOC.condition,
    action: 'ec2:StartInstances',
    context: { 'aws:ResourceTag/Team': 'blue' },
    identity: [[allow('ec2:StartInstances', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } })]],
    expect: 'allowed',
  },
];

export const conditionCases: EngineCase[] = [...conditionRows, ...combination];
