/**
 * `authorize(request)`: the AWS evaluation flow (IAM User Guide, "Policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, and "Cross-account policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
 * root default → explicit deny anywhere → RCPs → SCPs (an allow at every level) → resource-based
 * policy (same account: enough on its own depending on how it names the caller; trust and key
 * policies must allow explicitly) → identity policies → permissions boundary → session policies.
 * Cross-account: the principal's side and the resource's side must both allow.
 * Fails closed: a policy that does not parse, or an internal error, never yields `allowed`.
 */
import { RCP_SUPPORTED_SERVICES } from '../catalog/static-data.ts';
import { contextView, type NormalizedContext } from './context.ts';
import { RESOURCE_GRANT_CODES, type FlowStepCode } from './explanation-codes.ts';
import { appended, decidePolicy, type DecidedStatement } from './decide.ts';
import { parsedPolicyOf } from './policy-cache.ts';
import type { PrincipalMatchKind } from './principal.ts';
import { LazyResult } from './lazy-result.ts';
import { evaluatePolicy, type StatementRequest } from './statement.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  DecidingLayer,
  Explanation,
  FlowStep,
  ParseResult,
  PolicyExplanation,
  PolicySource,
  PolicyType,
  ReasonCode,
  RequestPrincipal,
  StatementRef,
} from './types.ts';
import type { VariableLookup } from './variables.ts';

const RCP_SERVICES = RCP_SUPPORTED_SERVICES;
const ACTION_SHAPE = /^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/;
/** Steps without parameters share one empty object (frozen: nothing may write into it). */
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** Layers with nothing in them share one empty list (frozen: the first entry replaces it). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Room for the step log of a typical decision (it grows past this if it must). */
const FLOW_ROOM = 24;
/** Step kinds and outcomes by number, for the compact step log (Evaluation.flow). */
const STEP_KINDS: readonly FlowStep['step'][] = [
  'root',
  'deny',
  'rcp',
  'scp',
  'resource',
  'identity',
  'boundary',
  'session',
  'crossAccount',
  'final',
];
const OUTCOMES: readonly FlowStep['outcome'][] = ['allow', 'deny', 'implicitDeny', 'continue', 'skip'];
const indexes = <K extends string>(list: readonly K[]): Record<K, number> =>
  Object.fromEntries(list.map((k, i) => [k, i])) as Record<K, number>;
const STEP_INDEX = indexes(STEP_KINDS);
const OUTCOME_INDEX = indexes(OUTCOMES);

/** An action as the evaluation reads it: lower-cased, and its service prefix. */
interface ActionInfo {
  lower: string;
  service: string;
  /** The parameters of the RCP step, which names the service (frozen: shared by every request). */
  serviceParams: Record<string, string>;
}
/** The same few actions recur on every request: shape-checked and lower-cased once. null = not `service:Action`. */
const actionInfos = new Map<string, ActionInfo | null>();

function actionInfo(action: string): ActionInfo | null {
  let hit = actionInfos.get(action);
  if (hit !== undefined) return hit;
  if (ACTION_SHAPE.test(action)) {
    const lower = action.toLowerCase();
    const service = lower.slice(0, lower.indexOf(':'));
    hit = { lower, service, serviceParams: Object.freeze({ service }) };
  } else hit = null;
  if (actionInfos.size > 5000) actionInfos.clear();
  actionInfos.set(action, hit);
  return hit;
}

/**
 * Decides one request, with the full explanation. Never throws. The explanation is built when it is
 * first read (most decisions are never explained); it is the same as if it had been built at once.
 */
export function authorize(request: AuthorizationRequest): AuthorizationResult {
  return decide(request, false);
}

/**
 * `authorize` with every statement traced as the decision is made, and the explanation built at once:
 * for callers that always read it (simulations), and the reference that authorize's untraced
 * decision is tested against (lazy-explanation.test.ts).
 */
export function authorizeTraced(request: AuthorizationRequest): AuthorizationResult {
  return decide(request, true);
}

