/**
 * S3 Control as a service: the account-level S3 settings (here Block Public Access). It answers
 * with S3's REST-XML errors, is logged by CloudTrail under S3's event source with the
 * `…AccountPublicAccessBlock` event names, and is reached at `ACCOUNT.s3-control.REGION.amazonaws.com`.
 */
import type { ServiceDefinition } from '../service.ts';
import { S3CONTROL_OPERATIONS_IMPL } from './account-block.ts';

// CloudTrail names the account-level calls after their permissions (S3 User Guide, "Amazon S3
// CloudTrail events": PutAccountPublicAccessBlock, GetAccountPublicAccessBlock, DeleteAccountPublicAccessBlock).
const EVENT_NAMES: Readonly<Record<string, string>> = {
  PutPublicAccessBlock: 'PutAccountPublicAccessBlock',
  GetPublicAccessBlock: 'GetAccountPublicAccessBlock',
  DeletePublicAccessBlock: 'DeleteAccountPublicAccessBlock',
};

/** S3 Control. */
export const S3CONTROL_SERVICE: ServiceDefinition = {
  name: 's3control',
  operations: S3CONTROL_OPERATIONS_IMPL,
  errorProtocol: 's3',
  eventSource: 's3.amazonaws.com',
  eventName: (operation) => EVENT_NAMES[operation] ?? operation,
  host: (region) => `s3-control.${region}.amazonaws.com`,
  messageOptions: () => ({ omitResource: true }),
  requestId: (ids) => ids.s3RequestId(),
};
