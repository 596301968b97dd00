/**
 * Exercises of lesson 9: read a record, turn denied calls into exactly the permissions needed, and
 * the defender exercise — reconstruct an intruder's actions from the trail, then contain them.
 * Sources: CloudTrail User Guide, "CloudTrail record contents", "CloudTrail userIdentity element",
 * "Working with CloudTrail event history"; IAM User Guide, "Logging IAM and AWS STS API calls with
 * AWS CloudTrail", "Troubleshoot access denied error messages"; AWS Security Incident Response
 * Guide (contain compromised credentials: deactivate keys, remove unauthorized users).
 */
import { defineExercises } from '../../../src/course/exercise.ts';

const INTRUDER_IP = '198.51.100.77';
const firstIntruderCall = "Records[?eventName=='CreateUser' && userIdentity.type=='IAMUser'] | [0]";

export default defineExercises([
  {
    id: 'read-a-record',
    title: 'Read a denied call',
    goal: 'Someone\'s call was refused a moment ago. Find the record with an `AccessDenied` error in the event history and answer the three questions from it.',
    start: {
      world: { seed: 'lesson-09' },
      steps: [
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        { advanceClock: 600 },
        { run: 'aws iam list-users --profile ana', sourceIp: '198.51.100.23' },
        { run: 'aws iam create-user --user-name temp-admin --profile ana', sourceIp: '198.51.100.23', mayFail: true },
      ],
    },
    checks: [
      { id: 'operation', kind: 'answer', label: 'the denied operation', question: 'Which API operation (eventName) was denied?', answerQuery: "Records[?errorCode=='AccessDenied'] | [0].eventName" },
      { id: 'who', kind: 'answer', label: 'who made the call', question: 'Which IAM user made the denied call?', answerQuery: "Records[?errorCode=='AccessDenied'] | [0].userIdentity.userName" },
      { id: 'where', kind: 'answer', label: 'where it came from', question: 'From which IP address did the call come?', answerQuery: "Records[?errorCode=='AccessDenied'] | [0].sourceIPAddress" },
    ],
    hints: [
      'In the event history, filter on errors only, then open the record to read its JSON.',
      'The operation is `eventName`, the caller is in `userIdentity`, the address is `sourceIPAddress`.',
    ],
    solution: {
      answers: { operation: 'CreateUser', who: 'ana', where: '198.51.100.23' },
      explanation: 'A denied call leaves a full record: who (`userIdentity`), what (`eventName`, `eventSource`), when (`eventTime`), from where (`sourceIPAddress`, `userAgent`), and why it failed (`errorCode`, `errorMessage`). Read-only IAM access let ana list users but not create one.',
    },
  },
  {
    id: 'data-events',
    title: 'Record who downloads the reports',
    goal: 'Object downloads are data events, so nothing records them yet. Create a trail `dojo-trail` that delivers to the bucket `dojo-trail-logs`, add an event selector that records S3 data events for the bucket `dojo-reports`, then download `dojo-reports/2026/q3.csv` as ana and find her `GetObject` record.',
    start: {
      world: { seed: 'lesson-09-data' },
      steps: [
        'aws s3api create-bucket --bucket dojo-reports',
        'aws s3api put-object --bucket dojo-reports --key 2026/q3.csv',
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
        query: "length(Records[?eventName=='GetObject' && userIdentity.userName=='ana'])",
        atLeast: 1,
      },
    ],
    hints: [
      '`aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs`.',
      'Data events are chosen with `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors \'[...]\'`; an S3 selector has `DataResources` of type `AWS::S3::Object` with the value `arn:aws:s3:::dojo-reports/` (all objects in the bucket).',
      'ana already downloaded the file once — before anything recorded it. Download it again with `--profile ana` after setting the selectors.',
    ],
    solution: {
      steps: [
        'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
        `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors '${JSON.stringify([
          { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-reports/'] }] },
        ])}'`,
        'aws s3api get-object --bucket dojo-reports --key 2026/q3.csv q3.csv --profile ana',
      ],
      explanation: 'The first download left no trace: data events are off by default because they are numerous and cost extra. From the moment the selector exists, every object-level call on dojo-reports is recorded with `eventCategory: "Data"` and `managementEvent: false`. Switch them on for the data you would need to investigate before you need them.',
    },
  },
  {
    id: 'grant-from-trail',
    title: 'Grant exactly what was denied',
    goal: 'The build robot `ci-bot` has no permissions and just failed three calls. Read its denied calls in the trail and give it an inline policy that allows exactly those three actions — nothing more.',
    start: {
      world: { seed: 'lesson-09-ci' },
      steps: [
        'aws s3api create-bucket --bucket dojo-artifacts',
        `aws s3api put-bucket-policy --bucket dojo-artifacts --policy '${JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'KeepArtifacts', Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::dojo-artifacts' }],
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
      { id: 'list-buckets', kind: 'command', label: 'ci-bot can list the buckets', command: 'aws s3api list-buckets --profile ci-bot', expect: { outcome: 'success' } },
      {
        id: 'bucket-policy',
        kind: 'command',
        label: 'ci-bot can read the bucket policy of dojo-artifacts',
        command: 'aws s3api get-bucket-policy --bucket dojo-artifacts --profile ci-bot',
        expect: { outcome: 'success' },
      },
      { id: 'list-roles', kind: 'command', label: 'ci-bot can list the roles', command: 'aws iam list-roles --profile ci-bot', expect: { outcome: 'success' } },
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
    ],
    hints: [
      'Each denied record\'s `errorMessage` names the IAM action that was missing — which is not always the eventName: the ListBuckets operation needs `s3:ListAllMyBuckets`.',
      'The three actions are `s3:ListAllMyBuckets`, `s3:GetBucketPolicy` (on `arn:aws:s3:::dojo-artifacts`) and `iam:ListRoles`.',
    ],
    solution: {
      steps: [
        `aws iam put-user-policy --user-name ci-bot --policy-name FromTrail --policy-document '${JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Buckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
            { Sid: 'BucketPolicy', Effect: 'Allow', Action: 's3:GetBucketPolicy', Resource: 'arn:aws:s3:::dojo-artifacts' },
            { Sid: 'Roles', Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
          ],
        })}'`,
      ],
      explanation: 'Denied calls are a precise shopping list: the error message names the action and the resource. Granting exactly those — instead of a broad managed policy — is least privilege driven by evidence, which lesson 12 builds on.',
    },
  },
  {
    id: 'investigate',
    title: 'Defender: what did the intruder do?',
    goal: 'An access key has leaked. Someone used it from an address nobody recognises to create a user of their own. Reconstruct what happened from the event history and answer the four questions.',
    start: {
      world: { seed: 'lesson-09-incident', now: '2026-11-20T08:00:00Z' },
      steps: [
        'aws iam create-user --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        'aws iam create-access-key --user-name ana',
        'aws iam create-user --user-name deploy',
        'aws iam attach-user-policy --user-name deploy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-access-key --user-name deploy',
        { advanceClock: 3600 },
        { run: 'aws s3api list-buckets --profile deploy', sourceIp: '203.0.113.40' },
        { run: 'aws iam list-users --profile ana', sourceIp: '203.0.113.41' },
        { advanceClock: 5400 },
        { run: 'aws sts get-caller-identity --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam list-users --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam list-attached-user-policies --user-name deploy --profile deploy', sourceIp: INTRUDER_IP },
        { advanceClock: 120 },
        { run: 'aws iam create-user --user-name backup-svc --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam attach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile deploy', sourceIp: INTRUDER_IP },
        { run: 'aws iam create-access-key --user-name backup-svc --profile deploy', sourceIp: INTRUDER_IP },
        { advanceClock: 60 },
        { run: 'aws s3api list-buckets --profile backup-svc', sourceIp: INTRUDER_IP },
        { advanceClock: 900 },
        { run: 'aws iam list-users --profile ana', sourceIp: '203.0.113.41' },
      ],
    },
    checks: [
      { id: 'leaked-key', kind: 'answer', label: 'whose key leaked', question: 'Whose access key did the intruder use to create their user?', answerQuery: `${firstIntruderCall}.userIdentity.userName` },
      { id: 'backdoor', kind: 'answer', label: 'the intruder\'s user', question: 'What is the name of the user the intruder created?', answerQuery: `${firstIntruderCall}.requestParameters.userName` },
      { id: 'address', kind: 'answer', label: 'the intruder\'s address', question: 'From which IP address did the intruder work?', answerQuery: `${firstIntruderCall}.sourceIPAddress` },
      {
        id: 'policy',
        kind: 'answer',
        label: 'the permission they gave themselves',
        question: 'Which policy (ARN) did they attach to their user?',
        answerQuery: "Records[?eventName=='AttachUserPolicy' && userIdentity.type=='IAMUser'] | [0].requestParameters.policyArn",
      },
    ],
    hints: [
      'Start from the unusual: a user created by an IAM user rather than by the root user. Filter the history on the event name CreateUser.',
      'In that record, `userIdentity.userName` is whose key was used and `requestParameters.userName` is the new user.',
      'Then look at everything else from the same `sourceIPAddress`: the intruder\'s next steps follow within minutes.',
    ],
    solution: {
      answers: { 'leaked-key': 'deploy', backdoor: 'backup-svc', address: INTRUDER_IP, policy: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      explanation: 'Using deploy\'s key from 198.51.100.77, the intruder first checked whose key it was (GetCallerIdentity) and what it could do (ListUsers, ListAttachedUserPolicies), then built a back door: a new user `backup-svc` with AdministratorAccess and its own access key, which they used at once. Persistence through a new identity is why containing an incident means more than revoking the leaked key.',
    },
  },
  {
    id: 'contain',
    title: 'Defender: contain the intrusion',
    goal: 'Contain it: deactivate the leaked key of `deploy` (keep it for the investigation, do not delete it), and remove the intruder\'s user `backup-svc` completely — its access key, its policy, then the user.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'key-inactive',
        kind: 'command',
        label: 'deploy\'s access key is inactive',
        command: 'aws iam list-access-keys --user-name deploy',
        expect: { outcome: 'success', query: 'AccessKeyMetadata[].Status', equals: ['Inactive'] },
      },
      { id: 'key-refused', kind: 'command', label: 'the leaked key no longer works', command: 'aws sts get-caller-identity --profile deploy', expect: { outcome: 'failure' } },
      {
        id: 'backdoor-gone',
        kind: 'command',
        label: 'the user backup-svc no longer exists',
        command: 'aws iam get-user --user-name backup-svc',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
      },
    ],
    hints: [
      '`aws iam list-access-keys --user-name deploy` gives the key ID for `aws iam update-access-key ... --status Inactive`.',
      'IAM refuses to delete a user that still has access keys or attached policies (DeleteConflict): remove those first.',
      'For backup-svc: `delete-access-key`, `detach-user-policy`, then `delete-user`.',
    ],
    solution: {
      steps: [
        { run: 'aws iam list-access-keys --user-name deploy', save: { LEAKED: 'AccessKeyMetadata[0].AccessKeyId' } },
        'aws iam update-access-key --user-name deploy --access-key-id {{LEAKED}} --status Inactive',
        { run: 'aws iam list-access-keys --user-name backup-svc', save: { BACKDOOR_KEY: 'AccessKeyMetadata[0].AccessKeyId' } },
        'aws iam delete-access-key --user-name backup-svc --access-key-id {{BACKDOOR_KEY}}',
        'aws iam detach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam delete-user --user-name backup-svc',
      ],
      explanation: 'Deactivating keeps the key\'s record and lets you prove later which calls it made; deleting the back-door user removes the persistence. In a real incident you would also look for other changes from the same address, rotate anything the intruder could read, and find out how the key leaked.',
    },
  },
]);