function decide(request: AuthorizationRequest, traced: boolean): AuthorizationResult {
  try {
    return new Evaluation(request, traced).run();
  } catch (error) {
    // Fail closed: an internal error is a deny that says what happened.
    return {
      decision: 'implicitDeny',
      reason: 'INVALID_REQUEST',
      decidingLayer: 'request',
      decidingStatements: [],
      explanation: {
        steps: [
          {
            step: 'final',
            outcome: 'implicitDeny',
            code: 'INTERNAL_ERROR',
            params: { error: error instanceof Error ? error.message : String(error) },
          },
        ],
        policies: [],
        missingContextKeys: [],
        crossAccount: false,
      },
    };
  }
}

interface LayerResult {
  /** Policies of the layer that parsed. */
  count: number;
  allows: DecidedStatement[];
  denies: DecidedStatement[];
}

/**
 * A policy that took part, kept to explain the decision later: what was known about it then (the
 * source's fields are copied, since the caller may change its objects after the decision).
 */
interface Taken extends PolicySource {
  parsed: ParseResult;
  level: number | undefined;
  /** Its trace, when it was traced as it was decided. */
  traced?: PolicyExplanation;
}

class Evaluation implements StatementRequest {
  readonly request: AuthorizationRequest;
  readonly traced: boolean;
  /**
   * The steps so far, compactly: a number (step kind × 16 + outcome × 2 + 1 when parameters follow),
   * the code, then the parameters if any. A decision records up to ten steps and most are never
   * explained: step objects are made only to explain.
   */
  readonly flow = new Array<number | string | Record<string, string>>(FLOW_ROOM);
  flowLength = 0;
  /** Every policy that took part, in the order the explanation lists them. */
  taken: Taken[] = NONE;
  /** The first that did not parse. */
  broken: Taken | undefined;
  readonly crossAccount: boolean;
  readonly action: ActionInfo | null;
  // What statements are tested against (StatementRequest): the evaluation is its own statement request.
  readonly actionLower: string;
  readonly resource: string;
  readonly principal: RequestPrincipal;
  readonly ctx: NormalizedContext;
  readonly lookup: VariableLookup;
  readonly hasBoundary: boolean;

  constructor(request: AuthorizationRequest, traced: boolean) {
    this.request = request;
    this.traced = traced;
    this.action = typeof request.action === 'string' ? actionInfo(request.action) : null;
    this.actionLower = this.action?.lower ?? String(request.action).toLowerCase();
    this.resource = String(request.resource);
    // A copy: the explanation is built later from what the request said now.
    // Only resource policies and RCPs name principals: the explanation of other policies never reads it.
    this.principal = request.resourcePolicy || request.organization?.rcps ? { ...request.principal } : request.principal;
    const view = contextView(request.context ?? {});
    this.ctx = view.ctx;
    this.lookup = view.lookup;
    this.hasBoundary = request.permissionsBoundary !== undefined;
    const p = request.principal;
    this.crossAccount = hasIdentity(p.type) && p.accountId !== request.resourceAccountId;
  }

