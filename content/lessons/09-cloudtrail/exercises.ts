/**
 * Exercises of lesson 9: read a record, turn denied calls into exactly the permissions needed, and
 * the defender exercises (incident.ts) — reconstruct an intruder's actions from the trail, then contain them.
 * Sources: CloudTrail User Guide, "CloudTrail record contents", "CloudTrail userIdentity element",
 * "Working with CloudTrail event history"; IAM User Guide, "Logging IAM and AWS STS API calls with
 * AWS CloudTrail", "Troubleshoot access denied error messages"; AWS Security Incident Response
 * Guide (contain compromised credentials: deactivate keys, remove unauthorized users).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { seedObject } from '../../../src/course/seed-object.ts';

import { incidentExercises } from './incident.ts';

export default defineExercises([
  {
    id: 'read-a-record',
    title: 'Read a denied call',
    goal: 'Two calls were refused a moment ago. Find the refused call that tried to change IAM (its `eventSource` is `iam.amazonaws.com`) in the event history and answer the three questions from its record.',
    start: {
      world: { seed: 'lesson-09' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        { advanceClock: 600 },
        'aws iam create-user --user-name bo',
        'aws iam create-access-key --user-name bo',
        { run: 'aws iam list-users --profile ana', sourceIp: '198.51.100.23' },
        // A decoy: another refused call, by someone else, from elsewhere, that changes nothing.
        { run: 'aws s3api list-buckets --profile bo', sourceIp: '192.0.2.44', mayFail: true },
        { run: 'aws iam create-user --user-name temp-admin --profile ana', sourceIp: '198.51.100.23', mayFail: true },
      ],
    },
    checks: [
      {
        id: 'operation',
        kind: 'answer',
        label: 'the denied operation',
        question: 'Which IAM operation (eventName) was denied?',
        answerQuery: "Records[?errorCode=='AccessDenied' && eventSource=='iam.amazonaws.com'] | [0].eventName",
      },
      {
        id: 'who',
        kind: 'answer',
        label: 'who made the call',
        question: 'Which IAM user (the user name) made that call?',
        answerQuery: "Records[?errorCode=='AccessDenied' && eventSource=='iam.amazonaws.com'] | [0].userIdentity.userName",
      },
      {
        id: 'where',
        kind: 'answer',
        label: 'where it came from',
        question: 'From which IP address did that call come?',
        answerQuery: "Records[?errorCode=='AccessDenied' && eventSource=='iam.amazonaws.com'] | [0].sourceIPAddress",
      },
    ],
    hints: [
      'Two calls were refused. Which one tried to change IAM — and how does the record say which service it was for?',
      'In the event history, filter on errors only, then open the record to read its JSON.',
      'The operation is `eventName`, the caller is in `userIdentity`, the address is `sourceIPAddress`.',
    ],
    solution: {
      answers: { operation: 'CreateUser', who: 'ana', where: '198.51.100.23' },
      explanation:
        "A denied call leaves a full record: who (`userIdentity`), what (`eventName`, `eventSource`), when (`eventTime`), from where (`sourceIPAddress`, `userAgent`), and why it failed (`errorCode`, `errorMessage`). Read-only IAM access let ana list users but not create one. bo's refused ListBuckets is the other denial: an S3 call, from another address.",
    },
    wrongAnswers: [
      {
        mistake: "reads the decoy record (bo's refused ListBuckets)",
        answers: { operation: 'ListBuckets', who: 'bo', where: '192.0.2.44' },
        caughtBy: ['operation', 'who', 'where'],
      },
      {
        mistake: 'answers with the user the call tried to create, not the caller',
        answers: { operation: 'CreateUser', who: 'temp-admin', where: '198.51.100.23' },
        caughtBy: ['who'],
      },
    ],
  },
  {
    id: 'data-events',
    title: 'Record who downloads the reports',
    goal: 'Object downloads are data events, so nothing records them yet. Create a trail `dojo-trail` that delivers to the bucket `dojo-trail-logs`, add an event selector that records S3 data events for the bucket `dojo-reports`, then download `dojo-reports/2026/q3.csv` as ana and find her `GetObject` record.',
    start: {
      world: { seed: 'lesson-09-data' },
      steps: [
        ...adminSessionSteps(),
        'aws s3api create-bucket --bucket dojo-reports',
        ...seedObject('dojo-reports', '2026/q3.csv', 'month,revenue\n2026-07,41200\n2026-08,39850\n2026-09,44010\n'),
        'aws s3api create-bucket --bucket dojo-trail-logs',
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        { advanceClock: 300 },
        'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile ana',
      ],
    },
    checks: [
      {
        id: 'selectors',
        kind: 'trail',
        label: 'event selectors were set on a trail',
        query: "length(Records[?eventName=='PutEventSelectors' && errorCode==null])",
        atLeast: 1,
      },
      {
        id: 'download-recorded',
        kind: 'trail',
        label: 'a GetObject record by ana is in the trail',
        query: "length(Records[?eventName=='GetObject' && userIdentity.userName=='ana' && requestParameters.bucketName=='dojo-reports'])",
        atLeast: 1,
        failure:
          'no GetObject by ana on dojo-reports is recorded: is the selector on dojo-reports, and did ana download again after it was set?',
      },
    ],
    hints: [
      'Event history shows management events only. What records data events, and what tells it which bucket?',
      '`aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs`.',
      "Data events are chosen with `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '[...]'`; an S3 selector has `DataResources` of type `AWS::S3::Object` with the value `arn:aws:s3:::dojo-reports/` (all objects in the bucket).",
      'ana already downloaded the file once — before anything recorded it. Download it again with `--profile ana` after setting the selectors.',
    ],
    solution: {
      steps: [
        'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
        `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-reports/'] }],
          },
        ])}'`,
        'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile ana',
      ],
      explanation:
        'The first download left no trace: data events are off by default because they are numerous and cost extra. From the moment the selector exists, every object-level call on dojo-reports is recorded with `eventCategory: "Data"` and `managementEvent: false`. Switch them on for the data you would need to investigate before you need them. Real CloudTrail now recommends *advanced* event selectors, which filter by more fields; this simulator models the basic ones.',
    },
    wrongAnswers: [
      {
        mistake: "selects data events for the trail's own log bucket instead of dojo-reports",
        steps: [
          'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
          `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-trail-logs/'] }] }])}'`,
          'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile ana',
        ],
        caughtBy: ['download-recorded'],
      },
      {
        mistake: 'sets the selector but does not download again, expecting the earlier download to appear',
        steps: [
          'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
          `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-reports/'] }] }])}'`,
        ],
        caughtBy: ['download-recorded'],
      },
    ],
  },
  {
    id: 'grant-from-trail',
    title: 'Grant exactly what was denied',
    goal: 'The build robot `ci-bot` has no permissions and just failed three calls. Read its denied calls in the trail and give it an inline policy that allows exactly those three actions — nothing more.',
    start: {
      world: { seed: 'lesson-09-ci' },
      steps: [
        ...adminSessionSteps(),
        'aws s3api create-bucket --bucket dojo-artifacts',
        `aws s3api put-bucket-policy --bucket dojo-artifacts --policy '${JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'KeepArtifacts', Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::dojo-artifacts' },
          ],
        })}'`,
        'aws iam create-user --user-name ci-bot',
        'aws iam create-access-key --user-name ci-bot',
        { advanceClock: 300 },
        { run: 'aws s3api list-buckets --profile ci-bot', mayFail: true },
        { run: 'aws s3api get-bucket-policy --bucket dojo-artifacts --profile ci-bot', mayFail: true },
        { run: 'aws iam list-roles --profile ci-bot', mayFail: true },
      ],
    },
    checks: [
      {
        id: 'list-buckets',
        kind: 'command',
        label: 'ci-bot can list the buckets',
        command: 'aws s3api list-buckets --profile ci-bot',
        expect: { outcome: 'success' },
      },
      {
        id: 'bucket-policy',
        kind: 'command',
        label: 'ci-bot can read the bucket policy of dojo-artifacts',
        command: 'aws s3api get-bucket-policy --bucket dojo-artifacts --profile ci-bot',
        expect: { outcome: 'success' },
      },
      {
        id: 'list-roles',
        kind: 'command',
        label: 'ci-bot can list the roles',
        command: 'aws iam list-roles --profile ci-bot',
        expect: { outcome: 'success' },
      },
      {
        id: 'no-more',
        kind: 'command',
        label: 'ci-bot still cannot create buckets',
        command: 'aws s3api create-bucket --bucket ci-bot-scratch --profile ci-bot',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'no-iam-writes',
        kind: 'command',
        label: 'ci-bot still cannot create users',
        command: 'aws iam create-user --user-name sneaky --profile ci-bot',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'no-object-reads',
        kind: 'decision',
        label: 'ci-bot still cannot read objects (s3:GetObject)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ci-bot',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::dojo-artifacts/build.zip',
        expect: 'implicitDeny',
        failure: 'ci-bot may read objects — the trail never showed it needing that',
      },
      {
        id: 'no-iam-reads',
        kind: 'decision',
        label: 'ci-bot still cannot read users (iam:GetUser)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ci-bot',
        action: 'iam:GetUser',
        resource: 'arn:aws:iam::{{accountId}}:user/ana',
        expect: 'implicitDeny',
        failure: 'ci-bot may read IAM users — more than the three denied calls asked for',
      },
      {
        id: 'no-other-lists',
        kind: 'decision',
        label: 'ci-bot still cannot list the policies (iam:ListPolicies)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ci-bot',
        action: 'iam:ListPolicies',
        expect: 'implicitDeny',
        failure: 'ci-bot may list other IAM things: a wildcard such as iam:List* grants more than iam:ListRoles',
      },
      {
        id: 'only-this-bucket',
        kind: 'decision',
        label: 'ci-bot may read the bucket policy of dojo-artifacts only',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ci-bot',
        action: 's3:GetBucketPolicy',
        resource: 'arn:aws:s3:::dojo-payroll',
        expect: 'implicitDeny',
        failure: 'ci-bot may read the policy of every bucket; the trail shows only dojo-artifacts',
      },
    ],
    hints: [
      'Which three records did ci-bot leave with an AccessDenied error, and what does each errorMessage name?',
      "Each denied record's `errorMessage` names the IAM action that was missing — which is not always the eventName: the ListBuckets operation needs `s3:ListAllMyBuckets`.",
      'The three actions are `s3:ListAllMyBuckets`, `s3:GetBucketPolicy` (on `arn:aws:s3:::dojo-artifacts`) and `iam:ListRoles`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'from-trail.json',
          {
            Version: '2012-10-17',
            Statement: [
              { Sid: 'Buckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
              { Sid: 'BucketPolicy', Effect: 'Allow', Action: 's3:GetBucketPolicy', Resource: 'arn:aws:s3:::dojo-artifacts' },
              { Sid: 'Roles', Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
            ],
          },
          (file) => `aws iam put-user-policy --user-name ci-bot --policy-name FromTrail --policy-document ${file}`,
        ),
      ],
      explanation:
        "Denied calls are a shopping list: the error message names the action and the resource. Granting exactly those — instead of a broad managed policy or a wildcard — is least privilege driven by evidence. It has limits: each run shows only the first call that fails on each path, and data events are not logged unless you turned them on. AWS's tool for the whole picture is IAM Access Analyzer policy generation, which reads a trail's history and drafts a policy.",
    },
    wrongAnswers: [
      {
        mistake: 'attaches AmazonS3ReadOnlyAccess and IAMReadOnlyAccess',
        steps: [
          'aws iam attach-user-policy --user-name ci-bot --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam attach-user-policy --user-name ci-bot --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        ],
        caughtBy: ['no-object-reads', 'no-iam-reads', 'no-other-lists', 'only-this-bucket'],
      },
      {
        mistake: 'writes wildcards from the trail: s3:Get*, s3:List*, iam:List*',
        steps: [
          `aws iam put-user-policy --user-name ci-bot --policy-name FromTrail --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","iam:List*"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['no-object-reads', 'no-other-lists', 'only-this-bucket'],
      },
      {
        mistake: 'uses the event name s3:ListBuckets as the action (the permission is s3:ListAllMyBuckets)',
        steps: [
          `aws iam put-user-policy --user-name ci-bot --policy-name FromTrail --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBuckets","iam:ListRoles"],"Resource":"*"},{"Effect":"Allow","Action":"s3:GetBucketPolicy","Resource":"arn:aws:s3:::dojo-artifacts"}]}'`,
        ],
        caughtBy: ['list-buckets'],
      },
    ],
  },
  ...incidentExercises,
]);
