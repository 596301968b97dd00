/**
 * "What would allow it?": for a denied request, the layer that blocks it and the smallest edits
 * that would allow it. Edits are proposed one blocking layer at a time, each applied to a copy of
 * the request and decided again by the engine, until the request is allowed; a plan is shown only
 * with the decision the engine gave after its last edit. An edit to a guardrail (an SCP, a
 * permissions boundary, a session policy, or removing a Deny statement) is labelled as one, never
 * proposed silently. Changing the request instead (a condition key value such as MFA) is offered
 * when the engine says that alone would allow it.
 */
import { authorize } from '../evaluate/authorize.ts';
import { reasonInWords } from '../evaluate/messages.ts';
import { parseCached } from '../evaluate/policy-cache.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  ContextValue,
  Decision,
  PolicySource,
  PolicyType,
  ReasonCode,
} from '../evaluate/types.ts';
import { keyValueCandidates } from './values.ts';

/** One proposed change. */
export interface RepairEdit {
  kind: 'addStatement' | 'removeStatement' | 'createPolicy' | 'changeRequest';
  /** The layer the edit touches ('request' for a changed context value). */
  layer: PolicyType | 'request';
  /** The policy edited (`new` for a policy to create). */
  policyId: string;
  policyName?: string;
  policyArn?: string;
  /** The statement added or removed. */
  statement?: Record<string, unknown>;
  /** The edited policy document, as JSON text. */
  document?: string;
  /** For changeRequest: the context key and its new value (undefined = leave it out). */
  contextKey?: string;
  contextValue?: ContextValue;
  /** The edit weakens a guardrail: say so wherever it is shown. */
  guardrail: boolean;
  words: string;
}

/** One way to get the request allowed: edits in order, each with the engine's decision after it. */
export interface RepairPlan {
  edits: RepairEdit[];
  decisions: Decision[];
  /** The engine's decision after the last edit ('allowed' for a plan that works). */
  decision: Decision;
}

/** The repair answer for one request. */
export interface RepairReport {
  decision: Decision;
  reason: ReasonCode;
  /** The blocking layer, in words. */
  blocking: string;
  /** Plans that end in 'allowed', request changes first (they need no policy edit). */
  plans: RepairPlan[];
}

const MAX_STEPS = 6;

/** The blocking layer and the plans that allow a request (empty plans when it is already allowed). */
export function repairRequest(request: AuthorizationRequest): RepairReport {
  const result = authorize(request);
  const report: RepairReport = {
    decision: result.decision,
    reason: result.reason,
    blocking: reasonInWords(result.reason, result.decidingLayer),
    plans: [],
  };
  if (result.decision === 'allowed') return report;
  report.plans.push(...requestChanges(request, result));
  const plan: RepairPlan = { edits: [], decisions: [], decision: result.decision };
  let current = request;
  let r = result;
  for (let step = 0; step < MAX_STEPS && r.decision !== 'allowed'; step++) {
    const edits = editsFor(current, r);
    if (edits.length === 0) break;
    for (const e of edits) current = e.apply(current);
    r = authorize(current);
    for (const e of edits) plan.edits.push(e.edit);
    plan.decisions.push(...edits.map(() => r.decision));
    plan.decision = r.decision;
  }
  if (plan.edits.length > 0) report.plans.push(plan);
  return report;
}

interface PendingEdit {
  edit: RepairEdit;
  apply: (r: AuthorizationRequest) => AuthorizationRequest;
}

/** Changing one condition key of the request, when that alone allows it. */
function requestChanges(request: AuthorizationRequest, result: AuthorizationResult): RepairPlan[] {
  const out: RepairPlan[] = [];
  const seen = new Set<string>();
  for (const p of result.explanation.policies) {
    for (const s of p.statements) {
      if (!s.action.matched || s.resource?.matched === false) continue;
      for (const c of s.conditions) {
        const lower = c.key.toLowerCase();
        if (seen.has(lower)) continue;
        seen.add(lower);
        const conds = conditionsOn(request, lower);
        const values: (string | undefined)[] = [undefined, ...keyValueCandidates(conds, undefined).values];
        for (const v of values) {
          const context = { ...request.context };
          for (const k of Object.keys(context)) if (k.toLowerCase() === lower) delete context[k];
          if (v !== undefined) context[c.key] = v;
          if (authorize({ ...request, context }).decision !== 'allowed') continue;
          const words = v === undefined ? `Send the request without ${c.key}.` : `Send the request with ${c.key} = ${JSON.stringify(v)}.`;
          const edit: RepairEdit = {
            kind: 'changeRequest',
            layer: 'request',
            policyId: 'request',
            contextKey: c.key,
            guardrail: false,
            words,
          };
          if (v !== undefined) edit.contextValue = v;
          out.push({ edits: [edit], decisions: ['allowed'], decision: 'allowed' });
          break;
        }
      }
    }
  }
  return out;
}

