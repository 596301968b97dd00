/**
 * The request pipeline of the simulated endpoint: authenticate → validate → handler (which
 * authorizes with the engine, then acts) → one CloudTrail record, success or failure. A failed call
 * leaves the state exactly as it was (the handler's changes are rolled back). An unexpected
 * internal error answers ServiceFailure and never allows anything (fail closed).
 */
import { authorize as engineAuthorize } from '../evaluate/authorize.ts';
import { accessDeniedMessage } from '../evaluate/messages.ts';
import type { AuthorizationRequest, AuthorizationResult } from '../evaluate/types.ts';
import { loadAwsManagedDocuments } from '../managed/index.ts';
import { userIdentityOf } from '../trail/identity.ts';
import { trailShape } from '../trail/parameters.ts';
import { buildTrailRecord, eventVersionFor, tlsDetails, type UserIdentity } from '../trail/record.ts';
import { authenticate, type Caller } from '../world/caller.ts';
import { isoSeconds } from '../world/dates.ts';
import { organizationPolicies } from '../world/organization.ts';
import type { IdGenerator } from '../world/ids.ts';
import type { WorldState } from '../world/state.ts';
import type { ServiceRequest, ServiceResponse } from './contract.ts';
import { accessDenied, authenticationFault, fault, ServiceFault } from './errors.ts';
import { dataEventSelected } from './cloudtrail/selectors.ts';
import { OPERATIONS } from './handlers.ts';
import type { AuthorizeOptions, OperationContext, TrailOverrides } from './operation.ts';
import { callerPolicies, referencedAwsManagedArns } from './policy-sources.ts';
import { globalContext } from './request-context.ts';
import { getOperationSpec, cliServiceName } from './specs/index.ts';
import { sessionRestriction } from './sts/session-rules.ts';
import { validateParams } from './validate.ts';

/** The parts of a world the pipeline works on. */
export interface EndpointWorld {
  state: WorldState;
  ids: IdGenerator;
  nowMs(): number;
  /** Receives the authorization checks of each call, keyed by the eventID of its trail record (not saved). */
  onDecisions?(eventId: string | undefined, decisions: CallDecision[]): void;
}

/** One authorization check a call made: the engine's request and its answer with the explanation. */
export interface CallDecision {
  request: AuthorizationRequest;
  result: AuthorizationResult;
}

/** Default caller IP: a documentation address (RFC 5737). */
export const DEFAULT_SOURCE_IP = '203.0.113.10';
const DEFAULT_USER_AGENT = 'aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython m/E cfg/retry-mode#standard md/installer#exe md/prompt#off';

/** Answers one request: loads the AWS managed documents it may need, then runs it synchronously. */
export async function invokeService(world: EndpointWorld, request: ServiceRequest): Promise<ServiceResponse> {
  try {
    await loadAwsManagedDocuments([...referencedAwsManagedArns(world.state), ...arnsIn(request.params)]);
    return invokeLoaded(world, request);
  } catch {
    // Fail closed on a malformed request object or an internal error: nothing is performed.
    return { ok: false, error: fault('ServiceFailure', 'An internal error occurred in the simulator; the request was not performed.', 500).error };
  }
}

/** Runs one request whose managed policy documents are loaded. */
export function invokeLoaded(world: EndpointWorld, request: ServiceRequest): ServiceResponse {
  const { state, ids } = world;
  const nowMs = world.nowMs();
  const region = request.region ?? state.region;
  const sourceIp = request.sourceIp ?? DEFAULT_SOURCE_IP;
  const spec = getOperationSpec(request.service, request.operation);
  const definition = OPERATIONS[request.service]?.[request.operation];
  const userAgent = request.userAgent ?? `${DEFAULT_USER_AGENT} md/command#${cliServiceName(request.service)}.${spec?.cliName ?? request.operation}`;
  const trail: TrailOverrides = {};
  const decisions: CallDecision[] = [];
  const base = { state, ids, nowMs, region, sourceIp, userAgent, request, trail, decisions };
  const recordsBefore = state.records.length;
  const report = (): void => world.onDecisions?.(state.records.length > recordsBefore ? (state.records.at(-1)?.['eventID'] as string) : undefined, decisions);

  if (!spec || !definition) {
    return fail(fault('InvalidAction', `Could not find operation ${request.operation} for version of ${request.service}`, 400));
  }
  const auth = authenticate(state, request.credentials, nowMs);
  if ('failure' in auth) {
    const known = auth.failure.known;
    const error = authenticationFault(request.service, auth.failure.reason).error;
    // A key that belongs to no account cannot be attributed, so no account's trail receives the event;
    // a known principal's failed authentication (inactive key, bad secret, expired session) is logged.
    if (known) record(base, definition.readOnly, userIdentityOf(state, known), { error, dataEvent: definition.dataEvent === true, caller: known });
    report();
    return { ok: false, error };
  }
  const caller = auth.caller;
  const identity = userIdentityOf(state, caller);
  const backup = JSON.stringify({ ...state, records: [] });
  const restore = (): void => {
    const saved = JSON.parse(backup) as WorldState;
    const records = state.records;
    Object.assign(state, saved, { records });
  };
  try {
    const invalid = validateParams(spec.input, request.params);
    if (invalid) throw invalid;
    const restricted = sessionRestriction(caller, request.service, request.operation);
    if (restricted) throw restricted;
    const ctx = operationContext(base, caller, request.params);
    const output = definition.handler(ctx);
    touchAccessKey(state, caller, request.service, region, nowMs);
    record(base, definition.readOnly, identity, { output, dataEvent: definition.dataEvent === true, caller });
    report();
    return { ok: true, output };
  } catch (e) {
    restore();
    const error = e instanceof ServiceFault ? e.error : fault('ServiceFailure', 'An internal error occurred in the simulator; the request was not performed.', 500).error;
    record(base, definition.readOnly, identity, { error, dataEvent: definition.dataEvent === true, caller });
    report();
    return { ok: false, error };
  }

  function fail(f: ServiceFault): ServiceResponse {
    return { ok: false, error: f.error };
  }
}

