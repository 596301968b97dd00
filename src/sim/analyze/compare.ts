/**
 * `comparePolicies(before, after)`: the complete difference in access between two versions of a
 * policy, with a witness request for every difference that the engine itself decides as claimed.
 *
 * Why it is complete: the engine's decision for a request depends only on which statements apply,
 * and a statement applies when its action, resource, principal and each condition key test hold.
 * Each of those is a test on one part of the request, so the parts can be chosen independently:
 * for each part the comparison finds one value for every distinct pattern of "which statements
 * this part lets through" (actions from the service reference; resources and string values from
 * automata over the patterns; numbers, dates and addresses from the boundaries the policies draw;
 * absent keys and multivalued lists), then combines the parts, keeping one request per distinct
 * set of applying statements. Every such request is decided by the engine under both versions.
 * Policy variables are symbols: the keys they name take a fresh value, absence, or the values
 * their own conditions name, and every pattern is resolved under each choice.
 */
import { evaluateCondition } from '../evaluate/conditions.ts';
import { normalizeContext } from '../evaluate/context.ts';
import { matchResourcePattern } from '../evaluate/arn.ts';
import { matchesAction } from '../evaluate/statement.ts';
import type { ContextValue, Decision } from '../evaluate/types.ts';
import type { VariableLookup } from '../evaluate/variables.ts';
import type { ParsedCondition } from '../policy/types.ts';
import { AnalysisError } from './errors.ts';
import { explore, arnTextMachine, falseMachine, arnPatternMachine, type Exploration, type Machine } from './machines.ts';
import {
  decide,
  HOME_ACCOUNT,
  OTHER_ACCOUNT,
  parseSide,
  statementsOf,
  type ComparePolicyType,
  type ConcreteRequest,
  type Side,
  type SideStatement,
} from './sides.ts';
import { actionUniverse, loadCatalogFor, templateResources, type UniverseAction } from './universe.ts';
import { keyValueCandidates } from './values.ts';
import { resolveVariables } from '../evaluate/variables.ts';
import { splitFive } from '../policy/arn-parts.ts';
import { compileWildcard } from '../evaluate/wildcard.ts';

/** Options of a comparison. */
export interface CompareOptions {
  /** Which kind of policy both versions are (default identity). */
  policyType?: ComparePolicyType;
  /** The caller for identity, boundary and SCP comparisons (default a user of 123456789012). */
  callerArn?: string;
  /** The account owning the resource, for resource and trust policies (default 123456789012). */
  resourceAccountId?: string;
  /** At most this many distinct cases per action group before giving up (default 50 000). */
  maxCases?: number;
}

/** One request on which the two versions decide differently, with both decisions. */
export interface ComparisonCase {
  /** Every action that behaves as `request.action` does under both versions. */
  actions: string[];
  /** True when `actions` stands for every action of services neither version names. */
  otherServices: boolean;
  request: ConcreteRequest;
  before: Decision;
  after: Decision;
  /** Condition keys some statement that matches the action and resource tests (for the words). */
  keys: { name: string; lower: string; families: string[] }[];
}

/** The raw outcome of a comparison (comparison-result.ts turns it into the reported shape). */
export interface RawComparison {
  policyType: ComparePolicyType;
  before: Side;
  after: Side;
  differences: ComparisonCase[];
  /** Distinct cases the engine decided. */
  cases: number;
  /** Empty when the comparison is complete; otherwise why it may have missed something. */
  incomplete: string[];
}

const DEFAULT_CALLER = `arn:aws:iam::${HOME_ACCOUNT}:user/SimulatedUser`;
const SYMBOL = 'dojo-symbol';

/** Compares two versions, loading the service reference the policies need first. */
export async function compareRaw(
  before: string | readonly string[],
  after: string | readonly string[],
  options: CompareOptions = {},
): Promise<RawComparison> {
  const type = options.policyType ?? 'identity';
  const b = parseSide('before', before, type, options.resourceAccountId);
  const a = parseSide('after', after, type, options.resourceAccountId);
  await loadCatalogFor(statementsOf(b, a).map((s) => s.statement));
  return compareParsed(b, a, options);
}

/** The comparison over already loaded reference data (synchronous: the worker and benches call it). */
export function compareRawSync(
  before: string | readonly string[],
  after: string | readonly string[],
  options: CompareOptions = {},
): RawComparison {
  const type = options.policyType ?? 'identity';
  return compareParsed(
    parseSide('before', before, type, options.resourceAccountId),
    parseSide('after', after, type, options.resourceAccountId),
    options,
  );
}

