/**
 * Which data events get recorded: S3 object-level calls and Lambda Invoke are data events and appear
 * only when a trail's event selectors ask for them (CloudTrail User Guide, "Logging data events";
 * basic event selectors with `AWS::S3::Object` or `AWS::Lambda::Function` data resources).
 */
import type { AccountState } from '../../world/state.ts';
import type { ServiceRequest } from '../contract.ts';

/** The data resource a call touches: its selector type, the ARN selectors match, and the value that selects all. */
function dataResourceOf(state: AccountState, request: ServiceRequest): { type: string; arn: string; all: readonly string[] } | undefined {
  if (request.service === 's3') {
    const bucket = typeof request.params['Bucket'] === 'string' ? request.params['Bucket'] : '';
    const key = typeof request.params['Key'] === 'string' ? request.params['Key'] : '';
    // `arn:aws:s3` selects every bucket; `arn:aws:s3:::bucket/` or `…/prefix` selects by prefix.
    return { type: 'AWS::S3::Object', arn: `arn:aws:s3:::${bucket}/${key}`, all: ['arn:aws:s3', 'arn:aws:s3:::'] };
  }
  if (request.service === 'lambda') {
    const name = typeof request.params['FunctionName'] === 'string' ? request.params['FunctionName'] : '';
    const arn = name.startsWith('arn:') ? name : `arn:aws:lambda:${request.region ?? 'us-east-1'}:${state.accountId}:function:${name}`;
    // `arn:aws:lambda` selects every function; otherwise a function ARN selects that function.
    return { type: 'AWS::Lambda::Function', arn, all: ['arn:aws:lambda'] };
  }
  return undefined;
}

/** True when some trail selects this data event. */
export function dataEventSelected(state: AccountState, request: ServiceRequest, readOnly: boolean): boolean {
  const target = dataResourceOf(state, request);
  if (target === undefined) return false;
  for (const trail of Object.values(state.trails)) {
    for (const selector of trail.eventSelectors) {
      if (selector.ReadWriteType === 'ReadOnly' && !readOnly) continue;
      if (selector.ReadWriteType === 'WriteOnly' && readOnly) continue;
      for (const resource of selector.DataResources) {
        if (resource.Type !== target.type) continue;
        if (resource.Values.some((v) => target.all.includes(v) || target.arn.startsWith(v))) return true;
      }
    }
  }
  return false;
}
