/**
 * Exercises of lesson 11: set a permissions boundary, see that a boundary limits but never grants,
 * and delegate user creation safely by requiring a boundary. Sources: IAM User Guide, "Permissions
 * boundaries for IAM entities" (effective permissions are the intersection; delegating
 * responsibility to others using permissions boundaries; iam:PermissionsBoundary condition key).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { policyFileText, withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { delegateRolesExercise } from './delegate-roles.ts';

const internBoundary = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'S3AndMetricsOnly', Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*'], Resource: '*' }],
});

const boundaryArn = 'arn:aws:iam::{{accountId}}:policy/InternBoundary';

const delegation = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CreateOnlyWithBoundary',
      Effect: 'Allow',
      Action: ['iam:CreateUser', 'iam:PutUserPermissionsBoundary', 'iam:AttachUserPolicy'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
    },
    { Sid: 'KeepTheBoundary', Effect: 'Deny', Action: 'iam:DeleteUserPermissionsBoundary', Resource: '*' },
    // The boundary policy itself must not be edited or deleted, or the ceiling moves (IAM User
    // Guide, "Delegating responsibility to others using permissions boundaries").
    {
      Sid: 'NoBoundaryPolicyEdit',
      Effect: 'Deny',
      Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
      Resource: boundaryArn,
    },
  ],
});

const boundaryQuery = "User.PermissionsBoundary.PermissionsBoundaryArn || ''";

const fullAccess = {
  name: 'FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};
const approvedRegions = {
  name: 'DenyOutsideApprovedRegions',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideApprovedRegions',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*', 'organizations:*', 'cloudfront:*', 'support:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
      },
    ],
  },
};
const noIamUsers = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'NoLongTermIamCredentials', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*' }],
  },
  null,
  2,
);
/** The SCP saved as a world file, as a learner saves it from the editor. */
const writeScp = (document: string) => ({ writeFile: 'no-iam-users.json', text: policyFileText(document) });
const createAndAttach = (target: string) => [
  {
    run: 'aws organizations create-policy --name NoIamUsers --type SERVICE_CONTROL_POLICY --description "People sign in through Identity Center" --content file://no-iam-users.json',
    save: { SCP_ID: 'Policy.PolicySummary.Id' },
  },
  `aws organizations attach-policy --policy-id {{SCP_ID}} --target-id ${target}`,
];
/** A member account's OrganizationAccountAccessRole as a role profile of the learner's session. */
const roleProfile = (profile: string, accountVar: string) => [
  `aws configure set role_arn arn:aws:iam::{{${accountVar}}}:role/OrganizationAccountAccessRole --profile ${profile}`,
  `aws configure set source_profile default --profile ${profile}`,
];
/** Creates a member account and saves its ID. */
const newAccount = (name: string, variable: string) => [
  {
    run: `aws organizations create-account --email ${name}@example.com --account-name ${name}`,
    save: { [`${variable}_REQUEST`]: 'CreateAccountStatus.Id' },
  },
  {
    run: `aws organizations describe-create-account-status --create-account-request-id {{${variable}_REQUEST}}`,
    save: { [variable]: 'CreateAccountStatus.AccountId' },
  },
];

const listBuckets = (who: string, region: string, outcome: string) =>
  `length(Records[?eventName=='ListBuckets' && ${who} && awsRegion=='${region}' && ${outcome}])`;

