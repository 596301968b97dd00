/**
 * Evaluates one parsed policy against one request, statement by statement, keeping the full trace
 * (IAM User Guide, "Policy evaluation logic": a statement applies when its action, resource,
 * principal and every condition match).
 */
import type { Located, ParsedPolicy, ParsedStatement } from '../policy/types.ts';
import { matchResourcePattern } from './arn.ts';
import { evaluateCondition } from './conditions.ts';
import { PRINCIPAL_MATCH_CODES } from './explanation-codes.ts';
import type { NormalizedContext } from './context.ts';
import { matchPrincipal, type PrincipalMatch } from './principal.ts';
import type { ElementMatch, PolicyExplanation, PolicySource, RequestPrincipal, StatementExplanation } from './types.ts';
import type { VariableLookup } from './variables.ts';
import { compileWildcard, matchesCompiled, type CompiledPattern } from './wildcard.ts';

/** What the engine needs about the request to evaluate statements. */
export interface StatementRequest {
  /** `service:action` lower-cased. */
  actionLower: string;
  resource: string;
  principal: RequestPrincipal;
  ctx: NormalizedContext;
  lookup: VariableLookup;
  /** A permissions boundary is attached to the caller (the NotPrincipal rule below). */
  hasBoundary: boolean;
}

/** A statement that applies, with how its Principal named the caller (resource policies). */
export interface ApplyingStatement {
  statement: StatementExplanation;
  principalMatch?: PrincipalMatch;
}

/** A policy's trace plus the statements that apply, split by effect. */
export interface PolicyEvaluation {
  explanation: PolicyExplanation;
  allows: ApplyingStatement[];
  denies: ApplyingStatement[];
}

/** Evaluates every statement of `policy` for the request. */
export function evaluatePolicy(policy: ParsedPolicy, source: PolicySource, req: StatementRequest): PolicyEvaluation {
  // Variables exist only under Version 2012-10-17 (IAM "Version"): otherwise `${…}` is literal.
  const lookup = policy.version?.value === '2012-10-17' ? req.lookup : undefined;
  const allows: ApplyingStatement[] = [];
  const denies: ApplyingStatement[] = [];
  const statements: StatementExplanation[] = [];
  for (const stmt of policy.statements) {
    const { explanation, principalMatch } = evaluateStatement(stmt, source, req, lookup);
    statements.push(explanation);
    if (!explanation.applies) continue;
    const applying: ApplyingStatement = principalMatch ? { statement: explanation, principalMatch } : { statement: explanation };
    (stmt.effect.value === 'Deny' ? denies : allows).push(applying);
  }
  const outcome = denies.length > 0 ? 'deny' : allows.length > 0 ? 'allow' : 'none';
  const explanation: PolicyExplanation = { policyId: source.id, policyType: source.policyType, outcome, statements };
  if (source.arn !== undefined) explanation.policyArn = source.arn;
  if (source.name !== undefined) explanation.name = source.name;
  return { explanation, allows, denies };
}

function evaluateStatement(
  stmt: ParsedStatement,
  source: PolicySource,
  req: StatementRequest,
  lookup: VariableLookup | undefined,
): { explanation: StatementExplanation; principalMatch?: PrincipalMatch } {
  const action = stmt.action
    ? matchActions('Action', stmt.action, req.actionLower)
    : matchActions('NotAction', stmt.notAction ?? [], req.actionLower);
  const resource = stmt.resource
    ? matchResources('Resource', stmt.resource, req.resource, lookup)
    : stmt.notResource
      ? matchResources('NotResource', stmt.notResource, req.resource, lookup)
      : undefined;
  let principal: ElementMatch | undefined;
  let principalMatch: PrincipalMatch | undefined;
  if (stmt.principal) {
    principalMatch = matchPrincipal(stmt.principal, req.principal);
    principal = principalMatch
      ? {
          element: 'Principal',
          matched: true,
          matchedPattern: principalMatch.value,
          span: stmt.principal.span,
          code: PRINCIPAL_MATCH_CODES[principalMatch.kind],
        }
      : { element: 'Principal', matched: false, span: stmt.principal.span, code: 'PRINCIPAL_NO_MATCH' };
  } else if (stmt.notPrincipal) {
    const m = matchPrincipal(stmt.notPrincipal, req.principal, { notPrincipal: true });
    // A Deny with NotPrincipal always denies a principal that has a permissions boundary, whatever
    // NotPrincipal lists (IAM User Guide, "NotPrincipal" and "Permissions boundaries").
    const boundaryRule = stmt.effect.value === 'Deny' && req.hasBoundary;
    principal =
      m && !boundaryRule
        ? { element: 'NotPrincipal', matched: false, matchedPattern: m.value, span: stmt.notPrincipal.span, code: 'NOT_PRINCIPAL_EXCLUDED' }
        : {
            element: 'NotPrincipal',
            matched: true,
            span: stmt.notPrincipal.span,
            code: m ? 'NOT_PRINCIPAL_BOUNDARY_ALWAYS_DENIES' : 'NOT_PRINCIPAL_MATCH',
          };
    if (principal.matched) principalMatch = { kind: 'wildcard', value: '*' };
  }
  const conditions = stmt.conditions.map((c) => evaluateCondition(c, req.ctx, lookup));
  const conditionsMatched = conditions.every((c) => c.matched);
  const applies = action.matched && (resource?.matched ?? true) && (principal?.matched ?? true) && conditionsMatched;
  const explanation: StatementExplanation = {
    policyId: source.id,
    policyType: source.policyType,
    statementIndex: stmt.index,
    effect: stmt.effect.value,
    span: stmt.span,
    applies,
    action,
    conditions,
    conditionsMatched,
  };
  if (source.arn !== undefined) explanation.policyArn = source.arn;
  if (stmt.sid) explanation.sid = stmt.sid.value;
  if (resource) explanation.resource = resource;
  if (principal) explanation.principal = principal;
  return principalMatch ? { explanation, principalMatch } : { explanation };
}

