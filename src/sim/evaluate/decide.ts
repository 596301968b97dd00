/**
 * Which statements of a policy apply to a request, without the trace: the same tests as
 * `evaluateStatement` (statement.ts) in the same order — action, resource, principal, conditions —
 * stopping at the first that fails. The decision needs only this; the full trace (the explanation)
 * is built from the same parsed policy when it is first read (authorize.ts), so a request whose
 * explanation nobody reads does not pay for it. tests/unit/sim/evaluate/lazy-explanation.test.ts
 * checks that both give the same statements on every engine case.
 */
import type { ParsedStatement } from '../policy/types.ts';
import { resourcePatternMatches } from './arn.ts';
import { conditionMatches } from './conditions.ts';
import { matchPrincipal, type PrincipalMatch } from './principal.ts';
import { matchesAction, type StatementRequest } from './statement.ts';
import type { ParsedPolicy, PolicySource, StatementRef } from './types.ts';
import type { VariableLookup } from './variables.ts';

/** A statement that applies, as the decision names it, with how its Principal named the caller. */
export interface DecidedStatement {
  statement: StatementRef;
  principalMatch?: PrincipalMatch;
}

/** Where the statements that apply go, by effect. */
export interface DecidedLists {
  allows: DecidedStatement[];
  denies: DecidedStatement[];
}

/**
 * `list` with `item` at its end. An empty list is replaced by one of exactly one entry (it may be a
 * shared frozen empty list): pushing onto an empty array reserves room for sixteen, and a decision
 * has several such lists that mostly hold one statement.
 */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

/** Adds the statements of `policy` that apply to `out`, by their effect. */
export function decidePolicy(policy: ParsedPolicy, source: PolicySource, req: StatementRequest, out: DecidedLists): void {
  // Variables exist only under Version 2012-10-17 (IAM "Version"): otherwise `${…}` is literal.
  const lookup = policy.version?.value === '2012-10-17' ? req.lookup : undefined;
  for (const stmt of policy.statements) {
    if (!actionApplies(stmt, req.actionLower) || !resourceApplies(stmt, req.resource, lookup)) continue;
    let principalMatch: PrincipalMatch | undefined;
    if (stmt.principal) {
      principalMatch = matchPrincipal(stmt.principal, req.principal);
      if (!principalMatch) continue;
    } else if (stmt.notPrincipal) {
      const m = matchPrincipal(stmt.notPrincipal, req.principal, { notPrincipal: true });
      // A Deny with NotPrincipal always denies a principal that has a permissions boundary
      // (IAM User Guide, "NotPrincipal"; the same rule as evaluateStatement).
      if (m && !(stmt.effect.value === 'Deny' && req.hasBoundary)) continue;
      principalMatch = { kind: 'wildcard', value: '*' };
    }
    if (!conditionsApply(stmt, req, lookup)) continue;
    const statement = statementRef(stmt, source);
    const decided: DecidedStatement = principalMatch ? { statement, principalMatch } : { statement };
    if (stmt.effect.value === 'Deny') out.denies = appended(out.denies, decided);
    else out.allows = appended(out.allows, decided);
  }
}

function actionApplies(stmt: ParsedStatement, actionLower: string): boolean {
  const patterns = stmt.action ?? stmt.notAction ?? [];
  let listed = false;
  for (const p of patterns)
    if (matchesAction(p.value, actionLower)) {
      listed = true;
      break;
    }
  return stmt.action ? listed : !listed;
}

function resourceApplies(stmt: ParsedStatement, resource: string, lookup: VariableLookup | undefined): boolean {
  const patterns = stmt.resource ?? stmt.notResource;
  if (!patterns) return true;
  let listed = false;
  for (const p of patterns)
    if (resourcePatternMatches(p.value, resource, lookup)) {
      listed = true;
      break;
    }
  return stmt.resource ? listed : !listed;
}

function conditionsApply(stmt: ParsedStatement, req: StatementRequest, lookup: VariableLookup | undefined): boolean {
  for (const c of stmt.conditions) if (!conditionMatches(c, req.ctx, lookup)) return false;
  return true;
}

/** The pointer to a statement that results carry (the fields of StatementRef, in its order). */
export function statementRef(stmt: ParsedStatement, source: PolicySource): StatementRef {
  const out: StatementRef = {
    policyId: source.id,
    policyType: source.policyType,
    statementIndex: stmt.index,
    effect: stmt.effect.value,
    span: stmt.span,
  };
  if (source.arn !== undefined) out.policyArn = source.arn;
  if (stmt.sid) out.sid = stmt.sid.value;
  return out;
}
