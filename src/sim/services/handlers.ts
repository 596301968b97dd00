/** Every implemented service (one line each) and, derived from them, every operation by service and API name. */
import { CLOUDTRAIL_SERVICE } from './cloudtrail/definition.ts';
import { IAM_SERVICE } from './iam/definition.ts';
import type { OperationDefinition } from './operation.ts';
import { EC2_SERVICE } from './ec2/definition.ts';
import { KMS_SERVICE } from './kms/definition.ts';
import { LAMBDA_SERVICE } from './lambda/definition.ts';
import { ORGANIZATIONS_SERVICE } from './organizations/definition.ts';
import { S3_SERVICE } from './s3/definition.ts';
import { S3CONTROL_SERVICE } from './s3control/definition.ts';
import type { ServiceDefinition } from './service.ts';
import { STS_SERVICE } from './sts/definition.ts';
import { IDENTITYSTORE_SERVICE } from './identitystore/definition.ts';
import { SSO_ADMIN_SERVICE } from './sso-admin/definition.ts';
import { SSO_OIDC_SERVICE, SSO_PORTAL_SERVICE } from './sso/definition.ts';

/** service prefix → definition. */
export const SERVICES: Readonly<Record<string, ServiceDefinition>> = Object.fromEntries(
  [
    IAM_SERVICE,
    STS_SERVICE,
    S3_SERVICE,
    CLOUDTRAIL_SERVICE,
    ORGANIZATIONS_SERVICE,
    LAMBDA_SERVICE,
    EC2_SERVICE,
    KMS_SERVICE,
    IDENTITYSTORE_SERVICE,
    SSO_ADMIN_SERVICE,
    SSO_PORTAL_SERVICE,
    SSO_OIDC_SERVICE,
    S3CONTROL_SERVICE,
  ].map((s) => [s.name, s]),
);

/** service → operation → definition. */
export const OPERATIONS: Readonly<Record<string, Readonly<Record<string, OperationDefinition>>>> = Object.fromEntries(
  Object.entries(SERVICES).map(([name, s]) => [name, s.operations]),
);

/** The definition of a service, when the world implements it. */
export function serviceDefinition(service: string): ServiceDefinition | undefined {
  return Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
}
