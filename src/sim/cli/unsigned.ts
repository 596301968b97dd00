/**
 * Operations the CLI sends unsigned (botocore models them with `auth: ["smithy.api#noAuth"]` or
 * `authtype: none`): it resolves no credentials for them, so they work with no profile at all.
 */
import type { OperationSpec } from '../services/contract.ts';

const UNSIGNED = new Set(['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity']);
const UNSIGNED_SERVICES = new Set(['sso', 'sso-oidc']);

/** Whether the CLI sends this operation without a signature. */
export function isUnsignedOperation(spec: OperationSpec): boolean {
  return UNSIGNED_SERVICES.has(spec.service) || UNSIGNED.has(`${spec.service}:${spec.name}`);
}
