/**
 * Which data events get recorded: S3 object-level calls are data events and appear only when a
 * trail's event selectors ask for them (CloudTrail User Guide, "Logging data events"; basic event
 * selectors with `AWS::S3::Object` data resources).
 */
import type { AccountState, Trail, WorldState } from '../../world/state.ts';
import { own } from '../../world/state.ts';
import type { ServiceRequest } from '../contract.ts';

/** True when some trail of the account selects this S3 object-level call. */
export function dataEventSelected(state: AccountState, request: ServiceRequest, readOnly: boolean): boolean {
  return trailsSelect(Object.values(state.trails), request, readOnly);
}

/**
 * Delivers a record to the organization trails of the management account when the account it was
 * delivered to is in the organization: management events always, data events when the organization
 * trail's selectors ask for them (CloudTrail User Guide, "Creating a trail for an organization",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html).
 */
export function deliverToOrganizationTrails(world: WorldState, recipientAccountId: string, record: Record<string, unknown>, request: ServiceRequest, readOnly: boolean, dataEvent: boolean): void {
  const org = world.organization;
  if (!org || !Object.hasOwn(org.accounts, recipientAccountId)) return;
  const management = own(world.accounts, org.managementAccountId);
  if (!management) return;
  const trails = Object.values(management.trails).filter((t) => t.isOrganizationTrail === true);
  if (trails.length === 0 || (dataEvent && !trailsSelect(trails, request, readOnly))) return;
  (management.organizationTrailRecords ??= []).push(record);
}

function trailsSelect(trails: readonly Trail[], request: ServiceRequest, readOnly: boolean): boolean {
  const bucket = typeof request.params['Bucket'] === 'string' ? request.params['Bucket'] : '';
  const key = typeof request.params['Key'] === 'string' ? request.params['Key'] : '';
  const objectArn = `arn:aws:s3:::${bucket}/${key}`;
  for (const trail of trails) {
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
