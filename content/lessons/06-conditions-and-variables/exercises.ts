/**
 * Exercises of lesson 6: a source-IP guard, per-user home folders with ${aws:username}, and
 * attribute-based access with tags. Sources: IAM User Guide, "IAM JSON policy elements: Condition
 * operators", "IAM policy elements: Variables and tags", "AWS: Denies access to AWS based on the
 * source IP" and "Amazon S3: Allows IAM users access to their S3 home directory, programmatically
 * and in the console"; "Define permissions based on attributes with ABAC authorization".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
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
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name ana',
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        // A key, so the learner can try the guard from the terminal (`--profile ana`, from another IP).
        'aws iam create-access-key --user-name ana',
      ],
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
        failure: 'from outside the office ana is not explicitly denied — no Deny matches her request from the café',
      },
      {
        id: 'every-action',
        kind: 'decision',
        label: 'from the café every action is denied, not only S3 (here: iam:ListUsers)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 'iam:ListUsers',
        context: { 'aws:SourceIp': ['198.51.100.7'] },
        expect: 'explicitDeny',
        failure: 'the guard covers only some actions; "her credentials must not work" means every action',
      },
      {
        id: 'no-ip-denied',
        kind: 'decision',
        label: 'a request with no source IP at all (as through a VPC endpoint) is denied too',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 's3:ListAllMyBuckets',
        expect: 'explicitDeny',
        failure: 'a request without aws:SourceIp slips past the guard',
      },
    ],
    hints: [
      "Should this be an Allow that lists the office, or a Deny for everything else — and which one also stops the managed policy's allow?",
      'A Deny with a condition applies only when the condition is true. Which condition is true for requests from outside?',
      'The operator `NotIpAddress` with the key `aws:SourceIp` and the value `203.0.113.0/24`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'office-only.json',
          officeOnly,
          (file) => `aws iam put-user-policy --user-name ana --policy-name OfficeNetworkOnly --policy-document ${file}`,
        ),
      ],
      explanation:
        "The Deny matches every action, but only when the source address is not in the office range. From the office the condition is false, the Deny does not apply and the managed policy's Allow decides. A request with no `aws:SourceIp` makes the negated operator true, so it is denied too. In a real account that request is the one that arrives through a VPC endpoint, which carries `aws:VpcSourceIp` instead — so a guard like this also blocks traffic from your own VPC unless you allow for it. (Older versions of the AWS example also exempted `aws:ViaAWSService`; the current one notes that calls made with forward access sessions keep the original caller's IP.)",
    },
    wrongAnswers: [
      {
        mistake: 'writes the condition the wrong way round (IpAddress), denying the office',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name OfficeNetworkOnly --policy-document '${officeOnly.replace('NotIpAddress', 'IpAddress')}'`,
        ],
        caughtBy: ['office-allowed', 'outside-denied'],
      },
      {
        mistake: 'adds an Allow for the office range instead of a Deny (the managed policy still allows from anywhere)',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name OfficeNetworkOnly --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}'`,
        ],
        caughtBy: ['outside-denied', 'no-ip-denied'],
      },
      {
        mistake: 'denies only S3 actions from outside',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name OfficeNetworkOnly --policy-document '${officeOnly.replace('"Action":"*"', '"Action":"s3:*"')}'`,
        ],
        caughtBy: ['every-action'],
      },
    ],
  },
  {
    id: 'home-folders',
    title: 'A home folder for everyone, one policy',
    goal: 'In the bucket `dojo-home`, every member of the group `Staff` (ana and ben) must be able to list, read, write and delete objects under `home/<their user name>/` and nowhere else. Write ONE inline policy on the group, using a policy variable.',
    start: {
      world: { seed: 'lesson-06-home' },
      steps: [
        ...adminSessionSteps(),
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
        failure: "ana can list ben's folder; the ListBucket statement needs a condition on s3:prefix",
      },
      {
        id: 'one-group-policy',
        kind: 'command',
        label: 'the group Staff has exactly one inline policy',
        command: 'aws iam list-group-policies --group-name Staff',
        expect: { outcome: 'success', query: 'length(PolicyNames)', equals: 1 },
        failure: 'Staff does not have exactly one inline policy',
      },
      {
        id: 'no-user-policies',
        kind: 'command',
        label: 'ana and ben have no policies of their own',
        command:
          'aws iam get-account-authorization-details --filter User --query "UserDetailList[?length(UserPolicyList || `[]`) > `0` || length(AttachedManagedPolicies || `[]`) > `0`].UserName"',
        expect: { outcome: 'success', equals: [] },
        failure: 'a user has a policy of their own; one policy on the group should serve everyone',
      },
    ],
    hints: [
      'How can one statement name a different folder for each caller?',
      "`${aws:username}` in a policy is replaced by the caller's user name when the request is evaluated.",
      'Objects: allow `s3:GetObject`, `s3:PutObject`, `s3:DeleteObject` on `arn:aws:s3:::dojo-home/home/${aws:username}/*`.',
      'Listing is `s3:ListBucket` on the bucket itself; restrict it with a `StringLike` condition on `s3:prefix`.',
      'Write the policy in the file editor (save it as `home-folders.json`): in a file, `${aws:username}` stays exactly as written, with no shell quoting to get wrong. Then `aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document file://home-folders.json`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'home-folders.json',
          homeFolders,
          (file) => `aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document ${file}`,
        ),
      ],
      explanation:
        'The variable makes one statement mean something different for each caller: for ana the resource becomes `dojo-home/home/ana/*`. Listing is checked against the bucket, so the folder restriction goes into a condition on `s3:prefix`, the prefix the caller asks to list. Writing the policy in a file also sidesteps a shell trap: typed inline in a real bash shell, `${aws:username}` inside double quotes would be expanded by the shell (to nothing); a file is passed exactly as written.',
    },
    wrongAnswers: [
      {
        mistake: 'writes one policy per user with the name typed in, instead of a variable on the group',
        steps: [
          `aws iam put-user-policy --user-name ana --policy-name Home --policy-document '${homeFolders.replaceAll('${aws:username}', 'ana')}'`,
          `aws iam put-user-policy --user-name ben --policy-name Home --policy-document '${homeFolders.replaceAll('${aws:username}', 'ben')}'`,
        ],
        caughtBy: ['one-group-policy', 'no-user-policies'],
      },
      {
        mistake: 'uses policy version 2008-10-17, where ${aws:username} is literal text',
        steps: [
          `aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document '${homeFolders.replace('2012-10-17', '2008-10-17')}'`,
        ],
        caughtBy: ['ana-own', 'ben-own', 'ana-lists-own'],
      },
      {
        mistake: 'allows ListBucket on the bucket without the s3:prefix condition',
        steps: [
          `aws iam put-group-policy --group-name Staff --policy-name HomeFolders --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::dojo-home"},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::dojo-home/home/\${aws:username}/*"}]}'`,
        ],
        caughtBy: ['ana-not-list-ben'],
      },
    ],
  },
  {
    id: 'team-tags',
    title: 'Same team, same instances',
    goal: "Tag the user `blue-dev` with `team=blue` and `red-dev` with `team=red`. Then give the group `Devs` one policy that allows starting and stopping EC2 instances only when the instance's `team` tag equals the caller's own `team` tag.",
    start: {
      world: { seed: 'lesson-06-tags' },
      steps: [
        ...adminSessionSteps(),
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
        failure: "blue-dev may stop red's instance: the condition does not compare the two tags",
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
        failure: "red-dev may not start red's own instance — is red-dev tagged, and does the policy name no team itself?",
      },
      {
        id: 'cannot-retag',
        kind: 'decision',
        label: 'blue-dev cannot change his own tags (iam:TagUser on himself)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/blue-dev',
        action: 'iam:TagUser',
        resource: 'arn:aws:iam::{{accountId}}:user/blue-dev',
        expect: 'implicitDeny',
        failure: "blue-dev may retag himself team=red — and with it take red's instances",
      },
    ],
    hints: [
      'Where does the team come from for the caller, and where for the instance?',
      '`aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue`.',
      'Compare two tags in a condition: `"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}`.',
    ],
    solution: {
      steps: [
        'aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue',
        'aws iam tag-user --user-name red-dev --tags Key=team,Value=red',
        ...withPolicyFile(
          'own-team.json',
          sameTeam,
          (file) => `aws iam put-group-policy --group-name Devs --policy-name OwnTeamInstances --policy-document ${file}`,
        ),
      ],
      explanation:
        'This is attribute-based access control (ABAC): the policy never names a team. A new team needs only tags on its people and its instances — no new policy. Guard the tags themselves, too: whoever may change their own `team` tag may change their access.',
    },
    wrongAnswers: [
      {
        mistake: 'hard-codes team blue in the condition',
        steps: [
          'aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue',
          'aws iam tag-user --user-name red-dev --tags Key=team,Value=red',
          `aws iam put-group-policy --group-name Devs --policy-name OwnTeamInstances --policy-document '${sameTeam.replace('${aws:PrincipalTag/team}', 'blue')}'`,
        ],
        caughtBy: ['red-own'],
      },
      {
        mistake: 'lets developers tag themselves "so they can set their own team"',
        steps: [
          'aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue',
          'aws iam tag-user --user-name red-dev --tags Key=team,Value=red',
          `aws iam put-group-policy --group-name Devs --policy-name OwnTeamInstances --policy-document '${sameTeam}'`,
          `aws iam put-group-policy --group-name Devs --policy-name TagSelf --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:TagUser","Resource":"arn:aws:iam::*:user/\${aws:username}"}]}'`,
        ],
        caughtBy: ['cannot-retag'],
      },
      {
        mistake: 'allows start and stop without any condition',
        steps: [
          'aws iam tag-user --user-name blue-dev --tags Key=team,Value=blue',
          'aws iam tag-user --user-name red-dev --tags Key=team,Value=red',
          `aws iam put-group-policy --group-name Devs --policy-name OwnTeamInstances --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['blue-not-red'],
      },
    ],
  },
]);
