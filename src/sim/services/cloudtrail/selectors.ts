/**
 * Which data events get recorded: S3 object-level calls and Lambda Invoke are data events and appear
 * only when a trail's event selectors ask for them (CloudTrail User Guide, "Logging data events";
 * basic event selectors with `AWS::S3::Object` or `AWS::Lambda::Function` data resources).
 */
import type { AccountState, Trail, WorldState } from '../../world/state.ts';
import { own } from '../../world/state.ts';
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

/** True when some trail of the account selects this data event. */
export function dataEventSelected(state: AccountState, request: ServiceRequest, readOnly: boolean): boolean {
  return trailsSelect(state, Object.values(state.trails), request, readOnly);
}

/**
 * Delivers a record to the organization trails of the management account when the account it was
 * delivered to is in the organization: management events always, data events when the organization
 * trail's selectors ask for them (CloudTrail User Guide, "Creating a trail for an organization",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html).
 */
export function deliverToOrganizationTrails(
  world: WorldState,
  recipientAccountId: string,
  record: Record<string, unknown>,
  request: ServiceRequest,
  readOnly: boolean,
  dataEvent: boolean,
): void {
  const org = world.organization;
  if (!org || !Object.hasOwn(org.accounts, recipientAccountId)) return;
  const management = own(world.accounts, org.managementAccountId);
  const recipient = own(world.accounts, recipientAccountId);
  if (!management || !recipient) return;
  const trails = Object.values(management.trails).filter((t) => t.isOrganizationTrail === true);
  if (trails.length === 0 || (dataEvent && !trailsSelect(recipient, trails, request, readOnly))) return;
  (management.organizationTrailRecords ??= []).push(record);
}

function trailsSelect(state: AccountState, trails: readonly Trail[], request: ServiceRequest, readOnly: boolean): boolean {
  const target = dataResourceOf(state, request);
  if (target === undefined) return false;
  for (const trail of trails) {
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
