/**
 * An account in a few lines, for the goal-state view (Learn Git Branching's "goal" beside "your
 * account"): each user with their groups and policies, each group with its members and policies,
 * each role, and each customer managed policy with its default version — read from the account's
 * authorization details (GetAccountAuthorizationDetails), so it shows exactly what IAM holds.
 * Pure: the worker builds it, the exercise widget renders it.
 */
import { ADMIN_ROLE } from './admin-session.ts';

/** One identity or policy of the account, with what is true of it. */
export interface SummaryEntry {
  /** What it is. */
  kind: 'user' | 'group' | 'role' | 'policy';
  /** Its name. */
  name: string;
  /** What holds for it, e.g. "groups: Developers", "inline: ReadReports". */
  facts: string[];
}

/** The authorization details the summary is read from (the sim's `exportAuthorizationDetails`). */
export interface DetailsInput {
  UserDetailList: Record<string, unknown>[];
  GroupDetailList: Record<string, unknown>[];
  RoleDetailList: Record<string, unknown>[];
  Policies: Record<string, unknown>[];
}

/** The account's users, groups, roles and customer managed policies, in that order; the course's own administrator role is left out. */
export function summarizeAccount(details: DetailsInput): SummaryEntry[] {
  const members = new Map<string, string[]>();
  const users = details.UserDetailList.map((u) => {
    const name = text(u['UserName']);
    const groups = strings(u['GroupList']);
    for (const g of groups) members.set(g, [...(members.get(g) ?? []), name]);
    return { kind: 'user' as const, name, facts: [...list('groups', groups), ...policyFacts(u, 'UserPolicyList'), ...boundaryFact(u)] };
  });
  const groups = details.GroupDetailList.map((g) => {
    const name = text(g['GroupName']);
    return {
      kind: 'group' as const,
      name,
      facts: [...list('members', (members.get(name) ?? []).sort()), ...policyFacts(g, 'GroupPolicyList')],
    };
  });
  const roles = details.RoleDetailList.filter((r) => text(r['RoleName']) !== ADMIN_ROLE).map((r) => ({
    kind: 'role' as const,
    name: text(r['RoleName']),
    facts: [...trustFacts(r), ...policyFacts(r, 'RolePolicyList'), ...boundaryFact(r)],
  }));
  const policies = details.Policies.map((p) => ({
    kind: 'policy' as const,
    name: text(p['PolicyName']),
    facts: [`default version: ${text(p['DefaultVersionId'])}`, `attached to ${Number(p['AttachmentCount'] ?? 0)}`],
  }));
  return [...users, ...groups, ...roles, ...policies];
}

/** One line per entry, e.g. "user ana — groups: Developers; inline: ReadReports", to compare two accounts. */
export function summaryLine(entry: SummaryEntry): string {
  return `${entry.kind} ${entry.name}${entry.facts.length ? ` — ${entry.facts.join('; ')}` : ''}`;
}

function policyFacts(item: Record<string, unknown>, inlineKey: string): string[] {
  const attached = arrayOf(item['AttachedManagedPolicies']).map((p) => text(p['PolicyName']));
  const inline = arrayOf(item[inlineKey]).map((p) => text(p['PolicyName']));
  return [...list('attached', attached), ...list('inline', inline)];
}

function trustFacts(role: Record<string, unknown>): string[] {
  const document = role['AssumeRolePolicyDocument'];
  const statements = document && typeof document === 'object' ? arrayOf((document as Record<string, unknown>)['Statement']) : [];
  const principals = statements.flatMap((s) => {
    const p = s['Principal'];
    if (!p || typeof p !== 'object') return typeof p === 'string' ? [p] : [];
    return Object.values(p as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)]));
  });
  return list('trusts', principals);
}

function boundaryFact(item: Record<string, unknown>): string[] {
  const b = item['PermissionsBoundary'] as Record<string, unknown> | undefined;
  const arn = b ? text(b['PermissionsBoundaryArn']) : '';
  return arn ? [`boundary: ${arn.slice(arn.lastIndexOf('/') + 1)}`] : [];
}

function list(label: string, values: string[]): string[] {
  return values.length ? [`${label}: ${values.join(', ')}`] : [];
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object') : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}
