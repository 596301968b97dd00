// IAM quotas, name rules and error texts ("IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html; "Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html; IAM User Guide "IAM and AWS STS quotas",
// IAM API Reference error shapes; botocore iam model patterns).
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';

const ACCT = '111122223333';
const P = (...s: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: s });
const big = (n: number) =>
  P({
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(5, '0')}/*`),
  });

function world() {
  const w = createWorld({ accountId: ACCT });
  const c = w.rootCredentials();
  const call = async (operation: string, params: Record<string, unknown>) => {
    const r = await w.invoke({ service: 'iam', operation, params, credentials: c });
    return r.ok ? 'ok' : `${r.error.code}(${r.error.httpStatus}): ${r.error.message}`;
  };
  return call;
}

describe('quotas (LimitExceeded, HTTP 409)', () => {
  test('managed policies per user, inline size per user, managed policy size, access keys, versions, trust size', async () => {
    const call = world();
    await call('CreateUser', { UserName: 'alice' });
    for (let i = 0; i < 11; i++)
      await call('CreatePolicy', { PolicyName: `p${i}`, PolicyDocument: P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) });
    for (let i = 0; i < 10; i++)
      expect(await call('AttachUserPolicy', { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCT}:policy/p${i}` })).toBe('ok');
    expect(await call('AttachUserPolicy', { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCT}:policy/p10` })).toBe(
      'LimitExceeded(409): Cannot exceed quota for PoliciesPerUser: 10',
    );
    expect(await call('PutUserPolicy', { UserName: 'alice', PolicyName: 'big', PolicyDocument: big(70) })).toBe(
      'LimitExceeded(409): Maximum policy size of 2048 bytes exceeded for user alice',
    );
    expect(await call('CreatePolicy', { PolicyName: 'big', PolicyDocument: big(210) })).toBe(
      'LimitExceeded(409): Cannot exceed quota for PolicySize: 6144',
    );
    await call('CreateAccessKey', { UserName: 'alice' });
    await call('CreateAccessKey', { UserName: 'alice' });
    expect(await call('CreateAccessKey', { UserName: 'alice' })).toBe('LimitExceeded(409): Cannot exceed quota for AccessKeysPerUser: 2');
    for (let i = 2; i <= 5; i++)
      await call('CreatePolicyVersion', {
        PolicyArn: `arn:aws:iam::${ACCT}:policy/p0`,
        PolicyDocument: P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      });
    expect(
      await call('CreatePolicyVersion', {
        PolicyArn: `arn:aws:iam::${ACCT}:policy/p0`,
        PolicyDocument: P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      }),
    ).toBe(
      'LimitExceeded(409): A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    const bigTrust = P({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalTag/x': Array.from({ length: 170 }, (_, i) => `value-${i}`) } },
    });
    expect(await call('CreateRole', { RoleName: 'R', AssumeRolePolicyDocument: bigTrust })).toBe(
      'LimitExceeded(409): Cannot exceed quota for ACLSizePerRole: 2048',
    );
  });
});

describe('not found, conflicts and validation', () => {
  test('texts as IAM writes them', async () => {
    const call = world();
    await call('CreateUser', { UserName: 'alice' });
    expect(await call('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })).toBe(
      'NoSuchEntity(404): Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.',
    );
    expect(await call('GetRole', { RoleName: 'Nope' })).toBe('NoSuchEntity(404): The role with name Nope cannot be found.');
    expect(await call('CreateGroup', { GroupName: 'g' })).toBe('ok');
    expect(await call('CreateGroup', { GroupName: 'G' })).toBe('EntityAlreadyExists(409): Group with name G already exists.');
    expect(await call('CreateUser', { UserName: 'b', Path: 'x' })).toBe(
      "ValidationError(400): 1 validation error detected: Value 'x' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
    );
    expect(await call('CreateAccountAlias', { AccountAlias: 'Bad_Alias' })).toMatch(
      /^ValidationError\(400\): 1 validation error detected: Value 'Bad_Alias' at 'accountAlias' failed to satisfy constraint/,
    );
  });
  test('more MalformedPolicyDocument texts (AWS-FACTS §7)', async () => {
    const call = world();
    const mp = (name: string, doc: string) => call('CreatePolicy', { PolicyName: name, PolicyDocument: doc });
    expect(await mp('sid', P({ Sid: 'a-b', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))).toBe(
      'MalformedPolicyDocument(400): Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
    expect(await mp('reg', P({ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam:us-east-1:${ACCT}:user/x` }))).toBe(
      `MalformedPolicyDocument(400): IAM resource arn:aws:iam:us-east-1:${ACCT}:user/x cannot contain region information.`,
    );
    expect(await mp('col', P({ Effect: 'Allow', Action: 's3:Get:Object', Resource: '*' }))).toBe(
      'MalformedPolicyDocument(400): Actions/Condition can contain only one colon.',
    );
    expect(await mp('na', P({ Effect: 'Allow', Resource: '*' }))).toBe(
      'MalformedPolicyDocument(400): Policy statement must contain actions.',
    );
    expect(await mp('eff', P({ Effect: 'allow', Action: 's3:*', Resource: '*' }))).toBe(
      'MalformedPolicyDocument(400): The policy failed legacy parsing',
    );
    expect(
      await mp(
        'bd',
        P({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': 'tomorrow' } } }),
      ),
    ).toBe('MalformedPolicyDocument(400): The policy failed legacy parsing');
    const tr = (name: string, doc: string) => call('CreateRole', { RoleName: name, AssumeRolePolicyDocument: doc });
    expect(await tr('T3', P({ Effect: 'Allow', NotPrincipal: { AWS: ACCT }, Action: 'sts:AssumeRole' }))).toBe(
      'MalformedPolicyDocument(400): Has prohibited field NotPrincipal',
    );
  });
});
