/**
 * Shared machinery of SimulateCustomPolicy and SimulatePrincipalPolicy: one engine decision per
 * action × resource, turned into IAM's EvaluationResult shape.
 */
import { authorizeTraced } from '../evaluate/authorize.ts';
import type {
  AuthorizationRequest,
  ContextValue,
  PolicySource,
  RequestPrincipal,
  ResourcePolicyInput,
  StatementRef,
} from '../evaluate/types.ts';
import { parseDate, parseIpRange, parseNumber, parseBool, isBase64 } from '../policy/values.ts';
import { SimulationError } from './errors.ts';
import type {
  ContextEntry,
  EvaluationResult,
  MatchedStatement,
  SimulateCustomPolicyOutput,
  SimulationDetail,
  SimulationWithDetails,
} from './types.ts';

/** Everything a simulation needs once the input is checked. */
export interface SimulationPlan {
  principal: RequestPrincipal;
  resourceAccountId: string;
  identityPolicies: PolicySource[];
  permissionsBoundary?: PolicySource;
  resourcePolicy?: ResourcePolicyInput;
  context: Record<string, ContextValue>;
  actions: string[];
  resources: string[];
  /** SourcePolicyType per policy id, as IAM reports it. */
  sourceTypes: Map<string, MatchedStatement['SourcePolicyType']>;
  maxItems?: number;
  marker?: string;
}

/** Runs every action × resource and builds the IAM response plus the engine details. */
export function runSimulation(plan: SimulationPlan): SimulationWithDetails<SimulateCustomPolicyOutput> {
  const all: EvaluationResult[] = [];
  const details: SimulationDetail[] = [];
  for (const action of plan.actions) {
    for (const resource of plan.resources) {
      const request: AuthorizationRequest = {
        principal: plan.principal,
        action,
        resource,
        resourceAccountId: plan.resourceAccountId,
        context: plan.context,
        identityPolicies: plan.identityPolicies,
      };
      if (plan.permissionsBoundary) request.permissionsBoundary = plan.permissionsBoundary;
      if (plan.resourcePolicy) request.resourcePolicy = plan.resourcePolicy;
      // Every simulation result is explained (its statements and missing keys): trace as it decides.
      const result = authorizeTraced(request);
      details.push({ action, resource, request, result });
      all.push(toEvaluationResult(plan, action, resource, result));
    }
  }
  const start = plan.marker ? Number(plan.marker) : 0;
  const max = plan.maxItems ?? all.length;
  const page = all.slice(start, start + max);
  const output: SimulateCustomPolicyOutput = { EvaluationResults: page, IsTruncated: start + max < all.length };
  if (output.IsTruncated) (output as SimulateCustomPolicyOutput & { Marker?: string }).Marker = String(start + max);
  return { output, details: details.slice(start, start + max) };
}

function toEvaluationResult(
  plan: SimulationPlan,
  action: string,
  resource: string,
  result: ReturnType<typeof authorizeTraced>,
): EvaluationResult {
  const matched = result.decision === 'implicitDeny' ? [] : result.decidingStatements.map((s) => toMatched(plan, s));
  const out: EvaluationResult = {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: result.decision,
    MatchedStatements: matched,
    MissingContextValues: missingContextValues(result),
  };
  // "If the simulation evaluates policies within the same account and includes a resource ARN,
  // then the parameter is present but the response is empty" (IAM API, EvaluationResult).
  if (resource !== '*' && !result.explanation.crossAccount) out.EvalDecisionDetails = {};
  if (plan.permissionsBoundary) {
    const b = result.explanation.policies.find((p) => p.policyType === 'boundary');
    out.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: b?.outcome === 'allow' };
  }
  return out;
}

/**
 * Positions as IAM reports them: in the AWS CLI example for simulate-custom-policy a statement
 * whose `{` is the 37th character is reported at Column 38 and its closing `}` (166th) as
 * Column 167 — one past each brace, 1-based.
 */
function toMatched(plan: SimulationPlan, s: StatementRef): MatchedStatement {
  const m: MatchedStatement = {
    SourcePolicyId: s.policyId,
    StartPosition: { Line: s.span.start.line, Column: s.span.start.column + 1 },
    EndPosition: { Line: s.span.end.line, Column: s.span.end.column },
  };
  const type = plan.sourceTypes.get(s.policyId);
  if (type) m.SourcePolicyType = type;
  return m;
}

/** Context keys that conditions of statements matching the action and resource asked for but were not given. */
function missingContextValues(result: ReturnType<typeof authorizeTraced>): string[] {
  const out = new Set<string>();
  for (const p of result.explanation.policies) {
    for (const s of p.statements) {
      if (!s.action.matched || s.resource?.matched === false) continue;
      for (const c of s.conditions) if (!c.keyPresent) out.add(c.key);
    }
  }
  return [...out];
}

const LIST_TYPES = new Set(['stringList', 'numericList', 'booleanList', 'ipList', 'binaryList', 'dateList']);
const TYPES = new Set(['string', 'numeric', 'boolean', 'ip', 'binary', 'date', ...LIST_TYPES]);

