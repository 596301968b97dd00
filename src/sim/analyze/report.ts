/**
 * The reported comparison: Equivalent / MorePermissive / LessPermissive / Incomparable (as
 * Zelkova-style checks name them), each difference as a witness in SimulateCustomPolicy's own field
 * names so it can be replayed with `simulate-custom-policy`, grouped into sentences for people.
 * Every witness is replayed here before it is reported: through SimulateCustomPolicy for identity,
 * boundary and resource policies, through the engine for SCPs (no IAM API takes an SCP).
 */
import { authorize } from '../evaluate/authorize.ts';
import type { ContextValue, Decision } from '../evaluate/types.ts';
import { simulateCustomPolicy } from '../simulate/custom.ts';
import type { ContextKeyType } from '../simulate/types.ts';
import { parseBool, parseDate, parseIpRange, parseNumber } from '../policy/values.ts';
import { compareRaw, compareRawSync, type CompareOptions, type ComparisonCase, type RawComparison } from './compare.ts';
import { AnalysisError } from './errors.ts';
import { ALLOW_ALL, engineRequest, type Side } from './sides.ts';

/** How the two versions relate. */
export type ComparisonVerdict = 'Equivalent' | 'MorePermissive' | 'LessPermissive' | 'Incomparable';

/** A `ContextEntries` item as SimulateCustomPolicy takes it. */
export interface WitnessContextEntry {
  ContextKeyName: string;
  ContextKeyValues: string[];
  ContextKeyType: ContextKeyType;
}

/** One request that one version allows and the other does not. */
export interface Witness {
  Action: string;
  Resource: string;
  ContextEntries: WitnessContextEntry[];
  /** Only for resource policies: who calls (SimulateCustomPolicy CallerArn). */
  CallerArn?: string;
}

/** One group of differences in words, with its witnesses. */
export interface DifferenceGroup {
  direction: 'newlyAllowed' | 'noLongerAllowed';
  sentence: string;
  actions: string[];
  resource: string;
  conditions: string[];
  before: Decision;
  after: Decision;
  witness: Witness;
  /** True when the group also stands for every action of services neither version names. */
  otherServices: boolean;
}

/** The comparison as reported. */
export interface PolicyComparison {
  Result: ComparisonVerdict;
  NewlyAllowed: Witness[];
  NoLongerAllowed: Witness[];
  /** The same differences grouped for people. */
  groups: DifferenceGroup[];
  /** Distinct cases decided by the engine. */
  cases: number;
  /** True when nothing stopped the search early (see `incomplete`). */
  complete: boolean;
  incomplete: string[];
}

/** Compares two versions of a policy (documents as JSON text). */
export async function comparePolicies(
  before: string | readonly string[],
  after: string | readonly string[],
  options: CompareOptions = {},
): Promise<PolicyComparison> {
  return report(await compareRaw(before, after, options));
}

/** The same, over reference data already loaded (the worker preloads; benches time this). */
export function comparePoliciesSync(
  before: string | readonly string[],
  after: string | readonly string[],
  options: CompareOptions = {},
): PolicyComparison {
  return report(compareRawSync(before, after, options));
}

function report(raw: RawComparison): PolicyComparison {
  const groups: DifferenceGroup[] = [];
  const newly: Witness[] = [];
  const gone: Witness[] = [];
  const seen = new Set<string>();
  const sentences = new Set<string>();
  for (const d of raw.differences) {
    const direction = d.after === 'allowed' ? 'newlyAllowed' : 'noLongerAllowed';
    const witnesses = d.actions.map((action) => witnessOf(raw, d, action));
    replay(raw, witnesses, d);
    for (const w of witnesses) {
      const key = JSON.stringify(w);
      if (seen.has(key)) continue;
      seen.add(key);
      (direction === 'newlyAllowed' ? newly : gone).push(w);
    }
    // Cases that differ only in a value no sentence mentions read the same: say it once.
    const group = groupOf(raw, d, direction, witnesses[0] as Witness);
    if (sentences.has(group.sentence)) continue;
    sentences.add(group.sentence);
    groups.push(group);
  }
  const Result: ComparisonVerdict =
    newly.length > 0 ? (gone.length > 0 ? 'Incomparable' : 'MorePermissive') : gone.length > 0 ? 'LessPermissive' : 'Equivalent';
  return {
    Result,
    NewlyAllowed: newly,
    NoLongerAllowed: gone,
    groups,
    cases: raw.cases,
    complete: raw.incomplete.length === 0,
    incomplete: raw.incomplete,
  };
}