function conditionsOn(
  request: AuthorizationRequest,
  lower: string,
): NonNullable<ReturnType<typeof parseCached>['policy']>['statements'][number]['conditions'] {
  const out = [];
  for (const source of sourcesOf(request)) {
    const parsed = typeof source.document === 'string' ? parseCached(source.document, source.policyType).policy : source.document;
    for (const s of parsed?.statements ?? []) for (const c of s.conditions) if (c.key.value.toLowerCase() === lower) out.push(c);
  }
  return out;
}

/** Every policy that takes part in a request. */
function sourcesOf(r: AuthorizationRequest): PolicySource[] {
  return [
    ...r.identityPolicies,
    ...(r.permissionsBoundary ? [r.permissionsBoundary] : []),
    ...(r.sessionPolicies ?? []),
    ...(r.resourcePolicy ? [r.resourcePolicy.policy] : []),
    ...(r.organization?.scps ?? []).flat(),
    ...(r.organization?.rcps ?? []).flat(),
  ];
}

/** The edits that lift the layer that blocks now. */
function editsFor(req: AuthorizationRequest, r: AuthorizationResult): PendingEdit[] {
  const allow = { Effect: 'Allow', Action: req.action, Resource: req.resource };
  const caller = req.principal.type === 'AssumedRole' ? (req.principal.roleArn ?? req.principal.arn) : req.principal.arn;
  switch (r.reason) {
    case 'EXPLICIT_DENY':
      return r.decidingStatements
        .map((d) => {
          const source = sourcesOf(req).find((s) => s.id === d.policyId);
          return source ? removeEdit(source, d.statementIndex, d.sid) : undefined;
        })
        .filter((e): e is PendingEdit => e !== undefined);
    case 'NO_IDENTITY_ALLOW':
    case 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW':
      return [createIdentityPolicy(allow)];
    case 'BOUNDARY_IMPLICIT_DENY':
      return req.permissionsBoundary ? [addEdit(req.permissionsBoundary, allow, (x, s) => ({ ...x, permissionsBoundary: s }))] : [];
    case 'SCP_IMPLICIT_DENY': {
      const levels = req.organization?.scps ?? [];
      const step = r.explanation.steps.find((x) => x.step === 'scp' && x.code === 'SCP_LEVEL_NO_ALLOW');
      const level = Number(step?.params['level'] ?? -1);
      const target = levels[level]?.[0];
      if (!target) return [];
      const scpAllow = { Effect: 'Allow', Action: req.action, Resource: '*' };
      return [
        addEdit(target, scpAllow, (x, s) => ({
          ...x,
          organization: { ...x.organization, scps: (x.organization?.scps ?? []).map((l, i) => (i === level ? [s, ...l.slice(1)] : l)) },
        })),
      ];
    }
    case 'SESSION_POLICY_IMPLICIT_DENY': {
      const first = req.sessionPolicies?.[0];
      return first ? [addEdit(first, allow, (x, s) => ({ ...x, sessionPolicies: [s, ...(x.sessionPolicies ?? []).slice(1)] }))] : [];
    }
    case 'FEDERATED_NO_SESSION_POLICY':
      return [createSessionPolicy(allow)];
    case 'TRUST_POLICY_NO_ALLOW':
    case 'KEY_POLICY_NO_ALLOW':
    case 'NO_RESOURCE_POLICY_ALLOW':
    case 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW':
    case 'ANONYMOUS_NO_RESOURCE_ALLOW': {
      const principal =
        req.principal.type === 'Anonymous' ? '*' : req.principal.type === 'AWSService' ? { Service: req.principal.arn } : { AWS: caller };
      const grant = {
        Effect: 'Allow',
        Principal: principal,
        Action: req.action,
        ...(r.reason === 'TRUST_POLICY_NO_ALLOW' ? {} : { Resource: req.resource }),
      };
      const rp = req.resourcePolicy;
      if (rp) return [addEdit(rp.policy, grant, (x, s) => ({ ...x, resourcePolicy: { ...rp, policy: s } }))];
      return [createResourcePolicy(grant, req.resourceAccountId)];
    }
    default:
      return [];
  }
}

const GUARDRAIL_TYPES = new Set<string>(['scp', 'rcp', 'boundary', 'session']);

function textOf(source: PolicySource): string {
  return typeof source.document === 'string' ? source.document : source.document.text;
}

function statementsOfText(text: string): { doc: Record<string, unknown>; list: Record<string, unknown>[] } {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const s = doc['Statement'];
  const list = (Array.isArray(s) ? s : s === undefined ? [] : [s]) as Record<string, unknown>[];
  return { doc, list };
}

function labelled(source: PolicySource): Pick<RepairEdit, 'policyId' | 'policyName' | 'policyArn' | 'layer'> {
  const out: Pick<RepairEdit, 'policyId' | 'policyName' | 'policyArn' | 'layer'> = { policyId: source.id, layer: source.policyType };
  if (source.name !== undefined) out.policyName = source.name;
  if (source.arn !== undefined) out.policyArn = source.arn;
  return out;
}

