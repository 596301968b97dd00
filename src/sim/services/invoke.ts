/**
 * The request pipeline of the simulated endpoint: authenticate → validate → handler (which
 * authorizes with the engine, then acts) → one CloudTrail record, success or failure. A failed call
 * leaves the state exactly as it was (the handler's changes are rolled back). An unexpected
 * internal error answers ServiceFailure and never allows anything (fail closed).
 */
import { authorize as engineAuthorize } from '../evaluate/authorize.ts';
import { accessDeniedMessage } from '../evaluate/messages.ts';
import type { AuthorizationRequest, AuthorizationResult, ContextValue } from '../evaluate/types.ts';
import { loadAwsManagedDocuments } from '../managed/index.ts';
import { userIdentityOf } from '../trail/identity.ts';
import { accountOfCredentials, authenticate, type Caller } from '../world/caller.ts';
import { organizationPolicies, orgPathOf } from '../world/organization.ts';
import type { IdGenerator } from '../world/ids.ts';
import { own, type WorldState } from '../world/state.ts';
import { undoLog, type UndoLog } from '../world/undo.ts';
import type { ServiceRequest, ServiceResponse } from './contract.ts';
import { accessDeniedFor, authenticationFault, fault, ServiceFault } from './errors.ts';
import { serviceDefinition } from './handlers.ts';
import { loadServices } from '../catalog/services.ts';
import type { AuthorizeOptions, OperationContext, TrailOverrides } from './operation.ts';
import { callerPolicies, referencedAwsManagedArns } from './policy-sources.ts';
import { globalContext } from './request-context.ts';
import { getOperationSpec, cliServiceName } from './specs/index.ts';
import { sessionRestriction } from './sts/session-rules.ts';
import { validateParams } from './validate.ts';
import { awsRegionOf, record, type CallBase } from './call-record.ts';
import { unsignedAccount, unsignedContext, unsignedIdentity } from './unsigned.ts';

/** The parts of a world the pipeline works on. */
export interface EndpointWorld {
  world: WorldState;
  ids: IdGenerator;
  nowMs(): number;
  /** Receives the authorization checks of each call, keyed by the eventID of its trail record (not saved). */
  onDecisions?(eventId: string | undefined, decisions: CallDecision[]): void;
  /**
   * Set by the pipeline once the world's references to AWS managed policies have been loaded; from
   * then on a request's own parameters are the only new references, so the world is not scanned again.
   */
  managedReferencesLoaded?: boolean;
}

/** One authorization check a call made: the engine's request and its answer with the explanation. */
export interface CallDecision {
  request: AuthorizationRequest;
  result: AuthorizationResult;
}

/** Default caller IP: a documentation address (RFC 5737). */
export const DEFAULT_SOURCE_IP = '203.0.113.10';
const DEFAULT_USER_AGENT =
  'aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython m/E cfg/retry-mode#standard md/installer#exe md/prompt#off';

/** Answers one request: loads the AWS managed documents it may need, then runs it synchronously. */
export async function invokeService(endpoint: EndpointWorld, request: ServiceRequest): Promise<ServiceResponse> {
  try {
    if (endpoint.managedReferencesLoaded !== true) {
      await loadAwsManagedDocuments(referencedArnsOfWorld(endpoint.world));
      endpoint.managedReferencesLoaded = true;
    }
    await loadAwsManagedDocuments(arnsIn(request.params));
    const operations = serviceDefinition(request.service)?.operations;
    const needs = operations && Object.hasOwn(operations, request.operation) ? operations[request.operation]?.catalog : undefined;
    if (needs !== undefined) await loadServices(needs);
    return invokeLoaded(endpoint, request);
  } catch {
    // Fail closed on a malformed request object or an internal error: nothing is performed.
    return {
      ok: false,
      error: fault('ServiceFailure', 'An internal error occurred in the simulator; the request was not performed.', 500).error,
    };
  }
}

function referencedArnsOfWorld(world: WorldState): Set<string> {
  const out = new Set<string>();
  for (const account of Object.values(world.accounts)) for (const arn of referencedAwsManagedArns(account)) out.add(arn);
  return out;
}

