/**
 * Exercises of lesson 2: create a user with a console password, give her an access key, rotate a
 * key without downtime. Sources: IAM User Guide, "Create an IAM user in your AWS account",
 * "Manage passwords for IAM users", "Manage access keys for IAM users" and "Rotate access keys".
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';

export default defineExercises([
  {
    id: 'create-user',
    title: 'Create a user who can sign in to the console',
    goal: 'Create an IAM user named `ana` and give her a console password. She must choose her own password the first time she signs in.',
    start: { world: { seed: 'lesson-02' }, steps: adminSessionSteps() },
    checks: [
      {
        id: 'user-exists',
        kind: 'command',
        label: 'the user ana exists',
        command: 'aws iam get-user --user-name ana',
        expect: { outcome: 'success' },
      },
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
        failure: "ana's password is not marked for reset, so the one you chose would stay in use",
      },
      {
        id: 'can-change',
        kind: 'decision',
        label: 'ana is allowed to change her own password (iam:ChangePassword)',
        principalArn: 'arn:aws:iam::{{accountId}}:user/ana',
        action: 'iam:ChangePassword',
        resource: 'arn:aws:iam::{{accountId}}:user/ana',
        expect: 'allowed',
        failure: 'ana would be stuck at her first sign-in: forced to change the password, but nothing allows iam:ChangePassword',
      },
    ],
    hints: [
      'Which two things make a user who can sign in: the identity, and which credential?',
      'A user is created with `aws iam create-user --user-name ana`; a console password is a *login profile*: `aws iam create-login-profile`.',
      'Add `--password-reset-required` so she replaces the password you chose.',
      'A forced reset needs permission to call `iam:ChangePassword`. The console attaches the AWS managed policy `IAMUserChangePassword` when you tick the box; from the CLI you attach it yourself.',
    ],
    solution: {
      steps: [
        'aws iam create-user --user-name ana',
        "aws iam create-login-profile --user-name ana --password 'Dojo-Start-2026!' --password-reset-required",
        'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword',
      ],
      explanation:
        'The user is the identity; the login profile is her console credential. With `--password-reset-required` the first sign-in forces a new password, so the one you typed never stays in use — but only if she may call `iam:ChangePassword`. `IAMUserChangePassword` allows exactly that, on her own user only (`${aws:username}`). The console adds it for you; the CLI does not. An account password policy that lets users change their own password does the same for everyone.',
    },
    wrongAnswers: [
      {
        mistake: 'creates the password without requiring a reset',
        steps: [
          'aws iam create-user --user-name ana',
          "aws iam create-login-profile --user-name ana --password 'Dojo-Start-2026!'",
          'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword',
        ],
        caughtBy: ['must-reset'],
      },
      {
        mistake: 'requires a reset from the CLI but forgets that ana needs iam:ChangePassword to do it',
        steps: [
          'aws iam create-user --user-name ana',
          "aws iam create-login-profile --user-name ana --password 'Dojo-Start-2026!' --password-reset-required",
        ],
        caughtBy: ['can-change'],
      },
      {
        mistake: 'gives ana an access key instead of a console password',
        steps: ['aws iam create-user --user-name ana', 'aws iam create-access-key --user-name ana'],
        caughtBy: ['has-password', 'must-reset'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › Create user: User name ana, tick "Provide user access to the AWS Management Console", Custom password',
          service: 'iam',
          operation: 'CreateUser',
          params: { UserName: 'ana' },
        },
        {
          does: '(same wizard) leave "Users must create a new password at next sign-in" ticked, then Create user',
          service: 'iam',
          operation: 'CreateLoginProfile',
          params: { UserName: 'ana', Password: 'Dojo-Start-2026!', PasswordResetRequired: true },
        },
        {
          does: '(the console attaches IAMUserChangePassword for you when the reset box is ticked)',
          service: 'iam',
          operation: 'AttachUserPolicy',
          params: { UserName: 'ana', PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' },
        },
      ],
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
        label: "CloudTrail shows a call made with ana's key",
        query: "length(Records[?eventName=='GetCallerIdentity' && userIdentity.userName=='ana'])",
        atLeast: 1,
      },
    ],
    hints: [
      'Which call proves a key works without needing any permission?',
      '`aws iam create-access-key --user-name ana` prints the key ID and its secret — the only time AWS ever shows the secret.',
      "In this simulator `--profile ana` signs with ana's access key, as if you had saved it with `aws configure`.",
    ],
    solution: {
      steps: ['aws iam create-access-key --user-name ana', 'aws sts get-caller-identity --profile ana'],
      explanation:
        'An access key is a pair: the key ID (starting `AKIA`) names it, the secret signs requests. GetCallerIdentity needs no permission, so it is the safe way to test that a key you just made works.',
    },
    wrongAnswers: [
      {
        mistake: 'creates two keys "to be safe"',
        steps: [
          'aws iam create-access-key --user-name ana',
          'aws iam create-access-key --user-name ana',
          'aws sts get-caller-identity --profile ana',
        ],
        caughtBy: ['one-key'],
      },
      {
        mistake: 'creates the key but tests it without --profile, so the call is made as the default identity',
        steps: ['aws iam create-access-key --user-name ana', 'aws sts get-caller-identity'],
        caughtBy: ['used-key'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › ana › Security credentials › Create access key',
          service: 'iam',
          operation: 'CreateAccessKey',
          params: { UserName: 'ana' },
        },
        'aws sts get-caller-identity --profile ana',
      ],
    },
  },
  {
    id: 'rotate-key',
    title: 'Rotate a key without breaking anything',
    goal: 'The user `build` has had the same access key for two years. Rotate it: create a new key, deactivate the old one, and once nothing uses it, delete it. At the end `build` has one active key, and it works.',
    start: {
      world: { seed: 'lesson-02-rotate' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-user --user-name build',
        { run: 'aws iam create-access-key --user-name build', save: { OLD_KEY: 'AccessKey.AccessKeyId' } },
      ],
    },
    checks: [
      {
        id: 'deactivated-first',
        kind: 'order',
        label: 'the old key was deactivated before it was deleted',
        first:
          "eventName=='UpdateAccessKey' && requestParameters.accessKeyId=='{{OLD_KEY}}' && requestParameters.status=='Inactive' && errorCode == null",
        then: "eventName=='DeleteAccessKey' && requestParameters.accessKeyId=='{{OLD_KEY}}' && errorCode == null",
        failure:
          'the two-year-old key was not deactivated first and then deleted — deactivation is the step you can undo if something breaks',
      },
      {
        id: 'old-deleted',
        kind: 'command',
        label: 'the two-year-old key is gone',
        command: 'aws iam list-access-keys --user-name build --query "contains(AccessKeyMetadata[].AccessKeyId, \'{{OLD_KEY}}\')"',
        expect: { outcome: 'success', equals: false },
        failure: 'build still has the old key',
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
      'How many access keys may a user have at the same time — and why does that make rotation safe?',
      "Which key is the old one? `aws iam list-access-keys --user-name build` shows each key's ID and creation date.",
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
      explanation:
        "With two keys allowed per user, you switch applications to the new key first. Deactivating the old key is reversible: if something breaks you turn it back on. Only when nothing has failed do you delete it. `{{OLD_KEY}}` stands for the old key's ID. (CloudTrail keeps its records either way; the reason to deactivate first is that you can undo it.)",
    },
    wrongAnswers: [
      {
        mistake: 'rotates the new key: creates it, deactivates and deletes the new one, and the two-year-old key stays',
        steps: [
          { run: 'aws iam create-access-key --user-name build', save: { NEW_KEY: 'AccessKey.AccessKeyId' } },
          'aws iam update-access-key --user-name build --access-key-id {{NEW_KEY}} --status Inactive',
          'aws iam delete-access-key --user-name build --access-key-id {{NEW_KEY}}',
        ],
        caughtBy: ['deactivated-first', 'old-deleted'],
      },
      {
        mistake: 'deletes the old key without deactivating it, then toggles the new key off and on',
        steps: [
          { run: 'aws iam create-access-key --user-name build', save: { NEW_KEY: 'AccessKey.AccessKeyId' } },
          'aws iam delete-access-key --user-name build --access-key-id {{OLD_KEY}}',
          'aws iam update-access-key --user-name build --access-key-id {{NEW_KEY}} --status Inactive',
          'aws iam update-access-key --user-name build --access-key-id {{NEW_KEY}} --status Active',
        ],
        caughtBy: ['deactivated-first'],
      },
      {
        mistake: 'deactivates the old key but never deletes it',
        steps: [
          'aws iam create-access-key --user-name build',
          'aws iam update-access-key --user-name build --access-key-id {{OLD_KEY}} --status Inactive',
        ],
        caughtBy: ['old-deleted', 'one-active-key'],
      },
    ],
    consoleSolution: {
      steps: [
        {
          does: 'Users › build › Security credentials › Create access key',
          service: 'iam',
          operation: 'CreateAccessKey',
          params: { UserName: 'build' },
        },
        {
          does: 'Deactivate the older key (the one created first)',
          service: 'iam',
          operation: 'UpdateAccessKey',
          params: { UserName: 'build', AccessKeyId: '{{OLD_KEY}}', Status: 'Inactive' },
        },
        {
          does: 'Delete the inactive key',
          service: 'iam',
          operation: 'DeleteAccessKey',
          params: { UserName: 'build', AccessKeyId: '{{OLD_KEY}}' },
        },
      ],
    },
  },
]);
