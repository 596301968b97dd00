/**
 * Exercises of lesson 17: access across accounts, on real accounts of the world's organization —
 * a role another account may assume, the caller's half of the rule, a bucket shared with one user
 * of another account, and a vendor role guarded by the external ID the vendor generated. Sources:
 * IAM User Guide, "Cross-account policy evaluation logic", "IAM tutorial: Delegate access across
 * AWS accounts using IAM roles", "Access to AWS resources owned by third parties" (external ID),
 * "The confused deputy problem"; S3 User Guide, "Blocking public access to your Amazon S3 storage";
 * AWS CLI User Guide, "Use an IAM role in the AWS CLI" (role profiles).
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import { defineExercises } from '../../../src/course/exercise.ts';
import { vendorExercises } from './vendors.ts';
import { file, roleProfile, worldSteps } from './world.ts';

const reportsRole = 'arn:aws:iam::{{accountId}}:role/ReportsReader';

const trustAnalytics = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{ANALYTICS}}:root' }, Action: 'sts:AssumeRole' }],
};

const readReports = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-reports' },
    { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' },
  ],
};

const eliMayAssume = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: reportsRole }],
};

const exportsForDana = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DanaReadsDaily',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::{{ANALYTICS}}:user/dana' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::dojo-exports/daily/*',
    },
  ],
};

const danaReadsExports = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-exports/daily/*' }],
};

/** Writes the trust and permissions files, then creates ReportsReader from them. */
const createReportsReader = (trust: unknown = trustAnalytics, permissions: unknown = readReports) => [
  file('trust.json', trust),
  file('read-reports.json', permissions),
  'aws iam create-role --role-name ReportsReader --assume-role-policy-document file://trust.json',
  'aws iam put-role-policy --role-name ReportsReader --policy-name ReadReports --policy-document file://read-reports.json',
];

const analyticsProfile = [
  'aws configure set role_arn arn:aws:iam::{{ANALYTICS}}:role/OrganizationAccountAccessRole --profile analytics',
  'aws configure set source_profile default --profile analytics',
];

const readQ3 = (profile: string) => `aws s3api get-object --bucket dojo-reports --key reports/q3.csv q3-copy.csv --profile ${profile}`;

