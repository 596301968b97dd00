/**
 * The `get-account-authorization-details` shape: exporting a world's IAM state in it, and
 * importing it into a new world (`createWorld({ authorizationDetails })`). The export is
 * what `aws iam get-account-authorization-details` prints (documents as JSON, CLI timestamps).
 */
import { awsManagedDocument, awsManagedPolicy, isAwsManagedArn } from '../managed/index.ts';
import { cliTimestamp } from './dates.ts';
import { own, type Group, type ManagedPolicy, type Role, type Tag, type User, type AccountState } from './state.ts';
import { nameKey } from './state.ts';

/** The exported shape (members in the CLI's order). */
export interface AuthorizationDetails {
  UserDetailList: Record<string, unknown>[];
  GroupDetailList: Record<string, unknown>[];
  RoleDetailList: Record<string, unknown>[];
  Policies: Record<string, unknown>[];
}

function doc(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function attachedOut(state: AccountState, arns: readonly string[]): { PolicyName: string; PolicyArn: string }[] {
  return arns.map((arn) => ({
    PolicyName: awsManagedPolicy(arn)?.PolicyName ?? own(state.policies, arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1),
    PolicyArn: arn,
  }));
}

function boundary(arn: string | undefined): Record<string, unknown> {
  return arn ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } } : {};
}

function tags(list: readonly Tag[]): Record<string, unknown> {
  return list.length ? { Tags: list.map((t) => ({ Key: t.Key, Value: t.Value })) } : {};
}

/** One collator for every comparison (the same order as localeCompare, without its per-call set-up). */
const collator = new Intl.Collator();
const sortByName = <T extends { name: string }>(items: T[]): T[] =>
  items
    .map((item) => ({ item, key: item.name.toLowerCase() }))
    .sort((a, b) => collator.compare(a.key, b.key))
    .map((e) => e.item);

/** What the export looks up per entity, computed once so the export is linear in the account's size. */
interface ExportIndex {
  groupsOfUser: Map<string, Group[]>;
  profilesOfRole: Map<string, AccountState['instanceProfiles'][string][]>;
  attachments: Map<string, number>;
  boundaries: Map<string, number>;
}

function exportIndex(state: AccountState, groups: readonly Group[]): ExportIndex {
  const index: ExportIndex = { groupsOfUser: new Map(), profilesOfRole: new Map(), attachments: new Map(), boundaries: new Map() };
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // Groups in name order, so each user's GroupList comes out sorted.
  for (const g of groups) for (const member of new Set(g.members)) add(index.groupsOfUser, member, g);
  for (const p of Object.values(state.instanceProfiles)) for (const role of new Set(p.roles)) add(index.profilesOfRole, role, p);
  for (const e of [...Object.values(state.users), ...Object.values(state.groups), ...Object.values(state.roles)]) {
    for (const arn of new Set(e.attachedPolicies)) index.attachments.set(arn, (index.attachments.get(arn) ?? 0) + 1);
  }
  for (const e of [...Object.values(state.users), ...Object.values(state.roles)]) {
    if (e.permissionsBoundary) index.boundaries.set(e.permissionsBoundary, (index.boundaries.get(e.permissionsBoundary) ?? 0) + 1);
  }
  return index;
}

/** Filters of GetAccountAuthorizationDetails (`--filter`). */
export type EntityFilter = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

