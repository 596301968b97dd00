/**
 * Lesson 16's credential report exercise: read the account's credential report and act on its
 * finding "a console password without MFA". Sources: IAM User Guide, "Generate credential reports
 * for your AWS account" (id_credentials_getting-report.html: columns password_enabled and
 * mfa_active, the four-hour rule, iam:GenerateCredentialReport / iam:GetCredentialReport), "Manage
 * passwords for IAM users" (deleting a user's password removes console sign-in; the access keys stay).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import type { ExerciseInput } from '../../../src/course/exercise.ts';

const password = (user: string) => `aws iam create-login-profile --user-name ${user} --password 'Dojo-${user}-Start-Passw0rd!'`;
const readReport = ['aws iam generate-credential-report', 'aws iam get-credential-report --query Content --output text | base64 -d'];

const noPassword = (user: string, why: string) => ({
  id: `${user}-no-password`,
  kind: 'command' as const,
  label: `${user} (a password, no MFA) can no longer sign in to the console`,
  command: `aws iam get-login-profile --user-name ${user}`,
  expect: { outcome: 'failure' as const, errorCode: 'NoSuchEntity' },
  failure: `${user} still has a console password and no MFA device — ${why}`,
});

/** The exercise: its start builds five users whose credentials differ in the ways the report shows. */
export const credentialReportExercise: ExerciseInput = {
  id: 'credential-report',
  title: 'Passwords without MFA, from the credential report',
  goal: 'Five people and tools have credentials in this account. Generate the credential report, read it, and find every user who has a console password but no MFA device. Remove their console password (`aws iam delete-login-profile`) until they set up MFA; leave everyone else as they are.',
  start: {
    world: { seed: 'lesson-16-report' },
    steps: [
      ...adminSessionSteps(),
      'aws iam create-user --user-name ana',
      password('ana'),
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name ana --outfile ana-mfa-seed.txt --bootstrap-method Base32StringSeed',
      'aws iam enable-mfa-device --user-name ana --serial-number arn:aws:iam::{{accountId}}:mfa/ana --authentication-code1 {{totp:ana-mfa-seed.txt:-30}} --authentication-code2 {{totp:ana-mfa-seed.txt}}',
      'rm ana-mfa-seed.txt',
      'aws iam create-user --user-name carl',
      password('carl'),
      'aws iam create-user --user-name deploy-bot',
      'aws iam create-access-key --user-name deploy-bot',
      'aws iam create-user --user-name erin',
      password('erin'),
      'aws iam create-access-key --user-name erin',
      'aws iam create-user --user-name lee',
    ],
  },
  checks: [
    {
      id: 'read-report',
      kind: 'trail',
      label: 'you read the credential report (GetCredentialReport in CloudTrail)',
      query: "length(Records[?eventName=='GetCredentialReport' && errorCode==null])",
      atLeast: 1,
      failure: 'the trail has no successful GetCredentialReport yet — generate the report, then get it',
    },
    noPassword('carl', 'the report shows password_enabled true and mfa_active false'),
    noPassword('erin', 'her access key is not the finding: her password is'),
    {
      id: 'ana-keeps-password',
      kind: 'command',
      label: 'ana, who signs in with MFA, keeps her password',
      command: 'aws iam get-login-profile --user-name ana',
      expect: { outcome: 'success' },
      failure: "ana's password was removed, but her row says mfa_active true",
    },
    {
      id: 'erin-key-works',
      kind: 'command',
      label: "erin's access key still works (the finding is about console sign-in)",
      command: 'aws sts get-caller-identity --profile erin',
      expect: { outcome: 'success' },
      failure: "erin's access key no longer works; the report's MFA finding is about her console password",
    },
  ],
  hints: [
    'Which one file lists, for every user, whether they have a password and whether MFA is active?',
    '`aws iam generate-credential-report`, then `aws iam get-credential-report`: the report is the base64 `Content`. `--query Content --output text | base64 -d` shows the CSV.',
    'Look for rows whose `password_enabled` is `true` and `mfa_active` is `false`; `aws iam delete-login-profile --user-name NAME` removes that password.',
  ],
  solution: {
    steps: [...readReport, 'aws iam delete-login-profile --user-name carl', 'aws iam delete-login-profile --user-name erin'],
    explanation:
      "The credential report has a row per user (and one for the root user): `password_enabled` and `mfa_active` side by side show who signs in with a password alone — carl and erin. ana has MFA; deploy-bot and lee have no password at all. Removing a password ends console sign-in and leaves access keys alone. A report is generated at most once every four hours, so a report you generate again right away still shows carl's and erin's passwords: check the world (here, `get-login-profile`), not the old report.",
  },
  wrongAnswers: [
    {
      mistake: 'removes the password of everyone who has one, MFA or not',
      steps: [
        ...readReport,
        'aws iam delete-login-profile --user-name ana',
        'aws iam delete-login-profile --user-name carl',
        'aws iam delete-login-profile --user-name erin',
      ],
      caughtBy: ['ana-keeps-password'],
    },
    {
      mistake: 'stops at the first row it finds',
      steps: [...readReport, 'aws iam delete-login-profile --user-name carl'],
      caughtBy: ['erin-no-password'],
    },
    {
      mistake: "switches off erin's access key instead of her password",
      steps: [
        ...readReport,
        'aws iam delete-login-profile --user-name carl',
        {
          run: 'aws iam list-access-keys --user-name erin',
          save: { ERIN_KEY: 'AccessKeyMetadata[0].AccessKeyId' },
        },
        'aws iam update-access-key --user-name erin --access-key-id {{ERIN_KEY}} --status Inactive',
      ],
      caughtBy: ['erin-no-password', 'erin-key-works'],
    },
    {
      mistake: 'acts on what it remembers without reading the report',
      steps: ['aws iam delete-login-profile --user-name carl', 'aws iam delete-login-profile --user-name erin'],
      caughtBy: ['read-report'],
    },
  ],
};
