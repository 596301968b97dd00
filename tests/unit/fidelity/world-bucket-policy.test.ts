// Same-account bucket policies through the world's S3 ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html; IAM User Guide, "Policy evaluation
// logic" — resource-based policies by principal type; S3 User Guide, "Troubleshoot access denied (403 Forbidden)"
// — quoted ARNs), and aws:SourceIp from the caller's address (IAM User Guide, global condition keys).
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../src/sim/services/contract.ts';
import { createWorld } from '../../../src/sim/world/index.ts';
import { call, credentialsOf as cr, ok as out, policy } from '../sim/world/helpers.ts';

const ACCT = '111122223333';
const P = policy;
const ROLE = `arn:aws:iam::${ACCT}:role/R`;
const OBJ = 'arn:aws:s3:::dojo-bucket/k.txt';

async function setup(principal: (sessionArn: string) => unknown, boundary = false) {
  const w = createWorld({ accountId: ACCT });
  await out(w, 's3', 'CreateBucket', { Bucket: 'dojo-bucket' });
  await out(w, 's3', 'PutObject', { Bucket: 'dojo-bucket', Key: 'k.txt', Body: 'hi' });
  await out(w, 'iam', 'CreateUser', { UserName: 'alice' });
  const alice = cr((await out(w, 'iam', 'CreateAccessKey', { UserName: 'alice' }))['AccessKey']);
  await out(w, 'iam', 'CreateRole', {
    RoleName: 'R',
    AssumeRolePolicyDocument: P({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:user/alice` }, Action: 'sts:AssumeRole' }),
  });
  if (boundary) {
    await out(w, 'iam', 'PutRolePermissionsBoundary', { RoleName: 'R', PermissionsBoundary: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    await out(w, 'iam', 'PutUserPermissionsBoundary', {
      UserName: 'alice',
      PermissionsBoundary: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
    });
  }
  const session = cr((await out(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 'sess' }, alice))['Credentials']);
  await out(w, 's3', 'PutBucketPolicy', {
    Bucket: 'dojo-bucket',
    Policy: P({
      Effect: 'Allow',
      Principal: principal(`arn:aws:sts::${ACCT}:assumed-role/R/sess`),
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::dojo-bucket/*',
    }),
  });
  const get = async (c: Credentials) => {
    const r = await call(w, 's3', 'GetObject', { Bucket: 'dojo-bucket', Key: 'k.txt' }, c);
    return r.ok ? 'ok' : r.error.message;
  };
  return { w, alice, session, get };
}

describe('bucket policy principal × boundary (no identity policies anywhere)', () => {
  test('user ARN: allowed, even with a boundary that does not allow s3', async () => {
    const s = await setup(() => ({ AWS: `arn:aws:iam::${ACCT}:user/alice` }), true);
    expect(await s.get(s.alice)).toBe('ok');
  });
  test('role ARN: the session is allowed without a boundary, denied by the boundary with one', async () => {
    const a = await setup(() => ({ AWS: ROLE }));
    expect(await a.get(a.session)).toBe('ok');
    const b = await setup(() => ({ AWS: ROLE }), true);
    expect(await b.get(b.session)).toBe(
      `User: arn:aws:sts::${ACCT}:assumed-role/R/sess is not authorized to perform: s3:GetObject on resource: "${OBJ}" because no permissions boundary allows the s3:GetObject action`,
    );
  });
  test('session ARN: allowed even with a boundary', async () => {
    const s = await setup((sessionArn) => ({ AWS: sessionArn }), true);
    expect(await s.get(s.session)).toBe('ok');
  });
  test('account: identity allow needed', async () => {
    const s = await setup(() => ({ AWS: ACCT }));
    expect(await s.get(s.alice)).toBe(
      `User: arn:aws:iam::${ACCT}:user/alice is not authorized to perform: s3:GetObject on resource: "${OBJ}" because no identity-based policy allows the s3:GetObject action`,
    );
  });
});

describe('aws:SourceIp comes from the caller address', () => {
  test('Deny NotIpAddress blocks calls from outside the range', async () => {
    const w = createWorld({ accountId: ACCT });
    await out(w, 'iam', 'CreateUser', { UserName: 'alice' });
    await out(w, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'ip',
      PolicyDocument: P(
        { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } },
      ),
    });
    const key = (await out(w, 'iam', 'CreateAccessKey', { UserName: 'alice' }))['AccessKey'];
    await w.run(`aws configure set aws_access_key_id ${key.AccessKeyId} --profile alice`);
    await w.run(`aws configure set aws_secret_access_key ${key.SecretAccessKey} --profile alice`);
    expect((await w.run('aws iam list-users --profile alice', { sourceIp: '198.51.100.7' })).exitCode).toBe(0);
    const denied = await w.run('aws iam list-users --profile alice', { sourceIp: '203.0.113.9' });
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('with an explicit deny in an identity-based policy');
  });
});
