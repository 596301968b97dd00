/**
 * Exercises of lesson 10: a bucket policy for a user of the same account, read access for another
 * account, and a role another account may assume with an external ID. Cross-account requests are
 * checked with IAM SimulateCustomPolicy (CallerArn in the other account, ResourceOwner ours), the
 * way AWS documents testing resource-based policies. Sources: IAM User Guide, "Identity-based
 * policies and resource-based policies", "Cross account resource access in IAM", "Cross-account
 * policy evaluation logic", "Access to AWS accounts owned by third parties" (sts:ExternalId);
 * S3 User Guide, "Bucket policies for Amazon S3"; IAM API reference, SimulateCustomPolicy.
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { seedObject } from '../../../src/course/seed-object.ts';

const PARTNER = '444455556666';
const STRANGER = '999988887777';

const auditorRead =
  '{"Version":"2012-10-17","Statement":[{"Sid":"AuditorReads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:user/auditor"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"}]}';
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
    parts.push(
      `--context-entries '[{"ContextKeyName":"sts:ExternalId","ContextKeyValues":["${options.externalId}"],"ContextKeyType":"string"}]'`,
    );
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
        ...adminSessionSteps(),
        'aws s3api create-bucket --bucket dojo-shared',
        ...seedObject('dojo-shared', 'reports/2026-q3.csv', 'month,revenue\n2026-07,41200\n2026-08,39850\n2026-09,44010\n'),
        ...seedObject('dojo-shared', 'private/payroll.csv', 'employee,salary\nana,72000\nsam,68000\n'),
        'aws iam create-user --user-name auditor',
        'aws iam create-access-key --user-name auditor',
        // Someone else in the account, with no policies: the bucket policy must not let them in.
        'aws iam create-user --user-name visitor',
        'aws iam create-access-key --user-name visitor',
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
        failure: 'a managed policy is attached to auditor; the access should come from the bucket side',
      },
      {
        id: 'no-inline-policy',
        kind: 'command',
        label: 'auditor has no inline policy either',
        command: 'aws iam list-user-policies --user-name auditor',
        expect: { outcome: 'success', query: 'PolicyNames', equals: [] },
        failure: 'auditor has an inline policy; the access should come from the bucket side',
      },
      {
        id: 'auditor-no-delete',
        kind: 'command',
        label: 'auditor cannot delete objects',
        command: 'aws s3api delete-object --bucket dojo-shared --key private/payroll.csv --profile auditor',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'auditor can delete objects — "only download" means s3:GetObject',
      },
      {
        id: 'visitor-denied',
        kind: 'command',
        label: 'another user of the account (visitor) still cannot download',
        command: 'aws s3api get-object --bucket dojo-shared --key reports/2026-q3.csv q3.csv --profile visitor',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'visitor, who has no permissions, can download: the bucket policy lets in more than auditor',
      },
      {
        id: 'still-blocked',
        kind: 'command',
        label: 'the bucket still blocks public policies (Block Public Access)',
        command: 'aws s3api get-public-access-block --bucket dojo-shared',
        expect: { outcome: 'success', query: 'PublicAccessBlockConfiguration.BlockPublicPolicy', equals: true },
        failure: 'Block Public Access no longer blocks public policies on dojo-shared; nothing here needs it off',
      },
    ],
    hints: [
      'Who is the bucket policy about? A bucket policy has the same elements as an identity policy, plus `Principal`.',
      'Principal `{"AWS": "arn:aws:iam::ACCOUNT:user/auditor"}`, action `s3:GetObject`, resource `arn:aws:s3:::dojo-shared/*`.',
      'Write it in the file editor below the exercise, save it as `auditor-reads.json`, then `aws s3api put-bucket-policy --bucket dojo-shared --policy file://auditor-reads.json`.',
    ],
    solution: {
      steps: withPolicyFile('auditor-reads.json', auditorRead, (uri) => `aws s3api put-bucket-policy --bucket dojo-shared --policy ${uri}`),
      explanation:
        'Within one account, an allow in either the identity policy or the resource policy is enough for S3. The bucket policy names auditor, so auditor\'s own (empty) policies do not matter for this request. `"Principal": "*"` would mean everyone, even anonymous callers — and since April 2023 a new bucket has Block Public Access on, so S3 refuses such a policy with 403 AccessDenied unless someone turns the block off first.',
    },
    wrongAnswers: [
      {
        mistake: 'uses a public Principal "*" (refused: Block Public Access is on)',
        steps: [
          `aws s3api put-bucket-policy --bucket dojo-shared --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"}]}'`,
        ],
        caughtBy: ['auditor-reads'],
      },
      {
        mistake: 'turns Block Public Access off to make Principal "*" work',
        steps: [
          'aws s3api delete-public-access-block --bucket dojo-shared',
          `aws s3api put-bucket-policy --bucket dojo-shared --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"}]}'`,
        ],
        caughtBy: ['visitor-denied', 'still-blocked'],
      },
      {
        mistake: 'gives auditor s3:* in the bucket policy',
        steps: [
          `aws s3api put-bucket-policy --bucket dojo-shared --policy '${auditorRead.replace('"Action":"s3:GetObject"', '"Action":"s3:*"')}'`,
        ],
        caughtBy: ['auditor-no-write', 'auditor-no-delete'],
      },
      {
        mistake: "names the account (`:root`) instead of auditor, which delegates to auditor's empty policies",
        steps: [`aws s3api put-bucket-policy --bucket dojo-shared --policy '${auditorRead.replace('user/auditor', 'root')}'`],
        caughtBy: ['auditor-reads'],
      },
      {
        mistake: 'gives auditor an inline policy instead of a bucket policy',
        steps: [
          `aws iam put-user-policy --user-name auditor --policy-name Read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/*"}]}'`,
        ],
        caughtBy: ['no-inline-policy'],
      },
    ],
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
        failure: 'the partner may read private/: its statement covers more than reports/',
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
        failure: "auditor lost access: put-bucket-policy replaces the whole policy, so auditor's statement must be in it again",
      },
    ],
    hints: [
      "Who decides which partner users get in — you, or the partner's administrator?",
      `Name the account as the principal: \`{"AWS": "arn:aws:iam::${PARTNER}:root"}\` (or just \`"${PARTNER}"\`).`,
      "Add a second statement with resource `arn:aws:s3:::dojo-shared/reports/*`; `put-bucket-policy` replaces the whole policy, so include auditor's statement again (edit your file, or save a new one such as `shared-bucket.json`).",
    ],
    solution: {
      steps: withPolicyFile(
        'shared-bucket.json',
        auditorAndPartner,
        (uri) => `aws s3api put-bucket-policy --bucket dojo-shared --policy ${uri}`,
      ),
      explanation:
        "Naming an account trusts that account's administrators to decide which of their principals get in. Across accounts both sides must allow: your bucket policy and the partner's identity policy. The partner's intern has no S3 permission at home, so the bucket policy alone does not let them in.",
    },
    wrongAnswers: [
      {
        mistake: 'shares the whole bucket with the partner',
        steps: [
          `aws s3api put-bucket-policy --bucket dojo-shared --policy '${auditorAndPartner.replace('dojo-shared/reports/*', 'dojo-shared/*')}'`,
        ],
        caughtBy: ['partner-not-private'],
      },
      {
        mistake: "writes only the partner statement, replacing auditor's",
        steps: [
          `aws s3api put-bucket-policy --bucket dojo-shared --policy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${PARTNER}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dojo-shared/reports/*"}]}'`,
        ],
        caughtBy: ['auditor-kept'],
      },
    ],
  },
  {
    id: 'partner-role',
    title: 'A role for another account',
    goal: `The partner's auditing service runs in account ${PARTNER} and gave you the external ID \`dojo-7f3a\`, which it generated for your account. Create a role \`PartnerAuditor\` with \`AmazonS3ReadOnlyAccess\` that account ${PARTNER} may assume only when it passes that external ID. No other account may assume it.`,
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
        failure: 'PartnerAuditor does not have exactly AmazonS3ReadOnlyAccess',
      },
    ],
    hints: [
      'Which policy decides who may assume a role, and where does the external ID go in it?',
      "The trust policy is the role's resource policy: principal the partner account, action `sts:AssumeRole`.",
      'Add `"Condition": {"StringEquals": {"sts:ExternalId": "dojo-7f3a"}}`.',
      'Save the trust policy as `partner-trust.json` in the file editor, then `aws iam create-role --role-name PartnerAuditor --assume-role-policy-document file://partner-trust.json`, then `aws iam attach-role-policy`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'partner-trust.json',
          partnerTrust,
          (uri) => `aws iam create-role --role-name PartnerAuditor --assume-role-policy-document ${uri}`,
        ),
        'aws iam attach-role-policy --role-name PartnerAuditor --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ],
      explanation:
        'A cross-account role is the usual way to share more than one bucket: the partner assumes it and works with your account\'s permissions for the session. The external ID protects against the "confused deputy": the third party serves many customers, generates one unique ID per customer, and always passes *your* ID when it works for you. Another customer who learns your role ARN cannot make the service use it, because the service would send that customer\'s ID, not yours. The ID is not a secret — anyone who can read the role can see it.',
    },
    wrongAnswers: [
      {
        mistake: 'trusts the partner account without the external ID condition',
        steps: [
          `aws iam create-role --role-name PartnerAuditor --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${PARTNER}:root"},"Action":"sts:AssumeRole"}]}'`,
          'aws iam attach-role-policy --role-name PartnerAuditor --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['without-external-id'],
      },
      {
        mistake: 'trusts every AWS principal ("*") and relies on the external ID alone',
        steps: [
          `aws iam create-role --role-name PartnerAuditor --assume-role-policy-document '${partnerTrust.replace(`arn:aws:iam::${PARTNER}:root`, '*')}'`,
          'aws iam attach-role-policy --role-name PartnerAuditor --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['stranger'],
      },
      {
        mistake: "creates the trust but forgets the role's permissions",
        steps: [`aws iam create-role --role-name PartnerAuditor --assume-role-policy-document '${partnerTrust}'`],
        caughtBy: ['role-permissions'],
      },
    ],
  },
]);
