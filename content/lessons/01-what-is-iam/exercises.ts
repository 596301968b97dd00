/**
 * Exercises of lesson 1: meet the root user, watch an unauthorized call fail, and grant the first
 * permission. Sources: IAM User Guide, "How IAM works" and "Policy evaluation logic".
 */
import { defineExercises } from '../../../src/course/exercise.ts';

export default defineExercises([
  {
    id: 'who-am-i',
    title: 'Ask AWS who you are',
    goal: 'Every terminal on this site starts signed in as the account\'s root user. Ask AWS who is calling with `aws sts get-caller-identity` and look at the ARN it returns.',
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
      'The command is `aws sts get-caller-identity`; it needs no permissions at all.',
      'Look at the `Arn` in the answer: it ends in `:root`, the account\'s root user.',
    ],
    solution: {
      steps: ['aws sts get-caller-identity'],
      explanation: 'GetCallerIdentity answers with the account, the principal\'s unique id and its ARN. `arn:aws:iam::ACCOUNT:root` means you are the root user — which is why the next exercises create a real user.',
    },
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
      '`--profile intern` makes the CLI sign the request with intern\'s access key.',
      'Run `aws iam list-users --profile intern`. The error is the point of this exercise.',
    ],
    solution: {
      steps: [{ run: 'aws iam list-users --profile intern', mayFail: true }],
      explanation: 'intern authenticated successfully — the key is valid — but no policy allows `iam:ListUsers`, so the request ends in an implicit deny. The error names the principal, the action and the reason, and CloudTrail keeps a record of the refused call.',
    },
  },
  {
    id: 'first-allow',
    title: 'Grant exactly one kind of access',
    goal: 'Let intern read the list of users, and nothing more: attach the AWS managed policy `IAMReadOnlyAccess` to intern. intern must still be unable to create users.',
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
      },
    ],
    hints: [
      'AWS managed policies have ARNs that start with `arn:aws:iam::aws:policy/`.',
      'Use `aws iam attach-user-policy --user-name intern --policy-arn ...` as the root user (no `--profile`).',
    ],
    solution: {
      steps: ['aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess'],
      explanation: '`IAMReadOnlyAccess` allows the `iam:Get*` and `iam:List*` actions. `iam:CreateUser` is not among them, so that request is still implicitly denied: an allow covers only what it names.',
    },
  },
]);
