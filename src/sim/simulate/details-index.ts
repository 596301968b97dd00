/**
 * Lookups over one `get-account-authorization-details` object (users, groups and roles by ARN and
 * name, managed policies by ARN, document texts), built once per object: a page or a script that
 * asks many questions of the same details pays for scanning them once. An object whose lists were
 * replaced or changed length since is indexed again.
 */
import type { AccountAuthorizationDetails, GroupDetail, ManagedPolicyDetail, RoleDetail, UserDetail } from './types.ts';

/** The lookups SimulatePrincipalPolicy needs. */
export interface DetailsIndex {
  /** The plain-data copy of the details the lookups answer from. */
  readonly details: AccountAuthorizationDetails;
  user(arn: string, name: string): UserDetail | undefined;
  group(arn: string | undefined, name: string): GroupDetail | undefined;
  role(arn: string, name: string): RoleDetail | undefined;
  policy(arn: string): ManagedPolicyDetail | undefined;
  /** The JSON text of a document object, kept so the parse cache finds the same text every time. */
  readonly texts: WeakMap<object, string>;
}

interface Entry {
  lists: readonly unknown[];
  lengths: readonly number[];
  index: DetailsIndex;
}

const indexes = new WeakMap<object, Entry>();

/**
 * The index of the caller's `original` details object, over its plain-data copy made by `copy`;
 * built on first use and kept while the original's lists stay the same arrays of the same length.
 */
export function detailsIndex(original: object, copy: (details: object) => AccountAuthorizationDetails): DetailsIndex {
  const o = original as AccountAuthorizationDetails;
  const lists = [o.UserDetailList, o.GroupDetailList, o.RoleDetailList, o.Policies];
  const lengths = lists.map((l) => (Array.isArray(l) ? l.length : -1));
  const hit = indexes.get(original);
  if (hit && hit.lists.every((l, i) => l === lists[i] && hit.lengths[i] === lengths[i])) return hit.index;
  const index = buildIndex(copy(original));
  indexes.set(original, { lists, lengths, index });
  return index;
}

function buildIndex(details: AccountAuthorizationDetails): DetailsIndex {
  const users = byArnAndName(details.UserDetailList ?? [], (u) => u.UserName);
  const groups = byArnAndName(details.GroupDetailList ?? [], (g) => g.GroupName);
  const roles = byArnAndName(details.RoleDetailList ?? [], (r) => r.RoleName);
  const policies = new Map<string, ManagedPolicyDetail>();
  for (const p of details.Policies ?? []) if (!policies.has(p.Arn)) policies.set(p.Arn, p);
  return {
    details,
    user: (arn, name) => users.arn.get(arn) ?? users.name.get(name),
    group: (arn, name) => (arn !== undefined ? groups.arn.get(arn) : undefined) ?? groups.name.get(name),
    role: (arn, name) => roles.arn.get(arn) ?? roles.name.get(name),
    policy: (arn) => policies.get(arn),
    texts: new WeakMap(),
  };
}

/** First entry per ARN and per name, in list order (as a linear search would find them). */
function byArnAndName<T extends { Arn: string }>(
  list: readonly T[],
  nameOf: (entry: T) => string,
): { arn: Map<string, T>; name: Map<string, T> } {
  const arn = new Map<string, T>();
  const name = new Map<string, T>();
  for (const entry of list) {
    if (!arn.has(entry.Arn)) arn.set(entry.Arn, entry);
    const n = nameOf(entry);
    if (!name.has(n)) name.set(n, entry);
  }
  return { arn, name };
}