  run(): AuthorizationResult {
    const { request } = this;
    const p = request.principal;
    if (!this.action) return this.finish('implicitDeny', 'INVALID_REQUEST', 'request', [], { action: String(request.action) });
    const service = this.action.service;
    const isRoot = p.type === 'Root';
    const signedIn = hasIdentity(p.type);
    const org = request.organization;
    const slr = p.isServiceLinkedRole === true;

    // Which layers take part in this request.
    const scpApplies = org?.scps !== undefined && signedIn && p.accountId !== org.managementAccountId && !slr;
    const rcpApplies =
      org?.rcps !== undefined &&
      request.resourceAccountId !== org.managementAccountId &&
      RCP_SERVICES.has(service) &&
      !org.resourceIsAwsManagedKey &&
      !slr;
    const isSession = p.type === 'AssumedRole' || p.type === 'FederatedUser';

    const scpLevels = scpApplies ? (org?.scps ?? NONE).map((level, i) => this.layer(level, i)) : NONE;
    const rcpLevels = rcpApplies ? (org?.rcps ?? NONE).map((level, i) => this.layer(level, i)) : NONE;
    const rp = request.resourcePolicy;
    const resource = rp ? this.layer([rp.policy]) : undefined;
    const identity = signedIn && !isRoot ? this.layer(request.identityPolicies ?? []) : undefined;
    const boundary = signedIn && !isRoot && request.permissionsBoundary ? this.layer([request.permissionsBoundary]) : undefined;
    const session = isSession && request.sessionPolicies !== undefined ? this.layer(request.sessionPolicies) : undefined;

    if (isRoot) this.step('root', 'continue', 'ROOT_USER_FULL_ACCESS_BY_DEFAULT', NO_PARAMS);

    // Fail closed: a policy that takes part but does not parse blocks the request.
    const broken = this.broken;
    if (broken) return this.finish('implicitDeny', 'POLICY_ERROR', broken.policyType, [], { policyId: broken.id });

    // 1. Explicit deny in any applicable policy, reported for the first layer that
    // has one in this order (one policy type is named): SCP, RCP, resource, identity, boundary, session.
    const explicit =
      levelDenies(scpLevels) ??
      levelDenies(rcpLevels) ??
      someDenies(resource) ??
      someDenies(identity) ??
      someDenies(boundary) ??
      someDenies(session);
    const first = explicit?.[0];
    if (explicit && first) {
      this.step('deny', 'deny', 'EXPLICIT_DENY_FOUND', { policyType: first.statement.policyType, policyId: first.statement.policyId });
      const denyType: DecidingLayer = explicit === resource?.denies && rp?.kind === 'key' ? 'key' : first.statement.policyType;
      return this.finish('explicitDeny', 'EXPLICIT_DENY', denyType, refs(explicit, undefined), NO_PARAMS);
    }
    this.step('deny', 'continue', 'NO_EXPLICIT_DENY', NO_PARAMS);

    // 2. RCPs: RCPFullAWSAccess is attached at every level and cannot be detached, so an RCP can
    // only deny (Organizations User Guide, "Resource control policies").
    this.step('rcp', rcpApplies ? 'continue' : 'skip', rcpApplies ? 'RCP_NO_DENY' : 'RCP_NOT_APPLICABLE', this.action.serviceParams);

    // 3. SCPs: an allow is needed at every level, root → OUs → account.
    // A level with no applicable Allow ends the evaluation: "If the enforcement code does not find any
    // applicable Allow statements in the SCPs, the request is explicitly denied, even if the denial is
    // implicit" (IAM User Guide, "Determining whether a request is allowed or denied within an account",
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html). We read that
    // as *final*: nothing later (a resource-based policy naming the caller, identity policies) can
    // override it, so we stop here. We still report `implicitDeny` / SCP_IMPLICIT_DENY, because no
    // Deny statement matched ("The difference between explicit and implicit denies": an explicit deny
    // is an applicable Deny statement) and AWS's own AccessDenied text for this case is the implicit
    // form, "because no service control policy allows the … action". The explanation says both.
    if (scpApplies) {
      const missing = scpLevels.findIndex((l) => l.allows.length === 0);
      if (missing >= 0) {
        this.step('scp', 'implicitDeny', 'SCP_LEVEL_NO_ALLOW', { level: String(missing), final: 'true' });
        return this.finish('implicitDeny', 'SCP_IMPLICIT_DENY', 'scp', [], { level: String(missing) });
      }
      this.step('scp', 'allow', 'SCP_ALLOW_EVERY_LEVEL', { levels: String(scpLevels.length) });
    } else
      this.step(
        'scp',
        'skip',
        org?.scps === undefined
          ? 'SCP_NO_ORGANIZATION'
          : slr
            ? 'SCP_SERVICE_LINKED_ROLE'
            : signedIn
              ? 'SCP_MANAGEMENT_ACCOUNT'
              : 'SCP_NOT_APPLICABLE',
        {},
      );

    // 4. Resource-based policy: how its Allow names the caller decides what it is worth.
    const grant = resource ? strongestGrant(resource.allows) : undefined;
    const rpKind = rp?.kind ?? 'resource';
    const allowReason: ReasonCode =
      rpKind === 'trust' ? 'TRUST_POLICY_ALLOW' : rpKind === 'key' ? 'KEY_POLICY_ALLOW' : 'RESOURCE_POLICY_ALLOW';
    const noAllowReason: ReasonCode =
      rpKind === 'trust' ? 'TRUST_POLICY_NO_ALLOW' : rpKind === 'key' ? 'KEY_POLICY_NO_ALLOW' : 'NO_RESOURCE_POLICY_ALLOW';
    const rpLayer: DecidingLayer = rpKind === 'key' ? 'key' : rpKind === 'trust' ? 'trust' : 'resource';
    // A trust or key policy without an Allow ends the evaluation here (it must allow explicitly), so the
    // step says "no allow", not "passes" (learners review: a denied trust policy read "evaluation continues").
    const mustAllow = (rpKind === 'trust' || rpKind === 'key') && rp !== undefined;
    if (resource)
      this.step(
        'resource',
        grant ? 'allow' : mustAllow ? 'implicitDeny' : 'continue',
        grant ? RESOURCE_GRANT_CODES[grant.kind] : 'RESOURCE_NO_ALLOW',
        {
          kind: rpKind,
        },
      );
    else this.step('resource', 'skip', 'NO_RESOURCE_POLICY', NO_PARAMS);