interface CallBase {
  state: WorldState;
  ids: IdGenerator;
  nowMs: number;
  region: string;
  sourceIp: string;
  userAgent: string;
  request: ServiceRequest;
  trail: TrailOverrides;
  decisions: CallDecision[];
}

function operationContext(base: CallBase, caller: Caller, params: Record<string, unknown>): OperationContext {
  const check = (action: string, resource: string, options: AuthorizeOptions = {}): AuthorizationResult => authorizeRequest(base, caller, action, resource, options).result;
  return {
    state: base.state,
    ids: base.ids,
    nowMs: base.nowMs,
    caller,
    request: base.request,
    params,
    region: base.region,
    trail: base.trail,
    check,
    authorize(action, resource, options = {}) {
      const { request, result } = authorizeRequest(base, caller, action, resource, options);
      if (result.decision === 'allowed') return result;
      const message = deniedMessage(base.request.service, request, result, options.displayResource);
      // JSON-protocol services such as CloudTrail and Organizations answer AccessDeniedException (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
      throw JSON_PROTOCOL.has(base.request.service) ? fault('AccessDeniedException', message, 400) : accessDenied(message);
    },
  };
}

function authorizeRequest(base: CallBase, caller: Caller, action: string, resource: string, options: AuthorizeOptions): { request: AuthorizationRequest; result: AuthorizationResult } {
  const policies = callerPolicies(base.state, caller);
  const organization = organizationPolicies(base.state.organization);
  const request: AuthorizationRequest = {
    principal: requestPrincipalOf(caller),
    action,
    resource,
    resourceAccountId: options.resourceAccountId ?? base.state.accountId,
    context: { ...globalContext(base.state, caller, base), 'aws:ResourceAccount': options.resourceAccountId ?? base.state.accountId, ...(options.context ?? {}) },
    identityPolicies: [...policies.identityPolicies, ...(options.extraIdentityPolicies ?? [])],
    ...(policies.permissionsBoundary ? { permissionsBoundary: policies.permissionsBoundary } : {}),
    ...(policies.sessionPolicies ? { sessionPolicies: policies.sessionPolicies } : {}),
    ...(options.resourcePolicy ? { resourcePolicy: options.resourcePolicy } : {}),
    ...(organization ? { organization } : {}),
  };
  let result: AuthorizationResult;
  try {
    result = engineAuthorize(request);
  } catch {
    // Fail closed: an engine error is a denial, reported as a service failure.
    throw fault('ServiceFailure', `The simulator could not evaluate ${action}; the request was denied.`, 500);
  }
  base.decisions.push({ request, result });
  return { request, result };
}

function requestPrincipalOf(caller: Caller): AuthorizationRequest['principal'] {
  if (caller.type === 'AssumedRole' && caller.role) {
    return { type: 'AssumedRole', arn: caller.arn, accountId: caller.accountId, roleArn: caller.role.arn, sessionArn: caller.arn };
  }
  return { type: caller.type, arn: caller.arn, accountId: caller.accountId };
}