/** The world's IAM state as get-account-authorization-details prints it. */
export function exportAuthorizationDetails(state: AccountState, filter: readonly EntityFilter[] = []): AuthorizationDetails {
  const want = (f: EntityFilter): boolean => filter.length === 0 || filter.includes(f);
  const users = sortByName(Object.values(state.users));
  const groups = sortByName(Object.values(state.groups));
  const roles = sortByName(Object.values(state.roles));
  const index = exportIndex(state, groups);
  const usedAws = new Set<string>();
  for (const e of [...users, ...groups, ...roles]) e.attachedPolicies.filter(isAwsManagedArn).forEach((a) => usedAws.add(a));
  for (const e of [...users, ...roles])
    if (e.permissionsBoundary && isAwsManagedArn(e.permissionsBoundary)) usedAws.add(e.permissionsBoundary);
  const policies: Record<string, unknown>[] = [];
  if (want('LocalManagedPolicy') || want('AWSManagedPolicy')) {
    for (const p of sortByName(Object.values(state.policies))) {
      if (isAwsManagedArn(p.arn) ? want('AWSManagedPolicy') : want('LocalManagedPolicy')) policies.push(policyDetail(index, p));
    }
    if (want('AWSManagedPolicy')) {
      for (const arn of [...usedAws].sort()) {
        const info = awsManagedPolicy(arn);
        const text = awsManagedDocument(arn);
        if (!info || text === undefined || own(state.policies, arn)) continue;
        policies.push({
          PolicyName: info.PolicyName,
          PolicyId: info.PolicyId,
          Arn: arn,
          Path: info.Path,
          DefaultVersionId: info.DefaultVersionId,
          AttachmentCount: index.attachments.get(arn) ?? 0,
          PermissionsBoundaryUsageCount: index.boundaries.get(arn) ?? 0,
          IsAttachable: true,
          CreateDate: cliTimestamp(Date.parse(info.CreateDate)),
          UpdateDate: cliTimestamp(Date.parse(info.UpdateDate)),
          PolicyVersionList: [
            {
              Document: doc(text),
              VersionId: info.DefaultVersionId,
              IsDefaultVersion: true,
              CreateDate: cliTimestamp(Date.parse(info.VersionCreateDate)),
            },
          ],
        });
      }
    }
  }
  return {
    UserDetailList: want('User') ? users.map((u) => userDetail(state, index, u)) : [],
    GroupDetailList: want('Group') ? groups.map((g) => groupDetail(state, g)) : [],
    RoleDetailList: want('Role') ? roles.map((r) => roleDetail(state, index, r)) : [],
    Policies: policies,
  };
}

function userDetail(state: AccountState, index: ExportIndex, u: User): Record<string, unknown> {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: cliTimestamp(u.createDate),
    ...(u.inlinePolicies.length
      ? { UserPolicyList: u.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: doc(p.document) })) }
      : {}),
    GroupList: (index.groupsOfUser.get(u.name) ?? []).map((g) => g.name),
    AttachedManagedPolicies: attachedOut(state, u.attachedPolicies),
    ...boundary(u.permissionsBoundary),
    ...tags(u.tags),
  };
}

function groupDetail(state: AccountState, g: Group): Record<string, unknown> {
  return {
    Path: g.path,
    GroupName: g.name,
    GroupId: g.id,
    Arn: g.arn,
    CreateDate: cliTimestamp(g.createDate),
    GroupPolicyList: g.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: doc(p.document) })),
    AttachedManagedPolicies: attachedOut(state, g.attachedPolicies),
  };
}

function roleDetail(state: AccountState, index: ExportIndex, r: Role): Record<string, unknown> {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: cliTimestamp(r.createDate),
    AssumeRolePolicyDocument: doc(r.assumeRolePolicyDocument),
    InstanceProfileList: (index.profilesOfRole.get(r.name) ?? []).map((p) => ({
      Path: p.path,
      InstanceProfileName: p.name,
      InstanceProfileId: p.id,
      Arn: p.arn,
      CreateDate: cliTimestamp(p.createDate),
      Roles: [],
    })),
    RolePolicyList: r.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: doc(p.document) })),
    AttachedManagedPolicies: attachedOut(state, r.attachedPolicies),
    ...boundary(r.permissionsBoundary),
    Tags: r.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    RoleLastUsed: r.lastUsed ? { LastUsedDate: cliTimestamp(r.lastUsed.date), Region: r.lastUsed.region } : {},
  };
}

function policyDetail(index: ExportIndex, p: ManagedPolicy): Record<string, unknown> {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: index.attachments.get(p.arn) ?? 0,
    PermissionsBoundaryUsageCount: index.boundaries.get(p.arn) ?? 0,
    IsAttachable: true,
    CreateDate: cliTimestamp(p.createDate),
    UpdateDate: cliTimestamp(p.updateDate),
    PolicyVersionList: [...p.versions].reverse().map((v) => ({
      Document: doc(v.document),
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === p.defaultVersionId,
      CreateDate: cliTimestamp(v.createDate),
    })),
  };
}

