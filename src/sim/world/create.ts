/** A new world's initial state: one account with a root user, its access key and password. */
import { ID_PREFIX, IdGenerator } from './ids.ts';
import { migrateSnapshot, SnapshotError } from './migrate.ts';
import { organizationState, type OrganizationInput } from './organization.ts';
import { WORLD_FORMAT_VERSION, type AccountState, type WorldState } from './state.ts';

/** Options of `createWorld` (part of the public API, src/sim/index.ts). */
export interface CreateWorldOptions {
  /** 12-digit account ID of the primary account; default 123456789012 (the AWS documentation account). */
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
  /**
   * Makes the account a member of an organization with these SCPs/RCPs (see organization.ts);
   * `null` or absent: a standalone account, whose root may call CreateOrganization.
   */
  organization?: OrganizationInput | null;
  /**
   * The CLI configuration the world starts with (`~/.aws/config` and credentials merged: profile →
   * setting → value), e.g. a lesson's `dev-admin` role profile; `aws configure list-profiles` shows it.
   */
  cliConfig?: { profiles: Record<string, Record<string, string>> };
  /** A saved world (`world.save()`, any format version) to continue from; the other options are then ignored. */
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

/** A new account's state: a root user (with one access key unless `rootKey` is false) and a console password, nothing else. */
export function newAccountState(ids: IdGenerator, accountId: string, nowMs: number, rootPassword: string, rootKey = true): AccountState {
  const account: AccountState = {
    accountId,
    canonicalUserId: ids.chars('0123456789abcdef', 64),
    root: { createDate: nowMs, accessKeys: [], mfaSerials: [], password: rootPassword },
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
  };
  if (rootKey)
    account.root.accessKeys.push({
      id: ids.accessKeyId(ID_PREFIX.accessKey, accountId),
      secret: ids.secretAccessKey(),
      status: 'Active',
      createDate: nowMs,
    });
  return account;
}

/** The initial state for the options (without imported authorization details). */
export function initialState(options: CreateWorldOptions): WorldState {
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new WorldOptionsError(`accountId must be 12 digits, got ${JSON.stringify(accountId)}`);
  const now =
    options.now === undefined
      ? DEFAULT_START
      : options.now instanceof Date
        ? options.now.getTime()
        : typeof options.now === 'string'
          ? Date.parse(options.now)
          : options.now;
  if (!Number.isFinite(now)) throw new WorldOptionsError(`now must be a valid time, got ${String(options.now)}`);
  const region = options.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new WorldOptionsError(`region must look like us-east-1, got ${JSON.stringify(region)}`);
  const state: WorldState = {
    formatVersion: WORLD_FORMAT_VERSION,
    seed: options.seed ?? 'iam-dojo',
    idCounter: 0,
    clockMs: now,
    region,
    primaryAccountId: accountId,
    accounts: {},
    files: {},
    cliConfig: cliConfigOption(options.cliConfig),
  };
  if (options.organization !== undefined && options.organization !== null) {
    try {
      state.organization = organizationState(options.organization, accountId, now);
    } catch (e) {
      throw new WorldOptionsError(e instanceof Error ? e.message : String(e));
    }
  }
  const ids = new IdGenerator(state);
  state.accounts[accountId] = newAccountState(ids, accountId, now, options.rootPassword ?? 'Dojo-Root-Passw0rd!');
  return state;
}

/** A copy of the `cliConfig` option, checked: every profile a map of string settings. */
function cliConfigOption(config: CreateWorldOptions['cliConfig']): WorldState['cliConfig'] {
  if (config === undefined) return { profiles: {} };
  const profiles = config && typeof config === 'object' ? config.profiles : undefined;
  if (!profiles || typeof profiles !== 'object')
    throw new WorldOptionsError('cliConfig must be { profiles: { <name>: { <setting>: <value> } } }');
  const out: WorldState['cliConfig'] = { profiles: {} };
  for (const [name, settings] of Object.entries(profiles)) {
    if (!settings || typeof settings !== 'object' || Object.values(settings).some((v) => typeof v !== 'string')) {
      throw new WorldOptionsError(`cliConfig.profiles.${name} must map setting names to string values`);
    }
    Object.defineProperty(out.profiles, name, { value: { ...settings }, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A saved world as today's state: older format versions are migrated (migrate.ts); `owned`: see migrateSnapshot. */
export function stateFromSnapshot(snapshot: unknown, owned = false): WorldState {
  try {
    return migrateSnapshot(snapshot, { owned });
  } catch (e) {
    if (e instanceof SnapshotError) throw new WorldOptionsError(e.message);
    throw e;
  }
}