function compareParsed(before: Side, after: Side, options: CompareOptions): RawComparison {
  const type = options.policyType ?? 'identity';
  const all = statementsOf(before, after);
  const out: RawComparison = { policyType: type, before, after, differences: [], cases: 0, incomplete: [] };
  const callers = type === 'resource' || type === 'trust' ? resourceCallers(all, before.owner) : [options.callerArn ?? DEFAULT_CALLER];
  const groups = actionGroups(all);
  for (const caller of callers) {
    for (const group of groups) {
      const relevant = all.map((_, i) => (group.bits[i] === 1 ? i : -1)).filter((i) => i >= 0);
      if (relevant.length === 0) continue;
      compareGroup(out, before, after, type, all, relevant, group.actions, caller, options.maxCases ?? 50_000);
    }
  }
  return out;
}

/** Actions grouped by which statements' Action / NotAction elements they pass. */
function actionGroups(all: readonly SideStatement[]): { actions: UniverseAction[]; bits: number[] }[] {
  const groups = new Map<string, { actions: UniverseAction[]; bits: number[] }>();
  for (const action of actionUniverse(all.map((s) => s.statement))) {
    const lower = action.name.toLowerCase();
    const bits = all.map(({ statement: s }) => {
      const listed = (s.action ?? s.notAction ?? []).some((p) => matchesAction(p.value, lower));
      return (s.action ? listed : !listed) ? 1 : 0;
    });
    const key = bits.join('') + (action.others ? 'o' : '');
    const g = groups.get(key);
    if (g) g.actions.push(action);
    else groups.set(key, { actions: [action], bits });
  }
  return [...groups.values()];
}

/** One decided combination: which relevant statements apply so far, and the request parts chosen. */
interface Case {
  bits: Uint8Array;
  resource: string;
  context: Map<string, { name: string; value: ContextValue }>;
}

function compareGroup(
  out: RawComparison,
  before: Side,
  after: Side,
  type: ComparePolicyType,
  all: readonly SideStatement[],
  relevant: readonly number[],
  actions: UniverseAction[],
  caller: string,
  maxCases: number,
): void {
  const stmts = relevant.map((i) => all[i] as SideStatement);
  const conds = new Map<string, { name: string; list: { cond: ParsedCondition; at: number }[] }>();
  stmts.forEach((s, at) => {
    for (const cond of s.statement.conditions) {
      const lower = cond.key.value.toLowerCase();
      const entry = conds.get(lower) ?? { name: cond.key.value, list: [] };
      entry.list.push({ cond, at });
      conds.set(lower, entry);
    }
  });
  const variableKeys = [...variablesOf(stmts)];
  const representative = actions[0] as UniverseAction;
  for (const assignment of assignments(variableKeys, conds)) {
    const lookup: VariableLookup = (k) => {
      const v = assignment.get(k);
      return typeof v?.value === 'string' ? v.value : undefined;
    };
    let cases: Case[] = [{ bits: new Uint8Array(stmts.length).fill(1), resource: '*', context: new Map(assignment) }];
    // Variable keys are fixed by the assignment: their own conditions are tested once here.
    for (const k of variableKeys) {
      const entry = conds.get(k);
      const v = assignment.get(k);
      if (entry)
        cases = fold(
          cases,
          [{ bits: keyBits(stmts, entry.list, k, v?.value, lookup), apply: () => undefined }],
          maxCases,
          representative.name,
        );
    }
    // The resource.
    const resources = resourceCandidates(stmts, representative.name, lookup, out);
    cases = fold(
      cases,
      dedupe(resources.map((r) => ({ bits: resourceBits(stmts, r, lookup), apply: (c: Case) => void (c.resource = r) }))),
      maxCases,
      representative.name,
    );
    // Every other condition key.
    for (const [lower, entry] of [...conds].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (assignment.has(lower) || variableKeys.includes(lower)) continue;
      const values = contextCandidates(
        entry.list.map((c) => c.cond),
        lookup,
        out,
        entry.name,
      );
      const options = values.map((value) => ({
        bits: keyBits(stmts, entry.list, lower, value, lookup),
        apply: (c: Case) => void (value === undefined ? c.context.delete(lower) : c.context.set(lower, { name: entry.name, value })),
      }));
      cases = fold(cases, dedupe(options), maxCases, representative.name);
    }
    for (const c of cases) {
      out.cases++;
      const context: Record<string, ContextValue> = {};
      for (const { name, value } of c.context.values()) context[name] = value;
      const request: ConcreteRequest = { action: representative.name, resource: c.resource, context, callerArn: caller };
      const b = decide(before, type, request);
      const a = decide(after, type, request);
      if ((b === 'allowed') === (a === 'allowed')) continue;
      out.differences.push({
        actions: actions.map((x) => x.name),
        otherServices: actions.some((x) => x.others === true),
        request,
        before: b,
        after: a,
        keys: [...conds].map(([lower, e]) => ({ name: e.name, lower, families: [...new Set(e.list.map((c) => c.cond.info.family))] })),
      });
    }
  }
}