/** Runs one request whose managed policy documents are loaded. */
export function invokeLoaded(endpoint: EndpointWorld, request: ServiceRequest): ServiceResponse {
  const { world, ids } = endpoint;
  const nowMs = endpoint.nowMs();
  const region = request.region ?? world.region;
  const sourceIp = request.sourceIp ?? DEFAULT_SOURCE_IP;
  const spec = getOperationSpec(request.service, request.operation);
  const service = serviceDefinition(request.service);
  const definition = service && Object.hasOwn(service.operations, request.operation) ? service.operations[request.operation] : undefined;
  if (!spec || !service || !definition) {
    return {
      ok: false,
      error: fault('InvalidAction', `Could not find operation ${request.operation} for version of ${request.service}`, 400).error,
    };
  }
  const unsigned = request.credentials.kind === 'anonymous' ? unsignedAccount(world, request, definition) : undefined;
  if (unsigned !== undefined && !unsigned.ok) return { ok: false, error: unsigned.error };
  const account = unsigned?.account ?? accountOfCredentials(world, request.credentials);
  if (!account) {
    // A key that belongs to no account cannot be attributed, so no account's trail receives the event.
    return { ok: false, error: authenticationFault(service.errorProtocol, 'unknownKey').error };
  }
  const state = account;
  const userAgent =
    request.userAgent ?? `${DEFAULT_USER_AGENT} md/command#${cliServiceName(request.service)}.${spec.cliName ?? request.operation}`;
  const trail: TrailOverrides = {};
  const decisions: CallDecision[] = [];
  const base: CallBase = { world, state, service, ids, nowMs, region, sourceIp, userAgent, request, trail, decisions };
  const recordsBefore = state.records.length;
  const report = (): void =>
    endpoint.onDecisions?.(state.records.length > recordsBefore ? (state.records.at(-1)?.['eventID'] as string) : undefined, decisions);

  const auth = unsigned ? { caller: unsigned.caller } : authenticate(state, request.credentials, nowMs);
  if ('failure' in auth) {
    const known = auth.failure.known;
    const error = authenticationFault(service.errorProtocol, auth.failure.reason).error;
    // A known principal's failed authentication (inactive key, bad secret, expired session) is logged.
    if (known)
      record(base, definition.readOnly, userIdentityOf(state, known), { error, dataEvent: definition.dataEvent === true, caller: known });
    report();
    return { ok: false, error };
  }
  const caller = auth.caller;
  const identity = caller.type === 'Anonymous' ? unsignedIdentity() : userIdentityOf(state, caller);
  // A failed call changes nothing: the handler works through an undo log (world/undo.ts), and the
  // IDs it drew are given back, so the record that follows gets the same IDs as before.
  const log = undoLog(world);
  const idCounter = world.idCounter;
  try {
    const invalid = validateParams(spec.input, request.params);
    if (invalid) throw invalid;
    const restricted = sessionRestriction(caller, request.service, request.operation);
    if (restricted) throw restricted;
    const ctx = operationContext(base, viewOfCaller(log, caller), request.params, log);
    const output = definition.handler(ctx);
    touchAccessKey(base, caller);
    record(base, definition.readOnly, identity, { output, dataEvent: definition.dataEvent === true, caller });
    report();
    return { ok: true, output };
  } catch (e) {
    log.rollback();
    world.idCounter = idCounter;
    const error =
      e instanceof ServiceFault
        ? e.error
        : fault('ServiceFailure', 'An internal error occurred in the simulator; the request was not performed.', 500).error;
    record(base, definition.readOnly, identity, { error, dataEvent: definition.dataEvent === true, caller });
    report();
    return { ok: false, error };
  }
}

/** The caller with its user, role and session records seen through the undo log. */
function viewOfCaller(log: UndoLog<WorldState>, caller: Caller): Caller {
  return {
    ...caller,
    ...(caller.user ? { user: log.wrap(caller.user) } : {}),
    ...(caller.role ? { role: log.wrap(caller.role) } : {}),
    ...(caller.session ? { session: log.wrap(caller.session) } : {}),
  };
}

function operationContext(base: CallBase, caller: Caller, params: Record<string, unknown>, log: UndoLog<WorldState>): OperationContext {
  const check = (action: string, resource: string, options: AuthorizeOptions = {}): AuthorizationResult =>
    authorizeRequest(base, caller, action, resource, options).result;
  const world = log.view;
  return {
    state: log.wrap(base.state),
    stateForReading: base.state,
    world,
    accountState: (accountId) => own(world.accounts, accountId),
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
      throw accessDeniedFor(base.service.errorProtocol, deniedMessage(base, request, result, options.displayResource));
    },
  };
}