function witnessOf(raw: RawComparison, d: ComparisonCase, action: string): Witness {
  const entries: WitnessContextEntry[] = [];
  for (const [name, value] of Object.entries(d.request.context)) {
    const families = d.keys.find((k) => k.name === name)?.families ?? [];
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    const base = typeFor(families, values);
    entries.push({
      ContextKeyName: name,
      ContextKeyValues: values,
      ContextKeyType: (Array.isArray(value) ? `${base}List` : base) as ContextKeyType,
    });
  }
  const w: Witness = { Action: action, Resource: d.request.resource, ContextEntries: entries };
  if (raw.policyType === 'resource' || raw.policyType === 'trust') w.CallerArn = d.request.callerArn;
  return w;
}

/** A ContextKeyType the values validate as (the engine sees the same text whichever is chosen). */
function typeFor(families: string[], values: string[]): 'string' | 'numeric' | 'date' | 'ip' | 'boolean' {
  const f = families.filter((x) => x !== 'Null');
  if (f.length !== 1 || values.length === 0) return 'string';
  const every = (ok: (v: string) => boolean): boolean => values.every(ok);
  if (f[0] === 'Numeric' && every((v) => parseNumber(v) !== undefined)) return 'numeric';
  if (f[0] === 'Date' && every((v) => parseDate(v) !== undefined)) return 'date';
  if (f[0] === 'IpAddress' && every((v) => parseIpRange(v) !== undefined)) return 'ip';
  if (f[0] === 'Bool' && every((v) => parseBool(v) !== undefined)) return 'boolean';
  return 'string';
}

/**
 * Replays a difference's witnesses under both versions; a mismatch is a bug and stops the analysis.
 * The witnesses of one difference share resource, context and caller and differ only in the
 * action, so each version is asked once with every action (ActionNames takes a list): the
 * policies are read once per difference instead of once per action.
 */
function replay(raw: RawComparison, witnesses: readonly Witness[], d: ComparisonCase): void {
  const first = witnesses[0];
  if (!first) return;
  const actions = witnesses.map((w) => w.Action);
  const before = replaySide(raw, raw.before, first, actions, d);
  const after = replaySide(raw, raw.after, first, actions, d);
  actions.forEach((action, i) => {
    if (before[i] !== d.before || after[i] !== d.after) {
      throw new AnalysisError('WITNESS_MISMATCH', {
        action,
        resource: first.Resource,
        detail: `expected ${d.before}/${d.after}, replay gave ${before[i] ?? 'nothing'}/${after[i] ?? 'nothing'}`,
      });
    }
  });
}

