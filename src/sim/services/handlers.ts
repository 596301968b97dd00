/** Every implemented operation, by service and API name. */
import { CLOUDTRAIL_OPERATIONS_IMPL } from './cloudtrail/operations.ts';
import { ACCOUNT_OPERATIONS } from './iam/account.ts';
import { ATTACHMENT_OPERATIONS } from './iam/attachments.ts';
import { CREDENTIAL_OPERATIONS } from './iam/credentials.ts';
import { GROUP_OPERATIONS } from './iam/groups.ts';
import { INLINE_OPERATIONS } from './iam/inline.ts';
import { INSTANCE_PROFILE_OPERATIONS } from './iam/instance-profiles.ts';
import { MFA_OPERATIONS } from './iam/mfa.ts';
import { PASSWORD_POLICY_OPERATIONS } from './iam/password-policy.ts';
import { POLICY_OPERATIONS } from './iam/policies.ts';
import { ROLE_OPERATIONS } from './iam/roles.ts';
import { USER_OPERATIONS } from './iam/users.ts';
import type { OperationDefinition } from './operation.ts';
import { ORGANIZATIONS_OPERATIONS_IMPL } from './organizations/operations.ts';
import { S3_OPERATIONS_IMPL } from './s3/operations.ts';
import { STS_OPERATIONS_IMPL } from './sts/operations.ts';

/** service → operation → definition. */
export const OPERATIONS: Readonly<Record<string, Readonly<Record<string, OperationDefinition>>>> = {
  iam: {
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
  },
  sts: STS_OPERATIONS_IMPL,
  s3: S3_OPERATIONS_IMPL,
  cloudtrail: CLOUDTRAIL_OPERATIONS_IMPL,
  organizations: ORGANIZATIONS_OPERATIONS_IMPL,
};
