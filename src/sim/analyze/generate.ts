/**
 * Least privilege from the trail: the policy a principal's CloudTrail records prove it needs, with
 * real ARNs (no placeholders), actions grouped per resource, validated and linted, then compared
 * (comparePolicies) with what the principal has today: what it is granted but never used in the
 * window. Each used action and resource comes from the engine's own authorization checks behind
 * the record when the world still has them (world.decisionsFor), otherwise from the record itself
 * (eventSource + eventName, and its `resources` ARNs).
 */
import type { AuthorizationRequest, AuthorizationResult } from '../evaluate/types.ts';
import { getLoadedService, loadServices } from '../catalog/services.ts';
import { validatePolicy, type PolicyFinding } from '../simulate/validate.ts';
import { comparePolicies, type Witness } from './report.ts';
import { AnalysisError } from './errors.ts';

/** What generation needs: the records, and the engine checks behind a record when still known. */
export interface GenerateInput {
  records: readonly Record<string, unknown>[];
  /** The user or role ARN (a role's sessions count as the role). */
  principalArn: string;
  /** ISO 8601 start of the window (inclusive); default: every record. */
  since?: string;
  /** ISO 8601 end of the window (inclusive); default: up to the last record. */
  until?: string;
  /** The principal's identity policies today (JSON texts), to report what is granted but unused. */
  currentPolicies?: readonly string[];
  decisionsFor?: (eventId: string) => readonly { request: AuthorizationRequest; result: AuthorizationResult }[] | undefined;
}

/** The generated policy, the evidence, and the unused part of today's permissions. */
export interface GeneratedPolicy {
  PolicyDocument: { Version: '2012-10-17'; Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string[] }[] };
  /** Requests today's policies allow that the window never used (witnesses, SimulateCustomPolicy names). */
  UnusedGranted: Witness[];
  /** "grants N actions on M resources never used in the window". */
  summary: string;
  /** Validation and lint findings of the generated policy (empty when clean). */
  findings: PolicyFinding[];
  /** Records of the principal in the window that succeeded, and that failed (not counted as used). */
  recordsUsed: number;
  recordsFailed: number;
  /** Distinct actions and resources of today's grants the window never used (the summary's N and M). */
  unusedActions: number;
  unusedResources: number;
  /** True when today's policies also grant every action of services the window never touched. */
  unusedOtherServices: boolean;
}

