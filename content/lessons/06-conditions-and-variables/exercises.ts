/**
 * Exercises of lesson 6: a source-IP guard, per-user home folders with ${aws:username}, and
 * attribute-based access with tags. Sources: IAM User Guide, "IAM JSON policy elements: Condition
 * operators", "IAM policy elements: Variables and tags", "AWS: Denies access to AWS based on the
 * source IP" and "Amazon S3: Allows IAM users access to their S3 home directory, programmatically
 * and in the console"; "Define permissions based on attributes with ABAC authorization".
 */
import { defineExercises } from '../../../src/course/exercise.ts';

const officeOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'OfficeNetworkOnly',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    },
  ],
});

const homeFolders = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ListOwnFolder',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::dojo-home',
      Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/', 'home/${aws:username}/*'] } },
    },
    {
      Sid: 'OwnObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::dojo-home/home/${aws:username}/*',
    },
  ],
});

const sameTeam = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'OwnTeamInstances',
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances'],
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
  ],
});

const instance = 'arn:aws:ec2:us-east-1:{{accountId}}:instance/i-0123456789abcdef0';

export default defineExercises([
  {
    id: 'office-only',
    title: 'Only from the office network',
    goal: 'ana reads S3 through `AmazonS3ReadOnlyAccess`. Company rule: her credentials must not work from outside the office network `203.0.113.0/24`. Add an inline policy to ana that denies every action when the request comes from anywhere else.',
    start: {
      world: { seed: 'lesson-06' },
      steps: ['aws iam create-user --user-name ana', 'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    },
    checks: [
      {
        id: 'office-allowed',
        kind: 'decision',
        label: 'from 203.0.113.25 (the office) ana may list her buckets',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 's3:ListAllMyBuckets',
        context: { 'aws:SourceIp': ['203.0.113.25'] },
        expect: 'allowed',
      },
      {
        id: 'outside-denied',
        kind: 'decision',
        label: 'from 198.51.100.7 (a café) the same request is explicitly denied',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 's3:ListAllMyBuckets',
        context: { 'aws:SourceIp': ['198.51.100.7'] },
        expect: 'explicitDeny',
      },
    ],
    hints: [
      'A Deny with a condition applies only when the condition is true. Which condition is true for requests from outside?',
      'The operator `NotIpAddress` with the key `aws:SourceIp` and the value `203.0.113.0/24`.',
    ],
    solution: {
      steps: [`aws iam put-user-policy --user-name ana --policy-name OfficeNetworkOnly --policy-document '${officeOnly}'`],
      explanation: 'The Deny matches every action, but only when the source address is not in the office range. From the office the condition is false, the Deny does not apply and the managed policy\'s Allow decides. In a real account, remember that calls AWS services make on your behalf come from AWS addresses; the AWS example adds `aws:ViaAWSService` to let those through.',
    },
  },
  {
    id: 'home-folders',
    title: 'A home folder for everyone, one policy',
    goal: 'In the bucket `dojo-home`, every member of the group `Staff` (ana and ben) must be able to list, read, write and delete objects under `home/<their user name>/` and nowhere else. Write ONE inline policy on the group, using a policy variable.',
    start: {
      world: { seed: 'lesson-06-home' },
      steps: [
        'aws s3api create-bucket --bucket dojo-home',
        'aws iam create-group --group-name Staff',
        'aws iam create-user --user-name ana',
        'aws iam create-access-key --user-name ana',
        'aws iam add-user-to-group --group-name Staff --user-name ana',
        'aws iam create-user --user-name ben',
        'aws iam create-access-key --user-name ben',
        'aws iam add-user-to-group --group-name Staff --user-name ben',
      ],
    },
    checks: [
      {
        id: 'ana-own',
        kind: 'command',
        label: 'ana can write home/ana/notes.txt',
        command: 'aws s3api put-object --bucket dojo-home --key home/ana/notes.txt --profile ana',
        expect: { outcome: 'success' },
      },
      {
        id: 'ben-own',
        kind: 'command',
        label: 'ben can write home/ben/notes.txt',
        command: 'aws s3api put-object --bucket dojo-home --key home/ben/notes.txt --profile ben',
        expect: { outcome: 'success' },
      },
      {
        id: 'ana-not-ben',
        kind: 'command',
        label: 'ana cannot write into home/ben/',
        command: 'aws s3api put-object --bucket dojo-home --key home/ben/oops.txt --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'ana-lists-own',
        kind: 'command',
        label: 'ana can list home/ana/',
        command: 'aws s3api list-objects-v2 --bucket dojo-home --prefix home/ana/ --profile ana',
        expect: { outcome: 'success' },
      },
      {
        id: 'ana-not-list-ben',
        kind: 'command',
        label: 'ana cannot list home/ben/',
        command: 'aws s3api list-objects-v2 --bucket dojo-home --prefix home/ben/ --profile ana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
    ],
    hints: [
      '`${aws:username}` in a policy is replaced by the caller\'s user name when the request is evaluated.',
      'Objects: allow `s3:GetObject`, `s3:PutObject`, `s3:DeleteObject` on `arn:aws:s3:::dojo-home/home/${aws:username}/*`.',
      'Listing is `s3:ListBucket` on the bucket itself; restrict it with a `StringLike` condition on `s3:prefix`.',
      "In the terminal, wrap the JSON in single quotes so the shell leaves `${aws:username}` alone: `aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document '...'`.",
    ],
    solution: {
      steps: [`aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document '${homeFolders}'`],
      explanation: 'The variable makes one statement mean something different for each caller: for ana the resource becomes `dojo-home/home/ana/*`. Listing is checked against the bucket, so the folder restriction goes into a condition on `s3:prefix`, the prefix the caller asks to list.',
    },
  },
  {
    id: 'team-tags',
    title: 'Same team, same instances',
    goal: 'Tag the user `blue-dev` with `team=blue` and `red-dev` with `team=red`. Then give the group `Devs` one policy that allows starting and stopping EC2 instances only when the instance\'s `team` tag equals the caller\'s own `team` tag.',
    start: {
      world: { seed: 'lesson-06-tags' },
      steps: [
        'aws iam create-group --group-name Devs',
        'aws iam create-user --user-name blue-dev',
        'aws iam add-user-to-group --group-name Devs --user-name blue-dev',
        'aws iam create-user --user-name red-dev',
        'aws iam add-user-to-group --group-name Devs --user-name red-dev',
      ],
    },
    checks: [
      {
        id: 'blue-tagged',
        kind: 'command',
        label: 'blue-dev carries the tag team=blue',
        command: 'aws iam list-user-tags --user-name blue-dev',
        expect: { outcome: 'success', query: "Tags[?Key=='team'].Value", equals: ['blue'] },
      },
      {
        id: 'blue-own',
        kind: 'decision',
        label: 'blue-dev may stop an instance tagged team=blue',
        principalArn: 'arn:aws:iam::{{accountId}}:user/blue-dev',
        action: 'ec2:StopInstances',
        resource: instance,
        context: { 'aws:ResourceTag/team': ['blue'] },
        expect: 'allowed',
      },
      {
        id: 'blue-not-red',
        kind: 'decision',
        label: 'blue-dev may not stop an instance tagged team=red',
        principalArn: 'arn:aws:iam::{{accountId}}:user/blue-dev',
        action: 'ec2:StopInstances',
        resource: instance,
        context: { 'aws:ResourceTag/team': ['red'] },
        expect: 'implicitDeny',
      },
      {
        id: 'red-own',
        kind: 'decision',
        label: 'red-dev may start an instance tagged team=red',
        principalArn: 'arn:aws:iam::{{accountId}}:user/red-dev',
        action: 'ec2:StartInstances',
        resource: instance,
        context: { 'aws:ResourceTag/team': ['red'] },
        expect: 'allowed',
      },
    ],
    hints: [
      '`aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue`.',
      'Compare two tags in a condition: `"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}`.',
    ],
    solution: {
      steps: [
        'aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue',
        'aws iam tag-user --user-name red-dev --tags Key=team,Value=red',
        `aws iam put-group-policy --group-name Devs --policy-name OwnTeamInstances --policy-document '${sameTeam}'`,
      ],
      explanation: 'This is attribute-based access control (ABAC): the policy never names a team. A new team needs only tags on its people and its instances — no new policy. Guard the tags themselves, too: whoever may change their own `team` tag may change their access.',
    },
  },
]);
