/**
 * Exercises of lesson 16: account hygiene by doing — an account password policy, retiring access
 * keys nobody used for 90 days, and the documented self-service MFA policy. Sources: IAM User
 * Guide, "Set an account password policy for IAM users", "Update access keys" (last used
 * information, GetAccessKeyLastUsed), "AWS: Allows MFA-authenticated IAM users to manage their own
 * MFA device on the Security credentials page" (NotAction with BoolIfExists), "Security best
 * practices in IAM" (remove unused credentials). The credential report exercise is in credential-report.ts.
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { withPolicyFile } from '../../../src/course/policy-file.ts';
import { credentialReportExercise } from './credential-report.ts';

const strongPolicy =
  'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password --password-reuse-prevention 24';

const passwordPolicy = (query: string, equals: unknown, id: string, label: string, failure: string) => ({
  id,
  kind: 'command' as const,
  label,
  command: 'aws iam get-account-password-policy',
  expect: { outcome: 'success' as const, query, equals },
  failure,
});

/** Self-service MFA, after the AWS example policy (simplified to the CLI's needs). */
const forceMfa = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'], Resource: '*' },
    {
      Sid: 'AllowManageOwnVirtualMFADevice',
      Effect: 'Allow',
      Action: ['iam:CreateVirtualMFADevice'],
      Resource: 'arn:aws:iam::*:mfa/${aws:username}',
    },
    {
      Sid: 'AllowManageOwnUserMFA',
      Effect: 'Allow',
      Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: 'arn:aws:iam::*:user/${aws:username}',
    },
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: [
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:GetUser',
        'iam:ListMFADevices',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
        'sts:GetSessionToken',
      ],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
});

const ana = 'arn:aws:iam::{{accountId}}:user/ana';

