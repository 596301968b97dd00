/** A new world's initial state: an empty account with a root user, its access key and password. */
import { ID_PREFIX, IdGenerator } from './ids.ts';
import { organizationState, type OrganizationInput } from './organization.ts';
import type { WorldState } from './state.ts';

/** Options of `createWorld` (part of the public API, src/sim/index.ts). */
export interface CreateWorldOptions {
  /** 12-digit account ID; default 123456789012 (the AWS documentation account). */
  accountId?: string;
  /** Seed of every generated ID and secret; default 'iam-dojo'. */
  seed?: string;
  /** Start time of the simulated clock; default 2026-03-02T09:00:00Z. */
  now?: Date | string | number;
  /** A `get-account-authorization-details` document to start from. */
  authorizationDetails?: unknown;
  /** Default region of requests; default us-east-1. */
  region?: string;
  /** The root user's console password; default `Dojo-Root-Passw0rd!`. */
  rootPassword?: string;
  /** Makes the account a member of an organization with these SCPs/RCPs (see organization.ts). */
  organization?: OrganizationInput;
  /** A saved world (`world.save()`) to continue from; the other options are then ignored. */
  snapshot?: unknown;
}

/** Default start of the simulated clock: fixed, so runs are reproducible. */
export const DEFAULT_START = Date.parse('2026-03-02T09:00:00Z');

/** Why the options could not make a world. */
export class WorldOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorldOptionsError';
  }
}

/** The initial state for the options (without imported authorization details). */
export function initialState(options: CreateWorldOptions): WorldState {
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new WorldOptionsError(`accountId must be 12 digits, got ${JSON.stringify(accountId)}`);
  const now = options.now === undefined ? DEFAULT_START : options.now instanceof Date ? options.now.getTime() : typeof options.now === 'string' ? Date.parse(options.now) : options.now;
  if (!Number.isFinite(now)) throw new WorldOptionsError(`now must be a valid time, got ${String(options.now)}`);
  const region = options.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new WorldOptionsError(`region must look like us-east-1, got ${JSON.stringify(region)}`);
  const state: WorldState = {
    formatVersion: 1,
    seed: options.seed ?? 'iam-dojo',
    idCounter: 0,
    clockMs: now,
    accountId,
    canonicalUserId: '',
    region,
    root: { createDate: now, accessKeys: [], mfaSerials: [], password: options.rootPassword ?? 'Dojo-Root-Passw0rd!' },
    users: {},
    groups: {},
    roles: {},
    policies: {},
    instanceProfiles: {},
    mfaDevices: {},
    sessions: {},
    buckets: {},
    trails: {},
    records: [],
    files: {},
    cliConfig: { profiles: {} },
  };
  if (options.organization !== undefined) {
    try {
      state.organization = organizationState(options.organization);
    } catch (e) {
      throw new WorldOptionsError(e instanceof Error ? e.message : String(e));
    }
  }
  const ids = new IdGenerator(state);
  state.canonicalUserId = ids.chars('0123456789abcdef', 64);
  state.root.accessKeys.push({ id: ids.accessKeyId(ID_PREFIX.accessKey, accountId), secret: ids.secretAccessKey(), status: 'Active', createDate: now });
  return state;
}

/** Checks that a snapshot looks like a saved world; the world format is versioned. */
export function stateFromSnapshot(snapshot: unknown): WorldState {
  if (!snapshot || typeof snapshot !== 'object') throw new WorldOptionsError('snapshot must be the object world.save() returned');
  const s = snapshot as Partial<WorldState>;
  if (s.formatVersion !== 1) throw new WorldOptionsError(`unsupported world format version ${String(s.formatVersion)} (this simulator reads version 1)`);
  for (const key of ['users', 'groups', 'roles', 'policies', 'instanceProfiles', 'mfaDevices', 'sessions', 'buckets', 'trails', 'files'] as const) {
    if (!s[key] || typeof s[key] !== 'object') throw new WorldOptionsError(`snapshot.${key} is missing`);
  }
  if (!Array.isArray(s.records) || typeof s.accountId !== 'string' || typeof s.clockMs !== 'number' || typeof s.idCounter !== 'number') {
    throw new WorldOptionsError('snapshot is missing records, accountId, clockMs or idCounter');
  }
  return structuredClone(snapshot) as WorldState;
}
