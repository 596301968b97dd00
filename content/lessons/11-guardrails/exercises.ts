/**
 * Exercises of lesson 11: set a permissions boundary, see that a boundary limits but never grants,
 * delegate user and role creation safely by requiring a boundary (delegate-roles.ts), then the
 * organization's ceiling (scp.ts). Sources: IAM User Guide, "Permissions boundaries for IAM
 * entities" (effective permissions are the intersection; delegating responsibility to others using
 * permissions boundaries; iam:PermissionsBoundary condition key).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { delegateRolesExercise } from './delegate-roles.ts';
import { scpExercises } from './scp.ts';

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
  ...scpExercises,
]);
