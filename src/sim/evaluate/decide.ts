/**
 * Which statements of a policy apply to a request, without the trace: the same tests as
 * `evaluateStatement` (statement.ts) in the same order — action, resource, principal, conditions —
 * stopping at the first that fails. The decision needs only this; the full trace (the explanation)
 * is built from the same parsed policy when it is first read (authorize.ts), so a request whose
 * explanation nobody reads does not pay for it. tests/unit/sim/evaluate/lazy-explanation.test.ts
 * checks that both give the same statements on every engine case.
 */
import type { ParsedCondition, ParsedStatement } from '../policy/types.ts';
import { parseIpRange, type IpRange } from '../policy/values.ts';
import { splitMatches, splitPattern, type SplitPattern } from './arn.ts';
import { conditionMatches } from './conditions.ts';
import { matchPrincipal, type PrincipalMatch } from './principal.ts';
import { actionPatternOf, matchesActionPattern, type ActionPattern, type StatementRequest } from './statement.ts';
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
  const compiled = compiledPolicies.get(policy);
  const statements = policy.statements;
  for (let i = 0; i < statements.length; i++) {
    const stmt = statements[i] as ParsedStatement;
    const tests = compiled?.[i];
    if (!actionApplies(stmt, tests, req.actionLower) || !resourceApplies(stmt, tests, req.resource, lookup)) continue;
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
    if (!conditionsApply(stmt, tests, req, lookup)) continue;
    const decided: DecidedStatement = principalMatch
      ? { statement: statementRef(stmt, source), principalMatch }
      : tests
        ? decidedOnce(tests, stmt, source)
        : { statement: statementRef(stmt, source) };
    if (stmt.effect.value === 'Deny') out.denies = appended(out.denies, decided);
    else out.allows = appended(out.allows, decided);
  }
}

/** A statement's Action (or NotAction) and Resource (or NotResource) patterns, read once. */
interface StatementTests {
  actions: ActionPattern[];
  resources: SplitPattern[] | undefined;
  /** Per condition: its values read as IP addresses when it is an IpAddress condition. */
  ranges: ((IpRange | undefined)[] | undefined)[];
  /** The last pointer made to the statement, reused while the policy keeps its id, type and ARN. */
  decided: DecidedStatement | undefined;
}

/**
 * The statement as a decision names it, made once per policy source: a policy evaluated again and
 * again would otherwise make the same pointer for every request. It is frozen, since results share it
 * (as they already share the parsed policy's spans).
 */
function decidedOnce(tests: StatementTests, stmt: ParsedStatement, source: PolicySource): DecidedStatement {
  const last = tests.decided?.statement;
  if (last && last.policyId === source.id && last.policyType === source.policyType && last.policyArn === source.arn)
    return tests.decided as DecidedStatement;
  const decided: DecidedStatement = { statement: Object.freeze(statementRef(stmt, source)) };
  tests.decided = decided;
  return decided;
}

/**
 * The tests of policies that are evaluated again and again (the parse cache keeps them: policy-cache.ts
 * calls `keepCompiled`): reading each pattern's compiled form then costs one lookup per policy, not
 * one per pattern. Other policies (text typed once) read each pattern from its own cache as it is tested.
 */
const compiledPolicies = new WeakMap<ParsedPolicy, StatementTests[]>();

/** Remembers the compiled tests of a policy that will be evaluated again. */
export function keepCompiled(policy: ParsedPolicy): void {
  if (!compiledPolicies.has(policy)) compiledPolicies.set(policy, compileStatements(policy));
}

function compileStatements(policy: ParsedPolicy): StatementTests[] {
  return policy.statements.map((stmt) => ({
    actions: (stmt.action ?? stmt.notAction ?? []).map((p) => actionPatternOf(p.value)),
    resources: (stmt.resource ?? stmt.notResource)?.map((p) => splitPattern(p.value)),
    ranges: stmt.conditions.map((c) => (c.info.family === 'IpAddress' ? c.values.map((v) => parseIpRange(v.value)) : undefined)),
    decided: undefined,
  }));
}

function actionApplies(stmt: ParsedStatement, tests: StatementTests | undefined, actionLower: string): boolean {
  const patterns = stmt.action ?? stmt.notAction ?? [];
  let listed = false;
  for (let i = 0; i < patterns.length && !listed; i++)
    listed = matchesActionPattern(tests?.actions[i] ?? actionPatternOf(patterns[i]?.value ?? ''), actionLower);
  return stmt.action ? listed : !listed;
}

function resourceApplies(
  stmt: ParsedStatement,
  tests: StatementTests | undefined,
  resource: string,
  lookup: VariableLookup | undefined,
): boolean {
  const patterns = stmt.resource ?? stmt.notResource;
  if (!patterns) return true;
  let listed = false;
  for (let i = 0; i < patterns.length && !listed; i++)
    listed = splitMatches(tests?.resources?.[i] ?? splitPattern(patterns[i]?.value ?? ''), resource, lookup);
  return stmt.resource ? listed : !listed;
}

function conditionsApply(
  stmt: ParsedStatement,
  tests: StatementTests | undefined,
  req: StatementRequest,
  lookup: VariableLookup | undefined,
): boolean {
  const conditions = stmt.conditions;
  for (let i = 0; i < conditions.length; i++)
    if (!conditionMatches(conditions[i] as ParsedCondition, req.ctx, lookup, tests?.ranges[i])) return false;
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