    // Callers with no identity: only the resource policy can let them in.
    if (!signedIn) {
      if (grant) return this.finish('allowed', allowReason, rpLayer, grant.statements, NO_PARAMS);
      return this.finish('implicitDeny', p.type === 'Anonymous' ? 'ANONYMOUS_NO_RESOURCE_ALLOW' : noAllowReason, rpLayer, [], NO_PARAMS);
    }
    // Trust and key policies must allow explicitly, whatever identity policies say.
    if (mustAllow && !grant) return this.finish('implicitDeny', noAllowReason, rpLayer, [], NO_PARAMS);

    if (this.crossAccount) {
      this.step('crossAccount', 'continue', 'CROSS_ACCOUNT_BOTH_SIDES', {
        principalAccount: p.accountId,
        resourceAccount: request.resourceAccountId,
      });
      if (!grant) return this.finish('implicitDeny', rp ? noAllowReason : 'CROSS_ACCOUNT_NO_RESOURCE_ALLOW', rpLayer, [], NO_PARAMS);
      if (isRoot) return this.finish('allowed', allowReason, rpLayer, grant.statements, NO_PARAMS);
      const denied = this.principalSide(identity, boundary, session, 'CROSS_ACCOUNT_NO_IDENTITY_ALLOW');
      if (denied) return denied;
      return this.finish('allowed', allowReason, rpLayer, refs(grant.statements, identity?.allows), NO_PARAMS);
    }

    if (isRoot) return this.finish('allowed', 'ROOT_USER_ALLOWED', 'root', grant?.statements ?? [], NO_PARAMS);