// ------------------------------------------------------------------------------------------------
// Import
// ------------------------------------------------------------------------------------------------

/** Why an authorization-details document could not be imported, with the JSON path of the problem. */
export class ImportError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ImportError';
    this.path = path;
  }
}

type Json = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const list = (v: unknown, path: string): Json[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => x && typeof x === 'object')) throw new ImportError(path, 'expected a list of objects');
  return v as Json[];
};
const reqStr = (o: Json, k: string, path: string): string => {
  const v = o[k];
  if (typeof v !== 'string' || v === '') throw new ImportError(`${path}.${k}`, 'expected a non-empty string');
  return v;
};
const date = (v: unknown, fallback: number): number => (typeof v === 'string' && Number.isFinite(Date.parse(v)) ? Date.parse(v) : fallback);
const decoded = (v: unknown): string => (typeof v === 'string' && v.startsWith('%7B') ? decodeURIComponent(v) : text(v));
const inline = (v: unknown, path: string): { name: string; document: string }[] =>
  list(v, path).map((p, i) => ({ name: reqStr(p, 'PolicyName', `${path}[${i}]`), document: decoded(p['PolicyDocument']) }));
const attached = (v: unknown, path: string): string[] => list(v, path).map((p, i) => reqStr(p, 'PolicyArn', `${path}[${i}]`));
const tagList = (v: unknown, path: string): Tag[] =>
  list(v, path).map((t, i) => ({ Key: reqStr(t, 'Key', `${path}[${i}]`), Value: typeof t['Value'] === 'string' ? t['Value'] : '' }));
const boundaryArn = (v: unknown): string | undefined =>
  v && typeof v === 'object' && typeof (v as Json)['PermissionsBoundaryArn'] === 'string'
    ? ((v as Json)['PermissionsBoundaryArn'] as string)
    : undefined;

