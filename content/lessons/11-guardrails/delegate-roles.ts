/**
 * Lesson 11's delegation of role creation: a team lead creates roles for the team's Lambda functions
 * under a path, only with a boundary, and passes them only to Lambda. Sources: IAM User Guide,
 * "Permissions boundaries for IAM entities" (delegating responsibility to others using permissions
 * boundaries; the iam:PermissionsBoundary condition key on CreateRole, PutRolePermissionsBoundary and
 * AttachRolePolicy), and "Grant a user permissions to pass a role to an AWS service" (iam:PassRole,
 * iam:PassedToService).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import type { ExerciseInput } from '../../../src/course/exercise.ts';

const appBoundaryArn = 'arn:aws:iam::{{accountId}}:policy/AppBoundary';
const appRoles = 'arn:aws:iam::{{accountId}}:role/apps/*';

const appBoundary = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AppDataOnly', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'logs:*'], Resource: '*' }],
});

const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const createStatement = (resource: string, withBoundary: boolean) => ({
  Sid: 'CreateAppRolesWithBoundary',
  Effect: 'Allow',
  Action: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary', 'iam:AttachRolePolicy', 'iam:PutRolePolicy'],
  Resource: resource,
  ...(withBoundary ? { Condition: { StringEquals: { 'iam:PermissionsBoundary': appBoundaryArn } } } : {}),
});

const passStatement = (resource: string, onlyLambda: boolean) => ({
  Sid: 'PassAppRolesToLambda',
  Effect: 'Allow',
  Action: 'iam:PassRole',
  Resource: resource,
  ...(onlyLambda ? { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } } : {}),
});

const locks = [
  { Sid: 'KeepTheBoundary', Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary', Resource: '*' },
  {
    Sid: 'NoBoundaryPolicyEdit',
    Effect: 'Deny',
    Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
    Resource: appBoundaryArn,
  },
];

const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const delegation = policy([createStatement(appRoles, true), passStatement(appRoles, true), ...locks]);

const putPolicy = (text: string) =>
  `aws iam put-user-policy --user-name app-lead --policy-name DelegateAppRoles --policy-document '${text}'`;
const createRole = (name: string, path: string, boundary: boolean) =>
  `aws iam create-role --role-name ${name} --path ${path} --assume-role-policy-document '${lambdaTrust}'${
    boundary ? ` --permissions-boundary ${appBoundaryArn}` : ''
  } --profile app-lead`;
const passDecision = (id: string, label: string, role: string, service: string, failure: string) => ({
  id,
  kind: 'decision' as const,
  label,
  principalArn: 'arn:aws:iam::{{accountId}}:user/app-lead',
  action: 'iam:PassRole',
  resource: `arn:aws:iam::{{accountId}}:role/${role}`,
  context: { 'iam:PassedToService': [service] },
  expect: 'denied' as const,
  failure,
});

export const delegateRolesExercise: ExerciseInput = {
  id: 'delegate-roles',
  title: 'Let a team lead create roles for Lambda — safely',
  goal: "The user `app-lead` builds Lambda functions for the team. Give app-lead an inline policy so that they can create roles under the path `/apps/` — only with the `AppBoundary` boundary — attach policies to those roles, and pass them to Lambda and nothing else. They must not pass any other role (there is an administrator role, `OpsAdmin`), remove a role's boundary, or change `AppBoundary` itself.",
  start: {
    world: { seed: 'lesson-11-roles' },
    steps: [
      ...adminSessionSteps(),
      `aws iam create-policy --policy-name AppBoundary --policy-document '${appBoundary}'`,
      `aws iam create-role --role-name OpsAdmin --assume-role-policy-document '${lambdaTrust}'`,
      'aws iam attach-role-policy --role-name OpsAdmin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      'aws iam create-user --user-name app-lead',
      'aws iam create-access-key --user-name app-lead',
    ],
  },
  checks: [
    {
      id: 'create-app-role',
      kind: 'command',
      label: 'app-lead can create a role under /apps/ with the AppBoundary boundary',
      command: createRole('report-fn', '/apps/', true),
      expect: { outcome: 'success' },
    },
    {
      id: 'no-boundary-refused',
      kind: 'command',
      label: 'creating a role under /apps/ without a boundary is refused',
      command: createRole('free-fn', '/apps/', false),
      expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      failure: 'app-lead can create a role with no boundary — and attach AdministratorAccess to it',
    },
    {
      id: 'outside-path-refused',
      kind: 'command',
      label: 'creating a role outside /apps/ is refused',
      command: createRole('stray-fn', '/', true),
      expect: { outcome: 'failure', errorCode: 'AccessDenied' },
      failure: 'app-lead can create roles anywhere in the account, not only under /apps/',
    },
    {
      id: 'pass-to-lambda',
      kind: 'decision',
      label: 'app-lead may pass a role under /apps/ to Lambda',
      principalArn: 'arn:aws:iam::{{accountId}}:user/app-lead',
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::{{accountId}}:role/apps/report-fn',
      context: { 'iam:PassedToService': ['lambda.amazonaws.com'] },
      expect: 'allowed',
      failure: 'app-lead may not pass their own app role to Lambda, so they cannot deploy a function with it',
    },
    passDecision(
      'not-ops-admin',
      'app-lead may not pass OpsAdmin, even to Lambda',
      'OpsAdmin',
      'lambda.amazonaws.com',
      'app-lead may pass OpsAdmin to a function — and run code as an administrator',
    ),
    passDecision(
      'only-lambda',
      'app-lead may not pass an app role to EC2',
      'apps/report-fn',
      'ec2.amazonaws.com',
      'app-lead may pass app roles to any service, not only to Lambda',
    ),
    {
      id: 'boundary-stays',
      kind: 'decision',
      label: "app-lead may not remove a role's boundary",
      principalArn: 'arn:aws:iam::{{accountId}}:user/app-lead',
      action: 'iam:DeleteRolePermissionsBoundary',
      resource: 'arn:aws:iam::{{accountId}}:role/apps/report-fn',
      expect: 'denied',
      failure: "app-lead may remove a role's boundary, and with it the ceiling",
    },
    {
      id: 'boundary-locked',
      kind: 'decision',
      label: 'app-lead may not publish a new version of AppBoundary',
      principalArn: 'arn:aws:iam::{{accountId}}:user/app-lead',
      action: 'iam:CreatePolicyVersion',
      resource: appBoundaryArn,
      expect: 'denied',
      failure: 'app-lead may rewrite AppBoundary itself — then the boundary means whatever they want',
    },
  ],
  hints: [
    'Which three things must be true of every role app-lead makes: where it lives, what caps it, and who may use it?',
    'Scope the IAM actions to `arn:aws:iam::ACCOUNT:role/apps/*` and require `"StringEquals": {"iam:PermissionsBoundary": "arn:aws:iam::ACCOUNT:policy/AppBoundary"}`.',
    '`iam:PassRole` on the same path, with `"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}`.',
    'Deny `iam:DeleteRolePermissionsBoundary`, and deny `iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`, `iam:DeletePolicy` and `iam:DeletePolicyVersion` on AppBoundary.',
  ],
  solution: {
    steps: [
      ...withPolicyFile(
        'delegate-roles.json',
        delegation,
        (file) => `aws iam put-user-policy --user-name app-lead --policy-name DelegateAppRoles --policy-document ${file}`,
      ),
    ],
    explanation:
      "Three locks make delegating roles safe. The boundary condition caps every role app-lead creates, whatever they attach to it; the path keeps their roles apart from everyone else's, so `iam:PassRole` on `role/apps/*` cannot reach OpsAdmin; and `iam:PassedToService` lets the roles go to Lambda only. The two Denies keep the ceiling where it is: no removing a role's boundary, no rewriting AppBoundary.",
  },
  wrongAnswers: [
    {
      mistake: 'lets app-lead create and fill roles under /apps/ without requiring the boundary',
      steps: [putPolicy(policy([createStatement(appRoles, false), passStatement(appRoles, true), ...locks]))],
      caughtBy: ['no-boundary-refused'],
    },
    {
      mistake: 'allows iam:PassRole on every role ("Resource": "*") to Lambda',
      steps: [putPolicy(policy([createStatement(appRoles, true), passStatement('*', true), ...locks]))],
      caughtBy: ['not-ops-admin'],
    },
    {
      mistake: 'scopes iam:PassRole to the path but leaves out iam:PassedToService',
      steps: [putPolicy(policy([createStatement(appRoles, true), passStatement(appRoles, false), ...locks]))],
      caughtBy: ['only-lambda'],
    },
    {
      mistake: 'requires the boundary but lets roles be created anywhere ("Resource": "*")',
      steps: [putPolicy(policy([createStatement('*', true), passStatement(appRoles, true), ...locks]))],
      caughtBy: ['outside-path-refused'],
    },
    {
      mistake: 'adds iam:CreatePolicyVersion and iam:DeleteRolePermissionsBoundary "to maintain the roles", without the two Denies',
      steps: [
        putPolicy(
          policy([
            createStatement(appRoles, true),
            passStatement(appRoles, true),
            { Effect: 'Allow', Action: ['iam:CreatePolicyVersion', 'iam:DeleteRolePermissionsBoundary'], Resource: '*' },
          ]),
        ),
      ],
      caughtBy: ['boundary-stays', 'boundary-locked'],
    },
  ],
};
