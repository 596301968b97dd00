/** S3 as a service: REST-XML errors, quoted resources in AccessDenied, bracketed user agents, short request IDs. */
import type { ServiceDefinition } from '../service.ts';
import { S3_OPERATIONS_IMPL } from './operations.ts';

/** S3. */
export const S3_SERVICE: ServiceDefinition = {
  name: 's3',
  operations: S3_OPERATIONS_IMPL,
  errorProtocol: 's3',
  // S3 logs ListObjectsV2 under the name of its permission's API, ListObjects (real CloudTrail records; https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
  eventName: (operation) => (operation === 'ListObjectsV2' ? 'ListObjects' : operation),
  // S3 quotes the resource ARN and names none for ListAllMyBuckets (S3 User Guide, "Troubleshoot access
  // denied (403 Forbidden) errors in Amazon S3", https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html; real ListBuckets records agree).
  messageOptions: (request) => ({ quoteResource: true, omitResource: request.resource === '*' }),
  // Outside the account and its organization S3 gives no context: the message is just "Access Denied"
  // (S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors in Amazon S3", https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html).
  deniedMessage: (_request, _result, raw, scope) => (scope.crossAccount && !scope.sameOrganization ? 'Access Denied' : raw),
  trailUserAgent: (userAgent) => `[${userAgent}]`,
  requestId: (ids) => ids.s3RequestId(),
};
