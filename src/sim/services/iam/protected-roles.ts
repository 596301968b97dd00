/**
 * Roles IAM Identity Center manages (`AWSReservedSSO_*` under `/aws-reserved/sso.amazonaws.com/`) are
 * protected: IAM refuses to change or delete them, and only Identity Center updates them when a
 * permission set is provisioned (IAM Identity Center User Guide, "Permission sets": "you can't edit
 * or delete these roles in IAM", https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html).
 * IAM answers UnmodifiableEntity, as for service-linked roles.
 */
import type { Role } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { isReservedSsoRole } from '../sso-admin/roles.ts';

/** IAM actions on a role that only read it. */
const READS = new Set([
  'iam:getrole',
  'iam:listroletags',
  'iam:listinstanceprofilesforrole',
  'iam:listattachedrolepolicies',
  'iam:listrolepolicies',
  'iam:getrolepolicy',
]);

/** The role, unless `action` would change an Identity Center role. */
export function requireModifiableRole(action: string, role: Role): Role {
  if (!READS.has(action.toLowerCase()) && isReservedSsoRole(role))
    throw fault(
      'UnmodifiableEntity',
      `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`,
      400,
    );
  return role;
}
