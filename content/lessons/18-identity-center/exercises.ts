/**
 * Exercises of lesson 18: people reach accounts through IAM Identity Center (a group, a permission
 * set, an account assignment), and a GitHub Actions workflow reaches one through an IAM OIDC
 * provider and a role it may assume only from one repository's main branch. Sources: IAM Identity
 * Center User Guide, "Permission sets", "Assign user or group access to AWS accounts", "Referencing
 * permission sets in resource policies…" (AWSReservedSSO roles); IAM User Guide, "Security best
 * practices in IAM" (federation, temporary credentials), "Create an OpenID Connect (OIDC) identity
 * provider in IAM", "Available keys for AWS OIDC federation"; GitHub Docs, "Configuring OpenID
 * Connect in Amazon Web Services".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises, type ExerciseInput } from '../../../src/course/exercise.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { enterProd, identityCenterScene, inProd } from './world.ts';

/** Check setup: the ID of the group Auditors, or `none` when there is no such group (the check then fails in words). */
const groupId = {
  run: 'aws identitystore list-groups --identity-store-id {{STORE}}',
  save: { G: "Groups[?DisplayName=='Auditors'].GroupId | [0] || 'none'" },
};

/** The group Auditors (not a single user) holds the first permission set in prod. */
const groupAssignedInProd: ExerciseInput['checks'][number] = {
  id: 'group-assigned-in-prod',
  kind: 'command',
  label: 'the group Auditors (not a single user) is assigned the permission set in prod',
  setup: [
    groupId,
    { run: 'aws sso-admin list-permission-sets --instance-arn {{INSTANCE}}', save: { PSET: "PermissionSets[0] || 'none'" } },
  ],
  command:
    "aws sso-admin list-account-assignments --instance-arn {{INSTANCE}} --account-id {{PROD}} --permission-set-arn {{PSET}} --query \"length(AccountAssignments[?PrincipalType=='GROUP' && PrincipalId=='{{G}}'])\"",
  expect: { outcome: 'success', equals: 1 },
  failure: 'the permission set is not assigned to the group Auditors in the prod account',
};

const createGroup = {
  run: 'aws identitystore create-group --identity-store-id {{STORE}} --display-name Auditors',
  save: { GROUP: 'GroupId' },
};
const addAlice =
  'aws identitystore create-group-membership --identity-store-id {{STORE}} --group-id {{GROUP}} --member-id UserId={{ALICE}}';
const createSet = {
  run: 'aws sso-admin create-permission-set --instance-arn {{INSTANCE}} --name Auditor --session-duration PT4H',
  save: { PS: 'PermissionSet.PermissionSetArn' },
};
const attach = (policy: string) =>
  `aws sso-admin attach-managed-policy-to-permission-set --instance-arn {{INSTANCE}} --permission-set-arn {{PS}} --managed-policy-arn arn:aws:iam::aws:policy/${policy}`;
const assign = (account: string, type: 'GROUP' | 'USER', principal: string) =>
  `aws sso-admin create-account-assignment --instance-arn {{INSTANCE}} --target-id {{${account}}} --target-type AWS_ACCOUNT --permission-set-arn {{PS}} --principal-type ${type} --principal-id {{${principal}}}`;

const createBob = {
  run: 'aws identitystore create-user --identity-store-id {{STORE}} --user-name bob --display-name "Bob Example" --name GivenName=Bob,FamilyName=Example',
  save: { BOB: 'UserId' },
};
const auditorsId = {
  run: 'aws identitystore list-groups --identity-store-id {{STORE}}',
  save: { GROUP: "Groups[?DisplayName=='Auditors'].GroupId | [0]" },
};
const addBob = 'aws identitystore create-group-membership --identity-store-id {{STORE}} --group-id {{GROUP}} --member-id UserId={{BOB}}';
const aliceMembership = {
  run: 'aws identitystore list-group-memberships-for-member --identity-store-id {{STORE}} --member-id UserId={{ALICE}}',
  save: { M: 'GroupMemberships[0].MembershipId' },
};

const issuer = 'token.actions.githubusercontent.com';
const provider = `arn:aws:iam::{{accountId}}:oidc-provider/${issuer}`;
const createProvider = `aws iam create-open-id-connect-provider --url https://${issuer} --client-id-list sts.amazonaws.com`;

/** A trust policy for GitHub Actions with these conditions. */
function githubTrust(condition: Record<string, Record<string, string>>): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GitHubActionsMainOnly',
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  };
}

const mainOnly = githubTrust({
  StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'repo:octo/app:ref:refs/heads/main' },
});

const createDeployRole = (trust: object) =>
  withPolicyFile(
    'github-trust.json',
    trust,
    (file) => `aws iam create-role --role-name deploy-app --max-session-duration 3600 --assume-role-policy-document ${file}`,
  );

