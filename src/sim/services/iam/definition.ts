/** IAM as a service: a global, query-protocol service logged in us-east-1 at iam.amazonaws.com. */
import { SAML_PROVIDER_OPERATIONS } from './saml-providers.ts';
import type { ServiceDefinition } from '../service.ts';
import { ACCOUNT_OPERATIONS } from './account.ts';
import { ATTACHMENT_OPERATIONS } from './attachments.ts';
import { CREDENTIAL_OPERATIONS } from './credentials.ts';
import { CREDENTIAL_REPORT_OPERATIONS } from './credential-report.ts';
import { GROUP_OPERATIONS } from './groups.ts';
import { INLINE_OPERATIONS } from './inline.ts';
import { INSTANCE_PROFILE_OPERATIONS } from './instance-profiles.ts';
import { LAST_ACCESSED_OPERATIONS } from './last-accessed.ts';
import { MFA_OPERATIONS } from './mfa.ts';
import { OIDC_PROVIDER_OPERATIONS } from './oidc-providers.ts';
import { PASSWORD_POLICY_OPERATIONS } from './password-policy.ts';
import { POLICY_OPERATIONS } from './policies.ts';
import { ROLE_OPERATIONS } from './roles.ts';
import { USER_OPERATIONS } from './users.ts';

/** IAM (IAM User Guide, "Logging IAM and AWS STS API calls with AWS CloudTrail": IAM events are logged in us-east-1). */
export const IAM_SERVICE: ServiceDefinition = {
  name: 'iam',
  operations: {
    ...USER_OPERATIONS,
    ...GROUP_OPERATIONS,
    ...ROLE_OPERATIONS,
    ...POLICY_OPERATIONS,
    ...ATTACHMENT_OPERATIONS,
    ...INLINE_OPERATIONS,
    ...CREDENTIAL_OPERATIONS,
    ...MFA_OPERATIONS,
    ...INSTANCE_PROFILE_OPERATIONS,
    ...ACCOUNT_OPERATIONS,
    ...PASSWORD_POLICY_OPERATIONS,
    ...LAST_ACCESSED_OPERATIONS,
    ...SAML_PROVIDER_OPERATIONS,
    ...OIDC_PROVIDER_OPERATIONS,
    ...CREDENTIAL_REPORT_OPERATIONS,
  },
  errorProtocol: 'query',
  globalRegion: 'us-east-1',
  host: () => 'iam.amazonaws.com',
};