export default defineExercises([
  {
    id: 'trust-analytics',
    title: 'Open a role to the analytics account',
    goal: 'Your organization has a second account, `analytics` (find its ID with `aws organizations list-accounts`). Its analysts need to read the bucket `dojo-reports` in your account. Create the role `ReportsReader` in your account: its trust policy lets the analytics account assume it, and its permissions let it list `dojo-reports` and read its objects — nothing else. Write both policies in the file editor (for example `trust.json` and `read-reports.json`) and use them with `file://`. The analyst `dana` (profile `dana`) already may assume it from her side.',
    start: { world: { seed: 'lesson-17' }, steps: [...adminSessionSteps(), ...worldSteps()] },
    checks: [
      {
        id: 'dana-reads',
        kind: 'command',
        label: 'dana, from the analytics account, reads reports/q3.csv through ReportsReader',
        setup: roleProfile('dana-reports', reportsRole, 'dana'),
        command: readQ3('dana-reports'),
        expect: { outcome: 'success' },
        failure:
          "dana cannot read the report through ReportsReader — does the role exist, trust the analytics account's ID, and allow s3:GetObject on dojo-reports/*?",
      },
      {
        id: 'dana-cannot-write',
        kind: 'command',
        label: 'through ReportsReader, dana cannot overwrite the report',
        setup: roleProfile('dana-reports', reportsRole, 'dana'),
        command: 'aws s3api put-object --bucket dojo-reports --key reports/q3.csv --body q3.csv --profile dana-reports',
        expect: { outcome: 'failure' },
        failure: 'through ReportsReader, dana can overwrite the report — the role must only read',
      },
      {
        id: 'role-read-only',
        kind: 'policyScope',
        label: 'ReportsReader grants nothing beyond listing and reading dojo-reports',
        principalArn: reportsRole,
        relation: 'within',
        reference: readReports,
        failure: 'ReportsReader can do more than list dojo-reports and read its objects',
      },
      {
        id: 'stranger-refused',
        kind: 'command',
        label: 'an account outside the organization (the vendor CloudCost) cannot assume ReportsReader',
        command: `aws sts assume-role --role-arn ${reportsRole} --role-session-name try --profile cloudcost`,
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure:
          'an account that is not analytics can assume ReportsReader — the trust policy must name the analytics account, not everyone',
      },
    ],
    hints: [
      "Who is the principal of the trust policy: dana herself, or the account she belongs to? And which account's ID goes into it?",
      'Trust: `"Principal": {"AWS": "arn:aws:iam::ANALYTICS_ID:root"}` with `"Action": "sts:AssumeRole"`. Permissions: `s3:ListBucket` on `arn:aws:s3:::dojo-reports` and `s3:GetObject` on `arn:aws:s3:::dojo-reports/*`.',
      'Save both files in the editor, then `aws iam create-role --role-name ReportsReader --assume-role-policy-document file://trust.json` and `aws iam put-role-policy --role-name ReportsReader --policy-name ReadReports --policy-document file://read-reports.json`.',
    ],
    solution: {
      steps: createReportsReader(),
      explanation:
        '`arn:aws:iam::ANALYTICS_ID:root` in a trust policy means the analytics account — not its root user: the account then decides with its own identity policies which of its people may assume the role. dana can, because her own policy allows sts:AssumeRole on ReportsReader; that is the other half, in the next exercise. The permissions are an inline policy on the role, so nothing else in your account depends on them.',
    },
    wrongAnswers: [
      {
        mistake: 'trusts everyone (`"AWS": "*"`) so that analytics surely gets in',
        steps: createReportsReader({
          ...trustAnalytics,
          Statement: [{ ...trustAnalytics.Statement[0], Principal: { AWS: '*' } }],
        }),
        caughtBy: ['stranger-refused'],
      },
      {
        mistake: 'attaches AmazonS3ReadOnlyAccess instead of a policy for the one bucket',
        steps: [
          file('trust.json', trustAnalytics),
          'aws iam create-role --role-name ReportsReader --assume-role-policy-document file://trust.json',
          'aws iam attach-role-policy --role-name ReportsReader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        ],
        caughtBy: ['role-read-only'],
      },
      {
        mistake: "puts the own account's ID in the trust policy",
        steps: createReportsReader({
          ...trustAnalytics,
          Statement: [{ ...trustAnalytics.Statement[0], Principal: { AWS: 'arn:aws:iam::{{accountId}}:root' } }],
        }),
        caughtBy: ['dana-reads'],
      },
      {
        mistake: 'grants s3:* on the bucket, so the role can overwrite reports',
        steps: createReportsReader(trustAnalytics, {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::dojo-reports', 'arn:aws:s3:::dojo-reports/*'] }],
        }),
        caughtBy: ['dana-cannot-write', 'role-read-only'],
      },
    ],
  },
  {
    id: 'caller-side',
    title: "The other half: the caller's own policy",
    goal: "A second analyst, `eli` (profile `eli`), cannot assume ReportsReader yet: the trust policy lets the analytics account in, but inside analytics nothing allows eli to call sts:AssumeRole. Add a role profile `analytics` to your CLI configuration that opens the analytics account's `OrganizationAccountAccessRole` from your `default` session, and use it to give eli permission to assume ReportsReader — that role only, nothing else.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'profile-works',
        kind: 'command',
        label: 'the profile analytics signs you in to the analytics account as OrganizationAccountAccessRole',
        command: 'aws sts get-caller-identity --profile analytics',
        expect: { outcome: 'success', query: "contains(Arn, ':assumed-role/OrganizationAccountAccessRole/')", equals: true },
        failure: 'the profile analytics does not open OrganizationAccountAccessRole — it needs role_arn and source_profile default',
      },
      {
        id: 'eli-reads',
        kind: 'command',
        label: 'eli reads reports/q3.csv through ReportsReader',
        setup: roleProfile('eli-reports', reportsRole, 'eli'),
        command: readQ3('eli-reports'),
        expect: { outcome: 'success' },
        failure: 'eli still cannot assume ReportsReader — an identity policy in the analytics account must allow him sts:AssumeRole on it',
      },
      {
        id: 'eli-nothing-else',
        kind: 'command',
        label: 'eli still cannot list the buckets of the analytics account',
        command: 'aws s3api list-buckets --profile eli',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'eli can do more than assume ReportsReader — give him that one action on that one role',
      },
      {
        id: 'eli-not-admin',
        kind: 'command',
        label: 'eli cannot manage users in the analytics account',
        command: 'aws iam list-users --profile eli',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'eli can list the users of the analytics account — his policy is far broader than sts:AssumeRole on ReportsReader',
      },
    ],
    hints: [
      'Which account must allow eli to make the call: the one that owns the role, or the one eli belongs to?',
      'A role profile is two settings: `aws configure set role_arn arn:aws:iam::ANALYTICS_ID:role/OrganizationAccountAccessRole --profile analytics` and `aws configure set source_profile default --profile analytics`.',
      'Write `assume-reports.json` allowing `sts:AssumeRole` on `arn:aws:iam::111122223333:role/ReportsReader`, then `aws iam put-user-policy --user-name eli --policy-name AssumeReports --policy-document file://assume-reports.json --profile analytics`.',
    ],
    solution: {
      steps: [
        ...analyticsProfile,
        file('assume-reports.json', eliMayAssume),
        'aws iam put-user-policy --user-name eli --policy-name AssumeReports --policy-document file://assume-reports.json --profile analytics',
      ],
      explanation:
        "Across accounts both sides must allow: the role's trust policy (your account's side) and the caller's identity policy (the analytics account's side). Naming eli in your trust policy would not help — his own account still has to allow him the call. The profile `analytics` is how the CLI switches accounts: it calls AssumeRole with the `default` session whenever you use `--profile analytics`.",
    },
    wrongAnswers: [
      {
        mistake: "names eli in ReportsReader's trust policy instead of giving him an identity policy",
        steps: [
          ...analyticsProfile,
          file('trust.json', {
            ...trustAnalytics,
            Statement: [{ ...trustAnalytics.Statement[0], Principal: { AWS: 'arn:aws:iam::{{ANALYTICS}}:user/eli' } }],
          }),
          'aws iam update-assume-role-policy --role-name ReportsReader --policy-document file://trust.json',
        ],
        caughtBy: ['eli-reads'],
      },
      {
        mistake: 'gives eli AdministratorAccess in the analytics account',
        steps: [
          ...analyticsProfile,
          'aws iam attach-user-policy --user-name eli --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile analytics',
        ],
        caughtBy: ['eli-nothing-else', 'eli-not-admin'],
      },
      {
        mistake: 'writes the policy without --profile, so it lands on a new user eli in your own account',
        steps: [
          ...analyticsProfile,
          file('assume-reports.json', eliMayAssume),
          'aws iam create-user --user-name eli',
          'aws iam put-user-policy --user-name eli --policy-name AssumeReports --policy-document file://assume-reports.json',
        ],
        caughtBy: ['eli-reads'],
      },
    ],
  },
  {
    id: 'share-bucket',
    title: 'Share a bucket with one user of another account',
    goal: "dana also needs the files under `daily/` in your bucket `dojo-exports`, with her own credentials and no role. Give her that with a bucket policy that names her, and only her — other people in the analytics account (such as `intern`, whose own policy allows s3:GetObject everywhere) must stay out. She may only download from `daily/`. Remember the other half: in the analytics account, dana's own policy has to allow it too (use your profile `analytics`). Your account blocks public access for all its buckets (`aws s3control get-public-access-block --account-id 111122223333`); keep it that way.",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'dana-downloads',
        kind: 'command',
        label: 'dana downloads daily/2026-03-01.csv with her own credentials',
        command: 'aws s3api get-object --bucket dojo-exports --key daily/2026-03-01.csv daily.csv --profile dana',
        expect: { outcome: 'success' },
        failure:
          'dana cannot download daily/2026-03-01.csv — across accounts both the bucket policy and her identity policy must allow s3:GetObject',
      },
      {
        id: 'intern-refused',
        kind: 'command',
        label: 'intern, in the same analytics account, cannot download it',
        command: 'aws s3api get-object --bucket dojo-exports --key daily/2026-03-01.csv daily.csv --profile intern',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure:
          "intern can download the export — the bucket policy lets in more than dana (naming the account's root lets in everyone the account allows)",
      },
      {
        id: 'dana-cannot-delete',
        kind: 'command',
        label: 'dana cannot delete the export',
        command: 'aws s3api delete-object --bucket dojo-exports --key daily/2026-03-01.csv --profile dana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'dana can delete exports — the bucket policy should allow only s3:GetObject',
      },
      {
        id: 'account-block-on',
        kind: 'command',
        label: "your account's S3 Block Public Access is still fully on",
        command: 'aws s3control get-public-access-block --account-id {{accountId}}',
        expect: {
          outcome: 'success',
          query: 'PublicAccessBlockConfiguration.[BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets]',
          equals: [true, true, true, true],
        },
        failure: "your account's Block Public Access is no longer fully on — sharing with one person never needs a public bucket",
      },
      {
        id: 'secret-stays',
        kind: 'command',
        label: 'dana cannot read outside daily/ (finance/salaries.csv)',
        command: 'aws s3api get-object --bucket dojo-exports --key finance/salaries.csv s.csv --profile dana',
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'dana can read finance/salaries.csv — limit the Resource to arn:aws:s3:::dojo-exports/daily/*',
      },
    ],
    hints: [
      'Which two policies decide a cross-account S3 request, and in which accounts do they live?',
      'Bucket policy: `"Principal": {"AWS": "arn:aws:iam::ANALYTICS_ID:user/dana"}`, `"Action": "s3:GetObject"`, `"Resource": "arn:aws:s3:::dojo-exports/daily/*"`; apply it with `aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json`.',
      "dana's side: a policy allowing `s3:GetObject` on `arn:aws:s3:::dojo-exports/daily/*`, put on her with `aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics`.",
    ],
    solution: {
      steps: [
        file('exports-policy.json', exportsForDana),
        'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
        file('dana-exports.json', danaReadsExports),
        'aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics',
      ],
      explanation:
        'In one account, an identity policy or a resource policy is enough; across accounts, both must allow. The bucket policy names dana\'s user ARN, so intern — whose own policy allows everything — is still refused. Naming `arn:aws:iam::ANALYTICS_ID:root` would trust the whole account to decide, and its administrators could then let anyone in. `"Principal": "*"` would make the bucket public: S3 Block Public Access, on for every new bucket since April 2023, refuses such a policy with 403.',
    },
    wrongAnswers: [
      {
        mistake: "names the analytics account's root, which lets in everyone the account allows",
        steps: [
          file('exports-policy.json', {
            ...exportsForDana,
            Statement: [{ ...exportsForDana.Statement[0], Principal: { AWS: 'arn:aws:iam::{{ANALYTICS}}:root' } }],
          }),
          'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
          file('dana-exports.json', danaReadsExports),
          'aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics',
        ],
        caughtBy: ['intern-refused'],
      },
      {
        mistake: 'writes a public bucket policy (`"Principal": "*"`), which Block Public Access refuses',
        steps: [
          file('exports-policy.json', { ...exportsForDana, Statement: [{ ...exportsForDana.Statement[0], Principal: '*' }] }),
          'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
          file('dana-exports.json', danaReadsExports),
          'aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics',
        ],
        caughtBy: ['dana-downloads'],
      },
      {
        mistake: "turns off the account's Block Public Access so that a public policy goes through",
        steps: [
          'aws s3control delete-public-access-block --account-id {{accountId}}',
          file('exports-policy.json', { ...exportsForDana, Statement: [{ ...exportsForDana.Statement[0], Principal: '*' }] }),
          'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
          file('dana-exports.json', danaReadsExports),
          'aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics',
        ],
        caughtBy: ['account-block-on', 'intern-refused'],
      },
      {
        mistake: "writes only the bucket policy and forgets dana's own side",
        steps: [
          file('exports-policy.json', exportsForDana),
          'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
        ],
        caughtBy: ['dana-downloads'],
      },
      {
        mistake: 'shares the whole bucket with s3:* for dana',
        steps: [
          file('exports-policy.json', {
            ...exportsForDana,
            Statement: [{ ...exportsForDana.Statement[0], Action: 's3:*', Resource: 'arn:aws:s3:::dojo-exports/*' }],
          }),
          'aws s3api put-bucket-policy --bucket dojo-exports --policy file://exports-policy.json',
          file('dana-exports.json', { ...danaReadsExports, Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
          'aws iam put-user-policy --user-name dana --policy-name ReadExports --policy-document file://dana-exports.json --profile analytics',
        ],
        caughtBy: ['dana-cannot-delete', 'secret-stays'],
      },
    ],
  },
  ...vendorExercises,
]);
