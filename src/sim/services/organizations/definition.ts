/** Organizations as a service: global, JSON protocol, logged in us-east-1. */
import type { ServiceDefinition } from '../service.ts';
import { ORGANIZATIONS_OPERATIONS_IMPL } from './operations.ts';

/** Organizations (Organizations User Guide, "Logging AWS Organizations API calls with AWS CloudTrail": us-east-1). */
export const ORGANIZATIONS_SERVICE: ServiceDefinition = {
  name: 'organizations',
  operations: ORGANIZATIONS_OPERATIONS_IMPL,
  errorProtocol: 'json',
  globalRegion: 'us-east-1',
};
