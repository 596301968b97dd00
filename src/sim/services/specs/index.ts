/**
 * The operation spec registry: every operation the simulated world implements, with its botocore input
 * shape. The CLI uses it to turn `--user-name bob` into `{ UserName: 'bob' }` and to validate arguments.
 */
import type { OperationSpec } from '../contract.ts';
import { CLOUDTRAIL_OPERATIONS } from './cloudtrail.generated.ts';
import { EC2_OPERATIONS } from './ec2.generated.ts';
import { IAM_OPERATIONS } from './iam.generated.ts';
import { KMS_OPERATIONS } from './kms.generated.ts';
import { LAMBDA_OPERATIONS } from './lambda.generated.ts';
import { ORGANIZATIONS_OPERATIONS } from './organizations.generated.ts';
import { S3_OPERATIONS } from './s3.generated.ts';
import { S3CONTROL_OPERATIONS } from './s3control.generated.ts';
import { STS_OPERATIONS } from './sts.generated.ts';
import { IAM_SAML_OPERATIONS } from './iam-saml.generated.ts';
import { IAM_CREDENTIAL_REPORT_OPERATIONS } from './iam-credential-report.generated.ts';
import { STS_SAML_OPERATIONS } from './sts-saml.generated.ts';
import { IDENTITYSTORE_OPERATIONS } from './identitystore.generated.ts';
import { SSO_ADMIN_OPERATIONS } from './sso-admin.generated.ts';
import { SSO_OPERATIONS } from './sso.generated.ts';
import { SSO_OIDC_OPERATIONS } from './sso-oidc.generated.ts';

const ALL: readonly OperationSpec[] = [
  ...IAM_OPERATIONS,
  ...STS_OPERATIONS,
  ...S3_OPERATIONS,
  ...CLOUDTRAIL_OPERATIONS,
  ...ORGANIZATIONS_OPERATIONS,
  ...LAMBDA_OPERATIONS,
  ...EC2_OPERATIONS,
  ...KMS_OPERATIONS,
  ...IAM_SAML_OPERATIONS,
  ...IAM_CREDENTIAL_REPORT_OPERATIONS,
  ...STS_SAML_OPERATIONS,
  ...IDENTITYSTORE_OPERATIONS,
  ...SSO_ADMIN_OPERATIONS,
  ...SSO_OPERATIONS,
  ...SSO_OIDC_OPERATIONS,
  ...S3CONTROL_OPERATIONS,
];
const BY_KEY = new Map(ALL.map((spec) => [`${spec.service}:${spec.name}`, spec]));
const BY_CLI_NAME = new Map(ALL.map((spec) => [`${spec.service}:${spec.cliName ?? spec.name}`, spec]));

/** Service names as the world knows them; the CLI's `s3api` is the world's `s3`. */
export const SIMULATED_SERVICES: readonly string[] = [
  'iam',
  'sts',
  's3',
  'cloudtrail',
  'organizations',
  'lambda',
  'ec2',
  'kms',
  'identitystore',
  'sso-admin',
  'sso',
  'sso-oidc',
  's3control',
];

/** The CLI command name of a world service (`s3` is `s3api` on the command line). */
export function cliServiceName(service: string): string {
  return service === 's3' ? 's3api' : service;
}

/** The world service behind a CLI command name (`s3api` → `s3`), or undefined when not simulated. */
export function serviceForCliName(cliService: string): string | undefined {
  const service = cliService === 's3api' ? 's3' : cliService;
  return SIMULATED_SERVICES.includes(service) ? service : undefined;
}

/** The spec of one operation by its API name (`CreateUser`), or undefined when the world does not implement it. */
export function getOperationSpec(service: string, name: string): OperationSpec | undefined {
  return BY_KEY.get(`${service}:${name}`);
}

/** The spec of one operation by its CLI name (`create-user`, `list-objects-v2`). */
export function getOperationSpecByCliName(service: string, cliName: string): OperationSpec | undefined {
  return BY_CLI_NAME.get(`${service}:${cliName}`);
}

/** All operations of one service that the world implements, in a stable order. */
export function listOperations(service: string): readonly OperationSpec[] {
  return ALL.filter((spec) => spec.service === service);
}
