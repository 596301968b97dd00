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
import { actionInfo, contextView, type ActionInfo, type NormalizedContext } from './context.ts';
import { RESOURCE_GRANT_CODES, type FlowStepCode } from './explanation-codes.ts';
import { appended, decidePolicy } from './decide.ts';
import { parsedPolicyOf } from './policy-cache.ts';
import { LazyResult } from './lazy-result.ts';
import { decided, hasIdentity, levelDenies, NONE, refs, someDenies, strongestGrant, type LayerResult } from './layers.ts';
import { newStepLog, NO_PARAMS, readSteps, writeStep, type StepLog } from './step-log.ts';
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
  readonly flow: StepLog = newStepLog();
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
    const steps = readSteps(this.flow, this.flowLength);
    return { steps, policies, missingContextKeys: [...missing], crossAccount: this.crossAccount };
  }

  step(step: FlowStep['step'], outcome: FlowStep['outcome'], code: FlowStepCode, params: Record<string, string>): void {
    this.flowLength = writeStep(this.flow, this.flowLength, step, outcome, code, params);
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

/** The policy types in evaluation order, for explanations. */
export const LAYER_ORDER: readonly PolicyType[] = ['scp', 'rcp', 'resource', 'trust', 'identity', 'boundary', 'session'];
