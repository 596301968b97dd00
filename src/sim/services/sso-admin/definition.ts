/** sso-admin (IAM Identity Center administration) as a service: JSON protocol, logged as `sso.amazonaws.com`. */
import type { ServiceDefinition } from '../service.ts';
import { SSO_ADMIN_OPERATIONS_IMPL } from './operations.ts';

/** sso-admin; IAM actions are `sso:<Operation>` and records say `eventSource: sso.amazonaws.com` (User Guide, "Logging IAM Identity Center API calls with AWS CloudTrail"). */
export const SSO_ADMIN_SERVICE: ServiceDefinition = {
  name: 'sso-admin',
  operations: SSO_ADMIN_OPERATIONS_IMPL,
  errorProtocol: 'json',
  eventSource: 'sso.amazonaws.com',
  host: (region) => `sso.${region}.amazonaws.com`,
};