/** True when an action pattern matches (case-insensitive, `*` and `?` wildcards; IAM "Action"). */
export function matchesAction(pattern: string, actionLower: string): boolean {
  return pattern === '*' || matchesActionPattern(actionPatternOf(pattern), actionLower);
}

/** `matchesAction` for a pattern already read by `actionPatternOf`. */
export function matchesActionPattern(p: ActionPattern, actionLower: string): boolean {
  if (p.lower === '*' || p.lower === actionLower) return true;
  if (p.rest === null) return false;
  const actionColon = actionLower.indexOf(':');
  if (actionColon < 0) return false;
  // The service prefix cannot be wildcarded: it must equal the request's (Access Analyzer check).
  if (actionColon !== p.service.length || !actionLower.startsWith(p.service)) return false;
  // The action name is compared in place (no substring per pattern per request).
  if (p.restText === '*') return true;
  if (p.restText.length === actionLower.length - actionColon - 1 && actionLower.endsWith(p.restText)) return true;
  return p.wild && matchesCompiled(p.rest, actionLower, 0, p.rest.length, actionColon + 1);
}

/** An action pattern lower-cased and split at its colon once (the same patterns recur on every request). */
export interface ActionPattern {
  lower: string;
  service: string;
  restText: string;
  /** Null when the pattern has no colon (it then matches only itself). */
  rest: CompiledPattern | null;
  /** The name part has a `*` or `?` (otherwise only equal text matches). */
  wild: boolean;
}

const actionPatterns = new Map<string, ActionPattern>();

export function actionPatternOf(pattern: string): ActionPattern {
  let hit = actionPatterns.get(pattern);
  if (hit) return hit;
  const lower = pattern.toLowerCase();
  const colon = lower.indexOf(':');
  const restText = colon < 0 ? '' : lower.slice(colon + 1);
  hit = {
    lower,
    service: colon < 0 ? '' : lower.slice(0, colon),
    restText,
    rest: colon < 0 ? null : compileWildcard(restText),
    wild: restText.includes('*') || restText.includes('?'),
  };
  if (actionPatterns.size > 5000) actionPatterns.clear();
  actionPatterns.set(pattern, hit);
  return hit;
}

function matchActions(element: 'Action' | 'NotAction', patterns: Located[], actionLower: string): ElementMatch {
  const hit = patterns.find((p) => matchesAction(p.value, actionLower));
  const listed = hit !== undefined;
  const matched = element === 'Action' ? listed : !listed;
  const m: ElementMatch = {
    element,
    matched,
    code: element === 'Action' ? (listed ? 'ACTION_MATCH' : 'ACTION_NO_MATCH') : listed ? 'NOT_ACTION_EXCLUDED' : 'NOT_ACTION_MATCH',
  };
  if (hit) {
    m.matchedPattern = hit.value;
    m.span = hit.span;
  }
  return m;
}

function matchResources(
  element: 'Resource' | 'NotResource',
  patterns: Located[],
  resource: string,
  lookup: VariableLookup | undefined,
): ElementMatch {
  let hit: Located | undefined;
  let resolved: ElementMatch['resolved'];
  for (const p of patterns) {
    const r = matchResourcePattern(p.value, resource, lookup);
    if (r.variables.length > 0) (resolved ??= []).push({ pattern: p.value, resolvedPattern: r.resolved, variables: r.variables });
    if (r.matched && !hit) hit = p;
  }
  const listed = hit !== undefined;
  const matched = element === 'Resource' ? listed : !listed;
  const m: ElementMatch = {
    element,
    matched,
    code:
      element === 'Resource' ? (listed ? 'RESOURCE_MATCH' : 'RESOURCE_NO_MATCH') : listed ? 'NOT_RESOURCE_EXCLUDED' : 'NOT_RESOURCE_MATCH',
  };
  if (hit) {
    m.matchedPattern = hit.value;
    m.span = hit.span;
  }
  if (resolved) m.resolved = resolved;
  return m;
}
