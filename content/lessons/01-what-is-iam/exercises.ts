/**
 * Exercises of lesson 1: meet the root user, watch an unauthorized call fail, and grant the first
 * permission. Sources: IAM User Guide, "How IAM works" and "Policy evaluation logic".
 */
import { defineExercises } from '../../../src/course/exercise.ts';

export default defineExercises([
  {
    id: 'who-am-i',
    title: 'Ask AWS who you are',
    goal: "This lesson's terminal starts signed in as the account's root user, so that you meet it once. Ask AWS who is calling and look at the ARN it returns.",
    start: { world: { seed: 'lesson-01' }, steps: [] },
    checks: [
      {
        id: 'called-sts',
        kind: 'trail',
        label: 'CloudTrail recorded a GetCallerIdentity call made by the root user',
        query: "length(Records[?eventName=='GetCallerIdentity' && userIdentity.type=='Root'])",
        atLeast: 1,
      },
    ],
    hints: [
      'Which STS call answers "who am I?" without needing any permission?',
      'The command is `aws sts get-caller-identity`; it needs no permissions at all.',
      "Look at the `Arn` in the answer: it ends in `:root`, the account's root user.",
    ],
    solution: {
      steps: ['aws sts get-caller-identity'],
      explanation:
        "GetCallerIdentity answers with the account, the principal's unique id and its ARN. `arn:aws:iam::ACCOUNT:root` means you are the root user. Later lessons start you as an administrator role session instead, as IAM Identity Center would.",
    },
    wrongAnswers: [
      {
        mistake: 'asks IAM for the list of users instead of asking STS who is calling',
        steps: ['aws iam list-users'],
        caughtBy: ['called-sts'],
      },
      {
        mistake: 'runs the call with a profile that does not exist',
        steps: ['aws sts get-caller-identity --profile admin'],
        caughtBy: ['called-sts'],
      },
    ],
  },
  {
    id: 'denied-by-default',
    title: 'Watch a new user get denied',
    goal: 'The world now has an IAM user `intern` with an access key and no policies at all. Run `aws iam list-users --profile intern` and read the error: nothing allows the call, so AWS denies it.',
    start: {
      world: { seed: 'lesson-01' },
      steps: ['aws iam create-user --user-name intern', 'aws iam create-access-key --user-name intern'],
    },
    checks: [
      {
        id: 'intern-denied',
        kind: 'trail',
        label: 'CloudTrail recorded an AccessDenied error for intern',
        query: "length(Records[?userIdentity.userName=='intern' && errorCode=='AccessDenied'])",
        atLeast: 1,
      },
    ],
    hints: [
      'How do you make the CLI sign a request as intern instead of as yourself?',
      "`--profile intern` makes the CLI sign the request with intern's access key.",
      'Run `aws iam list-users --profile intern`. The error is the point of this exercise.',
    ],
    solution: {
      steps: [{ run: 'aws iam list-users --profile intern', mayFail: true }],
      explanation:
        'intern authenticated successfully — the key is valid — but no policy allows `iam:ListUsers`, so the request ends in an implicit deny. The error names the principal, the action and the reason, and CloudTrail keeps a record of the refused call.',
    },
    wrongAnswers: [
      { mistake: 'runs the call as root (no --profile), which succeeds', steps: ['aws iam list-users'], caughtBy: ['intern-denied'] },
      {
        mistake: 'runs only get-caller-identity as intern, which needs no permission',
        steps: ['aws sts get-caller-identity --profile intern'],
        caughtBy: ['intern-denied'],
      },
    ],
  },
  {
    id: 'first-allow',
    title: 'Grant exactly one kind of access',
    goal: 'Let intern look at IAM without changing it: attach the AWS managed policy `IAMReadOnlyAccess` to intern. intern can then list the users, and must still be unable to create users or change policies.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'intern-can-list',
        kind: 'command',
        label: 'intern can list the users',
        command: 'aws iam list-users --profile intern',
        expect: { outcome: 'success' },
      },
      {
        id: 'intern-cannot-create',
        kind: 'command',
        label: 'intern still cannot create users',
        command: 'aws iam create-user --user-name mallory --profile intern',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'intern can create users, so the policy grants more than reading',
      },
      {
        id: 'intern-cannot-attach',
        kind: 'decision',
        label: 'intern still cannot attach policies to anyone',
        principalArn: 'arn:aws:iam::{{accountId}}:user/intern',
        action: 'iam:AttachUserPolicy',
        resource: 'arn:aws:iam::{{accountId}}:user/intern',
        expect: 'implicitDeny',
        failure: 'intern may attach policies — that is write access, and a way to grant himself anything',
      },
    ],
    hints: [
      'Is there an AWS managed policy whose name says "read only" for IAM?',
      'AWS managed policies have ARNs that start with `arn:aws:iam::aws:policy/`.',
      'Use `aws iam attach-user-policy --user-name intern --policy-arn ...` as the root user (no `--profile`).',
    ],
    solution: {
      steps: ['aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess'],
      explanation:
        '`IAMReadOnlyAccess` allows `iam:Get*` and `iam:List*`, plus the read-style `iam:GenerateCredentialReport`, `iam:GenerateServiceLastAccessedDetails`, `iam:SimulateCustomPolicy` and `iam:SimulatePrincipalPolicy`. `iam:CreateUser` and `iam:AttachUserPolicy` are not among them, so they stay implicitly denied: an allow covers only what it names.',
    },
    wrongAnswers: [
      {
        mistake: 'attaches AdministratorAccess, which lists users but also allows everything else',
        steps: ['aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/AdministratorAccess'],
        caughtBy: ['intern-cannot-create', 'intern-cannot-attach'],
      },
      {
        mistake: 'attaches IAMFullAccess because it also contains "IAM"',
        steps: ['aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/IAMFullAccess'],
        caughtBy: ['intern-cannot-create'],
      },
      {
        mistake: 'attaches the policy to the wrong identity (a group intern is not in)',
        steps: [
          'aws iam create-group --group-name Interns',
          'aws iam attach-group-policy --group-name Interns --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
        ],
        caughtBy: ['intern-can-list'],
      },
    ],
  },
]);
