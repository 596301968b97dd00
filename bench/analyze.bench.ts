/**
 * Analysis benchmarks: policy comparison on lesson-sized policies (target < 50 ms, the editor's
 * live "compared with the saved version" panel) and on a 100-statement policy; escalation paths
 * over a 1 000-principal account (600 users, 300 roles, 100 groups); generation from the trail of
 * a lesson-12 world (an administrator who built the lesson's roles and users, compared with the
 * AdministratorAccess it holds — the comparison that made generation slow before its replay was
 * batched per difference).
 */
import { comparePoliciesSync } from '../src/sim/analyze/report.ts';
import { findEscalationPaths } from '../src/sim/analyze/escalation.ts';
import { loadServices } from '../src/sim/catalog/services.ts';
import { generatePolicyFromTrail } from '../src/sim/analyze/generate.ts';
import { awsManagedDocument } from '../src/sim/managed/index.ts';
import { createWorld } from '../src/sim/world/index.ts';
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

/** The lesson-12 world's trail as its administrator leaves it: the exercise's set-up and a look around. */
async function lesson12Trail(): Promise<{ generated: string; admin: string; records: Record<string, unknown>[] }> {
  const world = createWorld({ seed: 'lesson-12-bench' });
  const trustEc2 =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  const launch =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:RunInstances","ec2:Describe*"],"Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}';
  const setup = [
    'aws iam create-user --user-name learner',
    'aws iam attach-user-policy --user-name learner --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    'aws iam create-access-key --user-name learner',
  ];
  const asLearner = [
    `aws iam create-role --role-name WebServerRole --assume-role-policy-document '${trustEc2}'`,
    'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    `aws iam create-role --role-name AdminRole --assume-role-policy-document '${trustEc2}'`,
    'aws iam attach-role-policy --role-name AdminRole --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    'aws iam create-user --user-name dev',
    `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${launch}'`,
    'aws iam list-users',
    'aws iam list-roles',
    'aws iam get-role --role-name AdminRole',
    'aws iam get-user-policy --user-name dev --policy-name Launch',
    'aws iam list-attached-role-policies --role-name WebServerRole',
    'aws s3 ls',
    'aws ec2 describe-instances',
    'aws sts get-caller-identity',
  ];
  for (const line of setup) if ((await world.run(line)).exitCode !== 0) throw new Error(`bench: ${line} failed`);
  for (const line of asLearner) if ((await world.run(`${line} --profile learner`)).exitCode !== 0) throw new Error(`bench: ${line} failed`);
  const admin = awsManagedDocument('arn:aws:iam::aws:policy/AdministratorAccess') as string;
  const records = world.trail().Records;
  const g = await generatePolicyFromTrail({
    records,
    principalArn: 'arn:aws:iam::123456789012:user/learner',
    currentPolicies: [admin],
    decisionsFor: (id) => world.decisionsFor(id),
  });
  if (!g.unusedOtherServices || g.PolicyDocument.Statement.length < 3)
    throw new Error('bench: the lesson-12 generation should find unused access');
  return { generated: JSON.stringify(g.PolicyDocument), admin, records };
}
const lesson12 = await lesson12Trail();

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
  {
    name: 'generate from the lesson-12 trail: AdministratorAccess compared with the generated policy',
    run: () => comparePoliciesSync(lesson12.admin, lesson12.generated),
    batch: 1,
    batches: 5,
  },
];
export default benchmarks;
