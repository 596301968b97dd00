/**
 * The world of lesson 18: your account is the management account of an organization with the member
 * accounts `dev` and `prod` (created with CreateAccount), IAM Identity Center enabled as an
 * organization instance, and the identity store user `alice`. The start saves the instance ARN, the
 * identity store ID, alice's user ID and both account IDs as `{{INSTANCE}}`, `{{STORE}}`, `{{ALICE}}`,
 * `{{DEV}}`, `{{PROD}}` for solutions and checks.
 */
import { adminSessionSteps } from '../../../src/course/admin-session.ts';
import type { ExerciseInput } from '../../../src/course/exercise.ts';

type Step = NonNullable<Extract<ExerciseInput['start'], { world: unknown }>['steps']>[number];

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

/** The organization, its two member accounts, Identity Center and alice. */
export const identityCenterScene: Step[] = [
  ...adminSessionSteps(),
  'aws organizations create-organization --feature-set ALL',
  ...createAccount('dev', 'DEV'),
  ...createAccount('prod', 'PROD'),
  { run: 'aws sso-admin create-instance', save: { INSTANCE: 'InstanceArn' } },
  { run: 'aws sso-admin list-instances', save: { STORE: 'Instances[0].IdentityStoreId' } },
  {
    run: 'aws identitystore create-user --identity-store-id {{STORE}} --user-name alice --display-name "Alice Example" --name GivenName=Alice,FamilyName=Example --emails Value=alice@example.com,Type=work,Primary=true',
    save: { ALICE: 'UserId' },
  },
];

/** Temporary credentials of OrganizationAccountAccessRole in prod, as environment variables before a command. */
export function inProd(line: string): string {
  return `AWS_ACCESS_KEY_ID={{P_KEY}} AWS_SECRET_ACCESS_KEY={{P_SECRET}} AWS_SESSION_TOKEN={{P_TOKEN}} ${line}`;
}

/** A check setup step that enters prod as OrganizationAccountAccessRole. */
export const enterProd: Step = {
  run: 'aws sts assume-role --role-arn arn:aws:iam::{{PROD}}:role/OrganizationAccountAccessRole --role-session-name check',
  save: { P_KEY: 'Credentials.AccessKeyId', P_SECRET: 'Credentials.SecretAccessKey', P_TOKEN: 'Credentials.SessionToken' },
};
