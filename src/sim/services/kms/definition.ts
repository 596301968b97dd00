/** KMS as a service: JSON-protocol errors (AccessDeniedException, NotFoundException …, HTTP 400). */
import type { ServiceDefinition } from '../service.ts';
import { KMS_OPERATIONS_IMPL } from './operations.ts';

/** KMS. */
export const KMS_SERVICE: ServiceDefinition = {
  name: 'kms',
  operations: KMS_OPERATIONS_IMPL,
  errorProtocol: 'json',
};
