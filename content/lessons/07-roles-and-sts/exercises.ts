/**
 * Exercises of lesson 7: create and assume a role, a service role for EC2, and session duration.
 * Sources: IAM User Guide, "IAM roles", "Create a role to give permissions to an IAM user",
 * "Create a role to delegate permissions to an AWS service", "Use instance profiles", "Update the
 * maximum session duration for a role", "Methods to assume a role" (role chaining: one hour);
 * STS API reference, AssumeRole (DurationSeconds 900 s up to the role's maximum).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

const trustAccount =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"sts:AssumeRole"}]}';
const trustEc2 =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
// The same trust written with an array of principals: equally right, and the solution uses it so
// that the self-test proves the check accepts both spellings.
const trustEc2Array =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}';
const devMayAssume = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AssumeRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/*' }],
});

const readerProfile = [
  'aws configure set role_arn arn:aws:iam::{{accountId}}:role/ReportsReader --profile reader',
  'aws configure set source_profile dev --profile reader',
];

export default defineExercises([
  {
    id: 'assume-role',
    title: 'Create a role and step into it',
    goal: 'Create a role `ReportsReader` that principals of your own account may assume and that can read S3 (`AmazonS3ReadOnlyAccess`). Then, as the user `dev`, assume it: set up a CLI profile `reader` that uses the role with `dev` as its source, and list the buckets with `--profile reader`.',
    start: {
      world: { seed: 'lesson-07' },
      steps: [
        ...adminSessionSteps(),
        'aws s3api create-bucket --bucket dojo-reports',
        'aws iam create-user --user-name dev',
        'aws iam create-access-key --user-name dev',
        `aws iam put-user-policy --user-name dev --policy-name AssumeRoles --policy-document '${devMayAssume}'`,
      ],
    },
    checks: [
      {
        id: 'role-exists',
        kind: 'command',
        label: 'the role ReportsReader exists',
        command: 'aws iam get-role --role-name ReportsReader',
        expect: { outcome: 'success' },
      },
      {
        id: 'role-reads',
        kind: 'command',
        label: 'a session of ReportsReader started by dev can list the buckets',
        setup: readerProfile,
        command: 'aws s3api list-buckets --profile reader',
        expect: { outcome: 'success' },
      },
      {
        id: 'dev-assumed',
        kind: 'trail',
        label: 'CloudTrail shows dev assuming a role successfully',
        query: "length(Records[?eventName=='AssumeRole' && userIdentity.userName=='dev' && errorCode==null])",
        atLeast: 1,
      },
    ],
    hints: [
      'Two policies must agree before dev gets in: which two?',
      'A role needs a trust policy when it is created: `aws iam create-role --role-name ReportsReader --assume-role-policy-document file://trust.json`, the trust policy written and saved in the file editor. Trusting `arn:aws:iam::ACCOUNT:root` means "principals of this account whose own policies allow it".',
      'Give the role its permissions with `aws iam attach-role-policy`.',
      'A role profile needs two settings: `aws configure set role_arn ARN --profile reader` and `aws configure set source_profile dev --profile reader`. The CLI then calls AssumeRole for you.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'trust.json',
          trustAccount,
          (file) => `aws iam create-role --role-name ReportsReader --assume-role-policy-document ${file}`,
        ),
        'aws iam attach-role-policy --role-name ReportsReader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ...readerProfile,
        'aws s3api list-buckets --profile reader',
      ],
      explanation:
        "Two policies had to agree: dev's own policy allows `sts:AssumeRole`, and the role's trust policy trusts dev's account. The CLI signed an AssumeRole call with dev's key and then signed the S3 call with the temporary credentials it got back — CloudTrail shows the S3 call made by the assumed role, not by dev.",
    },
    wrongAnswers: [
      {
        mistake: 'creates the role but gives it no permissions',
        steps: [
          `aws iam create-role --role-name ReportsReader --assume-role-policy-document '${trustAccount}'`,
          ...readerProfile,
          { run: 'aws s3api list-buckets --profile reader', mayFail: true },
        ],
        caughtBy: ['role-reads'],
      },
      {
        mistake: 'lists the buckets as dev directly instead of through the role',
        steps: [
          `aws iam create-role --role-name ReportsReader --assume-role-policy-document '${trustAccount}'`,
          'aws iam attach-role-policy --role-name ReportsReader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          { run: 'aws s3api list-buckets --profile dev', mayFail: true },
        ],
        caughtBy: ['dev-assumed'],
      },
      {
        mistake: 'trusts the EC2 service, so dev cannot step in',
        steps: [
          `aws iam create-role --role-name ReportsReader --assume-role-policy-document '${trustEc2}'`,
          'aws iam attach-role-policy --role-name ReportsReader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          ...readerProfile,
          { run: 'aws s3api list-buckets --profile reader', mayFail: true },
        ],
        caughtBy: ['role-reads', 'dev-assumed'],
      },
    ],
  },
  {
    id: 'service-role',
    title: 'A role for an EC2 instance',
    goal: 'Applications on EC2 should never hold access keys. Create a role `WebServerRole` that only the EC2 service may assume, with `AmazonS3ReadOnlyAccess`, and put it into an instance profile `WebServerRole` so an instance can use it.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'trusts-ec2',
        kind: 'command',
        label: 'WebServerRole trusts the EC2 service',
        command: 'aws iam get-role --role-name WebServerRole',
        expect: {
          outcome: 'success',
          query: "contains(to_array(Role.AssumeRolePolicyDocument.Statement)[?Effect=='Allow'].Principal.Service[], 'ec2.amazonaws.com')",
          equals: true,
        },
        failure: "no Allow statement in WebServerRole's trust policy names the service ec2.amazonaws.com",
      },
      {
        id: 'has-permissions',
        kind: 'command',
        label: 'WebServerRole has AmazonS3ReadOnlyAccess',
        command: 'aws iam list-attached-role-policies --role-name WebServerRole',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AmazonS3ReadOnlyAccess'] },
      },
      {
        id: 'in-profile',
        kind: 'command',
        label: 'the instance profile WebServerRole contains the role',
        command: 'aws iam get-instance-profile --instance-profile-name WebServerRole',
        expect: { outcome: 'success', query: 'InstanceProfile.Roles[].RoleName', equals: ['WebServerRole'] },
      },
      {
        id: 'dev-cannot',
        kind: 'command',
        label: 'dev cannot assume WebServerRole',
        setup: [
          'aws configure set role_arn arn:aws:iam::{{accountId}}:role/WebServerRole --profile web',
          'aws configure set source_profile dev --profile web',
        ],
        command: 'aws sts get-caller-identity --profile web',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'dev can assume WebServerRole: its trust policy lets in more than the EC2 service',
      },
    ],
    hints: [
      'Who assumes a role meant for an instance — a person, or a service?',
      'The trust policy\'s principal is a service: `"Principal": {"Service": "ec2.amazonaws.com"}`.',
      'An instance profile is a separate container: `aws iam create-instance-profile` and then `aws iam add-role-to-instance-profile`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'trust-ec2.json',
          trustEc2Array,
          (file) => `aws iam create-role --role-name WebServerRole --assume-role-policy-document ${file}`,
        ),
        'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam create-instance-profile --instance-profile-name WebServerRole',
        'aws iam add-role-to-instance-profile --instance-profile-name WebServerRole --role-name WebServerRole',
      ],
      explanation:
        'EC2 assumes the role for the instance and hands the temporary credentials to software on it through the instance metadata service, refreshing them before they expire. dev may call `sts:AssumeRole`, but the trust policy names only the EC2 service, so dev is refused: both sides must allow. A string or an array of principals means the same. Two things the CLI leaves to you: the console creates the instance profile with the role, the CLI does not; and whoever launches the instance with this profile needs `iam:PassRole` on the role (lesson 12). Require IMDSv2 on the instance so the credentials cannot be read through a simple request forgery.',
    },
    wrongAnswers: [
      {
        mistake: 'trusts the account (`:root`) instead of the EC2 service, so dev can assume it',
        steps: [
          `aws iam create-role --role-name WebServerRole --assume-role-policy-document '${trustAccount}'`,
          'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          'aws iam create-instance-profile --instance-profile-name WebServerRole',
          'aws iam add-role-to-instance-profile --instance-profile-name WebServerRole --role-name WebServerRole',
        ],
        caughtBy: ['trusts-ec2', 'dev-cannot'],
      },
      {
        mistake: 'creates the role but no instance profile (the console would have made one; the CLI does not)',
        steps: [
          `aws iam create-role --role-name WebServerRole --assume-role-policy-document '${trustEc2}'`,
          'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['in-profile'],
      },
      {
        mistake: 'gives the web server AdministratorAccess',
        steps: [
          `aws iam create-role --role-name WebServerRole --assume-role-policy-document '${trustEc2}'`,
          'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
          'aws iam create-instance-profile --instance-profile-name WebServerRole',
          'aws iam add-role-to-instance-profile --instance-profile-name WebServerRole --role-name WebServerRole',
        ],
        caughtBy: ['has-permissions'],
      },
    ],
  },
  {
    id: 'session-duration',
    title: 'A longer session',
    goal: "A report job run through `ReportsReader` takes 90 minutes, longer than the default one-hour session. Raise the role's maximum session duration to two hours, then, as dev, assume the role once for 7200 seconds with `aws sts assume-role`.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'max-duration',
        kind: 'command',
        label: 'ReportsReader allows sessions of up to 7200 seconds',
        command: 'aws iam get-role --role-name ReportsReader',
        expect: { outcome: 'success', query: 'Role.MaxSessionDuration', equals: 7200 },
        failure: "ReportsReader's maximum session duration is not two hours (7200 seconds)",
      },
      {
        id: 'long-session',
        kind: 'trail',
        label: 'dev started a 7200-second session',
        query:
          "length(Records[?eventName=='AssumeRole' && userIdentity.userName=='dev' && requestParameters.durationSeconds==`7200` && errorCode==null])",
        atLeast: 1,
      },
    ],
    hints: [
      "Which of the two limits applies first — the role's maximum, or what the caller asks for?",
      '`aws iam update-role --role-name ReportsReader --max-session-duration 7200`.',
      '`aws sts assume-role --role-arn ARN --role-session-name report --duration-seconds 7200 --profile dev`.',
    ],
    solution: {
      steps: [
        'aws iam update-role --role-name ReportsReader --max-session-duration 7200',
        'aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/ReportsReader --role-session-name report --duration-seconds 7200 --profile dev',
      ],
      explanation:
        "A session may last from 15 minutes up to the role's maximum (one hour by default, at most 12). Asking for more than the maximum fails. When a role session assumes another role — role chaining — the new session is limited to one hour whatever the maximum says.",
    },
    wrongAnswers: [
      {
        mistake: "asks for 7200 seconds without raising the role's maximum (refused)",
        steps: [
          'aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/ReportsReader --role-session-name report --duration-seconds 7200 --profile dev',
        ],
        caughtBy: ['max-duration', 'long-session'],
      },
      {
        mistake: 'raises the maximum to 12 hours "to be safe"',
        steps: [
          'aws iam update-role --role-name ReportsReader --max-session-duration 43200',
          'aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/ReportsReader --role-session-name report --duration-seconds 7200 --profile dev',
        ],
        caughtBy: ['max-duration'],
      },
      {
        mistake: 'raises the maximum but never starts the long session',
        steps: ['aws iam update-role --role-name ReportsReader --max-session-duration 7200'],
        caughtBy: ['long-session'],
      },
    ],
  },
]);