function authorizeRequest(
  base: CallBase,
  caller: Caller,
  action: string,
  resource: string,
  options: AuthorizeOptions,
): { request: AuthorizationRequest; result: AuthorizationResult } {
  // An unsigned call holds no policies; it is only ever authorized as the principal its handler names.
  if (caller.type === 'Anonymous' && options.principal === undefined)
    throw fault('ServiceFailure', `The simulator could not evaluate ${action}; the request was denied.`, 500);
  const policies = caller.type === 'Anonymous' ? { identityPolicies: [] } : callerPolicies(base.state, caller);
  const resourceAccountId = options.resourceAccountId ?? base.state.accountId;
  const organization = organizationPolicies(base.world.organization, caller.accountId, resourceAccountId);
  const request: AuthorizationRequest = {
    principal: options.principal ?? requestPrincipalOf(caller),
    action,
    resource,
    resourceAccountId,
    context: {
      ...(caller.type === 'Anonymous' ? unsignedContext(base) : globalContext(base.state, caller, base)),
      ...organizationContext(base.world, caller.accountId, resourceAccountId),
      'aws:ResourceAccount': resourceAccountId,
      ...(options.context ?? {}),
    },
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
    // Service-linked roles live under /aws-service-role/ and SCPs do not restrict them (Organizations User Guide, "Service control policies").
    const isServiceLinkedRole = caller.role.path.startsWith('/aws-service-role/');
    return {
      type: 'AssumedRole',
      arn: caller.arn,
      accountId: caller.accountId,
      roleArn: caller.role.arn,
      sessionArn: caller.arn,
      ...(isServiceLinkedRole ? { isServiceLinkedRole } : {}),
    };
  }
  return { type: caller.type, arn: caller.arn, accountId: caller.accountId };
}

/** The AccessDenied text: the engine's grammar, with the service's own conventions on top. */
function deniedMessage(base: CallBase, request: AuthorizationRequest, result: AuthorizationResult, displayResource?: string): string {
  const service = base.service;
  const org = base.world.organization;
  const crossAccount = request.principal.accountId !== '' && request.principal.accountId !== request.resourceAccountId;
  const sameOrganization =
    crossAccount &&
    org !== undefined &&
    Object.hasOwn(org.accounts, request.principal.accountId) &&
    Object.hasOwn(org.accounts, request.resourceAccountId);
  const raw = accessDeniedMessage(request, result, { ...(service.messageOptions?.(request) ?? {}), sameOrganization });
  const message =
    displayResource === undefined ? raw : raw.replace(` on resource: ${request.resource}`, ` on resource: ${displayResource}`);
  return service.deniedMessage ? service.deniedMessage(request, result, message, { crossAccount, sameOrganization }) : message;
}

/**
 * Organization keys of the request context, present only for principals and resources in an
 * organization (IAM User Guide, "AWS global condition context keys": aws:PrincipalOrgID,
 * aws:PrincipalOrgPaths, aws:ResourceOrgID, aws:ResourceOrgPaths,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
function organizationContext(world: WorldState, principalAccountId: string, resourceAccountId: string): Record<string, ContextValue> {
  const org = world.organization;
  const ctx: Record<string, ContextValue> = {};
  const principalPath = orgPathOf(org, principalAccountId);
  if (org && principalPath !== undefined) {
    ctx['aws:PrincipalOrgID'] = org.organizationId;
    ctx['aws:PrincipalOrgPaths'] = [principalPath];
  }
  const resourcePath = orgPathOf(org, resourceAccountId);
  if (org && resourcePath !== undefined) {
    ctx['aws:ResourceOrgID'] = org.organizationId;
    ctx['aws:ResourceOrgPaths'] = [resourcePath];
  }
  return ctx;
}

/** Long-term keys remember when, where and for which service they were last used (GetAccessKeyLastUsed). */
function touchAccessKey(base: CallBase, caller: Caller): void {
  const keys = caller.session ? [] : caller.user ? caller.user.accessKeys : base.state.root.accessKeys;
  const key = keys.find((k) => k.id === caller.accessKeyId);
  if (key) key.lastUsed = { date: base.nowMs, serviceName: base.service.name, region: awsRegionOf(base.service, base.region) };
}

/** Policy ARNs mentioned anywhere in request parameters (so their documents can be loaded first). */
function arnsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('arn:aws:iam::aws:policy/')) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => arnsIn(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) Object.values(value).forEach((v) => arnsIn(v, out));
  return out;
}
