/** S3 as a service: REST-XML errors, quoted resources in AccessDenied, bracketed user agents, short request IDs. */
import type { ServiceDefinition } from '../service.ts';
import { S3_OPERATIONS_IMPL } from './operations.ts';

/** S3. */
export const S3_SERVICE: ServiceDefinition = {
  name: 's3',
  operations: S3_OPERATIONS_IMPL,
  errorProtocol: 's3',
  // S3 logs ListObjectsV2 under the name of its permission's API, ListObjects (AWS-FACTS.md §1.1).
  eventName: (operation) => (operation === 'ListObjectsV2' ? 'ListObjects' : operation),
  // S3 quotes the resource ARN and names none for ListAllMyBuckets (S3 User Guide, "Troubleshoot access
  // denied (403 Forbidden) errors"; the real ListBuckets record in AWS-FACTS.md §1.3).
  messageOptions: (request) => ({ quoteResource: true, omitResource: request.resource === '*' }),
  trailUserAgent: (userAgent) => `[${userAgent}]`,
  requestId: (ids) => ids.s3RequestId(),
};
