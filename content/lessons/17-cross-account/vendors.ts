/**
 * Lesson 17's last two exercises: deputies. A vendor role guarded by the external ID the vendor
 * generated (IAM User Guide, "Access to AWS resources owned by third parties"), and a function
 * policy for the S3 service principal pinned with aws:SourceArn and aws:SourceAccount (IAM User
 * Guide, "The confused deputy problem"; Lambda Developer Guide, "Granting function access to AWS
 * services").
 */
import type { ExerciseInput } from '../../../src/course/exercise.ts';
import { analyticsAs, file } from './world.ts';

const vendorTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::{{VENDOR}}:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'cc-4f7a9e21-acme' } },
    },
  ],
};

const vendorAssume = (profile: string, externalId?: string) =>
  `aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/CloudCostAudit --role-session-name audit${externalId ? ` --external-id ${externalId}` : ''} --profile ${profile}`;

/** `aws lambda get-policy` on thumbnailer, asking whether its policy text contains a JMESPath raw string. */
const getPolicy = (raw: string) =>
  `aws lambda get-policy --function-name thumbnailer --query "contains(Policy, ${raw.replace(/"/g, '\\"')})"`;

/** The vendor and service exercises, in order. */
export const vendorExercises: ExerciseInput[] = [
  {
    id: 'vendor-external-id',
    title: 'A vendor role with an external ID',
    goal: "The cost-monitoring vendor CloudCost is not part of your organization. Its onboarding page is in the file `cloudcost-onboarding.txt` (`cat cloudcost-onboarding.txt`): CloudCost's account ID, and the external ID CloudCost generated for you. Create the role `CloudCostAudit` that CloudCost's account may assume only with that external ID, and attach the AWS managed policy `ReadOnlyAccess`. (The profile `cloudcost` plays CloudCost's scanner.)",
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 'vendor-assumes',
        kind: 'command',
        label: 'CloudCost assumes CloudCostAudit with its external ID',
        command: vendorAssume('cloudcost', 'cc-4f7a9e21-acme'),
        expect: { outcome: 'success' },
        failure:
          "CloudCost cannot assume CloudCostAudit with its external ID — does the trust policy name CloudCost's account and the exact external ID from the onboarding file?",
      },
      {
        id: 'no-id-refused',
        kind: 'command',
        label: 'without the external ID, CloudCost is refused',
        command: vendorAssume('cloudcost'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure: 'CloudCost can assume the role without the external ID — add the sts:ExternalId condition',
      },
      {
        id: 'other-account-refused',
        kind: 'command',
        label: 'another account that knows the external ID (analytics) is refused',
        setup: analyticsAs('probe'),
        command: vendorAssume('probe', 'cc-4f7a9e21-acme'),
        expect: { outcome: 'failure', errorCode: 'AccessDenied' },
        failure:
          "an account other than CloudCost's can assume the role with the external ID — the external ID is not a secret, so the principal must be CloudCost's account",
      },
      {
        id: 'audit-permissions',
        kind: 'command',
        label: 'the role has ReadOnlyAccess attached',
        command:
          'aws iam list-attached-role-policies --role-name CloudCostAudit --query "AttachedPolicies[?PolicyName==\'ReadOnlyAccess\'] | length(@)"',
        expect: { outcome: 'success', equals: 1 },
        failure: 'CloudCostAudit does not have the AWS managed policy ReadOnlyAccess attached',
      },
    ],
    hints: [
      'Who made up the external ID, and why is knowing it not enough to get in?',
      'The trust statement names `arn:aws:iam::VENDOR_ID:root` and adds `"Condition": {"StringEquals": {"sts:ExternalId": "THE_ID"}}`.',
      'Then `aws iam create-role --role-name CloudCostAudit --assume-role-policy-document file://cloudcost-trust.json` and `aws iam attach-role-policy --role-name CloudCostAudit --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`.',
    ],
    solution: {
      steps: [
        file('cloudcost-trust.json', vendorTrust),
        'aws iam create-role --role-name CloudCostAudit --assume-role-policy-document file://cloudcost-trust.json',
        'aws iam attach-role-policy --role-name CloudCostAudit --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
      ],
      explanation:
        "The external ID protects you from the confused deputy: CloudCost assumes roles for many customers, and another customer could type your role's ARN into CloudCost's form. CloudCost generates a unique ID per customer and always sends it, so that role ARN alone gets nobody in. It is not a secret — it sits in CloudCost's console — which is why the principal must still be CloudCost's own account.",
    },
    wrongAnswers: [
      {
        mistake: 'trusts CloudCost without the external ID condition',
        steps: [
          file('cloudcost-trust.json', { ...vendorTrust, Statement: [{ ...vendorTrust.Statement[0], Condition: undefined }] }),
          'aws iam create-role --role-name CloudCostAudit --assume-role-policy-document file://cloudcost-trust.json',
          'aws iam attach-role-policy --role-name CloudCostAudit --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
        caughtBy: ['no-id-refused'],
      },
      {
        mistake: 'trusts any account that sends the external ID, as if it were a password',
        steps: [
          file('cloudcost-trust.json', { ...vendorTrust, Statement: [{ ...vendorTrust.Statement[0], Principal: { AWS: '*' } }] }),
          'aws iam create-role --role-name CloudCostAudit --assume-role-policy-document file://cloudcost-trust.json',
          'aws iam attach-role-policy --role-name CloudCostAudit --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
        caughtBy: ['other-account-refused'],
      },
      {
        mistake: 'makes up an external ID of its own instead of using the one CloudCost generated',
        steps: [
          file('cloudcost-trust.json', vendorTrust, (text) => text.replace('cc-4f7a9e21-acme', 'my-secret-id-2026')),
          'aws iam create-role --role-name CloudCostAudit --assume-role-policy-document file://cloudcost-trust.json',
          'aws iam attach-role-policy --role-name CloudCostAudit --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
        ],
        caughtBy: ['vendor-assumes'],
      },
    ],
  },
  {
    id: 'service-deputy',
    title: 'Let S3 invoke a function, only for your bucket',
    goal: 'The function `thumbnailer` must run whenever an object lands in your bucket `dojo-uploads`, so S3 needs permission to invoke it. Give it with `aws lambda add-permission` — but S3 is a deputy that works for every AWS customer: a statement that names only `s3.amazonaws.com` lets any bucket, in any account, trigger your function. Allow S3 to invoke thumbnailer only on behalf of `dojo-uploads` in your own account.',
    start: { continueFromPrevious: true },
    checks: [
      {
        id: 's3-may-invoke',
        kind: 'command',
        label: 'the function policy lets the S3 service principal invoke thumbnailer',
        command: `${getPolicy('\'"Service":"s3.amazonaws.com"\'')}`,
        expect: { outcome: 'success', equals: true },
        failure:
          'the function policy does not let s3.amazonaws.com invoke thumbnailer — add a permission with --principal s3.amazonaws.com',
      },
      {
        id: 'source-bucket',
        kind: 'command',
        label: 'only on behalf of the bucket dojo-uploads (aws:SourceArn)',
        command: `${getPolicy('\'"AWS:SourceArn":"arn:aws:s3:::dojo-uploads"\'')}`,
        expect: { outcome: 'success', equals: true },
        failure: 'the permission does not name the bucket — without --source-arn any bucket can trigger thumbnailer',
      },
      {
        id: 'source-account',
        kind: 'command',
        label: 'only on behalf of your own account (aws:SourceAccount)',
        command: `${getPolicy('\'"AWS:SourceAccount":"{{accountId}}"\'')}`,
        expect: { outcome: 'success', equals: true },
        failure:
          'the permission does not pin your account — bucket names can be taken by anyone once deleted, so add --source-account with your account ID',
      },
      {
        id: 'no-open-statement',
        kind: 'command',
        label: 'no statement lets everyone invoke thumbnailer',
        command: `${getPolicy('\'"Principal":"*"\'')}`,
        expect: { outcome: 'success', equals: false },
        failure:
          'thumbnailer has no function policy yet, or a statement in it lets any principal invoke the function — remove that one with aws lambda remove-permission',
      },
    ],
    hints: [
      'When S3 invokes your function, whose request is it — and how would the function policy tell your bucket from somebody else’s?',
      '`aws lambda add-permission --function-name thumbnailer --statement-id s3-uploads --action lambda:InvokeFunction --principal s3.amazonaws.com` writes the statement; two more options add the conditions.',
      '`--source-arn arn:aws:s3:::dojo-uploads` becomes `ArnLike aws:SourceArn`, `--source-account 111122223333` becomes `StringEquals aws:SourceAccount`. `aws lambda get-policy --function-name thumbnailer` shows the result.',
    ],
    solution: {
      steps: [
        'aws lambda add-permission --function-name thumbnailer --statement-id s3-uploads --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::dojo-uploads --source-account {{accountId}}',
      ],
      explanation:
        "A service principal such as s3.amazonaws.com acts for every customer. The conditions say for whom it may act here: `aws:SourceArn` (the bucket the event came from) and `aws:SourceAccount` (the account that owns it — an S3 ARN has no account ID, and a deleted bucket name can be claimed by another account). AWS recommends both in resource policies that name service principals, and in service roles' trust policies.",
    },
    wrongAnswers: [
      {
        mistake: 'names only the service principal, with no source conditions',
        steps: [
          'aws lambda add-permission --function-name thumbnailer --statement-id s3-uploads --action lambda:InvokeFunction --principal s3.amazonaws.com',
        ],
        caughtBy: ['source-bucket', 'source-account'],
      },
      {
        mistake: 'pins the bucket but not the account',
        steps: [
          'aws lambda add-permission --function-name thumbnailer --statement-id s3-uploads --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::dojo-uploads',
        ],
        caughtBy: ['source-account'],
      },
      {
        mistake: 'lets everyone invoke the function, so that S3 surely can',
        steps: [
          'aws lambda add-permission --function-name thumbnailer --statement-id anyone --action lambda:InvokeFunction --principal "*"',
        ],
        caughtBy: ['s3-may-invoke', 'no-open-statement'],
      },
    ],
  },
];