/** Turns `ContextEntries` into a request context, checking values against their ContextKeyType. */
export function contextFromEntries(entries: unknown): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  if (entries === undefined) return context;
  if (!Array.isArray(entries)) throw new SimulationError('WRONG_TYPE', { field: 'ContextEntries', expected: 'a list' });
  entries.forEach((raw: unknown, index) => {
    const bad = (why: string): never => {
      throw new SimulationError('INVALID_CONTEXT_ENTRY', { index: String(index), why, field: `ContextEntries[${index}]` });
    };
    if (typeof raw !== 'object' || raw === null)
      return bad('each entry must be an object with ContextKeyName, ContextKeyValues, ContextKeyType');
    const e = raw as ContextEntry;
    if (typeof e.ContextKeyName !== 'string' || e.ContextKeyName.length < 5)
      return bad('ContextKeyName must be a key name such as "aws:CurrentTime"');
    const type = e.ContextKeyType ?? 'string';
    if (!TYPES.has(type)) return bad(`ContextKeyType "${String(type)}" is not one of ${[...TYPES].join(', ')}`);
    const values = e.ContextKeyValues ?? [];
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return bad('ContextKeyValues must be a list of strings');
    const base = type.replace(/List$/, '');
    for (const v of values) {
      const ok =
        base === 'numeric'
          ? parseNumber(v) !== undefined
          : base === 'boolean'
            ? parseBool(v) !== undefined
            : base === 'date'
              ? parseDate(v) !== undefined
              : base === 'ip'
                ? parseIpRange(v) !== undefined
                : base === 'binary'
                  ? isBase64(v)
                  : true;
      if (!ok) bad(`"${v}" is not a valid ${base} value for ${e.ContextKeyName}`);
    }
    if (!LIST_TYPES.has(type) && values.length > 1)
      bad(`${e.ContextKeyName} has type ${type} but ${values.length} values; use ${type}List for several`);
    context[e.ContextKeyName] = LIST_TYPES.has(type) ? values : (values[0] ?? '');
  });
  return context;
}

/** Checks ActionNames: required, names only — IAM rejects wildcards here. */
export function checkActionNames(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new SimulationError('MISSING_FIELD', { field: 'ActionNames' });
  return value.map((a: unknown, i) => {
    if (typeof a !== 'string') throw new SimulationError('WRONG_TYPE', { field: `ActionNames[${i}]`, expected: 'a string' });
    if (a.includes('*') || a.includes('?')) throw new SimulationError('ACTION_WILDCARD', { value: a, field: `ActionNames[${i}]` });
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/.test(a)) throw new SimulationError('ACTION_INVALID', { value: a, field: `ActionNames[${i}]` });
    return a;
  });
}

/** Checks ResourceArns (default `*`). */
export function checkResourceArns(value: unknown): string[] {
  if (value === undefined) return ['*'];
  if (!Array.isArray(value) || value.length === 0)
    throw new SimulationError('WRONG_TYPE', { field: 'ResourceArns', expected: 'a non-empty list of ARNs' });
  return value.map((r: unknown, i) => {
    if (typeof r !== 'string' || (r !== '*' && !r.startsWith('arn:')))
      throw new SimulationError('WRONG_TYPE', { field: `ResourceArns[${i}]`, expected: 'an ARN or "*"' });
    return r;
  });
}

/** Principals by CallerArn: analyses simulate the same caller thousands of times (bounded). */
const principals = new Map<string, RequestPrincipal>();

/** The request principal a CallerArn stands for (a fresh object: callers may keep or change it). */
export function principalFromArn(arn: string): RequestPrincipal {
  let hit = principals.get(arn);
  if (!hit) {
    hit = readPrincipal(arn);
    if (principals.size >= 1000) principals.clear();
    principals.set(arn, hit);
  }
  return { ...hit };
}

function readPrincipal(arn: string): RequestPrincipal {
  const m = /^arn:[a-z-]+:(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!m) throw new SimulationError('INVALID_CALLER_ARN', { value: arn, field: 'CallerArn' });
  const [, service, accountId = '', rest = ''] = m;
  if (service === 'iam' && rest === 'root') return { type: 'Root', arn, accountId };
  if (service === 'iam' && rest.startsWith('user/')) return { type: 'IAMUser', arn, accountId };
  if (service === 'iam' && rest.startsWith('role/')) return { type: 'AssumedRole', arn, accountId, roleArn: arn };
  if (service === 'sts' && rest.startsWith('assumed-role/')) {
    const role = rest.split('/')[1] ?? '';
    return { type: 'AssumedRole', arn, accountId, sessionArn: arn, roleArn: `arn:aws:iam::${accountId}:role/${role}` };
  }
  if (service === 'sts' && rest.startsWith('federated-user/')) return { type: 'FederatedUser', arn, accountId, sessionArn: arn };
  throw new SimulationError('INVALID_CALLER_ARN', { value: arn, field: 'CallerArn' });
}

/** The account of ResourceOwner (an account ID or `arn:aws:iam::<account>:root`). */
export function accountFromOwner(owner: unknown): string {
  if (typeof owner !== 'string') throw new SimulationError('INVALID_RESOURCE_OWNER', { value: String(owner), field: 'ResourceOwner' });
  const m = /^(?:arn:[a-z-]+:iam::(\d{12}):root|(\d{12}))$/.exec(owner);
  const id = m?.[1] ?? m?.[2];
  if (!id) throw new SimulationError('INVALID_RESOURCE_OWNER', { value: owner, field: 'ResourceOwner' });
  return id;
}
