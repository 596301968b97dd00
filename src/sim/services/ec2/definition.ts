/**
 * EC2 as a service: query-protocol errors; denials are UnauthorizedOperation with an encoded message
 * (built by the handlers, access.ts), and CloudTrail logs client errors as `Client.<code>`
 * (CloudTrail User Guide, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
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
