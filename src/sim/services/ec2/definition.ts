/**
 * EC2 as a service: query-protocol errors; denials are UnauthorizedOperation with an encoded message
 * (built by the handlers, access.ts), and CloudTrail logs client errors as `Client.<code>`
 * (reference record tests/fixtures/cloudtrail; AWS-FACTS.md §1.3).
 */
import type { ServiceDefinition } from '../service.ts';
import { EC2_OPERATIONS_IMPL } from './operations.ts';

/** EC2. */
export const EC2_SERVICE: ServiceDefinition = {
  name: 'ec2',
  operations: EC2_OPERATIONS_IMPL,
  errorProtocol: 'query',
  trailErrorCode: (code) => `Client.${code}`,
};
