/** CloudTrail as a service: regional, JSON protocol (errors end in Exception). */
import type { ServiceDefinition } from '../service.ts';
import { CLOUDTRAIL_OPERATIONS_IMPL } from './operations.ts';

/** CloudTrail: a JSON-protocol service, so it answers AccessDeniedException (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/CommonErrors.html). */
export const CLOUDTRAIL_SERVICE: ServiceDefinition = {
  name: 'cloudtrail',
  operations: CLOUDTRAIL_OPERATIONS_IMPL,
  errorProtocol: 'json',
};
