/** identitystore as a service: JSON protocol, logged as `identitystore.amazonaws.com`. */
import type { ServiceDefinition } from '../service.ts';
import { IDENTITYSTORE_OPERATIONS_IMPL } from './operations.ts';

/** The Identity Store API (CloudTrail eventSource identitystore.amazonaws.com). */
export const IDENTITYSTORE_SERVICE: ServiceDefinition = {
  name: 'identitystore',
  operations: IDENTITYSTORE_OPERATIONS_IMPL,
  errorProtocol: 'json',
};
