/**
 * Exercises of lesson 10: a bucket policy for a user of the same account, read access for another
 * account, and a role another account may assume with an external ID. Cross-account requests are
 * checked with IAM SimulateCustomPolicy (CallerArn in the other account, ResourceOwner ours), the
 * way AWS documents testing resource-based policies. Sources: IAM User Guide, "Identity-based
 * policies and resource-based policies", "Cross account resource access in IAM", "Cross-account
 * policy evaluation logic", "Access to AWS accounts owned by third parties" (sts:ExternalId);
 * S3 User Guide, "Bucket policies for Amazon S3"; IAM API reference, SimulateCustomPolicy.
 */
import { defineExercises } from '../../../src/course/exercise.ts';

const PARTNER = '444455556666';
const STRANGER = '999988887777';

const auditorRead = '{"Version":"2012-10-17","Statement":[{"Sid":"AuditorReads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:user/auditor"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"}]}';
const auditorAndPartner = `{"Version":"2012-10-17","Statement":[{"Sid":"AuditorReads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:user/auditor"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"},{"Sid":"PartnerReadsReports","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${PARTNER}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/reports/*"}]}`;
const partnerTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${PARTNER}:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"dojo-7f3a"}}}]}`;

/** An identity policy in the other account, as its administrator would write it. */
function allow(action: string, resource: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
}

/** `aws iam simulate-custom-policy` for a caller in another account against a policy saved as {{RESOURCE_POLICY}}. */
function crossAccount(options: { caller: string; identityPolicy: string; action: string; resource: string; externalId?: string }): string {
  const parts = [
    'aws iam simulate-custom-policy',
    `--policy-input-list '${options.identityPolicy}'`,
    `--action-names ${options.action}`,
    `--resource-arns ${options.resource}`,
    "--resource-policy '{{RESOURCE_POLICY}}'",
    '--resource-owner arn:aws:iam::{{accountId}}:root',
    `--caller-arn ${options.caller}`,
  ];
  if (options.externalId !== undefined) {
    parts.push(`--context-entries '[{"ContextKeyName":"sts:ExternalId","ContextKeyValues":["${options.externalId}"],"ContextKeyType":"string"}]'`);
  }
  return parts.join(' ');
}

const bucketPolicy = [{ run: 'aws s3api get-bucket-policy --bucket dojo-shared', save: { RESOURCE_POLICY: 'Policy' } }];
const trustPolicy = [{ run: 'aws iam get-role --role-name PartnerAuditor', save: { RESOURCE_POLICY: 'Role.AssumeRolePolicyDocument' } }];
const decision = (equals: string) => ({ outcome: 'success' as const, query: 'EvaluationResults[0].EvalDecision', equals });

export default defineExercises([
  {
    id: 'bucket-policy',
    title: 'Let a user in from the bucket side',
    goal: 'The user `auditor` has no policies and should keep none. Give the bucket `dojo-shared` a bucket policy that lets auditor download its objects — and only download.',
    start: {
      world: { seed: 'lesson-10' },
      steps: [
        'aws s3api create-bucket --bucket dojo-shared',
        'aws s3api put-object --bucket dojo-shared --key reports/2026-q3.csv',
        'aws s3api put-object --bucket dojo-shared --key private/payroll.csv',
        'aws iam create-user --user-name auditor',
        'aws iam create-access-key --user-name auditor',
      ],
    },
    checks: [
      {
        id: 'auditor-reads',
        kind: 'command',
        label: 'auditor can download reports/2026-q3.csv',
        command: 'aws s3api get-object --bucket dojo-shared --key reports/2026-q3.csv q3.csv --profile auditor',
        expect: { outcome: 'success' },
      },
      {
        id: 'auditor-no-write',
        kind: 'command',
        label: 'auditor cannot upload',
        command: 'aws s3api put-object --bucket dojo-shared --key reports/fake.csv --profile auditor',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'no-identity-policy',
        kind: 'command',
        label: 'auditor still has no policies of their own',
        command: 'aws iam list-attached-user-policies --user-name auditor',
        expect: { outcome: 'success', query: 'length(AttachedPolicies)', equals: 0 },
      },
    ],
    hints: [
      'A bucket policy has the same elements as an identity policy, plus `Principal`: who the statement is about.',
      'Principal `{"AWS": "arn:aws:iam::ACCOUNT:user/auditor"}`, action `s3:GetObject`, resource `arn:aws:s3:::dojo-shared/*`.',
      "`aws s3api put-bucket-policy --bucket dojo-shared --policy '...'`.",
    ],
    solution: {
      steps: [`aws s3api put-bucket-policy --bucket dojo-shared --policy '${auditorRead}'`],
      explanation: 'Within one account, an allow in either the identity policy or the resource policy is enough. The bucket policy names auditor, so auditor\'s own (empty) policies do not matter for this request.',
    },
  },
  {
    id: 'other-account',
    title: 'Share reports with a partner account',
    goal: `Extend the bucket policy so that the partner account ${PARTNER} may download objects under \`reports/\` — and nothing under \`private/\`. Keep auditor's statement.`,
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'partner-reads-reports',
        kind: 'command',
        label: 'a partner user allowed by their own admin can read reports/2026-q3.csv',
        setup: bucketPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${PARTNER}:user/partner-app`,
          identityPolicy: allow('s3:GetObject', 'arn:aws:s3:::dojo-shared/*'),
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::dojo-shared/reports/2026-q3.csv',
        }),
        expect: decision('allowed'),
      },
      {
        id: 'partner-not-private',
        kind: 'command',
        label: 'the same partner user cannot read private/payroll.csv',
        setup: bucketPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${PARTNER}:user/partner-app`,
          identityPolicy: allow('s3:GetObject', 'arn:aws:s3:::dojo-shared/*'),
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::dojo-shared/private/payroll.csv',
        }),
        expect: decision('implicitDeny'),
      },
      {
        id: 'both-sides',
        kind: 'command',
        label: 'a partner user their own admin did not allow cannot read reports',
        setup: bucketPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${PARTNER}:user/intern`,
          identityPolicy: allow('s3:ListAllMyBuckets', '*'),
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::dojo-shared/reports/2026-q3.csv',
        }),
        expect: decision('implicitDeny'),
      },
      {
        id: 'auditor-kept',
        kind: 'command',
        label: 'auditor can still download',
        command: 'aws s3api get-object --bucket dojo-shared --key reports/2026-q3.csv q3.csv --profile auditor',
        expect: { outcome: 'success' },
      },
    ],
    hints: [
      `Name the account as the principal: \`{"AWS": "arn:aws:iam::${PARTNER}:root"}\` (or just \`"${PARTNER}"\`).`,
      'Add a second statement with resource `arn:aws:s3:::dojo-shared/reports/*`; `put-bucket-policy` replaces the whole policy, so include auditor\'s statement again.',
    ],
    solution: {
      steps: [`aws s3api put-bucket-policy --bucket dojo-shared --policy '${auditorAndPartner}'`],
      explanation: 'Naming an account trusts that account\'s administrators to decide which of their principals get in. Across accounts both sides must allow: your bucket policy and the partner\'s identity policy. The partner\'s intern has no S3 permission at home, so the bucket policy alone does not let them in.',
    },
  },
  {
    id: 'partner-role',
    title: 'A role for another account',
    goal: `Create a role \`PartnerAuditor\` with \`AmazonS3ReadOnlyAccess\` that account ${PARTNER} may assume — but only when it passes the external ID \`dojo-7f3a\` you agreed on. No other account may assume it.`,
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'with-external-id',
        kind: 'command',
        label: 'the partner can assume it with external ID dojo-7f3a',
        setup: trustPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${PARTNER}:user/partner-app`,
          identityPolicy: allow('sts:AssumeRole', '*'),
          action: 'sts:AssumeRole',
          resource: 'arn:aws:iam::{{accountId}}:role/PartnerAuditor',
          externalId: 'dojo-7f3a',
        }),
        expect: decision('allowed'),
      },
      {
        id: 'without-external-id',
        kind: 'command',
        label: 'without the external ID the partner is refused',
        setup: trustPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${PARTNER}:user/partner-app`,
          identityPolicy: allow('sts:AssumeRole', '*'),
          action: 'sts:AssumeRole',
          resource: 'arn:aws:iam::{{accountId}}:role/PartnerAuditor',
        }),
        expect: decision('implicitDeny'),
      },
      {
        id: 'stranger',
        kind: 'command',
        label: `account ${STRANGER} is refused even with the external ID`,
        setup: trustPolicy,
        command: crossAccount({
          caller: `arn:aws:iam::${STRANGER}:user/someone`,
          identityPolicy: allow('sts:AssumeRole', '*'),
          action: 'sts:AssumeRole',
          resource: 'arn:aws:iam::{{accountId}}:role/PartnerAuditor',
          externalId: 'dojo-7f3a',
        }),
        expect: decision('implicitDeny'),
      },
      {
        id: 'role-permissions',
        kind: 'command',
        label: 'PartnerAuditor has AmazonS3ReadOnlyAccess',
        command: 'aws iam list-attached-role-policies --role-name PartnerAuditor',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3ReadOnlyAccess'] },
      },
    ],
    hints: [
      'The trust policy is the role\'s resource policy: principal the partner account, action `sts:AssumeRole`.',
      'Add `"Condition": {"StringEquals": {"sts:ExternalId": "dojo-7f3a"}}`.',
      '`aws iam create-role --role-name PartnerAuditor --assume-role-policy-document \'...\'`, then `aws iam attach-role-policy`.',
    ],
    solution: {
      steps: [
        `aws iam create-role --role-name PartnerAuditor --assume-role-policy-document '${partnerTrust}'`,
        'aws iam attach-role-policy --role-name PartnerAuditor --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ],
      explanation: 'A cross-account role is the usual way to share more than one bucket: the partner assumes it and works with your account\'s permissions for the session. The external ID protects against the "confused deputy": a third party that serves many customers cannot be tricked into using your role on someone else\'s behalf, because only you and it know the ID.',
    },
  },
]);
