/** KMS: every simulated operation, by API name. */
import type { OperationDefinition } from '../operation.ts';
import { ALIAS_OPERATIONS } from './aliases.ts';
import { CRYPTO_OPERATIONS } from './crypto-ops.ts';
import { GRANT_OPERATIONS } from './grants.ts';
import { KEY_OPERATIONS } from './keys.ts';

/** The KMS operations. */
export const KMS_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  ...KEY_OPERATIONS,
  ...ALIAS_OPERATIONS,
  ...CRYPTO_OPERATIONS,
  ...GRANT_OPERATIONS,
};