    // Same account (IAM User Guide, "Policy evaluation logic", resource-based policies by principal
    // type, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): a grant to the user ARN or to the session ARN is not limited
    // by implicit denies; a grant to the role ARN (or everyone) is still limited by the boundary and
    // session policies; an account grant needs the identity side.
    if (grant && (grant.kind === 'user' || grant.kind === 'session'))
      return this.finish('allowed', allowReason, rpLayer, grant.statements, NO_PARAMS);
    if (grant && grant.kind !== 'account') {
      const denied = this.boundaryAndSession(boundary, session);
      if (denied) return denied;
      return this.finish('allowed', allowReason, rpLayer, grant.statements, NO_PARAMS);
    }
    const denied = this.principalSide(identity, boundary, session, 'NO_IDENTITY_ALLOW');
    if (denied) return denied;
    return this.finish('allowed', 'IDENTITY_ALLOW', 'identity', refs(identity?.allows, grant?.statements), NO_PARAMS);
  }

  /** Identity policies, then the boundary, then session policies must allow. */
  principalSide(
    identity: LayerResult | undefined,
    boundary: LayerResult | undefined,
    session: LayerResult | undefined,
    noIdentity: ReasonCode,
  ): AuthorizationResult | undefined {
    if (!identity || identity.allows.length === 0) {
      this.step('identity', 'implicitDeny', 'IDENTITY_NO_ALLOW', { policies: String(identity?.count ?? 0) });
      return this.finish('implicitDeny', noIdentity, 'identity', [], NO_PARAMS);
    }
    this.step('identity', 'allow', 'IDENTITY_ALLOW', NO_PARAMS);
    return this.boundaryAndSession(boundary, session);
  }

  boundaryAndSession(boundary: LayerResult | undefined, session: LayerResult | undefined): AuthorizationResult | undefined {
    if (boundary) {
      if (boundary.allows.length === 0) {
        this.step('boundary', 'implicitDeny', 'BOUNDARY_NO_ALLOW', NO_PARAMS);
        return this.finish('implicitDeny', 'BOUNDARY_IMPLICIT_DENY', 'boundary', [], NO_PARAMS);
      }
      this.step('boundary', 'allow', 'BOUNDARY_ALLOW', NO_PARAMS);
    } else this.step('boundary', 'skip', 'NO_BOUNDARY', NO_PARAMS);
    const p = this.request.principal;
    if (session) {
      if (session.allows.length === 0) {
        this.step('session', 'implicitDeny', 'SESSION_POLICY_NO_ALLOW', NO_PARAMS);
        return this.finish('implicitDeny', 'SESSION_POLICY_IMPLICIT_DENY', 'session', [], NO_PARAMS);
      }
      this.step('session', 'allow', 'SESSION_POLICY_ALLOW', NO_PARAMS);
    } else if (p.type === 'FederatedUser') {
      // "If you do not pass any session policies, then the resulting federated user session has no
      // permissions" (STS GetFederationToken).
      this.step('session', 'implicitDeny', 'FEDERATED_NO_SESSION_POLICY', NO_PARAMS);
      return this.finish('implicitDeny', 'FEDERATED_NO_SESSION_POLICY', 'session', [], NO_PARAMS);
    } else this.step('session', 'skip', p.type === 'AssumedRole' ? 'ROLE_SESSION_NO_SESSION_POLICY' : 'NOT_A_SESSION', NO_PARAMS);
    return undefined;
  }

  /** Decides the policies of one layer (or one organization level). */
  layer(sources: readonly PolicySource[], level?: number): LayerResult {
    const out: LayerResult = { count: 0, allows: NONE, denies: NONE };
    for (const source of sources) {
      const parsed = parsedPolicyOf(source);
      // What the explanation needs of the source, as it is now.
      const taken: Taken = { id: source.id, policyType: source.policyType, document: source.document, parsed, level };
      if (source.arn !== undefined) taken.arn = source.arn;
      if (source.name !== undefined) taken.name = source.name;
      this.taken = appended(this.taken, taken);
      if (!parsed.ok) {
        this.broken ??= taken;
        continue;
      }
      out.count++;
      if (!this.traced) {
        decidePolicy(parsed.policy, taken, this, out);
        continue;
      }
      const evaluation = evaluatePolicy(parsed.policy, taken, this);
      taken.traced = evaluation.explanation;
      for (const a of evaluation.allows) out.allows = appended(out.allows, decided(a.statement, a.principalMatch));
      for (const d of evaluation.denies) out.denies = appended(out.denies, decided(d.statement, d.principalMatch));
    }
    return out;
  }

  /** The trace of every policy that took part, and the context keys its conditions missed. */
  explain(): Explanation {
    const policies: PolicyExplanation[] = [];
    for (const source of this.taken) {
      const { parsed, level, traced } = source;
      if (traced) {
        if (level !== undefined) traced.level = level;
        policies.push(traced);
        continue;
      }
      if (!parsed.ok) {
        const explanation: PolicyExplanation = {
          policyId: source.id,
          policyType: source.policyType,
          outcome: 'error',
          statements: [],
          errors: parsed.errors.map((e) => ({ code: e.code, message: e.message, span: e.span })),
        };
        if (source.arn !== undefined) explanation.policyArn = source.arn;
        if (level !== undefined) explanation.level = level;
        policies.push(explanation);
        continue;
      }
      const { explanation } = evaluatePolicy(parsed.policy, source, this);
      if (level !== undefined) explanation.level = level;
      policies.push(explanation);
    }
    const missing = new Set<string>();
    for (const pol of policies) for (const s of pol.statements) for (const c of s.conditions) if (!c.keyPresent) missing.add(c.key);
    const steps: FlowStep[] = [];
    const flow = this.flow;
    for (let i = 0; i < this.flowLength;) {
      const tag = flow[i++] as number;
      const code = flow[i++] as FlowStepCode;
      const params = tag & 1 ? (flow[i++] as Record<string, string>) : NO_PARAMS;
      steps.push({ step: STEP_KINDS[tag >> 4] ?? 'final', outcome: OUTCOMES[(tag >> 1) & 7] ?? 'implicitDeny', code, params });
    }
    return { steps, policies, missingContextKeys: [...missing], crossAccount: this.crossAccount };
  }

  step(step: FlowStep['step'], outcome: FlowStep['outcome'], code: FlowStepCode, params: Record<string, string>): void {
    const tag = (STEP_INDEX[step] << 4) | (OUTCOME_INDEX[outcome] << 1);
    const flow = this.flow;
    flow[this.flowLength++] = params === NO_PARAMS ? tag : tag | 1;
    flow[this.flowLength++] = code;
    if (params !== NO_PARAMS) flow[this.flowLength++] = params;
  }

  finish(
    decision: AuthorizationResult['decision'],
    reason: ReasonCode,
    layer: DecidingLayer,
    statements: StatementRef[],
    params: Record<string, string>,
  ): AuthorizationResult {
    this.step('final', decision === 'allowed' ? 'allow' : decision === 'explicitDeny' ? 'deny' : 'implicitDeny', reason, params);
    const result: AuthorizationResult = this.traced
      ? { decision, reason, decidingLayer: layer, decidingStatements: statements, explanation: this.explain() }
      : new LazyResult(decision, reason, layer, statements, this);
    if (decision !== 'allowed' && layer !== 'root' && layer !== 'none' && layer !== 'request') result.deniedByPolicyType = layer;
    return result;
  }
}