export default defineExercises([
  {
    id: 'password-policy',
    title: 'Set the account password policy',
    goal: 'The account has no password policy, so IAM users may choose weak passwords — and, with no policy, may not change their own. Set one: at least 14 characters with upper- and lower-case letters, numbers and symbols; users may change their own password; the last 24 passwords may not be reused.',
    start: { world: { seed: 'lesson-16' }, steps: adminSessionSteps() },
    checks: [
      passwordPolicy(
        'PasswordPolicy.MinimumPasswordLength >= `14`',
        true,
        'length',
        'passwords have at least 14 characters',
        'the minimum length is below 14',
      ),
      passwordPolicy(
        '[PasswordPolicy.RequireSymbols, PasswordPolicy.RequireNumbers, PasswordPolicy.RequireUppercaseCharacters, PasswordPolicy.RequireLowercaseCharacters]',
        [true, true, true, true],
        'complexity',
        'passwords need symbols, numbers, upper- and lower-case letters',
        'not all four character kinds are required',
      ),
      passwordPolicy(
        'PasswordPolicy.AllowUsersToChangePassword',
        true,
        'self-change',
        'users may change their own password',
        'users may not change their own password — a forced reset would leave them stuck',
      ),
      passwordPolicy(
        'PasswordPolicy.PasswordReusePrevention >= `24`',
        true,
        'reuse',
        'the last 24 passwords may not be reused',
        'password reuse is not prevented for the last 24 passwords',
      ),
    ],
    hints: [
      'Is the password policy set per user, or once for the whole account?',
      '`aws iam update-account-password-policy` takes `--minimum-password-length`, `--require-symbols`, `--require-numbers`, `--require-uppercase-characters`, `--require-lowercase-characters`, `--allow-users-to-change-password` and `--password-reuse-prevention`.',
    ],
    solution: {
      steps: [strongPolicy],
      explanation:
        "The password policy is one setting for the whole account. `--allow-users-to-change-password` is the account-wide way to grant `iam:ChangePassword` on one's own user (lesson 2's trap). Every option you leave out of the command goes back to its default, so give them all at once.",
    },
    wrongAnswers: [
      {
        mistake: 'sets a minimum length of 8',
        steps: [strongPolicy.replace('--minimum-password-length 14', '--minimum-password-length 8')],
        caughtBy: ['length'],
      },
      {
        mistake: 'forgets --allow-users-to-change-password',
        steps: [strongPolicy.replace(' --allow-users-to-change-password', '')],
        caughtBy: ['self-change'],
      },
      {
        mistake: 'sets the options one command at a time (each call resets what it leaves out)',
        steps: [
          'aws iam update-account-password-policy --minimum-password-length 14',
          'aws iam update-account-password-policy --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters',
          'aws iam update-account-password-policy --allow-users-to-change-password --password-reuse-prevention 24',
        ],
        caughtBy: ['length', 'complexity'],
      },
    ],
  },
  {
    id: 'unused-keys',
    title: 'Retire keys nobody uses',
    goal: 'Three users have access keys. Find every key that has not been used in the last 90 days — including keys never used at all — and deactivate it. Keys in use must keep working.',
    start: {
      world: { seed: 'lesson-16-keys', now: '2026-06-01T09:00:00Z' },
      // The scene spans four months, longer than a session lasts, so the administrator session is
      // started at the end, when the learner arrives.
      steps: [
        'aws iam create-user --user-name build',
        { run: 'aws iam create-access-key --user-name build', save: { BUILD_KEY: 'AccessKey.AccessKeyId' } },
        'aws iam create-user --user-name reporter',
        { run: 'aws iam create-access-key --user-name reporter', save: { REPORTER_KEY: 'AccessKey.AccessKeyId' } },
        'aws iam create-user --user-name old-tool',
        { run: 'aws iam create-access-key --user-name old-tool', save: { OLD_TOOL_KEY: 'AccessKey.AccessKeyId' } },
        'aws sts get-caller-identity --profile old-tool',
        { advanceClock: 120 * 86400 },
        'aws sts get-caller-identity --profile build',
        { advanceClock: 86400 },
        ...adminSessionSteps(),
      ],
    },
    checks: [
      {
        id: 'build-active',
        kind: 'command',
        label: "build's key (used yesterday) still works",
        command: 'aws sts get-caller-identity --profile build',
        expect: { outcome: 'success' },
        failure: "build's key was switched off, but build used it yesterday",
      },
      {
        id: 'reporter-inactive',
        kind: 'command',
        label: "reporter's key (never used) is inactive",
        command: 'aws iam list-access-keys --user-name reporter --query "AccessKeyMetadata[?AccessKeyId==\'{{REPORTER_KEY}}\'].Status"',
        expect: { outcome: 'success', equals: ['Inactive'] },
        failure: "reporter's key has never been used and is still active",
      },
      {
        id: 'old-tool-inactive',
        kind: 'command',
        label: "old-tool's key (last used 121 days ago) is inactive",
        command: 'aws iam list-access-keys --user-name old-tool --query "AccessKeyMetadata[?AccessKeyId==\'{{OLD_TOOL_KEY}}\'].Status"',
        expect: { outcome: 'success', equals: ['Inactive'] },
        failure: "old-tool's key was last used four months ago and is still active",
      },
    ],
    hints: [
      'Where does IAM record when a key was last used, and what does it say for a key never used?',
      '`aws iam get-access-key-last-used --access-key-id KEY_ID`; the key IDs come from `aws iam list-access-keys --user-name NAME`.',
      'Deactivate, do not delete: `aws iam update-access-key --user-name NAME --access-key-id KEY_ID --status Inactive`. If something breaks, it can be turned back on.',
    ],
    solution: {
      steps: [
        'aws iam get-access-key-last-used --access-key-id {{BUILD_KEY}}',
        'aws iam get-access-key-last-used --access-key-id {{REPORTER_KEY}}',
        'aws iam get-access-key-last-used --access-key-id {{OLD_TOOL_KEY}}',
        'aws iam update-access-key --user-name reporter --access-key-id {{REPORTER_KEY}} --status Inactive',
        'aws iam update-access-key --user-name old-tool --access-key-id {{OLD_TOOL_KEY}} --status Inactive',
      ],
      explanation:
        "IAM keeps each key's last use (date, service, Region); a key never used shows no date at all. Keys unused for 90 days are the ones to switch off first — deactivated, so that a forgotten job that still needs one can be found and fixed, then deleted later. The credential report (next exercise) lists the same facts for every user at once.",
    },
    wrongAnswers: [
      {
        mistake: 'deactivates every key "to be safe"',
        steps: [
          'aws iam update-access-key --user-name build --access-key-id {{BUILD_KEY}} --status Inactive',
          'aws iam update-access-key --user-name reporter --access-key-id {{REPORTER_KEY}} --status Inactive',
          'aws iam update-access-key --user-name old-tool --access-key-id {{OLD_TOOL_KEY}} --status Inactive',
        ],
        caughtBy: ['build-active'],
      },
      {
        mistake: 'deactivates only the key that was never used',
        steps: ['aws iam update-access-key --user-name reporter --access-key-id {{REPORTER_KEY}} --status Inactive'],
        caughtBy: ['old-tool-inactive'],
      },
      {
        mistake: 'treats "used once" as "in use" and switches off only the long-unused key',
        steps: ['aws iam update-access-key --user-name old-tool --access-key-id {{OLD_TOOL_KEY}} --status Inactive'],
        caughtBy: ['reporter-inactive'],
      },
    ],
  },
  credentialReportExercise,
  {
    id: 'self-service-mfa',
    title: 'No MFA, no access — except setting up MFA',
    goal: 'Members of the group `Staff` (ana) read S3 through `AmazonS3ReadOnlyAccess`. Add an inline group policy `ForceMFA` so that, until they sign in with MFA, staff can do nothing except set up MFA on their *own* user — and with MFA everything they had works again.',
    start: {
      world: { seed: 'lesson-16-mfa' },
      steps: [
        ...adminSessionSteps(),
        'aws iam create-group --group-name Staff',
        'aws iam attach-group-policy --group-name Staff --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'aws iam create-user --user-name ana',
        'aws iam add-user-to-group --group-name Staff --user-name ana',
        'aws iam create-user --user-name bob',
      ],
    },
    checks: [
      {
        id: 'no-mfa-no-s3',
        kind: 'decision',
        label: 'without MFA, ana cannot list the buckets (explicitly denied)',
        principalArn: ana,
        action: 's3:ListAllMyBuckets',
        expect: 'explicitDeny',
        failure: 'ana can use S3 without MFA — or her request is only implicitly denied, which another allow could override',
      },
      {
        id: 'key-without-mfa-key',
        kind: 'decision',
        label: 'a request that says MFA was not used is denied too',
        principalArn: ana,
        action: 's3:ListAllMyBuckets',
        context: { 'aws:MultiFactorAuthPresent': ['false'] },
        expect: 'explicitDeny',
        failure: 'a session without MFA may use S3',
      },
      {
        id: 'with-mfa-s3',
        kind: 'decision',
        label: 'with MFA, ana can list the buckets again',
        principalArn: ana,
        action: 's3:ListAllMyBuckets',
        context: { 'aws:MultiFactorAuthPresent': ['true'] },
        expect: 'allowed',
        failure: 'even with MFA ana cannot use S3 — the Deny does not depend on MFA',
      },
      {
        id: 'own-device',
        kind: 'decision',
        label: 'without MFA, ana may create her own virtual MFA device',
        principalArn: ana,
        action: 'iam:CreateVirtualMFADevice',
        resource: 'arn:aws:iam::{{accountId}}:mfa/ana',
        expect: 'allowed',
        failure: 'ana cannot create her own MFA device, so she can never get out of the lock',
      },
      {
        id: 'own-enable',
        kind: 'decision',
        label: 'without MFA, ana may enable a device on her own user',
        principalArn: ana,
        action: 'iam:EnableMFADevice',
        resource: 'arn:aws:iam::{{accountId}}:user/ana',
        expect: 'allowed',
        failure: 'ana cannot enable MFA on her own user',
      },
      {
        id: 'not-bob',
        kind: 'decision',
        label: 'ana may not enable or remove devices on bob',
        principalArn: ana,
        action: 'iam:DeactivateMFADevice',
        resource: 'arn:aws:iam::{{accountId}}:user/bob',
        context: { 'aws:MultiFactorAuthPresent': ['true'] },
        expect: 'implicitDeny',
        failure: "ana may manage bob's MFA devices; scope the MFA actions to ${aws:username}",
      },
    ],
    hints: [
      'Which is safer for "everything except a few actions": an Allow with Action, or a Deny with NotAction?',
      'The Deny needs `BoolIfExists` on `aws:MultiFactorAuthPresent` with `false` (lesson 8), and NotAction lists the MFA set-up actions plus `sts:GetSessionToken`.',
      'Allow the MFA actions on `arn:aws:iam::*:mfa/${aws:username}` and `arn:aws:iam::*:user/${aws:username}` so each person manages only their own. Write it in the file editor below the exercise as `force-mfa.json` and attach it with `aws iam put-group-policy --group-name Staff --policy-name ForceMFA --policy-document file://force-mfa.json`.',
    ],
    solution: {
      steps: withPolicyFile(
        'force-mfa.json',
        forceMfa,
        (uri) => `aws iam put-group-policy --group-name Staff --policy-name ForceMFA --policy-document ${uri}`,
      ),
      explanation:
        'This is the shape of AWS\'s documented policy. The Deny with NotAction blocks everything except the MFA set-up actions while MFA is missing — BoolIfExists makes a request with no MFA information count as "not MFA". The Allows give each user the MFA actions on their own user and device only, through `${aws:username}`. Once signed in with MFA, the Deny no longer matches and AmazonS3ReadOnlyAccess decides again.',
    },
    wrongAnswers: [
      {
        mistake: 'uses Bool instead of BoolIfExists, so requests with no MFA information slip through',
        steps: [
          `aws iam put-group-policy --group-name Staff --policy-name ForceMFA --policy-document '${forceMfa.replace('BoolIfExists', 'Bool')}'`,
        ],
        caughtBy: ['no-mfa-no-s3'],
      },
      {
        mistake: 'allows the MFA actions on every user and device',
        steps: [
          `aws iam put-group-policy --group-name Staff --policy-name ForceMFA --policy-document '${forceMfa.replaceAll('${aws:username}', '*')}'`,
        ],
        caughtBy: ['not-bob'],
      },
      {
        mistake: 'denies everything without MFA, MFA set-up included',
        steps: [
          `aws iam put-group-policy --group-name Staff --policy-name ForceMFA --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}'`,
        ],
        caughtBy: ['own-device', 'own-enable'],
      },
    ],
  },
]);
