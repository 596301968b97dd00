/**
 * Exercises of lesson 2: create a user with a console password, give her an access key, rotate a
 * key without downtime. Sources: IAM User Guide, "Create an IAM user in your AWS account",
 * "Manage passwords for IAM users", "Manage access keys for IAM users" and "Rotate access keys".
 */
import { defineExercises } from '../../../src/course/exercise.ts';

export default defineExercises([
  {
    id: 'create-user',
    title: 'Create a user who can sign in to the console',
    goal: 'Create an IAM user named `ana` and give her a console password. She must choose her own password the first time she signs in.',
    start: { world: { seed: 'lesson-02' }, steps: [] },
    checks: [
      { id: 'user-exists', kind: 'command', label: 'the user ana exists', command: 'aws iam get-user --user-name ana', expect: { outcome: 'success' } },
      {
        id: 'has-password',
        kind: 'command',
        label: 'ana has a console password',
        command: 'aws iam get-login-profile --user-name ana',
        expect: { outcome: 'success' },
      },
      {
        id: 'must-reset',
        kind: 'command',
        label: 'ana must change the password at first sign-in',
        command: 'aws iam get-login-profile --user-name ana',
        expect: { outcome: 'success', query: 'LoginProfile.PasswordResetRequired', equals: true },
      },
    ],
    hints: [
      'A user is created with `aws iam create-user --user-name ana`.',
      'A console password is a *login profile*: `aws iam create-login-profile`.',
      'Add `--password-reset-required` so she replaces the password you chose.',
    ],
    solution: {
      steps: ['aws iam create-user --user-name ana', "aws iam create-login-profile --user-name ana --password 'Dojo-Start-2026!' --password-reset-required"],
      explanation: 'The user is the identity; the login profile is her console credential. With `--password-reset-required` the first sign-in forces a new password, so the one you typed never stays in use.',
    },
  },
  {
    id: 'access-key',
    title: 'Give ana an access key and use it',
    goal: 'ana also works from the command line. Create an access key for her, then prove it works by running `aws sts get-caller-identity --profile ana`.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'one-key',
        kind: 'command',
        label: 'ana has exactly one access key',
        command: 'aws iam list-access-keys --user-name ana',
        expect: { outcome: 'success', query: 'length(AccessKeyMetadata)', equals: 1 },
      },
      {
        id: 'used-key',
        kind: 'trail',
        label: 'CloudTrail shows a call made with ana\'s key',
        query: "length(Records[?eventName=='GetCallerIdentity' && userIdentity.userName=='ana'])",
        atLeast: 1,
      },
    ],
    hints: [
      '`aws iam create-access-key --user-name ana` prints the key ID and its secret — the only time AWS ever shows the secret.',
      'In this simulator `--profile ana` signs with ana\'s access key, as if you had saved it with `aws configure`.',
    ],
    solution: {
      steps: ['aws iam create-access-key --user-name ana', 'aws sts get-caller-identity --profile ana'],
      explanation: 'An access key is a pair: the key ID (starting `AKIA`) names it, the secret signs requests. GetCallerIdentity needs no permission, so it is the safe way to test that a key works.',
    },
  },
  {
    id: 'rotate-key',
    title: 'Rotate a key without breaking anything',
    goal: 'The user `build` has had the same access key for two years. Rotate it: create a new key, deactivate the old one, and once nothing uses it, delete it. At the end `build` has one active key, and it works.',
    start: {
      world: { seed: 'lesson-02-rotate' },
      steps: ['aws iam create-user --user-name build', 'aws iam create-access-key --user-name build'],
    },
    checks: [
      {
        id: 'deactivated-first',
        kind: 'trail',
        label: 'the old key was deactivated before it was deleted',
        query: "length(Records[?eventName=='UpdateAccessKey' && requestParameters.userName=='build' && requestParameters.status=='Inactive'])",
        atLeast: 1,
      },
      {
        id: 'old-deleted',
        kind: 'trail',
        label: 'a key of build was deleted',
        query: "length(Records[?eventName=='DeleteAccessKey' && requestParameters.userName=='build' && errorCode == null])",
        atLeast: 1,
      },
      {
        id: 'one-active-key',
        kind: 'command',
        label: 'build has exactly one key, and it is active',
        command: 'aws iam list-access-keys --user-name build',
        expect: { outcome: 'success', query: 'AccessKeyMetadata[].Status', equals: ['Active'] },
      },
      {
        id: 'key-works',
        kind: 'command',
        label: 'build can still call AWS',
        command: 'aws sts get-caller-identity --profile build',
        expect: { outcome: 'success' },
      },
    ],
    hints: [
      'A user can have two access keys at once — that is what makes rotation possible without downtime.',
      '`aws iam list-access-keys --user-name build` shows the old key\'s ID.',
      'Deactivate with `aws iam update-access-key --user-name build --access-key-id ID --status Inactive`, then delete it with `aws iam delete-access-key`.',
    ],
    solution: {
      steps: [
        { run: 'aws iam list-access-keys --user-name build', save: { OLD_KEY: 'AccessKeyMetadata[0].AccessKeyId' } },
        'aws iam create-access-key --user-name build',
        'aws iam update-access-key --user-name build --access-key-id {{OLD_KEY}} --status Inactive',
        'aws sts get-caller-identity --profile build',
        'aws iam delete-access-key --user-name build --access-key-id {{OLD_KEY}}',
      ],
      explanation: 'With two keys allowed per user, you switch applications to the new key first. Deactivating the old key is reversible: if something breaks you turn it back on. Only when nothing has failed do you delete it. `{{OLD_KEY}}` stands for the old key\'s ID.',
    },
  },
]);