/** A deciding statement from a traced one (the trace fields left out, so results stay small). */
function decided(s: StatementRef, principalMatch: DecidedStatement['principalMatch']): DecidedStatement {
  const statement: StatementRef = {
    policyId: s.policyId,
    policyType: s.policyType,
    statementIndex: s.statementIndex,
    effect: s.effect,
    span: s.span,
  };
  if (s.policyArn !== undefined) statement.policyArn = s.policyArn;
  if (s.sid !== undefined) statement.sid = s.sid;
  return principalMatch ? { statement, principalMatch } : { statement };
}

/** Callers with an AWS identity of their own; the others (anonymous, services, web identity and SAML callers) depend on the resource policy alone. */
function hasIdentity(type: AuthorizationRequest['principal']['type']): boolean {
  return type !== 'Anonymous' && type !== 'AWSService' && type !== 'WebIdentityUser' && type !== 'SAMLUser';
}

const GRANT_RANK: Record<PrincipalMatchKind, number> = {
  wildcard: 1,
  account: 0,
  federated: 2,
  service: 2,
  role: 3,
  federatedUserViaUser: 3,
  user: 4,
  session: 4,
};

/** The most powerful way the resource policy's Allow statements name the caller. */
function strongestGrant(allows: DecidedStatement[]): { kind: PrincipalMatchKind; statements: StatementRef[] } | undefined {
  let best: PrincipalMatchKind | undefined;
  for (const a of allows) {
    const kind = a.principalMatch?.kind ?? 'wildcard';
    if (best === undefined || GRANT_RANK[kind] > GRANT_RANK[best]) best = kind;
  }
  return best === undefined ? undefined : { kind: best, statements: refs(allows, undefined) };
}

/** The deciding statements: `first`'s (statements, or decided statements), then `then`'s. */
function refs(
  first: readonly (StatementRef | DecidedStatement)[] | undefined,
  then: readonly (StatementRef | DecidedStatement)[] | undefined,
): StatementRef[] {
  // Sized at once: results are kept (trails, logs), and a pushed-onto empty array reserves sixteen slots.
  if (!then?.length && first?.length === 1) return [unwrap(first[0])];
  const out = new Array<StatementRef>((first?.length ?? 0) + (then?.length ?? 0));
  let i = 0;
  if (first) for (const x of first) out[i++] = unwrap(x);
  if (then) for (const x of then) out[i++] = unwrap(x);
  return out;
}

function unwrap(x: StatementRef | DecidedStatement | undefined): StatementRef {
  if (!x) throw new Error('a deciding statement is missing');
  return 'statement' in x ? x.statement : x;
}

/** An organization layer's Deny statements over all its levels, when some level has one. */
function levelDenies(levels: readonly LayerResult[]): DecidedStatement[] | undefined {
  let out: DecidedStatement[] | undefined;
  for (const l of levels) if (l.denies.length > 0) (out ??= []).push(...l.denies);
  return out;
}

function someDenies(layer: LayerResult | undefined): DecidedStatement[] | undefined {
  return layer && layer.denies.length > 0 ? layer.denies : undefined;
}

/** The policy types in evaluation order, for explanations. */
export const LAYER_ORDER: readonly PolicyType[] = ['scp', 'rcp', 'resource', 'trust', 'identity', 'boundary', 'session'];