/** The decisions of one version for each action on the witness's resource, context and caller. */
function replaySide(raw: RawComparison, side: Side, w: Witness, actions: readonly string[], d: ComparisonCase): Decision[] {
  const api = w.ContextEntries.every((e) => e.ContextKeyName.length >= 5);
  const input = { ActionNames: [...actions], ResourceArns: [w.Resource], ContextEntries: w.ContextEntries };
  const decisions = (out: { EvaluationResults: { EvalActionName: string; EvalDecision: Decision }[] }): Decision[] => {
    const by = new Map(out.EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision]));
    return actions.map((a) => by.get(a) ?? 'implicitDeny');
  };
  if (api && raw.policyType === 'identity') {
    return decisions(simulateCustomPolicy({ ...input, PolicyInputList: side.texts, CallerArn: d.request.callerArn }));
  }
  if (api && raw.policyType === 'boundary') {
    return decisions(
      simulateCustomPolicy({
        ...input,
        PolicyInputList: [ALLOW_ALL],
        PermissionsBoundaryPolicyInputList: side.texts,
        CallerArn: d.request.callerArn,
      }),
    );
  }
  if (api && (raw.policyType === 'resource' || raw.policyType === 'trust') && w.CallerArn !== undefined) {
    const outside = !w.CallerArn.includes(`::${side.owner}:`);
    return decisions(
      simulateCustomPolicy({
        ...input,
        PolicyInputList: outside ? [ALLOW_ALL] : [],
        ResourcePolicy: side.texts[0] as string,
        CallerArn: w.CallerArn,
        ResourceOwner: side.owner,
      }),
    );
  }
  const context: Record<string, ContextValue> = {};
  for (const e of w.ContextEntries)
    context[e.ContextKeyName] = e.ContextKeyType.endsWith('List') ? e.ContextKeyValues : (e.ContextKeyValues[0] ?? '');
  return actions.map(
    (action) =>
      authorize(engineRequest(side, raw.policyType, { action, resource: w.Resource, context, callerArn: d.request.callerArn })).decision,
  );
}

/** "now also allows s3:DeleteObject on arn:aws:s3:::dojo-reports/* when aws:MultiFactorAuthPresent is absent". */
function groupOf(raw: RawComparison, d: ComparisonCase, direction: DifferenceGroup['direction'], witness: Witness): DifferenceGroup {
  const allowing = direction === 'newlyAllowed' ? raw.after : raw.before;
  const result = authorize(engineRequest(allowing, raw.policyType, d.request));
  let resource = d.request.resource;
  for (const p of result.explanation.policies) {
    const s = p.statements.find((x) => x.applies && x.effect === 'Allow' && x.resource);
    if (!s?.resource) continue;
    resource = s.resource.element === 'Resource' ? (s.resource.matchedPattern ?? resource) : `${resource} (not listed in NotResource)`;
    break;
  }
  const resourceWords = resource === '*' ? 'any resource' : resource;
  // Keys tested by a statement of either version that matches the action and the resource.
  const other = authorize(engineRequest(direction === 'newlyAllowed' ? raw.before : raw.after, raw.policyType, d.request));
  const policies = [...result.explanation.policies, ...other.explanation.policies];
  const conditions = d.keys
    .filter(
      (k) =>
        policies.some((p) =>
          p.statements.some(
            (s) => s.action.matched && s.resource?.matched !== false && s.conditions.some((c) => c.key.toLowerCase() === k.lower),
          ),
        ) || k.name in d.request.context,
    )
    .map((k) => {
      const v = d.request.context[k.name];
      if (v === undefined) return `${k.name} is absent`;
      return Array.isArray(v)
        ? v.length === 0
          ? `${k.name} is an empty list`
          : `${k.name} is [${v.map((x) => JSON.stringify(String(x))).join(', ')}]`
        : `${k.name} is ${JSON.stringify(String(v))}`;
    });
  const verb = direction === 'newlyAllowed' ? 'now also allows' : 'no longer allows';
  const caller = raw.policyType === 'resource' || raw.policyType === 'trust' ? ` for ${d.request.callerArn}` : '';
  const sentence = `${verb} ${actionWords(d)} on ${resourceWords}${caller}${conditions.length > 0 ? ` when ${conditions.join(' and ')}` : ''}`;
  return {
    direction,
    sentence,
    actions: d.actions,
    resource,
    conditions,
    before: d.before,
    after: d.after,
    witness,
    otherServices: d.otherServices,
  };
}

function actionWords(d: ComparisonCase): string {
  const named = d.actions.filter((_, i) => !(d.otherServices && i === d.actions.length - 1));
  const parts: string[] = [];
  if (named.length > 0)
    parts.push(named.length <= 5 ? named.join(', ') : `${named.slice(0, 4).join(', ')} and ${named.length - 4} more actions`);
  if (d.otherServices) parts.push(`every action of services neither version names (for example ${d.actions[d.actions.length - 1] ?? ''})`);
  return parts.join(', and ');
}
