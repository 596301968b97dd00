/**
 * Exercises of lesson 4: write an inline policy, turn it into a customer managed policy, and publish
 * a new version. Sources: IAM User Guide, "Policies and permissions in IAM", "Managed policies and
 * inline policies", "Versioning IAM policies"; S3 User Guide, "Policy actions for Amazon S3"
 * (s3:ListBucket applies to the bucket, s3:GetObject to objects).
 */
import { defineExercises } from '../../../src/course/exercise.ts';

const readReports = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-reports' },
    { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' },
  ],
});

const readAndUpload = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-reports' },
    { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' },
    { Sid: 'Upload', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-reports/uploads/*' },
  ],
});

const scene = [
  'aws iam create-user --user-name ana',
  'aws iam create-access-key --user-name ana',
  'aws s3api create-bucket --bucket dojo-reports',
  'aws s3api put-object --bucket dojo-reports --key 2026/q3.csv',
];

const canRead = {
  id: 'ana-reads',
  kind: 'command',
  label: 'ana can download dojo-reports/2026/q3.csv',
  command: 'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile ana',
  expect: { outcome: 'success' },
} as const;

export default defineExercises([
  {
    id: 'inline-policy',
    title: 'Write ana\'s first policy',
    goal: 'ana needs to list the objects in the bucket `dojo-reports` and download them — and nothing else. Give her an inline policy that allows exactly that.',
    start: { world: { seed: 'lesson-04' }, steps: scene },
    checks: [
      canRead,
      { id: 'ana-lists', kind: 'command', label: 'ana can list the objects in dojo-reports', command: 'aws s3api list-objects-v2 --bucket dojo-reports --profile ana', expect: { outcome: 'success' } },
      {
        id: 'ana-cannot-write',
        kind: 'command',
        label: 'ana cannot upload to dojo-reports',
        command: 'aws s3api put-object --bucket dojo-reports --key 2026/q4.csv --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
    ],
    hints: [
      'Listing a bucket is the action `s3:ListBucket` on the bucket ARN `arn:aws:s3:::dojo-reports`; reading an object is `s3:GetObject` on object ARNs such as `arn:aws:s3:::dojo-reports/*`.',
      'Use two statements, because the two actions apply to different resources.',
      "Inline policies are written with `aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document '{...}'`.",
    ],
    solution: {
      steps: [`aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document '${readReports}'`],
      explanation: 'The bucket and the objects in it are different resources: `s3:ListBucket` is checked against the bucket ARN and `s3:GetObject` against each object\'s ARN. Uploading (`s3:PutObject`) is not allowed by any statement, so it stays denied.',
    },
  },
  {
    id: 'managed-policy',
    title: 'Make it reusable',
    goal: 'Others will need the same access. Turn ana\'s inline policy into a customer managed policy named `ReportsReader`, attach it to ana, and delete the inline policy. ana must keep her access.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'attached',
        kind: 'command',
        label: 'ReportsReader is attached to ana',
        command: 'aws iam list-attached-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['ReportsReader'] },
      },
      {
        id: 'no-inline',
        kind: 'command',
        label: 'ana has no inline policy left',
        command: 'aws iam list-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'PolicyNames', equals: [] },
      },
      canRead,
    ],
    hints: [
      '`aws iam create-policy --policy-name ReportsReader --policy-document ...` prints the new policy\'s ARN.',
      'Customer managed policy ARNs look like `arn:aws:iam::ACCOUNT:policy/ReportsReader`; `aws sts get-caller-identity` shows your account ID.',
      'Finish with `aws iam delete-user-policy --user-name ana --policy-name ReadReports`.',
    ],
    solution: {
      steps: [
        `aws iam create-policy --policy-name ReportsReader --policy-document '${readReports}'`,
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader',
        'aws iam delete-user-policy --user-name ana --policy-name ReadReports',
      ],
      explanation: 'A customer managed policy is its own resource with an ARN; it can be attached to many users, groups and roles and changed in one place. `{{accountId}}` is your account ID.',
    },
  },
  {
    id: 'new-version',
    title: 'Change a managed policy with a new version',
    goal: 'ana should now also upload files under `dojo-reports/uploads/`, but nowhere else in the bucket. Add that to `ReportsReader` by creating a new policy version and making it the default.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'two-versions',
        kind: 'command',
        label: 'ReportsReader has a second version, and it is the default',
        command: 'aws iam list-policy-versions --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader',
        expect: { outcome: 'success', query: 'Versions[?IsDefaultVersion].VersionId', equals: ['v2'] },
      },
      {
        id: 'can-upload',
        kind: 'command',
        label: 'ana can upload dojo-reports/uploads/new.csv',
        command: 'aws s3api put-object --bucket dojo-reports --key uploads/new.csv --profile ana',
        expect: { outcome: 'success' },
      },
      {
        id: 'only-uploads',
        kind: 'command',
        label: 'ana still cannot overwrite dojo-reports/2026/q3.csv',
        command: 'aws s3api put-object --bucket dojo-reports --key 2026/q3.csv --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      canRead,
    ],
    hints: [
      '`aws iam create-policy-version --policy-arn ... --policy-document ... --set-as-default`.',
      'Keep the two existing statements and add a third that allows `s3:PutObject` on `arn:aws:s3:::dojo-reports/uploads/*`.',
    ],
    solution: {
      steps: [`aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader --policy-document '${readAndUpload}' --set-as-default`],
      explanation: 'A managed policy keeps up to five versions, and exactly one is the default — the one AWS uses. The old version stays, so rolling back is `aws iam set-default-policy-version --version-id v1`.',
    },
  },
]);
