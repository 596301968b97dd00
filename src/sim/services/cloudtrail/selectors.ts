/**
 * Which data events get recorded: S3 object-level calls are data events and appear only when a
 * trail's event selectors ask for them (CloudTrail User Guide, "Logging data events"; basic event
 * selectors with `AWS::S3::Object` data resources).
 */
import type { AccountState } from '../../world/state.ts';
import type { ServiceRequest } from '../contract.ts';

/** True when some trail selects this S3 object-level call. */
export function dataEventSelected(state: AccountState, request: ServiceRequest, readOnly: boolean): boolean {
  const bucket = typeof request.params['Bucket'] === 'string' ? request.params['Bucket'] : '';
  const key = typeof request.params['Key'] === 'string' ? request.params['Key'] : '';
  const objectArn = `arn:aws:s3:::${bucket}/${key}`;
  for (const trail of Object.values(state.trails)) {
    for (const selector of trail.eventSelectors) {
      if (selector.ReadWriteType === 'ReadOnly' && !readOnly) continue;
      if (selector.ReadWriteType === 'WriteOnly' && readOnly) continue;
      for (const resource of selector.DataResources) {
        if (resource.Type !== 'AWS::S3::Object') continue;
        // `arn:aws:s3` selects every bucket; `arn:aws:s3:::bucket/` or `…/prefix` selects by prefix.
        if (resource.Values.some((v) => v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || objectArn.startsWith(v))) return true;
      }
    }
  }
  return false;
}