/** The AccessDenied text, with the service's own conventions on top of the engine's grammar. */
function deniedMessage(service: string, request: AuthorizationRequest, result: AuthorizationResult, displayResource?: string): string {
  // S3 quotes the resource ARN and names none for ListAllMyBuckets (S3 User Guide, "Troubleshoot access
  // denied (403 Forbidden) errors in Amazon S3", https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html; real ListBuckets records agree).
  const s3 = service === 's3';
  const raw = accessDeniedMessage(request, result, s3 ? { quoteResource: true, omitResource: request.resource === '*' } : {});
  const message = displayResource === undefined ? raw : raw.replace(` on resource: ${request.resource}`, ` on resource: ${displayResource}`);
  if (s3) return message;
  if (service === 'sts' && request.action.toLowerCase() === 'sts:assumerole') {
    // Real AssumeRole denials recorded in CloudTrail end after the resource, without the reason clause that
    // "Troubleshoot access denied error messages" shows for other calls (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
    return `User: ${request.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${request.resource}`;
  }
  return message;
}

/** JSON-protocol services among the simulated ones (their errors end in `Exception`). */
const JSON_PROTOCOL = new Set(['cloudtrail', 'organizations']);

/** Global services are logged in us-east-1 (IAM; Organizations User Guide, "Logging … with AWS CloudTrail"). */
function awsRegionOf(service: string, region: string): string {
  return service === 'iam' || service === 'organizations' ? 'us-east-1' : region;
}

/** Records the call unless it is a data event no trail selects. */
function record(
  base: CallBase,
  readOnly: boolean,
  identity: UserIdentity,
  outcome: { output?: Record<string, unknown>; error?: { code: string; message: string; httpStatus: number }; dataEvent: boolean; caller: Caller | undefined },
): void {
  const { state, ids, request, trail } = base;
  const service = request.service;
  const eventSource = `${service}.amazonaws.com`;
  if (outcome.dataEvent && !dataEventSelected(state, request, readOnly)) return;
  const error = outcome.error;
  const console = outcome.caller?.session?.kind === 'Console';
  const host = trail.host ?? (service === 'iam' ? 'iam.amazonaws.com' : `${service}.${awsRegionOf(service, base.region)}.amazonaws.com`);
  const stsDenied = service === 'sts' && error?.code === 'AccessDenied';
  // Denied STS calls log no parameters (reference record 04); read-only calls no response
  // elements, except where the handler sets them (AssumeRole logs its credentials, record 03).
  const requestParameters = stsDenied ? null : trail.requestParameters !== undefined ? trail.requestParameters : trailShape(request.params);
  const responseElements = error ? null : trail.responseElements !== undefined ? trail.responseElements : readOnly ? null : trailShape(outcome.output);
  state.records.push(
    buildTrailRecord({
      eventVersion: eventVersionFor(eventSource),
      userIdentity: identity,
      eventTime: isoSeconds(base.nowMs),
      eventSource,
      // S3 logs ListObjectsV2 under the name of its permission's API, ListObjects (real CloudTrail records; https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
      eventName: request.service === 's3' && request.operation === 'ListObjectsV2' ? 'ListObjects' : request.operation,
      awsRegion: awsRegionOf(service, base.region),
      sourceIPAddress: base.sourceIp,
      userAgent: console ? 'AWS Internal' : service === 's3' ? `[${base.userAgent}]` : base.userAgent,
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
      requestParameters,
      responseElements,
      ...(trail.additionalEventData ? { additionalEventData: error ? withStatus(trail.additionalEventData, error.httpStatus) : trail.additionalEventData } : {}),
      requestID: service === 's3' ? ids.s3RequestId() : ids.uuid(),
      eventID: ids.uuid(),
      readOnly,
      ...(trail.resources && !stsDenied ? { resources: trail.resources } : {}),
      eventType: 'AwsApiCall',
      managementEvent: !outcome.dataEvent,
      recipientAccountId: state.accountId,
      eventCategory: outcome.dataEvent ? 'Data' : 'Management',
      ...(console ? { sessionCredentialFromConsole: 'true' as const } : { tlsDetails: tlsDetails(host) }),
    }),
  );
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

/** Long-term keys remember when, where and for which service they were last used (GetAccessKeyLastUsed). */
function touchAccessKey(state: WorldState, caller: Caller, service: string, region: string, nowMs: number): void {
  const keys = caller.session ? [] : caller.user ? caller.user.accessKeys : state.root.accessKeys;
  const key = keys.find((k) => k.id === caller.accessKeyId);
  if (key) key.lastUsed = { date: nowMs, serviceName: service, region: awsRegionOf(service, region) };
}

/** Policy ARNs mentioned anywhere in request parameters (so their documents can be loaded first). */
function arnsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('arn:aws:iam::aws:policy/')) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => arnsIn(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) Object.values(value).forEach((v) => arnsIn(v, out));
  return out;
}
