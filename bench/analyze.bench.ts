/**
 * Analysis benchmarks: policy comparison on lesson-sized policies (target < 50 ms, the editor's
 * live "compared with the saved version" panel) and on a 100-statement policy; escalation paths
 * over a 1 000-principal account (600 users, 300 roles, 100 groups).
 */
import { comparePoliciesSync } from '../src/sim/analyze/report.ts';
import { findEscalationPaths } from '../src/sim/analyze/escalation.ts';
import { loadServices } from '../src/sim/catalog/services.ts';
import type { Benchmark } from './run.ts';

const doc = (...Statement: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement });

// Lesson 8 style: MFA-guarded deletes, read everything in one bucket.
const lessonBefore = doc(
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::dojo-reports', 'arn:aws:s3:::dojo-reports/*'] },
  {
    Effect: 'Allow',
    Action: 's3:DeleteObject',
    Resource: 'arn:aws:s3:::dojo-reports/*',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  },
);
const lessonAfter = doc(
  { Effect: 'Allow', Action: ['s3:Get*', 's3:ListBucket'], Resource: ['arn:aws:s3:::dojo-reports', 'arn:aws:s3:::dojo-reports/*'] },
  {
    Effect: 'Allow',
    Action: 's3:DeleteObject',
    Resource: 'arn:aws:s3:::dojo-reports/*',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } } },
);
// Lesson 11 style: home folders with a variable.
const homeBefore = doc(
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::home/${aws:username}/*' },
  {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::home',
    Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } },
  },
);
const homeAfter = doc(
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::home/${aws:username}/*' },
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::home' },
);

const SERVICES = ['s3', 'iam', 'ec2', 'dynamodb', 'sqs', 'sns', 'lambda', 'kms', 'logs', 'cloudwatch'];
const VERBS = ['Get*', 'List*', 'Describe*', 'Put*', 'Create*', 'Delete*'];
/** 100 statements over 10 services, a quarter with a condition, a few Deny. */
function bigPolicy(variant: number): string {
  const statements = Array.from({ length: 100 }, (_, i) => {
    const service = SERVICES[i % SERVICES.length] as string;
    const s: Record<string, unknown> = {
      Effect: i % 17 === 5 ? 'Deny' : 'Allow',
      Action: `${service}:${VERBS[(i + variant) % VERBS.length] ?? 'Get*'}`,
      Resource: i % 3 === 0 || service === 'iam' || service === 's3' ? '*' : `arn:aws:${service}:us-east-1:123456789012:res-${i % 7}/*`,
    };
    if (i % 4 === 0) s['Condition'] = { StringEquals: { 'aws:RequestedRegion': i % 8 === 0 ? 'us-east-1' : 'eu-west-1' } };
    return s;
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}
const bigBefore = bigPolicy(0);
const bigAfter = bigPolicy(1);

/** A 1 000-principal account: most principals read-only, a few with IAM permissions, some admin roles. */
function bigAccount(): Record<string, unknown> {
  const acct = '123456789012';
  const users = Array.from({ length: 600 }, (_, i) => {
    const policy =
      i % 50 === 7
        ? { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${acct}:user/user-${(i * 7) % 600}` }
        : i % 40 === 3
          ? { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${acct}:role/role-${i % 300}` }
          : i % 97 === 11
            ? { Effect: 'Allow', Action: ['iam:AttachUserPolicy'], Resource: `arn:aws:iam::${acct}:user/user-${i}` }
            : { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' };
    return {
      UserName: `user-${i}`,
      Arn: `arn:aws:iam::${acct}:user/user-${i}`,
      GroupList: i % 5 === 0 ? [`group-${i % 100}`] : [],
      UserPolicyList: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [policy] } }],
    };
  });
  const roles = Array.from({ length: 300 }, (_, i) => ({
    RoleName: `role-${i}`,
    Arn: `arn:aws:iam::${acct}:role/role-${i}`,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }],
    },
    RolePolicyList: [
      {
        PolicyName: 'p',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            i % 30 === 0 ? { Effect: 'Allow', Action: '*', Resource: '*' } : { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' },
          ],
        },
      },
    ],
  }));
  const groups = Array.from({ length: 100 }, (_, i) => ({
    GroupName: `group-${i}`,
    Arn: `arn:aws:iam::${acct}:group/group-${i}`,
    GroupPolicyList: [
      {
        PolicyName: 'g',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: i % 25 === 0 ? 'iam:PutGroupPolicy' : 'sqs:ReceiveMessage', Resource: '*' }],
        },
      },
    ],
  }));
  return { UserDetailList: users, RoleDetailList: roles, GroupDetailList: groups, Policies: [] };
}
const account = bigAccount();

await loadServices(SERVICES);
// Sanity: the benchmarks measure real work (differences found, paths found).
if (comparePoliciesSync(lessonBefore, lessonAfter).Result === 'Equivalent') throw new Error('bench: lesson policies should differ');
if (findEscalationPaths([{ details: account }]).length === 0) throw new Error('bench: the big account should have escalation paths');

const benchmarks: Benchmark[] = [
  {
    name: 'comparePolicies: lesson 8 MFA policy, 2 → 3 statements',
    run: () => comparePoliciesSync(lessonBefore, lessonAfter),
    batch: 5,
    batches: 10,
    targetMicros: 50_000,
  },
  {
    name: 'comparePolicies: home folders with ${aws:username}',
    run: () => comparePoliciesSync(homeBefore, homeAfter),
    batch: 5,
    batches: 10,
    targetMicros: 50_000,
  },
  {
    name: 'comparePolicies: 100-statement policy over 10 services',
    run: () => comparePoliciesSync(bigBefore, bigAfter),
    batch: 1,
    batches: 5,
  },
  { name: 'findEscalationPaths: 1 000 principals', run: () => findEscalationPaths([{ details: account }]), batch: 1, batches: 3 },
];
export default benchmarks;
