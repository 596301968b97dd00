/**
 * Exercises of lesson 14: KMS keys used through S3, a key policy that delegates to IAM, a key
 * policy that must allow, and key administrators who cannot use the key. Sources: KMS Developer
 * Guide, "Key policies in AWS KMS", "Default key policy" (the "Enable IAM User Permissions"
 * statement; key administrators and key users), "Permissions for AWS services in key policies";
 * IAM User Guide, "Policy evaluation logic" (KMS key policies must allow); S3 User Guide, "Using
 * server-side encryption with AWS KMS keys (SSE-KMS)" (GetObject needs kms:Decrypt).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

const ADMIN_ROLE_ARN = 'arn:aws:iam::{{accountId}}:role/AdministratorAccess-Dojo';

/** A key policy without the account statement: only the course admin session and key-admin. */
const hrKeyPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'CourseAdministrators', Effect: 'Allow', Principal: { AWS: ADMIN_ROLE_ARN }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'KeyAdministrator',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::{{accountId}}:user/key-admin' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

const anaDecrypts = {
  Sid: 'AnaReadsHr',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::{{accountId}}:user/ana' },
  Action: 'kms:Decrypt',
  Resource: '*',
};

const hrWithAna = JSON.stringify({ Version: '2012-10-17', Statement: [...JSON.parse(hrKeyPolicy).Statement, anaDecrypts] });

/** The key administrator may manage the key but not use it (KMS "Default key policy", key administrators). */
const adminActions = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];
const hrSeparated = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    JSON.parse(hrKeyPolicy).Statement[0],
    {
      Sid: 'KeyAdministrator',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::{{accountId}}:user/key-admin' },
      Action: adminActions,
      Resource: '*',
    },
    anaDecrypts,
  ],
});

const readOnly = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