export default defineExercises([
  {
    id: 'set-boundary',
    title: 'Cap an over-powered user',
    goal: "The user `intern` was given `AdministratorAccess` by mistake. Without detaching it, cap intern at S3 and CloudWatch: create a managed policy `InternBoundary` that allows `s3:*` and `cloudwatch:*`, and set it as intern's permissions boundary.",
    start: {
      world: { seed: 'lesson-11' },
      steps: [
        ...adminSessionSteps(),
        'aws s3api create-bucket --bucket dojo-logs',
        'aws iam create-user --user-name intern',
        'aws iam create-access-key --user-name intern',
        'aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
        'aws iam create-user --user-name tester',
        'aws iam create-access-key --user-name tester',
      ],
    },
    checks: [
      {
        id: 'boundary-set',
        kind: 'command',
        label: "intern's permissions boundary is InternBoundary",
        command: 'aws iam get-user --user-name intern',
        expect: { outcome: 'success', query: `ends_with(${boundaryQuery}, ':policy/InternBoundary')`, equals: true },
      },
      {
        id: 's3-still',
        kind: 'command',
        label: 'intern can still list the buckets',
        command: 'aws s3api list-buckets --profile intern',
        expect: { outcome: 'success' },
      },
      {
        id: 'iam-capped',
        kind: 'command',
        label: 'intern can no longer list IAM users',
        command: 'aws iam list-users --profile intern',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'intern can still use IAM: nothing caps AdministratorAccess yet',
      },
      {
        id: 'admin-kept',
        kind: 'command',
        label: 'AdministratorAccess is still attached (the boundary caps it)',
        command: 'aws iam list-attached-user-policies --user-name intern',
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['AdministratorAccess'] },
        failure: "intern's attached policies changed; the goal is to cap them with a boundary, not to edit them",
      },
    ],
    hints: [
      "Which IAM feature limits what a user's policies can grant, without changing those policies?",
      'Create the policy like any customer managed policy: `aws iam create-policy --policy-name InternBoundary --policy-document file://intern-boundary.json`, with the boundary written and saved in the file editor.',
      '`aws iam put-user-permissions-boundary --user-name intern --permissions-boundary ARN`.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'intern-boundary.json',
          internBoundary,
          (file) => `aws iam create-policy --policy-name InternBoundary --policy-document ${file}`,
        ),
        `aws iam put-user-permissions-boundary --user-name intern --permissions-boundary ${boundaryArn}`,
      ],
      explanation:
        "A request is allowed only if the identity policies AND the boundary allow it. AdministratorAccess still allows everything, but the boundary allows only S3 and CloudWatch, so the intersection is S3 and CloudWatch. (One exception you will meet in lesson 10's world: in the same account, a resource policy that names intern directly is not capped by the boundary.)",
    },
    wrongAnswers: [
      {
        mistake: 'attaches InternBoundary as a permissions policy instead of setting it as the boundary',
        steps: [
          `aws iam create-policy --policy-name InternBoundary --policy-document '${internBoundary}'`,
          `aws iam attach-user-policy --user-name intern --policy-arn ${boundaryArn}`,
        ],
        caughtBy: ['boundary-set', 'iam-capped', 'admin-kept'],
      },
      {
        mistake: 'detaches AdministratorAccess and attaches the S3 policy instead',
        steps: [
          `aws iam create-policy --policy-name InternBoundary --policy-document '${internBoundary}'`,
          'aws iam detach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
          `aws iam attach-user-policy --user-name intern --policy-arn ${boundaryArn}`,
        ],
        caughtBy: ['boundary-set', 'admin-kept'],
      },
    ],
  },
  {
    id: 'boundary-does-not-grant',
    title: 'A boundary grants nothing',
    goal: 'Give `tester` the boundary `InternBoundary` too. tester has no policies, so even S3 is denied. Make tester able to read S3 — without changing the boundary.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'tester-bounded',
        kind: 'command',
        label: "tester's permissions boundary is InternBoundary",
        command: 'aws iam get-user --user-name tester',
        expect: { outcome: 'success', query: `ends_with(${boundaryQuery}, ':policy/InternBoundary')`, equals: true },
      },
      {
        id: 'tester-reads',
        kind: 'command',
        label: 'tester can list the buckets',
        command: 'aws s3api list-buckets --profile tester',
        expect: { outcome: 'success' },
      },
      {
        id: 'boundary-unchanged',
        kind: 'command',
        label: 'InternBoundary still has only its first version',
        command: `aws iam list-policy-versions --policy-arn ${boundaryArn}`,
        expect: { outcome: 'success', query: 'length(Versions)', equals: 1 },
      },
    ],
    hints: [
      'A boundary is a ceiling. What has to be under the ceiling for tester to do anything?',
      'Set the boundary first and try `aws s3api list-buckets --profile tester`: denied, because the boundary only *limits*.',
      'tester needs an identity-based policy that allows reading S3, for example `AmazonS3ReadOnlyAccess`.',
    ],
    solution: {
      steps: [
        `aws iam put-user-permissions-boundary --user-name tester --permissions-boundary ${boundaryArn}`,
        'aws iam attach-user-policy --user-name tester --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      ],
      explanation:
        'The boundary is a ceiling, not a grant: with no identity policy the intersection is empty. Adding an identity policy that allows S3 reads puts something under the ceiling.',
    },
    wrongAnswers: [
      {
        mistake: 'publishes a broader boundary version instead of granting anything',
        steps: [
          `aws iam put-user-permissions-boundary --user-name tester --permissions-boundary ${boundaryArn}`,
          `aws iam create-policy-version --policy-arn ${boundaryArn} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' --set-as-default`,
        ],
        caughtBy: ['tester-reads', 'boundary-unchanged'],
      },
      {
        mistake: 'grants S3 reads but never sets the boundary on tester',
        steps: ['aws iam attach-user-policy --user-name tester --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
        caughtBy: ['tester-bounded'],
      },
    ],
  },
  {
    id: 'safe-delegation',
    title: 'Let a team lead create users — safely',
    goal: 'The user `team-lead` should create users for the team and attach policies to them, but every user they create must carry the `InternBoundary` boundary, and they must not be able to remove a boundary. Give team-lead an inline policy that does exactly that.',
    start: {
      world: { seed: 'lesson-11-delegation' },
      steps: [
        ...adminSessionSteps(),
        `aws iam create-policy --policy-name InternBoundary --policy-document '${internBoundary}'`,
        'aws iam create-user --user-name team-lead',
        'aws iam create-access-key --user-name team-lead',
      ],
    },
    checks: [
      {
        id: 'create-with-boundary',
        kind: 'command',
        label: 'team-lead can create a user with the InternBoundary boundary',
        command: `aws iam create-user --user-name new-hire --permissions-boundary ${boundaryArn} --profile team-lead`,
        expect: { outcome: 'success' },
      },
      {
        id: 'no-boundary-refused',
        kind: 'command',
        label: 'creating a user without a boundary is refused',
        command: 'aws iam create-user --user-name free-hire --profile team-lead',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'other-boundary-refused',
        kind: 'command',
        label: 'creating a user with AdministratorAccess as the boundary is refused',
        command:
          'aws iam create-user --user-name admin-hire --permissions-boundary arn:aws:iam::aws:policy/AdministratorAccess --profile team-lead',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      },
      {
        id: 'cannot-remove',
        kind: 'decision',
        label: "team-lead may not remove a user's boundary",
        principalArn: 'arn:aws:iam::{{accountId}}:user/team-lead',
        action: 'iam:DeleteUserPermissionsBoundary',
        resource: 'arn:aws:iam::{{accountId}}:user/new-hire',
        expect: 'denied',
        failure: "team-lead may remove a user's boundary, and with it the ceiling",
      },
      {
        id: 'boundary-policy-locked',
        kind: 'decision',
        label: 'team-lead may not publish a new version of InternBoundary',
        principalArn: 'arn:aws:iam::{{accountId}}:user/team-lead',
        action: 'iam:CreatePolicyVersion',
        resource: boundaryArn,
        expect: 'denied',
        failure: 'team-lead may rewrite InternBoundary itself — then every boundary he sets means whatever he wants',
      },
      {
        id: 'not-self-admin',
        kind: 'command',
        label: 'team-lead cannot attach AdministratorAccess to himself',
        command:
          'aws iam attach-user-policy --user-name team-lead --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile team-lead',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'team-lead can make himself an administrator',
      },
    ],
    hints: [
      'What stops a user who may create users and attach policies from creating an administrator?',
      'The condition key `iam:PermissionsBoundary` holds the boundary ARN a request sets.',
      'Allow `iam:CreateUser`, `iam:PutUserPermissionsBoundary` and `iam:AttachUserPolicy` only with `"StringEquals": {"iam:PermissionsBoundary": "arn:aws:iam::ACCOUNT:policy/InternBoundary"}`.',
      'Simply not allowing `iam:DeleteUserPermissionsBoundary` is enough; an explicit Deny makes the intent unmistakable.',
    ],
    solution: {
      steps: [
        ...withPolicyFile(
          'delegation.json',
          delegation,
          (file) => `aws iam put-user-policy --user-name team-lead --policy-name DelegateWithBoundary --policy-document ${file}`,
        ),
      ],
      explanation:
        "Without the condition, a team lead who can create users and attach policies can create an administrator — and sign in as it. Requiring the boundary on every user they create means nothing they make can exceed InternBoundary, whatever policies they attach. The Deny on editing InternBoundary keeps the ceiling where it is; AWS's recipe also gives the delegated administrator a boundary of their own.",
    },
    wrongAnswers: [
      {
        mistake: 'allows creating users and attaching policies without the boundary condition',
        steps: [
          `aws iam put-user-policy --user-name team-lead --policy-name DelegateWithBoundary --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:CreateUser","iam:PutUserPermissionsBoundary","iam:AttachUserPolicy"],"Resource":"*"}]}'`,
        ],
        caughtBy: ['no-boundary-refused', 'other-boundary-refused', 'not-self-admin'],
      },
      {
        mistake: 'adds iam:CreatePolicyVersion "so the lead can maintain policies", without protecting the boundary policy',
        steps: [
          `aws iam put-user-policy --user-name team-lead --policy-name DelegateWithBoundary --policy-document '${JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['iam:CreateUser', 'iam:PutUserPermissionsBoundary', 'iam:AttachUserPolicy'],
                Resource: '*',
                Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
              },
              { Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' },
            ],
          })}'`,
        ],
        caughtBy: ['boundary-policy-locked'],
      },
    ],
  },
  delegateRolesExercise,
  {
    id: 'scp-ceiling',
    title: 'Meet a service control policy',
    goal: "This account is a member of an organization whose SCPs allow only the regions us-east-1 and eu-west-1. As `admin` (AdministratorAccess), list the buckets in eu-west-1 and then try ap-southeast-2. Then try ap-southeast-2 as the member account's root user — this exercise's terminal starts as root (no `--profile`), because the point is that SCPs bind it too. Read the errors.",
    start: {
      world: {
        seed: 'lesson-11-scp',
        organization: { serviceControlPolicies: [[fullAccess], [fullAccess], [fullAccess, approvedRegions]] },
      },
      steps: [
        'aws iam create-user --user-name admin',
        'aws iam create-access-key --user-name admin',
        'aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      ],
    },
    checks: [
      {
        id: 'approved-region',
        kind: 'trail',
        label: 'admin listed the buckets in eu-west-1',
        query: listBuckets("userIdentity.userName=='admin'", 'eu-west-1', 'errorCode==null'),
        atLeast: 1,
      },
      {
        id: 'admin-refused',
        kind: 'trail',
        label: 'admin was refused in ap-southeast-2',
        query: listBuckets("userIdentity.userName=='admin'", 'ap-southeast-2', "errorCode=='AccessDenied'"),
        atLeast: 1,
      },
      {
        id: 'root-refused',
        kind: 'trail',
        label: 'the root user was refused in ap-southeast-2 too',
        query: listBuckets("userIdentity.type=='Root'", 'ap-southeast-2', "errorCode=='AccessDenied'"),
        atLeast: 1,
      },
    ],
    hints: [
      'Does an SCP bind the root user of a member account?',
      'The region is chosen with `--region`: `aws s3api list-buckets --region eu-west-1 --profile admin`.',
      'The error message says which kind of policy refused the call — here a service control policy, which no policy in the account can override.',
    ],
    solution: {
      steps: [
        'aws s3api list-buckets --region eu-west-1 --profile admin',
        { run: 'aws s3api list-buckets --region ap-southeast-2 --profile admin', mayFail: true },
        { run: 'aws s3api list-buckets --region ap-southeast-2', mayFail: true },
      ],
      explanation:
        "AdministratorAccess allows everything, but the SCP's Deny matches every request for a region outside the approved two, for every principal of the member account — the root user included. IAM, STS and the other global services are excluded with NotAction, because their requests are not tied to the region you choose.",
    },
    wrongAnswers: [
      {
        mistake: 'tries only as admin and never as the root user',
        steps: [
          'aws s3api list-buckets --region eu-west-1 --profile admin',
          { run: 'aws s3api list-buckets --region ap-southeast-2 --profile admin', mayFail: true },
        ],
        caughtBy: ['root-refused'],
      },
      {
        mistake: 'lists the buckets without choosing a region (us-east-1)',
        steps: ['aws s3api list-buckets --profile admin', 'aws s3api list-buckets'],
        caughtBy: ['approved-region', 'admin-refused', 'root-refused'],
      },
    ],
  },
  {
    id: 'write-an-scp',
    title: 'Write a guardrail yourself',
    goal: "This time you administer the organization's management account. People reach the workload accounts through IAM Identity Center, so no one should create IAM users or long-term access keys in the accounts of the `Workloads` OU (`sandbox` is one; `audit` sits directly under the root). Write an SCP `NoIamUsers` in the editor as `no-iam-users.json`, create it and attach it to the Workloads OU. Check as `--profile sandbox-admin` and `--profile audit-admin` (the OrganizationAccountAccessRole of each account). Find the OU's ID with `aws organizations list-roots` and `aws organizations list-organizational-units-for-parent --parent-id r-…`.",
    start: {
      world: { seed: 'lesson-11-org' },
      steps: [
        ...adminSessionSteps(),
        'aws organizations create-organization --feature-set ALL',
        { run: 'aws organizations list-roots', save: { ROOT_ID: 'Roots[0].Id' } },
        'aws organizations enable-policy-type --root-id {{ROOT_ID}} --policy-type SERVICE_CONTROL_POLICY',
        ...newAccount('sandbox', 'SANDBOX'),
        ...newAccount('audit', 'AUDIT'),
        {
          run: 'aws organizations create-organizational-unit --parent-id {{ROOT_ID}} --name Workloads',
          save: { WORKLOADS_OU: 'OrganizationalUnit.Id' },
        },
        'aws organizations move-account --account-id {{SANDBOX}} --source-parent-id {{ROOT_ID}} --destination-parent-id {{WORKLOADS_OU}}',
        ...roleProfile('sandbox-admin', 'SANDBOX'),
        ...roleProfile('audit-admin', 'AUDIT'),
        'aws iam create-user --user-name legacy-deployer --profile sandbox-admin',
      ],
    },
    checks: [
      {
        id: 'scp-on-workloads',
        kind: 'command',
        label: 'an SCP besides FullAWSAccess is attached to the Workloads OU',
        command: 'aws organizations list-policies-for-target --target-id {{WORKLOADS_OU}} --filter SERVICE_CONTROL_POLICY',
        expect: { outcome: 'success', query: "length(Policies[?Name!='FullAWSAccess']) > `0`", equals: true },
        failure:
          "no service control policy of yours is attached to the Workloads OU; a policy inside the account can be removed by that account's own administrators",
      },
      {
        id: 'no-new-users',
        kind: 'command',
        label: "sandbox's administrator cannot create an IAM user",
        command: 'aws iam create-user --user-name shortcut --profile sandbox-admin',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: "sandbox's administrator can still create IAM users",
      },
      {
        id: 'no-new-keys',
        kind: 'command',
        label: "sandbox's administrator cannot create an access key for the existing user legacy-deployer",
        command: 'aws iam create-access-key --user-name legacy-deployer --profile sandbox-admin',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'an existing IAM user in sandbox can still be given a long-term access key',
      },
      {
        id: 'reads-still-work',
        kind: 'command',
        label: "sandbox's administrator can still list the users (the guardrail takes away only what it names)",
        command: 'aws iam list-users --profile sandbox-admin',
        expect: { outcome: 'success' },
        failure: 'the guardrail also blocks reading IAM; deny only the two actions that create long-term credentials',
      },
      {
        id: 'audit-untouched',
        kind: 'command',
        label: 'the audit account, outside Workloads, is not affected',
        command: 'aws iam create-user --user-name break-glass --profile audit-admin',
        expect: { outcome: 'success' },
        failure: 'the audit account is bound too: attach the SCP to the Workloads OU, not to the root',
      },
    ],
    hints: [
      "Which kind of policy can an account's own administrator not remove?",
      'An SCP never grants: write one Deny statement with the two actions that create long-term credentials, `iam:CreateUser` and `iam:CreateAccessKey`.',
      'Save the document as `no-iam-users.json`, then `aws organizations create-policy --name NoIamUsers --type SERVICE_CONTROL_POLICY --description "..." --content file://no-iam-users.json`.',
      "`aws organizations attach-policy --policy-id p-… --target-id ou-…` — the policy ID is in create-policy's answer, the OU ID in list-organizational-units-for-parent's.",
    ],
    solution: {
      steps: [writeScp(noIamUsers), ...createAndAttach('{{WORKLOADS_OU}}')],
      explanation:
        'The SCP is evaluated for every request of every principal in the accounts below the OU — OrganizationAccountAccessRole included, although it has AdministratorAccess — and its Deny wins over any Allow. FullAWSAccess stays attached, so everything the SCP does not name is still possible. The audit account is not under the OU, and the management account is never bound by SCPs at all: that is why the management account should hold as little as possible.',
    },
    wrongAnswers: [
      {
        mistake: 'attaches the SCP to the organization root, binding every member account',
        steps: [writeScp(noIamUsers), ...createAndAttach('{{ROOT_ID}}')],
        caughtBy: ['scp-on-workloads', 'audit-untouched'],
      },
      {
        mistake: 'denies only iam:CreateUser, so existing users can still get new keys',
        steps: [
          writeScp(
            JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }] }, null, 2),
          ),
          ...createAndAttach('{{WORKLOADS_OU}}'),
        ],
        caughtBy: ['no-new-keys'],
      },
      {
        mistake: 'denies iam:* to be safe, which also blocks reading IAM',
        steps: [
          writeScp(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] }, null, 2)),
          ...createAndAttach('{{WORKLOADS_OU}}'),
        ],
        caughtBy: ['reads-still-work'],
      },
      {
        mistake: "puts the Deny as an inline policy on the sandbox's OrganizationAccountAccessRole instead of an SCP",
        steps: [
          writeScp(noIamUsers),
          'aws iam put-role-policy --role-name OrganizationAccountAccessRole --policy-name NoIamUsers --policy-document file://no-iam-users.json --profile sandbox-admin',
        ],
        caughtBy: ['scp-on-workloads'],
      },
    ],
  },
]);
