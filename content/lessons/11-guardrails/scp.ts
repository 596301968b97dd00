/**
 * Lesson 11's organization exercises: meet a service control policy as a ceiling on every account
 * it applies to, then write one. Sources: AWS Organizations User Guide, "Service control policies
 * (SCPs)" (SCPs never grant; they limit the accounts below the node they are attached to, the
 * management account excepted) and "SCP evaluation".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import type { ExerciseInput } from '../../../src/course/exercise.ts';
import { policyFileText } from '../../../src/course/policy-file.ts';

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

export const scpExercises: ExerciseInput[] = [
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
];
