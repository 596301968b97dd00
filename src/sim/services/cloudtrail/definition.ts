/** CloudTrail as a service: regional, JSON protocol (errors end in Exception). */
import type { ServiceDefinition } from '../service.ts';
import { CLOUDTRAIL_OPERATIONS_IMPL } from './operations.ts';

/** CloudTrail (AWS-FACTS.md §1.3: JSON-protocol services answer AccessDeniedException). */
export const CLOUDTRAIL_SERVICE: ServiceDefinition = {
  name: 'cloudtrail',
  operations: CLOUDTRAIL_OPERATIONS_IMPL,
  errorProtocol: 'json',
};
