/**
 * Exercises of lesson 4: write an inline policy, turn it into a customer managed policy, and publish
 * a new version. Sources: IAM User Guide, "Policies and permissions in IAM", "Managed policies and
 * inline policies", "Versioning IAM policies"; S3 User Guide, "Policy actions for Amazon S3"
 * (s3:ListBucket applies to the bucket, s3:GetObject to objects).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { seedObject } from '../../../src/course/seed-object.ts';

const readReportsDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-reports' },
    { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' },
  ],
};

const readAndUploadDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-reports' },
    { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' },
    { Sid: 'Upload', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-reports/uploads/*' },
  ],
};

/** A policy as a learner writes it in the file editor or the console's JSON editor: indented, one element a line. */
const asFile = (document: object): string => `${JSON.stringify(document, null, 2)}\n`;
const readReports = JSON.stringify(readReportsDocument);
const readAndUpload = JSON.stringify(readAndUploadDocument);
const readReportsFile = asFile(readReportsDocument);
const readAndUploadFile = asFile(readAndUploadDocument);

const scene = [
  'aws iam create-user --user-name ana',
  'aws iam create-access-key --user-name ana',
  'aws s3api create-bucket --bucket dojo-reports',
  ...seedObject('dojo-reports', '2026/q3.csv', 'month,revenue\n2026-07,41200\n2026-08,39850\n2026-09,44010\n'),
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
    title: "Write ana's first policy",
    goal: 'ana needs to list the objects in the bucket `dojo-reports` and download them — and nothing else. Give her an inline policy that allows exactly that.',
    start: { world: { seed: 'lesson-04' }, steps: [...adminSessionSteps(), ...scene] },
    checks: [
      canRead,
      {
        id: 'ana-lists',
        kind: 'command',
        label: 'ana can list the objects in dojo-reports',
        command: 'aws s3api list-objects-v2 --bucket dojo-reports --profile ana',
        expect: { outcome: 'success' },
      },
      {
        id: 'ana-cannot-write',
        kind: 'command',
        label: 'ana cannot upload to dojo-reports',
        command: 'aws s3api put-object --bucket dojo-reports --key 2026/q4.csv --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'ana can upload, so the policy allows writing too',
      },
      {
        id: 'is-inline',
        kind: 'command',
        label: 'the access comes from an inline policy on ana',
        command: 'aws iam list-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'length(PolicyNames) > `0`', equals: true },
        failure: 'ana has no inline policy; the goal is a policy written for her (put-user-policy)',
      },
      {
        id: 'nothing-attached',
        kind: 'command',
        label: 'no managed policy is attached to ana',
        command: 'aws iam list-attached-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: [] },
        failure: 'a managed policy is attached to ana; it grants more than this one bucket',
      },
      {
        id: 'not-other-buckets',
        kind: 'decision',
        label: 'ana cannot read objects in other buckets',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::dojo-payroll/salaries.csv',
        expect: 'implicitDeny',
        failure: 'ana could read objects in any bucket, not only dojo-reports',
      },
      {
        id: 'cannot-delete',
        kind: 'decision',
        label: 'ana cannot delete reports',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::dojo-reports/2026/q3.csv',
        expect: 'implicitDeny',
        failure: 'ana could delete reports; "list and download" is all she needs',
      },
    ],
    hints: [
      'Which two actions does "list the objects and download them" need — and are they on the same resource?',
      'Listing a bucket is the action `s3:ListBucket` on the bucket ARN `arn:aws:s3:::dojo-reports`; reading an object is `s3:GetObject` on object ARNs such as `arn:aws:s3:::dojo-reports/*`.',
      'Use two statements, because the two actions apply to different resources.',
      'Write the policy in the file editor as `read-reports.json` and save it; then `aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document file://read-reports.json`. In the console: Users › ana › Create inline policy.',
    ],
    solution: {
      steps: [
        { writeFile: 'read-reports.json', text: readReportsFile },
        'aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document file://read-reports.json',
      ],
      explanation:
        "The bucket and the objects in it are different resources: `s3:ListBucket` is checked against the bucket ARN and `s3:GetObject` against each object's ARN. Uploading (`s3:PutObject`) is not allowed by any statement, so it stays denied.",
    },
    wrongAnswers: [
      {
        mistake: 'attaches AmazonS3ReadOnlyAccess instead of writing an inline policy (it reads every bucket)',
        steps: ['aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
        caughtBy: ['is-inline', 'nothing-attached', 'not-other-buckets'],
      },
      {
        mistake: 'puts both actions on the objects only (`dojo-reports/*`), so listing the bucket is denied',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"arn:aws:s3:::dojo-reports/*"}]}'`,
        ],
        caughtBy: ['ana-lists'],
      },
      {
        mistake: 'allows s3:* on the bucket and its objects',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::dojo-reports","arn:aws:s3:::dojo-reports/*"]}]}'`,
        ],
        caughtBy: ['ana-cannot-write', 'cannot-delete'],
      },
      {
        mistake: 'uses Resource "*" for the two actions',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name ReadReports --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['not-other-buckets'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › ana › Permissions › Create inline policy: the two statements in the JSON editor, Policy name ReadReports',
          service: 'iam',
          operation: 'PutUserPolicy',
          params: { UserName: 'ana', PolicyName: 'ReadReports', PolicyDocument: readReportsFile },
        },
      ],
    },
  },
  {
    id: 'managed-policy',
    title: 'Make it reusable',
    goal: "Others will need the same access. Turn ana's inline policy into a customer managed policy named `ReportsReader`, attach it to ana, and delete the inline policy. ana must keep her access.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'attached',
        kind: 'command',
        label: 'ReportsReader is attached to ana',
        command: 'aws iam list-attached-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['ReportsReader'] },
        failure: "ana's attached policies are not exactly the customer managed policy ReportsReader",
      },
      {
        id: 'no-inline',
        kind: 'command',
        label: 'ana has no inline policy left',
        command: 'aws iam list-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'PolicyNames', equals: [] },
        failure: 'the inline policy is still there — two copies of one permission drift apart',
      },
      canRead,
    ],
    hints: [
      'A managed policy is its own resource: which call creates it, and which attaches it to a user?',
      "`aws iam create-policy --policy-name ReportsReader --policy-document file://read-reports.json` (the file you saved for the first exercise) prints the new policy's ARN. In the console: Policies › Create policy, the same JSON.",
      'Customer managed policy ARNs look like `arn:aws:iam::ACCOUNT:policy/ReportsReader`; `aws sts get-caller-identity` shows your account ID.',
      'Finish with `aws iam delete-user-policy --user-name ana --policy-name ReadReports`.',
    ],
    solution: {
      steps: [
        'aws iam create-policy --policy-name ReportsReader --policy-document file://read-reports.json',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader',
        'aws iam delete-user-policy --user-name ana --policy-name ReadReports',
      ],
      explanation:
        'A customer managed policy is its own resource with an ARN; it can be attached to many users, groups and roles and changed in one place. `{{accountId}}` is your account ID.',
    },
    wrongAnswers: [
      {
        mistake: 'attaches the AWS managed AmazonS3ReadOnlyAccess instead of making a policy',
        steps: [
          'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam delete-user-policy --user-name ana --policy-name ReadReports',
        ],
        caughtBy: ['attached'],
      },
      {
        mistake: 'creates and attaches ReportsReader but keeps the inline policy',
        steps: [
          `aws iam create-policy --policy-name ReportsReader --policy-document '${readReports}'`,
          'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader',
        ],
        caughtBy: ['no-inline'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Policies › Create policy: the same JSON, Policy name ReportsReader',
          service: 'iam',
          operation: 'CreatePolicy',
          params: { PolicyName: 'ReportsReader', PolicyDocument: readReportsFile },
        },
        {
          does: 'Users › ana › Add permissions: tick ReportsReader, Attach policies',
          service: 'iam',
          operation: 'AttachUserPolicy',
          params: { UserName: 'ana', PolicyArn: 'arn:aws:iam::{{accountId}}:policy/ReportsReader' },
        },
        {
          does: 'Remove the inline policy ReadReports',
          service: 'iam',
          operation: 'DeleteUserPolicy',
          params: { UserName: 'ana', PolicyName: 'ReadReports' },
        },
      ],
    },
  },
  {
    id: 'new-version',
    title: 'Change a managed policy with a new version',
    goal: 'ana should now also upload files under `dojo-reports/uploads/`, but nowhere else in the bucket. Add that to `ReportsReader` by creating a new policy version and making it the default.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'newer-default',
        kind: 'command',
        label: "ReportsReader's default is a newer version than v1",
        command: 'aws iam get-policy --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader',
        expect: { outcome: 'success', query: "Policy.DefaultVersionId != 'v1'", equals: true },
        failure: 'ReportsReader still uses version v1; make a version you created the default',
      },
      {
        id: 'still-attached',
        kind: 'command',
        label: "ana's access still comes from ReportsReader alone",
        command: 'aws iam list-attached-user-policies --user-name ana',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['ReportsReader'] },
        failure: 'ana has another policy besides ReportsReader; change the policy, do not add one',
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
        failure: 'ana can overwrite the existing report; the upload permission reaches beyond uploads/',
      },
      canRead,
    ],
    hints: [
      'A managed policy is changed by publishing a new version. Which resource ARN covers only the `uploads/` folder?',
      'Copy `read-reports.json` to a new file in the file editor, add the statement, save it, and pass it: `aws iam create-policy-version --policy-arn ... --policy-document file://NAME.json --set-as-default`. In the console: Policies › ReportsReader › Edit.',
      'Keep the two existing statements and add a third that allows `s3:PutObject` on `arn:aws:s3:::dojo-reports/uploads/*`.',
    ],
    solution: {
      steps: [
        { writeFile: 'read-and-upload.json', text: readAndUploadFile },
        'aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader --policy-document file://read-and-upload.json --set-as-default',
      ],
      explanation:
        'A managed policy keeps up to five versions, and exactly one is the default — the one AWS uses. The old version stays, so rolling back is `aws iam set-default-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader --version-id v1`. If a first try was too broad, publish another version with `--set-as-default`: any newer default passes.',
    },
    wrongAnswers: [
      {
        mistake: 'allows s3:PutObject on the whole bucket (`dojo-reports/*`)',
        steps: [
          `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader --policy-document '${readAndUpload.replace('dojo-reports/uploads/*', 'dojo-reports/*')}' --set-as-default`,
        ],
        caughtBy: ['only-uploads'],
      },
      {
        mistake: 'creates the version but does not make it the default',
        steps: [
          `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/ReportsReader --policy-document '${readAndUpload}'`,
        ],
        caughtBy: ['newer-default', 'can-upload'],
      },
      {
        mistake: 'adds a second policy for uploads instead of a new version',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name Uploads --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::dojo-reports/uploads/*"}]}'`,
        ],
        caughtBy: ['newer-default'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Policies › ReportsReader › Edit: add the Upload statement in the JSON editor, Save changes (the console sets the new version as default)',
          service: 'iam',
          operation: 'CreatePolicyVersion',
          params: { PolicyArn: 'arn:aws:iam::{{accountId}}:policy/ReportsReader', PolicyDocument: readAndUploadFile, SetAsDefault: true },
        },
      ],
    },
  },
]);