/** Fills an empty world's IAM state from an authorization-details document; throws ImportError on bad input. */
export function importAuthorizationDetails(state: AccountState, details: unknown, newId: (prefix: string) => string, now: number): void {
  if (!details || typeof details !== 'object' || Array.isArray(details))
    throw new ImportError('$', 'expected the JSON object printed by aws iam get-account-authorization-details');
  const d = details as Json;
  for (const [i, p] of list(d['Policies'], '$.Policies').entries()) {
    const path = `$.Policies[${i}]`;
    const arn = reqStr(p, 'Arn', path);
    if (!/^arn:aws:iam::(\d{12}|aws):policy\//.test(arn))
      throw new ImportError(`${path}.Arn`, 'expected a managed policy ARN (arn:aws:iam::<account>:policy/...)');
    // AWS managed policies the simulator ships keep their shipped document; others are stored.
    if (isAwsManagedArn(arn) && awsManagedPolicy(arn)) continue;
    const versions = list(p['PolicyVersionList'], `${path}.PolicyVersionList`).map((v, j) => ({
      versionId: typeof v['VersionId'] === 'string' ? v['VersionId'] : `v${j + 1}`,
      document: decoded(v['Document']),
      createDate: date(v['CreateDate'], now),
      isDefault: v['IsDefaultVersion'] === true,
    }));
    if (versions.length === 0) throw new ImportError(`${path}.PolicyVersionList`, 'a managed policy needs at least its default version');
    const def = versions.find((v) => v.isDefault) ?? versions[0];
    const numbers = versions.map((v) => Number(v.versionId.slice(1))).filter(Number.isFinite);
    const policy: ManagedPolicy = {
      name: reqStr(p, 'PolicyName', path),
      id: typeof p['PolicyId'] === 'string' ? p['PolicyId'] : newId('ANPA'),
      path: typeof p['Path'] === 'string' ? p['Path'] : '/',
      arn,
      createDate: date(p['CreateDate'], now),
      updateDate: date(p['UpdateDate'], now),
      defaultVersionId: def?.versionId ?? 'v1',
      nextVersion: Math.max(0, ...numbers) + 1,
      versions: versions
        .reverse()
        .map(({ versionId, document, createDate }) => ({ versionId, document, createDate }))
        .reverse(),
      tags: [],
    };
    policy.versions.sort((a, b) => Number(a.versionId.slice(1)) - Number(b.versionId.slice(1)));
    state.policies[arn] = policy;
  }
  for (const [i, g] of list(d['GroupDetailList'], '$.GroupDetailList').entries()) {
    const path = `$.GroupDetailList[${i}]`;
    const name = reqStr(g, 'GroupName', path);
    state.groups[nameKey(name)] = {
      name,
      id: typeof g['GroupId'] === 'string' ? g['GroupId'] : newId('AGPA'),
      path: typeof g['Path'] === 'string' ? g['Path'] : '/',
      arn: reqStr(g, 'Arn', path),
      createDate: date(g['CreateDate'], now),
      inlinePolicies: inline(g['GroupPolicyList'], `${path}.GroupPolicyList`),
      attachedPolicies: attached(g['AttachedManagedPolicies'], `${path}.AttachedManagedPolicies`),
      members: [],
    };
  }
  for (const [i, u] of list(d['UserDetailList'], '$.UserDetailList').entries()) {
    const path = `$.UserDetailList[${i}]`;
    const name = reqStr(u, 'UserName', path);
    const pb = boundaryArn(u['PermissionsBoundary']);
    state.users[nameKey(name)] = {
      name,
      id: typeof u['UserId'] === 'string' ? u['UserId'] : newId('AIDA'),
      path: typeof u['Path'] === 'string' ? u['Path'] : '/',
      arn: reqStr(u, 'Arn', path),
      createDate: date(u['CreateDate'], now),
      tags: tagList(u['Tags'], `${path}.Tags`),
      inlinePolicies: inline(u['UserPolicyList'], `${path}.UserPolicyList`),
      attachedPolicies: attached(u['AttachedManagedPolicies'], `${path}.AttachedManagedPolicies`),
      ...(pb ? { permissionsBoundary: pb } : {}),
      accessKeys: [],
      mfaSerials: [],
    };
    const groups = u['GroupList'];
    if (groups !== undefined && !(Array.isArray(groups) && groups.every((x) => typeof x === 'string')))
      throw new ImportError(`${path}.GroupList`, 'expected a list of group names');
    for (const groupName of (groups as string[] | undefined) ?? []) {
      const group = state.groups[nameKey(groupName)];
      if (!group) throw new ImportError(`${path}.GroupList`, `group ${groupName} is not in GroupDetailList`);
      group.members.push(name);
    }
  }
  for (const [i, r] of list(d['RoleDetailList'], '$.RoleDetailList').entries()) {
    const path = `$.RoleDetailList[${i}]`;
    const name = reqStr(r, 'RoleName', path);
    const pb = boundaryArn(r['PermissionsBoundary']);
    state.roles[nameKey(name)] = {
      name,
      id: typeof r['RoleId'] === 'string' ? r['RoleId'] : newId('AROA'),
      path: typeof r['Path'] === 'string' ? r['Path'] : '/',
      arn: reqStr(r, 'Arn', path),
      createDate: date(r['CreateDate'], now),
      maxSessionDuration: typeof r['MaxSessionDuration'] === 'number' ? r['MaxSessionDuration'] : 3600,
      assumeRolePolicyDocument:
        r['AssumeRolePolicyDocument'] === undefined ? '{"Version":"2012-10-17","Statement":[]}' : decoded(r['AssumeRolePolicyDocument']),
      tags: tagList(r['Tags'], `${path}.Tags`),
      inlinePolicies: inline(r['RolePolicyList'], `${path}.RolePolicyList`),
      attachedPolicies: attached(r['AttachedManagedPolicies'], `${path}.AttachedManagedPolicies`),
      ...(pb ? { permissionsBoundary: pb } : {}),
    };
  }
  // Every attachment must name a policy the world knows (shipped AWS managed, or in Policies).
  for (const e of [...Object.values(state.users), ...Object.values(state.groups), ...Object.values(state.roles)]) {
    for (const arn of [...e.attachedPolicies, ...('permissionsBoundary' in e && e.permissionsBoundary ? [e.permissionsBoundary] : [])]) {
      if (!own(state.policies, arn) && !awsManagedPolicy(arn))
        throw new ImportError(e.arn, `attached policy ${arn} is neither in Policies nor an AWS managed policy the simulator ships`);
    }
  }
}
