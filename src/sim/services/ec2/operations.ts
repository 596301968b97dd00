/** EC2: every simulated operation, by API name. */
import type { OperationDefinition } from '../operation.ts';
import { INSTANCE_OPERATIONS } from './instances.ts';
import { PROFILE_OPERATIONS } from './profiles.ts';
import { TAG_OPERATIONS } from './tags.ts';

/** The EC2 operations. */
export const EC2_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  ...INSTANCE_OPERATIONS,
  ...PROFILE_OPERATIONS,
  ...TAG_OPERATIONS,
};