const LAYER_WORDS: Record<string, string> = {
  identity: 'identity policy',
  boundary: 'permissions boundary',
  scp: 'service control policy',
  rcp: 'resource control policy',
  session: 'session policy',
  resource: 'resource-based policy',
  trust: 'role trust policy',
};

function addEdit(
  source: PolicySource,
  statement: Record<string, unknown>,
  put: (r: AuthorizationRequest, s: PolicySource) => AuthorizationRequest,
): PendingEdit {
  const { doc, list } = statementsOfText(textOf(source));
  const sids = new Set(list.map((s) => s['Sid']));
  let sid = 'AllowThisRequest';
  for (let n = 2; sids.has(sid); n++) sid = `AllowThisRequest${n}`;
  const added = { Sid: sid, ...statement };
  const document = JSON.stringify({ ...doc, Statement: [...list, added] }, null, 2);
  const guardrail = GUARDRAIL_TYPES.has(source.policyType);
  const name = source.name ?? source.arn ?? source.id;
  const words = `Add statement ${sid} to the ${LAYER_WORDS[source.policyType] ?? source.policyType} ${name}${guardrail ? ' — this widens a guardrail' : ''}.`;
  const edit: RepairEdit = { kind: 'addStatement', ...labelled(source), statement: added, document, guardrail, words };
  return { edit, apply: (r) => put(r, { ...source, document }) };
}

function removeEdit(source: PolicySource, index: number, sid: string | undefined): PendingEdit {
  const { doc, list } = statementsOfText(textOf(source));
  const removed = list[index] ?? {};
  const document = JSON.stringify({ ...doc, Statement: list.filter((_, i) => i !== index) }, null, 2);
  const name = source.name ?? source.arn ?? source.id;
  const words = `Remove the Deny statement ${sid ?? `#${index + 1}`} from the ${LAYER_WORDS[source.policyType] ?? source.policyType} ${name} — this removes a guardrail (an explicit deny).`;
  const edit: RepairEdit = { kind: 'removeStatement', ...labelled(source), statement: removed, document, guardrail: true, words };
  const replace = (r: AuthorizationRequest): AuthorizationRequest => {
    const swap = (s: PolicySource): PolicySource => (s.id === source.id ? { ...s, document } : s);
    const out: AuthorizationRequest = { ...r, identityPolicies: r.identityPolicies.map(swap) };
    if (r.permissionsBoundary) out.permissionsBoundary = swap(r.permissionsBoundary);
    if (r.sessionPolicies) out.sessionPolicies = r.sessionPolicies.map(swap);
    if (r.resourcePolicy) out.resourcePolicy = { ...r.resourcePolicy, policy: swap(r.resourcePolicy.policy) };
    if (r.organization) {
      out.organization = { ...r.organization };
      if (r.organization.scps) out.organization.scps = r.organization.scps.map((l) => l.map(swap));
      if (r.organization.rcps) out.organization.rcps = r.organization.rcps.map((l) => l.map(swap));
    }
    return out;
  };
  return { edit, apply: replace };
}

function newDocument(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'AllowThisRequest', ...statement }] }, null, 2);
}

function createIdentityPolicy(statement: Record<string, unknown>): PendingEdit {
  const document = newDocument(statement);
  const edit: RepairEdit = {
    kind: 'createPolicy',
    layer: 'identity',
    policyId: 'new',
    policyName: 'AllowThisRequest',
    statement,
    document,
    guardrail: false,
    words:
      'Attach a new inline policy AllowThisRequest to the caller (an identity policy that allows exactly this action on this resource).',
  };
  return {
    edit,
    apply: (r) => ({
      ...r,
      identityPolicies: [...r.identityPolicies, { id: 'new', policyType: 'identity', name: 'AllowThisRequest', document }],
    }),
  };
}

function createSessionPolicy(statement: Record<string, unknown>): PendingEdit {
  const document = newDocument(statement);
  const edit: RepairEdit = {
    kind: 'createPolicy',
    layer: 'session',
    policyId: 'new-session',
    statement,
    document,
    guardrail: true,
    words:
      'Start a new session with this session policy (a federated user session has no permissions without one) — this widens a guardrail.',
  };
  return { edit, apply: (r) => ({ ...r, sessionPolicies: [{ id: 'new-session', policyType: 'session', document }] }) };
}

function createResourcePolicy(statement: Record<string, unknown>, account: string): PendingEdit {
  const document = newDocument(statement);
  const edit: RepairEdit = {
    kind: 'createPolicy',
    layer: 'resource',
    policyId: 'new-resource',
    statement,
    document,
    guardrail: false,
    words: `Give the resource (account ${account}) a resource-based policy that names the caller: across accounts both sides must allow.`,
  };
  return {
    edit,
    apply: (r) => ({ ...r, resourcePolicy: { kind: 'resource', policy: { id: 'new-resource', policyType: 'resource', document } } }),
  };
}