/** Generates the least-privilege policy for a principal from its records. */
export async function generatePolicyFromTrail(input: GenerateInput): Promise<GeneratedPolicy> {
  const since = input.since !== undefined ? Date.parse(input.since) : Number.NEGATIVE_INFINITY;
  if (Number.isNaN(since))
    throw new AnalysisError('BAD_INPUT', {
      detail: `The window's start must be an ISO 8601 time such as 2026-03-02T09:00:00Z, not "${input.since ?? ''}".`,
    });
  const until = input.until !== undefined ? Date.parse(input.until) : Number.POSITIVE_INFINITY;
  if (Number.isNaN(until))
    throw new AnalysisError('BAD_INPUT', {
      detail: `The window's end must be an ISO 8601 time such as 2026-03-02T10:00:00Z, not "${input.until ?? ''}".`,
    });
  if (until < since)
    throw new AnalysisError('BAD_INPUT', {
      detail: `The window ends (${input.until ?? ''}) before it starts (${input.since ?? ''}): swap the two times.`,
    });
  const used = new Map<string, Set<string>>();
  let ok = 0;
  let failed = 0;
  for (const record of input.records) {
    if (!isPrincipal(record, input.principalArn)) continue;
    const at = Date.parse(String(record['eventTime']));
    if (at < since || at > until) continue;
    if (record['errorCode'] !== undefined) {
      failed++;
      continue;
    }
    ok++;
    for (const [action, resource] of usesOf(record, input.decisionsFor)) {
      const set = used.get(resource) ?? new Set<string>();
      set.add(action);
      used.set(resource, set);
    }
  }
  // An action the service reference lists with no resource type is granted only by "Resource": "*"
  // (Service Authorization Reference; Access Analyzer lints other resources for it).
  await loadServices([...used.values()].flatMap((set) => [...set].map((a) => a.split(':')[0] ?? '')));
  for (const [resource, actions] of [...used]) {
    if (resource === '*') continue;
    for (const action of [...actions]) {
      const [prefix = '', name = ''] = action.split(':');
      const known = getLoadedService(prefix)?.actions.get(name.toLowerCase());
      if (known && known.resourceTypes.length === 0) {
        actions.delete(action);
        const star = used.get('*') ?? new Set<string>();
        star.add(action);
        used.set('*', star);
      }
    }
    if (actions.size === 0) used.delete(resource);
  }
  // Resources that need the same actions share a statement.
  const byActions = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [resource, actions] of [...used].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const list = [...actions].sort();
    const key = list.join(',');
    const entry = byActions.get(key) ?? { actions: list, resources: [] };
    entry.resources.push(resource);
    byActions.set(key, entry);
  }
  const Statement = [...byActions.values()].map((e, i) => ({
    Sid: `UsedInTrail${i + 1}`,
    Effect: 'Allow' as const,
    Action: e.actions,
    Resource: e.resources,
  }));
  const PolicyDocument = { Version: '2012-10-17' as const, Statement };
  const text = JSON.stringify(PolicyDocument);
  // An empty window gives a policy with no statements, which IAM would reject: compare against "nothing".
  const findings = Statement.length > 0 ? await validatePolicy(JSON.stringify(PolicyDocument, null, 2), 'identity') : [];
  let UnusedGranted: Witness[] = [];
  let others: Witness | undefined;
  if (input.currentPolicies && input.currentPolicies.length > 0) {
    const generated = Statement.length > 0 ? text : '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    const comparison = await comparePolicies(input.currentPolicies, generated);
    UnusedGranted = comparison.NoLongerAllowed;
    // The comparison stands for every action of services neither version names by one action;
    // it is not one action but all of them, and the words say so instead of counting it.
    const standIn = comparison.groups.find((g) => g.otherServices && g.direction === 'noLongerAllowed');
    if (standIn) others = standIn.witness;
  }
  const counted = UnusedGranted.filter((w) => w !== others && !(others && w.Action === others.Action));
  const actions = new Set(counted.map((w) => w.Action)).size;
  const resources = new Set(counted.map((w) => w.Resource)).size;
  const parts: string[] = [];
  if (actions > 0)
    parts.push(
      `${actions} action${actions === 1 ? '' : 's'} on ${resources} resource${resources === 1 ? '' : 's'} never used in the window`,
    );
  if (others) parts.push(`every action of the services the window never used (for example ${others.Action})`);
  const summary = parts.length === 0 ? 'grants nothing beyond what the window used' : `grants ${parts.join(', and ')}`;
  return {
    PolicyDocument,
    UnusedGranted,
    summary,
    findings,
    recordsUsed: ok,
    recordsFailed: failed,
    unusedActions: actions,
    unusedResources: resources,
    unusedOtherServices: others !== undefined,
  };
}

function isPrincipal(record: Record<string, unknown>, arn: string): boolean {
  const ui = record['userIdentity'] as { arn?: string; sessionContext?: { sessionIssuer?: { arn?: string } } } | undefined;
  return ui?.arn === arn || ui?.sessionContext?.sessionIssuer?.arn === arn;
}

/** The (action, resource) pairs a successful record used. */
function usesOf(record: Record<string, unknown>, decisionsFor: GenerateInput['decisionsFor']): [string, string][] {
  const id = typeof record['eventID'] === 'string' ? record['eventID'] : undefined;
  const decisions = id !== undefined ? decisionsFor?.(id) : undefined;
  if (decisions && decisions.length > 0)
    return decisions.filter((d) => d.result.decision === 'allowed').map((d) => [d.request.action, d.request.resource]);
  const service = String(record['eventSource'] ?? '').split('.')[0] ?? '';
  const action = `${service}:${String(record['eventName'] ?? '')}`;
  const resources =
    (record['resources'] as { ARN?: string }[] | undefined)?.map((r) => r.ARN).filter((a): a is string => typeof a === 'string') ?? [];
  return (resources.length > 0 ? resources : ['*']).map((r) => [action, r]);
}
