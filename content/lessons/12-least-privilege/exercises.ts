/**
 * Exercises of lesson 12: close three privilege-escalation paths — iam:PassRole on everything,
 * rewriting your own policy through versions, and attaching any policy to yourself. Sources: IAM
 * User Guide, "Security best practices in IAM" (apply least-privilege permissions), "Grant a user
 * permissions to pass a role to an AWS service" (iam:PassRole, iam:PassedToService), "Versioning
 * IAM policies", "Actions, resources, and condition keys for IAM" (iam:PolicyARN).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';

const trustEc2 =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

const launchAnything = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Launch', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' },
    { Sid: 'PassRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
  ],
});

const launchWebOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Launch', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' },
    {
      Sid: 'PassWebServerRoleToEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::{{accountId}}:role/WebServerRole',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    },
  ],
});

const devToolsV1 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadS3', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
    {
      Sid: 'ManagePolicies',
      Effect: 'Allow',
      Action: ['iam:GetPolicy*', 'iam:ListPolicies', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'],
      Resource: '*',
    },
  ],
});

const devToolsV2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadS3', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
    { Sid: 'ReadPolicies', Effect: 'Allow', Action: ['iam:GetPolicy*', 'iam:ListPolicies'], Resource: '*' },
  ],
});

const attachAnything = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AttachForApps', Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*' }],
});

const attachAppReadOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AttachAppReadOnlyToAppUsers',
      Effect: 'Allow',
      Action: 'iam:AttachUserPolicy',
      Resource: 'arn:aws:iam::{{accountId}}:user/app/*',
      Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::{{accountId}}:policy/app-readonly' } },
    },
  ],
});

const dev = 'arn:aws:iam::{{accountId}}:user/dev';

export default defineExercises([
  {
    id: 'pass-role',
    title: 'Close the PassRole gap',
    goal: "dev launches web servers with the role `WebServerRole`. dev's policy `Launch` allows `iam:PassRole` on every role — including `AdminRole`, which has AdministratorAccess. Rewrite it so dev can pass only WebServerRole, and only to EC2.",
    start: {
      world: { seed: 'lesson-12' },
      steps: [
        ...adminSessionSteps(),
        `aws iam create-role --role-name WebServerRole --assume-role-policy-document '${trustEc2}'`,
        'aws iam attach-role-policy --role-name WebServerRole --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        `aws iam create-role --role-name AdminRole --assume-role-policy-document '${trustEc2}'`,
        'aws iam attach-role-policy --role-name AdminRole --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-user --user-name dev',
        `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${launchAnything}'`,
      ],
    },
    checks: [
      {
        id: 'no-admin-role',
        kind: 'decision',
        label: 'dev cannot pass AdminRole',
        principalArn: dev,
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::{{accountId}}:role/AdminRole',
        context: { 'iam:PassedToService': ['ec2.amazonaws.com'] },
        expect: 'denied',
      },
      {
        id: 'web-role-to-ec2',
        kind: 'decision',
        label: 'dev can pass WebServerRole to EC2',
        principalArn: dev,
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::{{accountId}}:role/WebServerRole',
        context: { 'iam:PassedToService': ['ec2.amazonaws.com'] },
        expect: 'allowed',
      },
      {
        id: 'web-role-not-lambda',
        kind: 'decision',
        label: 'dev cannot pass WebServerRole to Lambda',
        principalArn: dev,
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::{{accountId}}:role/WebServerRole',
        context: { 'iam:PassedToService': ['lambda.amazonaws.com'] },
        expect: 'denied',
      },
      {
        id: 'still-launches',
        kind: 'decision',
        label: 'dev can still launch instances',
        principalArn: dev,
        action: 'ec2:RunInstances',
        expect: 'allowed',
      },
    ],
    hints: [
      'If dev can hand any role to EC2, whose permissions can dev get without ever holding them?',
      "Passing a role to a service lets the service act with that role's permissions — so PassRole on `*` is as good as every role's permissions.",
      "Set the PassRole statement's resource to the WebServerRole ARN.",
      'Add `"Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}`. Write the whole policy in the file editor below the exercise as `launch.json`, then `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document file://launch.json`.',
    ],
    solution: {
      steps: withPolicyFile(
        'launch.json',
        launchWebOnly,
        (uri) => `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document ${uri}`,
      ),
      explanation:
        'With PassRole on `*`, dev could start an instance with AdminRole and run any command on it as an administrator, without ever holding admin permissions. Naming the one role and the one service closes that path.',
    },
    wrongAnswers: [
      {
        mistake: 'names WebServerRole but leaves out the iam:PassedToService condition',
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' },
              { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::{{accountId}}:role/WebServerRole' },
            ],
          })}'`,
        ],
        caughtBy: ['web-role-not-lambda'],
      },
      {
        mistake: 'keeps PassRole on * and only adds the service condition',
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' },
              {
                Effect: 'Allow',
                Action: 'iam:PassRole',
                Resource: '*',
                Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
              },
            ],
          })}'`,
        ],
        caughtBy: ['no-admin-role'],
      },
      {
        mistake: 'drops the launch statement while fixing PassRole',
        steps: [
          `aws iam put-user-policy --user-name dev --policy-name Launch --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::{{accountId}}:role/WebServerRole', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }] })}'`,
        ],
        caughtBy: ['still-launches'],
      },
    ],
  },
  {
    id: 'policy-versions',
    title: 'Stop dev rewriting their own policy',
    goal: "dev's managed policy `DevTools` lets dev create and switch versions of any managed policy — including DevTools itself. Publish a new default version of DevTools without those two permissions, and delete the old version so it cannot be switched back on.",
    start: {
      world: { seed: 'lesson-12-versions' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name dev',
        'aws iam create-access-key --user-name dev',
        `aws iam create-policy --policy-name DevTools --policy-document '${devToolsV1}'`,
        'aws iam attach-user-policy --user-name dev --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools',
      ],
    },
    checks: [
      {
        id: 'no-create-version',
        kind: 'decision',
        label: 'dev cannot create versions of DevTools',
        principalArn: dev,
        action: 'iam:CreatePolicyVersion',
        resource: 'arn:aws:iam::{{accountId}}:policy/DevTools',
        expect: 'denied',
      },
      {
        id: 'no-set-default',
        kind: 'decision',
        label: 'dev cannot change the default version',
        principalArn: dev,
        action: 'iam:SetDefaultPolicyVersion',
        resource: 'arn:aws:iam::{{accountId}}:policy/DevTools',
        expect: 'denied',
      },
      {
        id: 'one-version',
        kind: 'command',
        label: 'only one version of DevTools is left',
        command: 'aws iam list-policy-versions --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools',
        expect: { outcome: 'success', query: 'length(Versions)', equals: 1 },
        failure: 'an older version of DevTools is still there — SetDefaultPolicyVersion could roll back to it',
      },
      {
        id: 'no-other-escalation',
        kind: 'decision',
        label: 'dev cannot attach policies to users either',
        principalArn: dev,
        action: 'iam:AttachUserPolicy',
        resource: 'arn:aws:iam::{{accountId}}:user/dev',
        expect: 'denied',
        failure: 'the new version still lets dev attach policies — another way to give himself anything',
      },
      {
        id: 'no-inline-escalation',
        kind: 'decision',
        label: 'dev cannot write inline policies (iam:PutUserPolicy)',
        principalArn: dev,
        action: 'iam:PutUserPolicy',
        resource: 'arn:aws:iam::{{accountId}}:user/dev',
        expect: 'denied',
        failure: 'the new version still lets dev write an inline policy on himself',
      },
      {
        id: 'still-reads',
        kind: 'command',
        label: 'dev can still read S3',
        command: 'aws s3api list-buckets --profile dev',
        expect: { outcome: 'success' },
      },
    ],
    hints: [
      'Which two IAM actions let someone change what an already attached policy says?',
      'Anyone who may call `iam:CreatePolicyVersion --set-as-default` on a policy attached to themselves can give themselves any permission; `iam:SetDefaultPolicyVersion` alone can roll back to an older, broader version.',
      'Create version v2 with only the reading statements, as the default: save it as `devtools-v2.json` in the file editor, then `aws iam create-policy-version --policy-arn ... --policy-document file://devtools-v2.json --set-as-default`.',
      'Then `aws iam delete-policy-version --policy-arn ... --version-id v1`. A non-default version that still grants the old rights is a loaded gun.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'devtools-v2.json',
          devToolsV2,
          (uri) =>
            `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --policy-document ${uri} --set-as-default`,
        ),
        'aws iam delete-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --version-id v1',
      ],
      explanation:
        'Self-modification is the quietest escalation: no new user, no new attachment, just a new version of a policy that is already attached. `CreatePolicyVersion` with `--set-as-default` needs only `iam:CreatePolicyVersion`; `iam:SetDefaultPolicyVersion` on its own is a second path, rolling back to an older, broader version. Keep both for administrators, and do not leave old versions lying around.',
    },
    wrongAnswers: [
      {
        mistake: 'publishes the narrower version but leaves v1 in place (a rollback waiting to happen)',
        steps: [
          `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --policy-document '${devToolsV2}' --set-as-default`,
        ],
        caughtBy: ['one-version'],
      },
      {
        mistake: 'replaces the two actions with iam:*Policy*, which still contains them',
        steps: [
          `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
              { Effect: 'Allow', Action: 'iam:*Policy*', Resource: '*' },
            ],
          })}' --set-as-default`,
          'aws iam delete-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --version-id v1',
        ],
        caughtBy: ['no-create-version', 'no-set-default', 'no-other-escalation', 'no-inline-escalation'],
      },
      {
        mistake: 'removes the version actions but adds iam:AttachUserPolicy "for tooling"',
        steps: [
          `aws iam create-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
              { Effect: 'Allow', Action: ['iam:GetPolicy*', 'iam:ListPolicies', 'iam:AttachUserPolicy'], Resource: '*' },
            ],
          })}' --set-as-default`,
          'aws iam delete-policy-version --policy-arn arn:aws:iam::{{accountId}}:policy/DevTools --version-id v1',
        ],
        caughtBy: ['no-other-escalation'],
      },
    ],
  },
  {
    id: 'attach-to-self',
    title: 'Attach what, to whom?',
    goal: "ops attaches the managed policy `app-readonly` to application users (path `/app/`, like `app/worker`). ops's policy allows `iam:AttachUserPolicy` on everything — enough to attach AdministratorAccess to ops. Restrict it to attaching only `app-readonly`, only to users under `/app/`.",
    start: {
      world: { seed: 'lesson-12-attach' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name ops',
        'aws iam create-access-key --user-name ops',
        `aws iam put-user-policy --user-name ops --policy-name AttachForApps --policy-document '${attachAnything}'`,
        'aws iam create-user --user-name worker --path /app/',
        `aws iam create-policy --policy-name app-readonly --policy-document '${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-app/*' }] })}'`,
      ],
    },
    checks: [
      {
        id: 'app-user',
        kind: 'command',
        label: 'ops can attach app-readonly to app/worker',
        command: 'aws iam attach-user-policy --user-name worker --policy-arn arn:aws:iam::{{accountId}}:policy/app-readonly --profile ops',
        expect: { outcome: 'success' },
      },
      {
        id: 'not-admin-to-self',
        kind: 'command',
        label: 'ops cannot attach AdministratorAccess to themselves',
        command: 'aws iam attach-user-policy --user-name ops --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile ops',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'not-admin-to-app',
        kind: 'command',
        label: 'ops cannot attach AdministratorAccess to app/worker',
        command: 'aws iam attach-user-policy --user-name worker --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile ops',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'not-to-self',
        kind: 'command',
        label: 'ops cannot attach even app-readonly to themselves',
        command: 'aws iam attach-user-policy --user-name ops --policy-arn arn:aws:iam::{{accountId}}:policy/app-readonly --profile ops',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
    ],
    hints: [
      'Two things need limiting: whom ops may change, and what ops may give them. Where does each go in a statement?',
      "The resource of `iam:AttachUserPolicy` is the user, and a user's ARN includes its path: `arn:aws:iam::ACCOUNT:user/app/worker`.",
      'Which policy is being attached is in the condition key `iam:PolicyARN`.',
      'Resource `arn:aws:iam::ACCOUNT:user/app/*` with `"Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::ACCOUNT:policy/app-readonly"}}`. Save it as `attach-for-apps.json` and pass it with `--policy-document file://attach-for-apps.json`.',
    ],
    solution: {
      steps: withPolicyFile(
        'attach-for-apps.json',
        attachAppReadOnly,
        (uri) => `aws iam put-user-policy --user-name ops --policy-name AttachForApps --policy-document ${uri}`,
      ),
      explanation:
        'Permission-management actions need two restrictions: on the resource (whom you may change) and on the condition (what you may give them). Paths make "application users" a resource pattern; `iam:PolicyARN` pins the policy.',
    },
    wrongAnswers: [
      {
        mistake: 'limits the users to /app/ but not the policy',
        steps: [
          `aws iam put-user-policy --user-name ops --policy-name AttachForApps --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"arn:aws:iam::{{accountId}}:user/app/*"}]}'`,
        ],
        caughtBy: ['not-admin-to-app'],
      },
      {
        mistake: 'pins the policy but not the users',
        steps: [
          `aws iam put-user-policy --user-name ops --policy-name AttachForApps --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::{{accountId}}:policy/app-readonly"}}}]}'`,
        ],
        caughtBy: ['not-to-self'],
      },
      {
        mistake: 'writes the resource without the path (user/worker)',
        steps: [
          `aws iam put-user-policy --user-name ops --policy-name AttachForApps --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"arn:aws:iam::{{accountId}}:user/worker","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::{{accountId}}:policy/app-readonly"}}}]}'`,
        ],
        caughtBy: ['app-user'],
      },
    ],
  },
]);