export default defineExercises([
  {
    id: 'delegated-to-iam',
    title: 'Read an object encrypted with a KMS key',
    goal: 'The object `dojo-secure/q3.csv` is encrypted with the KMS key `alias/reports`, whose key policy is the default one. ana can read S3 but gets AccessDenied on it. Give ana an inline policy `UseReportsKey` that lets her decrypt with that key — and no other key. Do not change the key policy.',
    start: {
      world: { seed: 'lesson-14' },
      steps: [
        ...adminSessionSteps(),
        { run: 'aws kms create-key --description reports', save: { REPORTS_KEY: 'KeyMetadata.Arn' } },
        'aws kms create-alias --alias-name alias/reports --target-key-id {{REPORTS_KEY}}',
        { run: 'aws kms create-key --description payroll', save: { PAYROLL_KEY: 'KeyMetadata.Arn' } },
        'aws kms create-alias --alias-name alias/payroll --target-key-id {{PAYROLL_KEY}}',
        'aws s3api create-bucket --bucket dojo-secure',
        'echo quarterly numbers > q3.csv',
        'aws s3api put-object --bucket dojo-secure --key q3.csv --body q3.csv --server-side-encryption aws:kms --ssekms-key-id alias/reports',
        'echo salaries > payroll.csv',
        'aws s3api put-object --bucket dojo-secure --key payroll.csv --body payroll.csv --server-side-encryption aws:kms --ssekms-key-id alias/payroll',
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        `aws iam attach-user-policy --user-name ana --policy-arn ${readOnly}`,
      ],
    },
    checks: [
      {
        id: 'ana-reads',
        kind: 'command',
        label: 'ana can download q3.csv',
        command: 'aws s3api get-object --bucket dojo-secure --key q3.csv q3-copy.csv --profile ana',
        expect: { outcome: 'success' },
        failure: 'ana still cannot decrypt q3.csv: nothing allows kms:Decrypt on the reports key for her',
      },
      {
        id: 'not-payroll',
        kind: 'command',
        label: 'ana still cannot download payroll.csv (another key)',
        command: 'aws s3api get-object --bucket dojo-secure --key payroll.csv payroll-copy.csv --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: "ana can decrypt with the payroll key too; name the reports key's ARN, not every key",
      },
      {
        id: 'inline',
        kind: 'command',
        label: 'ana has the inline policy UseReportsKey',
        command: 'aws iam get-user-policy --user-name ana --policy-name UseReportsKey',
        expect: { outcome: 'success' },
        failure: 'ana has no inline policy named UseReportsKey',
      },
      {
        id: 'key-policy-default',
        kind: 'trail',
        label: 'the key policy was not changed',
        query: "length(Records[?eventName=='PutKeyPolicy'])",
        equals: 0,
        failure: 'someone changed a key policy; this exercise is about the default policy delegating to IAM',
      },
    ],
    hints: [
      'The default key policy trusts the account (`…:root`). What does that mean for an IAM policy that allows kms:Decrypt?',
      'Reading an SSE-KMS object needs `s3:GetObject` and `kms:Decrypt` on the key. The key ARN is in `aws kms describe-key --key-id alias/reports`.',
      'An IAM policy must name the key ARN (`arn:aws:kms:us-east-1:ACCOUNT:key/…`); an alias ARN in `Resource` does not cover the key.',
    ],
    solution: {
      steps: [
        { run: 'aws kms describe-key --key-id alias/reports', save: { KEY: 'KeyMetadata.Arn' } },
        ...withPolicyFile(
          'use-reports-key.json',
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '{{KEY}}' }] },
          (file) => `aws iam put-user-policy --user-name ana --policy-name UseReportsKey --policy-document ${file}`,
        ),
      ],
      explanation:
        'The default key policy\'s statement "Enable IAM User Permissions" names the account, which delegates the key to IAM: any identity policy in the account that allows kms:Decrypt on the key now counts. `{{KEY}}` is the key\'s ARN. Naming the key ARN keeps ana away from the payroll key.',
    },
    wrongAnswers: [
      {
        mistake: 'allows kms:* on every key',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name UseReportsKey --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'`,
        ],
        caughtBy: ['not-payroll'],
      },
      {
        mistake: 'names the alias ARN as the resource, which does not cover the key',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name UseReportsKey --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:{{accountId}}:alias/reports"}]}'`,
        ],
        caughtBy: ['ana-reads'],
      },
      {
        mistake: 'changes the key policy to name ana instead of using IAM',
        steps: [
          { run: 'aws kms describe-key --key-id alias/reports', save: { KEY: 'KeyMetadata.Arn' } },
          `aws kms put-key-policy --key-id {{KEY}} --policy '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{accountId}}:root' }, Action: 'kms:*', Resource: '*' }, anaDecrypts] })}'`,
        ],
        caughtBy: ['inline', 'key-policy-default'],
      },
    ],
  },
  {
    id: 'must-allow',
    title: 'The key policy must allow',
    goal: 'The HR key `alias/hr` has a key policy without the account statement: it names only the course administrators and the user `key-admin`. ana already has an IAM policy allowing `kms:Decrypt` on every key, yet she cannot read `dojo-secure/hr.csv`. Change the key policy so that ana may decrypt with it — only decrypt — and keep the administrators in it.',
    start: {
      world: { seed: 'lesson-14-hr' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name key-admin',
        'aws iam create-access-key --user-name key-admin',
        `aws iam attach-user-policy --user-name key-admin --policy-arn ${readOnly}`,
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        `aws iam attach-user-policy --user-name ana --policy-arn ${readOnly}`,
        `aws iam put-user-policy --user-name ana --policy-name DecryptAnything --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}'`,
        { run: `aws kms create-key --description hr --policy '${hrKeyPolicy}'`, save: { HR_KEY: 'KeyMetadata.Arn' } },
        'aws kms create-alias --alias-name alias/hr --target-key-id {{HR_KEY}}',
        'aws s3api create-bucket --bucket dojo-secure',
        'echo reviews > hr.csv',
        'aws s3api put-object --bucket dojo-secure --key hr.csv --body hr.csv --server-side-encryption aws:kms --ssekms-key-id alias/hr',
      ],
    },
    checks: [
      {
        id: 'ana-reads-hr',
        kind: 'command',
        label: 'ana can download hr.csv',
        command: 'aws s3api get-object --bucket dojo-secure --key hr.csv hr-copy.csv --profile ana',
        expect: { outcome: 'success' },
        failure:
          'ana still cannot decrypt hr.csv: the key policy does not allow her (an IAM policy alone is never enough for a key whose policy does not delegate to IAM)',
      },
      {
        id: 'ana-only-decrypts',
        kind: 'command',
        label: 'ana cannot schedule the key for deletion',
        command: 'aws kms schedule-key-deletion --key-id {{HR_KEY}} --pending-window-in-days 7 --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDeniedException' },
        failure: 'ana may delete the HR key — the key policy grants her far more than kms:Decrypt',
      },
      {
        id: 'admin-kept',
        kind: 'command',
        label: 'key-admin can still manage the key',
        command: 'aws kms describe-key --key-id {{HR_KEY}} --profile key-admin',
        expect: { outcome: 'success' },
        failure: "key-admin lost access to the key; keep the administrators' statements when you replace the policy",
      },
    ],
    hints: [
      'For most resources an IAM policy *or* the resource policy may allow. Which two kinds of resource policy are the exceptions?',
      '`aws kms get-key-policy --key-id alias/hr --policy-name default` shows the policy; `put-key-policy` replaces all of it.',
      'Add a statement with `"Principal": {"AWS": "arn:aws:iam::ACCOUNT:user/ana"}` and `"Action": "kms:Decrypt"`, keeping the two statements already there.',
    ],
    solution: {
      steps: [...withPolicyFile('hr-key-policy.json', hrWithAna, (file) => `aws kms put-key-policy --key-id {{HR_KEY}} --policy ${file}`)],
      explanation:
        "A KMS key policy must always allow: without a statement that names the account (delegating to IAM) or ana herself, no IAM policy can let her use the key. `{{HR_KEY}}` is the key's ARN. Replacing the policy is all-or-nothing, and KMS refuses a policy that would stop you from changing it again (the lockout safety check).",
    },
    wrongAnswers: [
      {
        mistake: 'gives ana more IAM permissions instead of changing the key policy',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name KmsAll --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'`,
        ],
        caughtBy: ['ana-reads-hr'],
      },
      {
        mistake: 'grants everyone (`"AWS": "*"`) kms:* in the key policy',
        steps: [
          `aws kms put-key-policy --key-id {{HR_KEY}} --policy '${JSON.stringify({ Version: '2012-10-17', Statement: [...JSON.parse(hrKeyPolicy).Statement, { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] })}'`,
        ],
        caughtBy: ['ana-only-decrypts'],
      },
      {
        mistake: "replaces the policy with ana's statement and the course administrators only, dropping key-admin",
        steps: [
          `aws kms put-key-policy --key-id {{HR_KEY}} --policy '${JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(hrKeyPolicy).Statement[0], anaDecrypts] })}'`,
        ],
        caughtBy: ['admin-kept'],
      },
    ],
  },
  {
    id: 'admins-do-not-decrypt',
    title: 'Key administrators manage, key users use',
    goal: "key-admin has `kms:*` in the HR key policy, so key-admin can also read every HR file. Change key-admin's statement so that key-admin can still manage the key (describe, enable and disable, change the policy, schedule deletion) but can no longer decrypt. ana must keep reading hr.csv.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'admin-cannot-read',
        kind: 'command',
        label: 'key-admin cannot download hr.csv',
        command: 'aws s3api get-object --bucket dojo-secure --key hr.csv hr-admin.csv --profile key-admin',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'key-admin can still decrypt HR files: the statement still allows kms:Decrypt (kms:* includes it)',
      },
      {
        id: 'admin-manages',
        kind: 'command',
        label: 'key-admin can still describe the key',
        command: 'aws kms describe-key --key-id {{HR_KEY}} --profile key-admin',
        expect: { outcome: 'success' },
        failure: 'key-admin can no longer manage the key',
      },
      {
        id: 'admin-can-delete',
        kind: 'command',
        label: 'key-admin can still schedule the key for deletion (an administrator task)',
        command: 'aws kms schedule-key-deletion --key-id {{HR_KEY}} --pending-window-in-days 7 --profile key-admin',
        expect: { outcome: 'success' },
        failure: 'key-admin lost an administrator action (kms:ScheduleKeyDeletion)',
      },
      {
        id: 'ana-still-reads',
        kind: 'command',
        label: 'ana can still download hr.csv',
        command: 'aws s3api get-object --bucket dojo-secure --key hr.csv hr-copy.csv --profile ana',
        expect: { outcome: 'success' },
        failure: 'ana lost her access to the key',
      },
    ],
    hints: [
      'Which KMS actions are about managing a key, and which are about using it?',
      'The default key policy\'s "key administrators" statement lists `kms:Create*`, `kms:Describe*`, `kms:Enable*`, `kms:List*`, `kms:Put*`, `kms:Update*`, `kms:Revoke*`, `kms:Disable*`, `kms:Get*`, `kms:Delete*`, `kms:TagResource`, `kms:UntagResource`, `kms:ScheduleKeyDeletion` and `kms:CancelKeyDeletion` — no Encrypt or Decrypt.',
    ],
    solution: {
      steps: [
        ...withPolicyFile('hr-key-policy.json', hrSeparated, (file) => `aws kms put-key-policy --key-id {{HR_KEY}} --policy ${file}`),
      ],
      explanation:
        "Separating key administrators from key users means the people who can delete or re-permission a key cannot read what it protects, and the people who read cannot change who else may. It is the split the console's default key policy makes when you choose administrators and users.",
    },
    wrongAnswers: [
      {
        mistake: "leaves key-admin's kms:* in place (it includes kms:Decrypt)",
        steps: [`aws kms put-key-policy --key-id {{HR_KEY}} --policy '${hrWithAna}'`],
        caughtBy: ['admin-cannot-read'],
      },
      {
        mistake: 'takes key-admin out of the key policy altogether',
        steps: [
          `aws kms put-key-policy --key-id {{HR_KEY}} --policy '${JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(hrKeyPolicy).Statement[0], anaDecrypts] })}'`,
        ],
        caughtBy: ['admin-manages', 'admin-can-delete'],
      },
      {
        mistake: 'gives key-admin only kms:Describe*',
        steps: [
          `aws kms put-key-policy --key-id {{HR_KEY}} --policy '${JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(hrKeyPolicy).Statement[0], { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{accountId}}:user/key-admin' }, Action: 'kms:Describe*', Resource: '*' }, anaDecrypts] })}'`,
        ],
        caughtBy: ['admin-can-delete'],
      },
    ],
  },
]);