/** One choice for one part of the request: which statements it lets through, and how to set it. */
interface Choice {
  bits: Uint8Array;
  apply: (c: Case) => void;
}

/** Keeps the first choice of each distinct bit pattern (the first are the most readable). */
function dedupe(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => {
    const k = c.bits.join('');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Combines the cases so far with each choice of the next part; one case per distinct pattern. */
function fold(cases: Case[], choices: Choice[], maxCases: number, action: string): Case[] {
  const next = new Map<string, Case>();
  for (const c of cases) {
    for (const choice of choices) {
      const bits = c.bits.map((b, i) => b & (choice.bits[i] ?? 0));
      const key = bits.join('');
      if (next.has(key)) continue;
      const n: Case = { bits, resource: c.resource, context: new Map(c.context) };
      choice.apply(n);
      next.set(key, n);
      if (next.size > maxCases) throw new AnalysisError('TOO_LARGE', { limit: String(maxCases), action });
    }
  }
  return [...next.values()];
}

/** Which statements' Resource / NotResource elements a resource passes. */
function resourceBits(stmts: readonly SideStatement[], resource: string, lookup: VariableLookup): Uint8Array {
  return Uint8Array.from(stmts, ({ statement: s, variables }) => {
    const patterns = s.resource ?? s.notResource;
    if (!patterns) return 1;
    const listed = patterns.some((p) => matchResourcePattern(p.value, resource, variables ? lookup : undefined).matched);
    return (s.resource ? listed : !listed) ? 1 : 0;
  });
}

/** Which statements' conditions on one key a value (undefined = absent) satisfies. */
function keyBits(
  stmts: readonly SideStatement[],
  list: readonly { cond: ParsedCondition; at: number }[],
  lower: string,
  value: ContextValue | undefined,
  lookup: VariableLookup,
): Uint8Array {
  const bits = new Uint8Array(stmts.length).fill(1);
  const ctx = normalizeContext(value === undefined ? {} : { [lower]: value });
  for (const { cond, at } of list) {
    if (!evaluateCondition(cond, ctx, stmts[at]?.variables ? lookup : undefined).matched) bits[at] = 0;
  }
  return bits;
}

/** Candidate resources: reference templates, the patterns instantiated, the automaton's strings, `*`. */
function resourceCandidates(stmts: readonly SideStatement[], action: string, lookup: VariableLookup, out: RawComparison): string[] {
  // One machine per distinct resolved pattern: a pattern repeated (in both versions, or in several
  // statements) adds no verdict combination, only work.
  const machines = new Map<string, () => Machine>();
  const instances: string[] = [];
  for (const { statement: s, variables } of stmts) {
    for (const p of [...(s.resource ?? []), ...(s.notResource ?? [])]) {
      const { head, rest } = splitFive(p.value);
      if (variables && rest.includes('${')) {
        const r = resolveVariables(rest, lookup, true);
        if (r.pattern === null || r.text === null) machines.set('\u0000false', falseMachine);
        else {
          const pattern = r.pattern;
          machines.set(`${head.join(':')}\u0000${r.text}\u0000${Array.from(pattern).join(',')}`, () => arnPatternMachine(head, pattern));
          instances.push(...instantiate(head.length === 5 ? `${head.join(':')}:${r.text}` : r.text));
        }
      } else {
        machines.set(p.value, () => (p.value === '*' ? arnTextMachine('*') : arnPatternMachine(head, compileWildcard(rest))));
        instances.push(...instantiate(p.value));
      }
    }
  }
  // Action groups and variable assignments often share the same patterns: explore each set once.
  const key = [...machines.keys()].sort().join('\u0001');
  const cache = explorations.get(out) ?? new Map<string, Exploration>();
  explorations.set(out, cache);
  let found = cache.get(key);
  if (!found) {
    found = explore(
      [...machines.values()].map((make) => make()),
      'arn:',
    );
    cache.set(key, found);
    if (!found.complete) out.incomplete.push(`resource patterns for ${action}: the search stopped at its state limit`);
  }
  return [...new Set([...templateResources(action), ...instances, ...found.witnesses, '*'])].filter(
    (r) => r === '*' || r.startsWith('arn:'),
  );
}

/** Explorations already made during one comparison, by their set of patterns. */
const explorations = new WeakMap<RawComparison, Map<string, Exploration>>();

function instantiate(pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  return [pattern.replace(/\*/g, 'example').replace(/\?/g, 'x'), pattern.replace(/\*/g, '').replace(/\?/g, 'x')];
}

/** Candidate values for a key: absent, every single-value region, the empty list, lists of regions. */
function contextCandidates(
  conds: ParsedCondition[],
  lookup: VariableLookup,
  out: RawComparison,
  name: string,
): (ContextValue | undefined)[] {
  const singles = keyValueCandidates(conds, lookup);
  if (!singles.complete) out.incomplete.push(`values of ${name}: the search stopped at its state limit`);
  // Values that every condition on the key treats alike are one region: keep one of each.
  const regions = new Map<string, string>();
  for (const v of singles.values) {
    const ctx = normalizeContext({ [name]: v });
    const k = conds.map((c) => (evaluateCondition(c, ctx, lookup).matched ? '1' : '0')).join('');
    if (!regions.has(k)) regions.set(k, v);
  }
  const reps = [...regions.values()];
  const lists: string[][] = [[]];
  // A multivalued key: what matters is which regions the list touches (set operators, and
  // single-value operators read "some value" / "no value"). Every subset for up to 8 regions.
  const n = reps.length;
  if (n <= 8) {
    for (let mask = 1; mask < 1 << n; mask++) if ((mask & (mask - 1)) !== 0) lists.push(reps.filter((_, i) => (mask >> i) & 1));
  } else {
    out.incomplete.push(`multivalued ${name}: ${n} value regions, lists of two values only`);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lists.push([reps[i] as string, reps[j] as string]);
  }
  return [undefined, ...reps, ...lists];
}

/** Keys that policy variables name in the statements (lower case; escapes excluded). */
function variablesOf(stmts: readonly SideStatement[]): Set<string> {
  const out = new Set<string>();
  const scan = (text: string): void => {
    for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
      const body = (m[1] ?? '').trim();
      if (body === '*' || body === '?' || body === '$') continue;
      out.add((body.split(',')[0] ?? '').trim().toLowerCase());
    }
  };
  for (const { statement: s, variables } of stmts) {
    if (!variables) continue;
    for (const p of [...(s.resource ?? []), ...(s.notResource ?? [])]) scan(p.value);
    for (const c of s.conditions) if (['String', 'Arn', 'Bool'].includes(c.info.family)) for (const v of c.values) scan(v.value);
  }
  return out;
}

/** Every choice of values for the variable keys: absent, a fresh symbol, their own conditions' values. */
function* assignments(
  keys: readonly string[],
  conds: Map<string, { name: string; list: { cond: ParsedCondition }[] }>,
): Generator<Map<string, { name: string; value: ContextValue }>> {
  const options = keys.map((k) => {
    const entry = conds.get(k);
    const own = entry
      ? keyValueCandidates(
          entry.list.map((c) => c.cond),
          undefined,
        ).values.slice(0, 6)
      : [];
    const values: (ContextValue | undefined)[] = [undefined, SYMBOL, ...own.filter((v) => v !== SYMBOL)];
    if (entry) values.push([SYMBOL, `${SYMBOL}-2`]);
    return { k, name: entry?.name ?? k, values };
  });
  const pick = (
    i: number,
    acc: Map<string, { name: string; value: ContextValue }>,
  ): Generator<Map<string, { name: string; value: ContextValue }>> =>
    (function* () {
      if (i === options.length) {
        yield new Map(acc);
        return;
      }
      const o = options[i] as (typeof options)[number];
      for (const v of o.values) {
        if (v === undefined) acc.delete(o.k);
        else acc.set(o.k, { name: o.name, value: v });
        yield* pick(i + 1, acc);
      }
      acc.delete(o.k);
    })();
  yield* pick(0, new Map());
}

/** Callers a resource policy comparison tries: each principal the statements name, and two strangers. */
function resourceCallers(all: readonly SideStatement[], owner: string): string[] {
  const stranger = owner === OTHER_ACCOUNT ? HOME_ACCOUNT : OTHER_ACCOUNT;
  const out = new Set<string>([`arn:aws:iam::${owner}:user/dojo-witness`, `arn:aws:iam::${stranger}:user/dojo-witness`]);
  for (const { statement: s } of all) {
    for (const e of [...(s.principal?.entries ?? []), ...(s.notPrincipal?.entries ?? [])]) {
      if (e.kind !== 'AWS') continue;
      for (const { value } of e.values) {
        if (/^\d{12}$/.test(value)) out.add(`arn:aws:iam::${value}:user/dojo-witness`);
        const m = /^arn:aws:(iam|sts)::(\d{12}):(.+)$/.exec(value);
        if (!m) continue;
        const [, svc, acct, rest = ''] = m;
        if (rest === 'root') out.add(`arn:aws:iam::${acct}:user/dojo-witness`);
        else if (svc === 'iam' && rest.startsWith('role/'))
          out.add(`arn:aws:sts::${acct}:assumed-role/${rest.split('/').pop() ?? ''}/dojo-session`);
        else if (svc === 'iam' && rest.startsWith('user/')) out.add(value);
        else if (svc === 'sts' && rest.startsWith('assumed-role/')) out.add(value);
      }
    }
  }
  return [...out];
}
