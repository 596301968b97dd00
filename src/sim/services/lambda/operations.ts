/** Lambda: every simulated operation, by API name. */
import type { OperationDefinition } from '../operation.ts';
import { FUNCTION_OPERATIONS } from './functions.ts';
import { INVOKE_OPERATIONS } from './invoke.ts';
import { PERMISSION_OPERATIONS } from './permissions.ts';

/** The Lambda operations. */
export const LAMBDA_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  ...FUNCTION_OPERATIONS,
  ...INVOKE_OPERATIONS,
  ...PERMISSION_OPERATIONS,
};