const assumeWith = (file: string) =>
  `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::{{accountId}}:role/deploy-app --role-session-name gha --web-identity-token file://${file}`;

export default defineExercises([
  {
    id: 'auditor-permission-set',
    title: 'Auditors read prod through a permission set',
    goal: 'Identity Center is enabled for your organization (instance and identity store: `aws sso-admin list-instances`; accounts: `aws organizations list-accounts`). The identity store holds the user `alice`. Create the group `Auditors` and add alice to it; create the permission set `Auditor` with the AWS managed policy `ReadOnlyAccess` and nothing else; assign the group `Auditors` that permission set in the account `prod`.',
    start: { world: { seed: 'lesson-18' }, steps: identityCenterScene },
    checks: [
      {
        id: 'alice-in-auditors',
        kind: 'command',
        label: 'alice is a member of the group Auditors',
        setup: [groupId],
        command:
          'aws identitystore list-group-memberships --identity-store-id {{STORE}} --group-id {{G}} --query "length(GroupMemberships[?MemberId.UserId==\'{{ALICE}}\'])"',
        expect: { outcome: 'success', equals: 1 },
        failure: 'there is no group Auditors with alice in it yet',
      },
      groupAssignedInProd,
      {
        id: 'prod-role-read-only',
        kind: 'command',
        label: 'prod has the role AWSReservedSSO_Auditor_… with exactly ReadOnlyAccess',
        setup: [
          enterProd,
          {
            run: inProd('aws iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/'),
            save: { R: "Roles[?starts_with(RoleName, 'AWSReservedSSO_Auditor_')].RoleName | [0] || 'none'" },
          },
        ],
        command: inProd('aws iam list-attached-role-policies --role-name {{R}}'),
        expect: { outcome: 'success', query: 'AttachedPolicies[].PolicyName', equals: ['ReadOnlyAccess'] },
        failure:
          'prod has no role AWSReservedSSO_Auditor_… that grants exactly ReadOnlyAccess — is the assignment in prod, with ReadOnlyAccess only?',
      },
    ],
    hints: [
      'Which objects make access here: where do people live, what says what they may do, and what joins the two to one account? A group in the identity store, a membership, a permission set with one managed policy, and an account assignment (group + permission set + account).',
      '`aws identitystore create-group --identity-store-id STORE --display-name Auditors`, then `aws identitystore create-group-membership --identity-store-id STORE --group-id GROUP --member-id UserId=ALICE` (alice’s ID: `aws identitystore list-users --identity-store-id STORE`).',
      '`aws sso-admin create-permission-set --instance-arn INSTANCE --name Auditor`, `aws sso-admin attach-managed-policy-to-permission-set … --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`, then `aws sso-admin create-account-assignment --instance-arn INSTANCE --target-id PROD_ACCOUNT --target-type AWS_ACCOUNT --permission-set-arn PS --principal-type GROUP --principal-id GROUP`.',
    ],
    solution: {
      steps: [createGroup, addAlice, createSet, attach('ReadOnlyAccess'), assign('PROD', 'GROUP', 'GROUP')],
      explanation:
        'The assignment is what reaches the account: Identity Center provisions the role `AWSReservedSSO_Auditor_<id>` in prod, with ReadOnlyAccess attached and a trust policy naming the `AWSSSO_…_DO_NOT_DELETE` SAML provider it created there. Assigning the group means the next auditor only needs a membership, and removing alice from the group ends her access — no IAM user, no long-lived key.',
    },
    wrongAnswers: [
      {
        mistake: 'assigns the permission set in the dev account instead of prod',
        steps: [createGroup, addAlice, createSet, attach('ReadOnlyAccess'), assign('DEV', 'GROUP', 'GROUP')],
        caughtBy: ['group-assigned-in-prod', 'prod-role-read-only'],
      },
      {
        mistake: 'attaches AdministratorAccess to the Auditor permission set "so nothing is missing"',
        steps: [createGroup, addAlice, createSet, attach('AdministratorAccess'), assign('PROD', 'GROUP', 'GROUP')],
        caughtBy: ['prod-role-read-only'],
      },
      {
        mistake: 'assigns alice directly instead of the group',
        steps: [createGroup, addAlice, createSet, attach('ReadOnlyAccess'), assign('PROD', 'USER', 'ALICE')],
        caughtBy: ['group-assigned-in-prod'],
      },
      {
        mistake: 'assigns the group but forgets to add alice to it',
        steps: [createGroup, createSet, attach('ReadOnlyAccess'), assign('PROD', 'GROUP', 'GROUP')],
        caughtBy: ['alice-in-auditors'],
      },
    ],
  },
  {
    id: 'joiner-leaver',
    title: 'Bob joins the auditors, alice leaves',
    goal: 'alice moves to another team and bob takes over the audits. Create the identity store user `bob` (user name `bob`, display name `Bob Example`, given name Bob, family name Example), give him the Auditor access in prod the same way alice had it, and end alice’s access — without touching the permission set or the prod account.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'bob-in-auditors',
        kind: 'command',
        label: 'bob is a member of the group Auditors',
        setup: [
          groupId,
          {
            run: 'aws identitystore list-users --identity-store-id {{STORE}}',
            save: { B: "Users[?UserName=='bob'].UserId | [0] || 'none'" },
          },
        ],
        command:
          'aws identitystore list-group-memberships --identity-store-id {{STORE}} --group-id {{G}} --query "length(GroupMemberships[?MemberId.UserId==\'{{B}}\'])"',
        expect: { outcome: 'success', equals: 1 },
        failure: 'there is no user bob in the group Auditors yet',
      },
      {
        id: 'alice-out',
        kind: 'command',
        label: 'alice is no longer in any group',
        command:
          'aws identitystore list-group-memberships-for-member --identity-store-id {{STORE}} --member-id UserId={{ALICE}} --query "length(GroupMemberships)"',
        expect: { outcome: 'success', equals: 0 },
        failure: 'alice is still a member of a group, so she still reaches what it is assigned',
      },
      groupAssignedInProd,
      {
        id: 'no-user-assignments',
        kind: 'command',
        label: 'nobody holds the permission set in prod as a single user',
        setup: [{ run: 'aws sso-admin list-permission-sets --instance-arn {{INSTANCE}}', save: { PSET: "PermissionSets[0] || 'none'" } }],
        command:
          'aws sso-admin list-account-assignments --instance-arn {{INSTANCE}} --account-id {{PROD}} --permission-set-arn {{PSET}} --query "length(AccountAssignments[?PrincipalType==\'USER\'])"',
        expect: { outcome: 'success', equals: 0 },
        failure: 'someone is assigned the permission set in prod directly, as a user — their access will not follow the group',
      },
    ],
    hints: [
      'With access given to a group, what changes when a person joins or leaves — the permission set, the assignment, or only a membership?',
      '`aws identitystore create-user …` for bob, then `aws identitystore create-group-membership` to add him to Auditors (the group’s ID: `aws identitystore list-groups --identity-store-id STORE`).',
      'alice’s membership ID: `aws identitystore list-group-memberships-for-member --identity-store-id STORE --member-id UserId=ALICE`; then `aws identitystore delete-group-membership --identity-store-id STORE --membership-id ID`.',
    ],
    solution: {
      steps: [
        createBob,
        auditorsId,
        addBob,
        aliceMembership,
        'aws identitystore delete-group-membership --identity-store-id {{STORE}} --membership-id {{M}}',
      ],
      explanation:
        'Two memberships changed and nothing else: the permission set, the assignment and the role in prod stay as they were. That is why access is given to groups — joiners and leavers are identity store changes, and no account is touched. (In a company the identity store is often synchronized from the corporate directory with SCIM, so HR’s change is the whole offboarding.)',
    },
    wrongAnswers: [
      {
        mistake: 'assigns bob the permission set directly and removes alice',
        steps: [
          createBob,
          auditorsId,
          { run: 'aws sso-admin list-permission-sets --instance-arn {{INSTANCE}}', save: { PS: 'PermissionSets[0]' } },
          assign('PROD', 'USER', 'BOB'),
          aliceMembership,
          'aws identitystore delete-group-membership --identity-store-id {{STORE}} --membership-id {{M}}',
        ],
        caughtBy: ['bob-in-auditors', 'no-user-assignments'],
      },
      {
        mistake: 'adds bob to the group but forgets to remove alice',
        steps: [createBob, auditorsId, addBob],
        caughtBy: ['alice-out'],
      },
      {
        mistake: 'removes the group’s assignment in prod to shut alice out, and adds bob to the group',
        steps: [
          createBob,
          auditorsId,
          addBob,
          { run: 'aws sso-admin list-permission-sets --instance-arn {{INSTANCE}}', save: { PS: 'PermissionSets[0]' } },
          'aws sso-admin delete-account-assignment --instance-arn {{INSTANCE}} --target-id {{PROD}} --target-type AWS_ACCOUNT --permission-set-arn {{PS}} --principal-type GROUP --principal-id {{GROUP}}',
        ],
        caughtBy: ['alice-out', 'group-assigned-in-prod'],
      },
    ],
  },
  {
    id: 'github-actions-role',
    title: 'A deploy role only octo/app’s main branch can assume',
    goal: 'The workflow of the GitHub repository `octo/app` deploys from its `main` branch and should get temporary credentials, not a stored access key. Create the IAM OIDC provider for `https://token.actions.githubusercontent.com` with the audience (client ID) `sts.amazonaws.com`, and the role `deploy-app` that a GitHub Actions token may assume (`sts:AssumeRoleWithWebIdentity`) only when it comes from `octo/app` on `refs/heads/main` and is meant for `sts.amazonaws.com`. Try it: `github-actions token --repo octo/app --ref refs/heads/main > main.jwt`, then `aws sts assume-role-with-web-identity --role-arn … --role-session-name gha --web-identity-token file://main.jwt`.',
    start: { world: { seed: 'lesson-18-oidc' }, steps: adminSessionSteps() },
    checks: [
      {
        id: 'main-assumes',
        kind: 'command',
        label: 'a token of octo/app on main can assume deploy-app',
        setup: ['github-actions token --repo octo/app --ref refs/heads/main > check-main.jwt'],
        command: assumeWith('check-main.jwt'),
        expect: { outcome: 'success', query: "ends_with(AssumedRoleUser.Arn, ':assumed-role/deploy-app/gha')", equals: true },
        failure:
          'a GitHub Actions token of octo/app on main cannot assume deploy-app yet (is there an OIDC provider and a trust policy for it?)',
      },
      {
        id: 'other-repo-refused',
        kind: 'command',
        label: 'a token of another repository of octo is refused',
        setup: ['github-actions token --repo octo/tools --ref refs/heads/main > check-tools.jwt'],
        command: assumeWith('check-tools.jwt'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'a token of octo/tools can assume deploy-app — the sub condition must name repo:octo/app exactly',
      },
      {
        id: 'other-branch-refused',
        kind: 'command',
        label: 'a token of octo/app on another branch is refused',
        setup: ['github-actions token --repo octo/app --ref refs/heads/feature > check-feature.jwt'],
        command: assumeWith('check-feature.jwt'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'a token of octo/app on the branch feature can assume deploy-app — the sub must end in ref:refs/heads/main',
      },
      {
        id: 'pull-request-refused',
        kind: 'command',
        label: 'a token of a pull request workflow of octo/app is refused',
        setup: ['github-actions token --repo octo/app --event pull_request > check-pr.jwt'],
        command: assumeWith('check-pr.jwt'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'a pull request workflow (anyone who opens a pull request) can assume deploy-app',
      },
      {
        id: 'audience-required',
        kind: 'command',
        label: 'a main-branch token meant for another audience is refused, even when the provider knows that audience',
        setup: [
          `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider} --client-id other-app`,
          'github-actions token --repo octo/app --ref refs/heads/main --audience other-app > check-aud.jwt',
        ],
        command: assumeWith('check-aud.jwt'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: `the trust policy does not require ${issuer}:aud to be sts.amazonaws.com`,
      },
    ],
    hints: [
      'What must AWS know before it trusts a token: who issued it, and which jobs may use it? Two things: an identity provider (who issues the tokens, for which audience) and a role whose trust policy names it as `"Principal": {"Federated": PROVIDER_ARN}`.',
      `\`${createProvider}\` (IAM fills in the thumbprint itself), then write the trust policy in the file editor.`,
      `The condition: \`"StringEquals": {"${issuer}:aud": "sts.amazonaws.com", "${issuer}:sub": "repo:octo/app:ref:refs/heads/main"}\`; create the role with \`aws iam create-role --role-name deploy-app --assume-role-policy-document file://github-trust.json\`.`,
    ],
    solution: {
      steps: [createProvider, ...createDeployRole(mainOnly)],
      explanation:
        'The token says who the workflow is: `sub` is `repo:octo/app:ref:refs/heads/main` only for a job of that repository on main, and `aud` is the audience the job asked for. StringEquals on both means a fork, another repository of the organization, another branch or a pull request gets AccessDenied, and a token minted for another service cannot be replayed to STS. The workflow holds credentials for an hour at most — there is no key to leak.',
    },
    wrongAnswers: [
      {
        mistake: 'uses StringLike with repo:octo/* — every repository and branch of the organization may deploy',
        steps: [
          createProvider,
          ...createDeployRole(
            githubTrust({ StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${issuer}:sub`]: 'repo:octo/*' } }),
          ),
        ],
        caughtBy: ['other-repo-refused', 'other-branch-refused', 'pull-request-refused'],
      },
      {
        mistake: 'checks the sub but not the aud',
        steps: [
          createProvider,
          ...createDeployRole(githubTrust({ StringEquals: { [`${issuer}:sub`]: 'repo:octo/app:ref:refs/heads/main' } })),
        ],
        caughtBy: ['audience-required'],
      },
      {
        mistake: 'writes the sub of pull requests (repo:octo/app:pull_request) instead of the main branch',
        steps: [
          createProvider,
          ...createDeployRole(
            githubTrust({ StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'repo:octo/app:pull_request' } }),
          ),
        ],
        caughtBy: ['main-assumes', 'pull-request-refused'],
      },
    ],
  },
]);
