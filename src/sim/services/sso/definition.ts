/** The access portal (`sso`) and OIDC (`sso-oidc`) APIs as services: JSON protocol, unsigned, logged in the management account. */
import type { ServiceDefinition } from '../service.ts';
import { SSO_OIDC_OPERATIONS_IMPL } from './oidc.ts';
import { SSO_PORTAL_OPERATIONS } from './portal.ts';

/** The portal API (CloudTrail eventSource sso.amazonaws.com; User Guide, "Logging IAM Identity Center API calls with AWS CloudTrail"). */
export const SSO_PORTAL_SERVICE: ServiceDefinition = {
  name: 'sso',
  operations: SSO_PORTAL_OPERATIONS,
  errorProtocol: 'json',
  host: (region) => `portal.sso.${region}.amazonaws.com`,
};

/** The OIDC API (CloudTrail eventSource sso-oauth.amazonaws.com; EventBridge reference, "AWS IAM Identity Center events"). */
export const SSO_OIDC_SERVICE: ServiceDefinition = {
  name: 'sso-oidc',
  operations: SSO_OIDC_OPERATIONS_IMPL,
  errorProtocol: 'json',
  eventSource: 'sso-oauth.amazonaws.com',
  host: (region) => `oidc.${region}.amazonaws.com`,
};
