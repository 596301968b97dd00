/**
 * The CloudTrail record of one call, written the way CloudTrail writes it: to the calling account,
 * to every other account the call touched (each copy with its own eventID, all sharing one
 * sharedEventID), and to the organization trails that select it.
 */
import type { UserIdentity } from '../trail/record.ts';
import { buildTrailRecord, eventVersionFor, tlsDetails } from '../trail/record.ts';
import { trailShape } from '../trail/parameters.ts';
import type { Caller } from '../world/caller.ts';
import { isoSeconds } from '../world/dates.ts';
import type { IdGenerator } from '../world/ids.ts';
import { own, type AccountState, type WorldState } from '../world/state.ts';
import type { ServiceRequest } from './contract.ts';
import { dataEventSelected, deliverToOrganizationTrails } from './cloudtrail/selectors.ts';
import type { CallDecision } from './invoke.ts';
import type { TrailOverrides } from './operation.ts';
import type { ServiceDefinition } from './service.ts';

/** What one call through the pipeline knows about itself. */
export interface CallBase {
  world: WorldState;
  /** The calling account. */
  state: AccountState;
  service: ServiceDefinition;
  ids: IdGenerator;
  nowMs: number;
  region: string;
  sourceIp: string;
  userAgent: string;
  request: ServiceRequest;
  trail: TrailOverrides;
  decisions: CallDecision[];
}

/** The region a call is logged in: a global service's own region, else the region the client targets. */
export function awsRegionOf(service: ServiceDefinition, region: string): string {
  return service.globalRegion ?? region;
}

/** Records the call unless it is a data event no trail selects. */
export function record(
  base: CallBase,
  readOnly: boolean,
  identity: UserIdentity,
  outcome: {
    output?: Record<string, unknown>;
    error?: { code: string; message: string; httpStatus: number };
    dataEvent: boolean;
    caller: Caller | undefined;
  },
): void {
  const { state, ids, request, trail, service } = base;
  const eventSource = service.eventSource ?? `${service.name}.amazonaws.com`;
  const error = outcome.error;
  // Console sessions, and role sessions the console switched to, call as the console (reference record 10).
  const console = outcome.caller?.session?.consoleSessionId !== undefined;
  const awsRegion = awsRegionOf(service, base.region);
  const host = trail.host ?? service.host?.(awsRegion) ?? `${service.name}.${awsRegion}.amazonaws.com`;
  const hidden = error !== undefined && service.deniedHidesParameters?.(request.operation, error.code) === true;
  // Read-only calls log no response elements, except where the handler sets them (AssumeRole logs its credentials, record 03).
  const requestParameters = hidden ? null : trail.requestParameters !== undefined ? trail.requestParameters : trailShape(request.params);
  const responseElements = error
    ? null
    : trail.responseElements !== undefined
      ? trail.responseElements
      : readOnly
        ? null
        : trailShape(outcome.output);
  const others = (trail.alsoDeliverTo ?? [])
    .filter((id) => id !== state.accountId)
    .map((id) => own(base.world.accounts, id))
    .filter((a): a is AccountState => a !== undefined);
  const receivers = others.filter((a) => !outcome.dataEvent || dataEventSelected(a, request, readOnly));
  const fields = {
    eventVersion: eventVersionFor(eventSource),
    eventTime: isoSeconds(base.nowMs),
    eventSource,
    eventName: service.eventName?.(request.operation) ?? request.operation,
    awsRegion,
    sourceIPAddress: base.sourceIp,
    userAgent: console ? 'AWS Internal' : (service.trailUserAgent?.(base.userAgent) ?? base.userAgent),
    ...(error ? { errorCode: service.trailErrorCode?.(error.code) ?? error.code, errorMessage: error.message } : {}),
    requestParameters,
    responseElements,
    ...(trail.additionalEventData
      ? { additionalEventData: error ? withStatus(trail.additionalEventData, error.httpStatus) : trail.additionalEventData }
      : {}),
    requestID: service.requestId?.(ids) ?? ids.uuid(),
    eventID: ids.uuid(),
    readOnly,
    ...(trail.resources && !hidden ? { resources: trail.resources } : {}),
    eventType: 'AwsApiCall' as const,
    managementEvent: !outcome.dataEvent,
    eventCategory: outcome.dataEvent ? ('Data' as const) : ('Management' as const),
    ...(console ? { sessionCredentialFromConsole: 'true' as const } : { tlsDetails: tlsDetails(host) }),
  };
  // One call delivered to several accounts: each copy has its own eventID and recipientAccountId and
  // all share one sharedEventID (CloudTrail User Guide, "CloudTrail record contents": sharedEventID).
  const sharedEventID = receivers.length > 0 ? ids.uuid() : undefined;
  const deliver = (account: AccountState, record: Record<string, unknown>, selected: boolean): void => {
    if (selected) account.records.push(record);
    deliverToOrganizationTrails(base.world, account.accountId, record, request, readOnly, outcome.dataEvent);
  };
  const callerRecord = buildTrailRecord({
    ...fields,
    userIdentity: trail.userIdentity ?? identity,
    recipientAccountId: state.accountId,
    ...(sharedEventID ? { sharedEventID } : {}),
  });
  deliver(state, callerRecord, !outcome.dataEvent || dataEventSelected(state, request, readOnly));
  for (const account of receivers) {
    // The other account sees the caller as an AWSAccount (CloudTrail User Guide, "CloudTrail userIdentity element").
    const seen = {
      type: 'AWSAccount',
      principalId: String(identity['principalId'] ?? ''),
      accountId: String(identity['accountId'] ?? state.accountId),
    };
    deliver(
      account,
      buildTrailRecord({
        ...fields,
        eventID: ids.uuid(),
        userIdentity: seen,
        recipientAccountId: account.accountId,
        ...(sharedEventID ? { sharedEventID } : {}),
      }),
      true,
    );
  }
}

/** S3 error records carry the HTTP status just before bytesTransferredOut (reference record 06). */
function withStatus(data: Record<string, unknown>, status: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === 'bytesTransferredOut') out['httpStatusCode'] = status;
    out[k] = v;
  }
  if (!('httpStatusCode' in out)) out['httpStatusCode'] = status;
  return out;
}
