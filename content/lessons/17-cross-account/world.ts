/**
 * The world of lesson 17: your account is the management account of an organization with a member
 * account `analytics` (created with CreateAccount, so it has OrganizationAccountAccessRole), and the
 * vendor CloudCost's account, which was created in the organization and then removed from it —
 * a standalone account of its own. The set-up reaches the other accounts with temporary
 * credentials of OrganizationAccountAccessRole passed as environment variables, so the learner's
 * CLI configuration holds only the analysts' and the vendor's own keys (their "laptops").
 */
import type { ExerciseInput } from '../../../src/course/exercise.ts';
import { policyFileText } from '../../../src/course/policy-file.ts';

type Step = NonNullable<Extract<ExerciseInput['start'], { world: unknown }>['steps']>[number];

/** A step that saves a policy file as the file editor does (pretty-printed), for `file://NAME`. */
export function file(name: string, document: object, edit: (text: string) => string = (t) => t): Step {
  return { writeFile: name, text: edit(policyFileText(document)) };
}

/** Steps that add a role profile (role_arn + source_profile) to the CLI configuration. */
export function roleProfile(profile: string, roleArn: string, source: string): Step[] {
  return [`aws configure set role_arn ${roleArn} --profile ${profile}`, `aws configure set source_profile ${source} --profile ${profile}`];
}

/** A role profile into the analytics account's OrganizationAccountAccessRole, from the default session. */
export function analyticsAs(profile: string): Step[] {
  return roleProfile(profile, 'arn:aws:iam::{{ANALYTICS}}:role/OrganizationAccountAccessRole', 'default');
}

/** A command run in another account with the credentials saved under `prefix` (`{{A_KEY}}` …). */
function inAccount(prefix: string, line: string): string {
  return `AWS_ACCESS_KEY_ID={{${prefix}_KEY}} AWS_SECRET_ACCESS_KEY={{${prefix}_SECRET}} AWS_SESSION_TOKEN={{${prefix}_TOKEN}} ${line}`;
}

function enterAccount(prefix: string, account: string): Step {
  return {
    run: `aws sts assume-role --role-arn arn:aws:iam::{{${account}}}:role/OrganizationAccountAccessRole --role-session-name setup`,
    save: {
      [`${prefix}_KEY`]: 'Credentials.AccessKeyId',
      [`${prefix}_SECRET`]: 'Credentials.SecretAccessKey',
      [`${prefix}_TOKEN`]: 'Credentials.SessionToken',
    },
  };
}

function createAccount(name: string, variable: string): Step[] {
  const request = `${variable}_REQUEST`;
  return [
    {
      run: `aws organizations create-account --email ${name}@example.com --account-name ${name}`,
      save: { [request]: 'CreateAccountStatus.Id' },
    },
    {
      run: `aws organizations describe-create-account-status --create-account-request-id {{${request}}}`,
      save: { [variable]: 'CreateAccountStatus.AccountId' },
    },
  ];
}

/** A user of another account with a key, stored as the CLI profile of the same name. */
function personWithKey(prefix: string, user: string, policy?: unknown): Step[] {
  const key = `${user.toUpperCase().replace(/-/g, '_')}_AK`;
  return [
    inAccount(prefix, `aws iam create-user --user-name ${user}`),
    ...(policy === undefined
      ? []
      : [
          inAccount(prefix, `aws iam put-user-policy --user-name ${user} --policy-name Work --policy-document '${JSON.stringify(policy)}'`),
        ]),
    {
      run: inAccount(prefix, `aws iam create-access-key --user-name ${user}`),
      save: { [`${key}_ID`]: 'AccessKey.AccessKeyId', [`${key}_SECRET`]: 'AccessKey.SecretAccessKey' },
    },
    `aws configure set aws_access_key_id {{${key}_ID}} --profile ${user}`,
    `aws configure set aws_secret_access_key {{${key}_SECRET}} --profile ${user}`,
  ];
}

/** All four Block Public Access settings on, in the CLI's shorthand. */
export const BLOCK_ALL = 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

const allow = (action: string, resource: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
});

/** The scene: the organization, the two other accounts and their people, the buckets and the vendor's onboarding file. */
export function worldSteps(): Step[] {
  return [
    'aws organizations create-organization --feature-set ALL',
    ...createAccount('analytics', 'ANALYTICS'),
    ...createAccount('cloudcost', 'VENDOR'),
    enterAccount('A', 'ANALYTICS'),
    ...personWithKey('A', 'dana', allow('sts:AssumeRole', 'arn:aws:iam::{{accountId}}:role/ReportsReader')),
    ...personWithKey('A', 'eli'),
    ...personWithKey('A', 'intern', allow('s3:GetObject', '*')),
    enterAccount('V', 'VENDOR'),
    ...personWithKey('V', 'cloudcost', allow('sts:AssumeRole', '*')),
    // CloudCost is a company of its own: its account leaves the organization.
    'aws organizations remove-account-from-organization --account-id {{VENDOR}}',
    'echo "region,revenue" > q3.csv',
    'aws s3api create-bucket --bucket dojo-reports',
    'aws s3api put-object --bucket dojo-reports --key reports/q3.csv --body q3.csv',
    'aws s3api create-bucket --bucket dojo-exports',
    'aws s3api put-object --bucket dojo-exports --key daily/2026-03-01.csv --body q3.csv',
    'aws s3api put-object --bucket dojo-exports --key finance/salaries.csv --body q3.csv',
    // The account's baseline blocks public access for every bucket; dojo-exports lost its own
    // bucket-level setting long ago, so only the account's stands between it and a public policy.
    'aws s3api delete-public-access-block --bucket dojo-exports',
    `aws s3control put-public-access-block --account-id {{accountId}} --public-access-block-configuration ${BLOCK_ALL}`,
    // A function that makes thumbnails of uploads (its code is a file of aws lines; lesson 13).
    'aws s3api create-bucket --bucket dojo-uploads',
    `aws iam create-role --role-name thumbnailer-role --assume-role-policy-document '${JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    })}'`,
    { writeFile: 'thumbnailer.txt', text: '# makes a thumbnail of each upload (simulated: no commands)\n' },
    'aws lambda create-function --function-name thumbnailer --runtime provided.al2023 --handler run --role arn:aws:iam::{{accountId}}:role/thumbnailer-role --zip-file fileb://thumbnailer.txt',
    {
      writeFile: 'cloudcost-onboarding.txt',
      text: `CloudCost — connect your AWS account\n\n1. Create an IAM role that our account may assume.\n   Our AWS account ID:  {{VENDOR}}\n   Your external ID:    cc-4f7a9e21-acme\n   (We generated this ID for you; we send it whenever we assume your role.)\n2. Attach the AWS managed policy ReadOnlyAccess.\n3. Name the role CloudCostAudit.\n`,
    },
  ];
}
