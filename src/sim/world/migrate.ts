/**
 * Loading saved worlds of every format version this simulator ever wrote. Version 1 was one
 * account whose fields sat at the top of the snapshot, with its organization as policy levels;
 * version 2 holds accounts by ID and the organization as a tree (state.ts).
 */
import {
  applyLevels,
  newOrganization,
  rootIdOf,
  type OrganizationPolicyState,
  type OrganizationState,
  type PolicyKind,
} from './organization.ts';
import { defaultMfaSettings } from '../services/sso-admin/model.ts';
import { WORLD_FORMAT_VERSION, type AccountState, type WorldState } from './state.ts';

/** Why a snapshot could not be loaded. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const ACCOUNT_MAPS = ['users', 'groups', 'roles', 'policies', 'instanceProfiles', 'mfaDevices', 'sessions', 'buckets', 'trails'] as const;

function checkAccount(a: Partial<AccountState>, where: string): void {
  for (const key of ACCOUNT_MAPS) {
    if (!a[key] || typeof a[key] !== 'object') throw new SnapshotError(`${where}.${key} is missing`);
  }
  if (!Array.isArray(a.records) || typeof a.accountId !== 'string' || !a.root || typeof a.root !== 'object')
    throw new SnapshotError(`${where} is missing records, accountId or root`);
}

/**
 * A saved world of any known version as today's state: a deep copy (the input is not changed), or
 * with `owned` the input itself, for a snapshot just decoded that nothing else holds (a reload: the
 * copy of a big world cost more than the rest of the restore together).
 */
export function migrateSnapshot(snapshot: unknown, { owned = false }: { owned?: boolean } = {}): WorldState {
  if (!snapshot || typeof snapshot !== 'object') throw new SnapshotError('snapshot must be the object world.save() returned');
  const s = (owned ? snapshot : structuredClone(snapshot)) as Record<string, unknown>;
  if (s['formatVersion'] === 1) return fromVersion1(s);
  if (s['formatVersion'] !== WORLD_FORMAT_VERSION) {
    throw new SnapshotError(
      `unsupported world format version ${String(s['formatVersion'])} (this simulator reads versions 1 and ${WORLD_FORMAT_VERSION})`,
    );
  }
  const w = s as unknown as WorldState;
  if (
    !w.accounts ||
    typeof w.accounts !== 'object' ||
    typeof w.primaryAccountId !== 'string' ||
    !Object.hasOwn(w.accounts, w.primaryAccountId)
  ) {
    throw new SnapshotError('snapshot.accounts must hold the primary account');
  }
  for (const [id, account] of Object.entries(w.accounts)) checkAccount(account, `snapshot.accounts[${id}]`);
  if (!w.files || typeof w.files !== 'object' || typeof w.clockMs !== 'number' || typeof w.idCounter !== 'number')
    throw new SnapshotError('snapshot is missing files, clockMs or idCounter');
  fillLaterFields(w);
  return w;
}

/**
 * Fields added within format version 2 that older snapshots lack: an Identity Center instance saved
 * before MFA was simulated gets a new instance's MFA settings (sso-admin/model.ts), as AWS gives one.
 */
function fillLaterFields(w: WorldState): void {
  for (const account of Object.values(w.accounts)) {
    const instance = account.identityCenter as (Omit<NonNullable<AccountState['identityCenter']>, 'mfa'> & { mfa?: unknown }) | undefined;
    if (instance && (instance.mfa === undefined || typeof instance.mfa !== 'object')) instance.mfa = defaultMfaSettings();
  }
}

interface Version1Organization {
  organizationId: string;
  managementAccountId: string;
  scps: { name: string; id: string; document: string }[][];
  rcps?: { name: string; id: string; document: string }[][];
  library?: { id: string; name: string; description: string; kind: PolicyKind; document: string }[];
}

function fromVersion1(s: Record<string, unknown>): WorldState {
  const account = s as unknown as AccountState;
  checkAccount(account, 'snapshot');
  if (!s['files'] || typeof s['files'] !== 'object' || typeof s['clockMs'] !== 'number' || typeof s['idCounter'] !== 'number')
    throw new SnapshotError('snapshot is missing files, clockMs or idCounter');
  const accountState: AccountState = {
    accountId: account.accountId,
    canonicalUserId: account.canonicalUserId,
    ...(account.accountAlias !== undefined ? { accountAlias: account.accountAlias } : {}),
    root: account.root,
    users: account.users,
    groups: account.groups,
    roles: account.roles,
    policies: account.policies,
    instanceProfiles: account.instanceProfiles,
    mfaDevices: account.mfaDevices,
    sessions: account.sessions,
    buckets: account.buckets,
    trails: account.trails,
    records: account.records,
  };
  const world: WorldState = {
    formatVersion: WORLD_FORMAT_VERSION,
    seed: String(s['seed'] ?? 'iam-dojo'),
    idCounter: s['idCounter'] as number,
    clockMs: s['clockMs'] as number,
    region: typeof s['region'] === 'string' ? s['region'] : 'us-east-1',
    primaryAccountId: account.accountId,
    accounts: { [account.accountId]: accountState },
    files: s['files'] as WorldState['files'],
    cliConfig: (s['cliConfig'] as WorldState['cliConfig'] | undefined) ?? { profiles: {} },
  };
  const org = s['organization'] as Version1Organization | undefined;
  if (org) world.organization = organizationFromVersion1(org, account.accountId, world.clockMs);
  return world;
}

/** A version-1 organization (levels root → OUs → the world's account, plus created policies) as a tree. */
function organizationFromVersion1(org: Version1Organization, accountId: string, nowMs: number): OrganizationState {
  if (!Array.isArray(org.scps)) throw new SnapshotError('snapshot.organization.scps must be a list of levels');
  const tree = newOrganization(org.organizationId, org.managementAccountId, `management@${org.organizationId}.example.com`, nowMs);
  tree.rootId = rootIdOf(org.organizationId);
  tree.policies = {};
  tree.attachments = {};
  const managed = (name: string) => name === 'FullAWSAccess' || name === 'RCPFullAWSAccess';
  const level = (kind: PolicyKind) => (list: Version1Organization['scps']) =>
    list.map((l) =>
      l.map((p): OrganizationPolicyState => ({
        id: p.id,
        name: p.name,
        description: '',
        kind,
        document: p.document,
        ...(managed(p.name) ? { awsManaged: true } : {}),
      })),
    );
  const rcps = org.rcps ? level('rcp')(org.rcps) : undefined;
  if (rcps) tree.enabledPolicyTypes.push('rcp');
  applyLevels(tree, accountId, level('scp')(org.scps), rcps, nowMs);
  for (const p of org.library ?? [])
    tree.policies[p.id] ??= { id: p.id, name: p.name, description: p.description, kind: p.kind, document: p.document };
  return tree;
}
