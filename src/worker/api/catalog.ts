/**
 * The service reference for the editor: which services exist, and per service its actions (with
 * description and access level), resource ARN templates and condition keys. Loaded per service by
 * the engine's catalog (src/sim/catalog), so a page only pays for the services a learner types.
 */
import type { CatalogService, Result } from '../protocol.ts';
import { attempt, simExport } from '../sim-adapter.ts';

type Key = { name: string; type: string; description: string };

/** The catalog half of the worker api. */
export const catalogApi = {
  /** Every service prefix the catalog knows (for completing `"Action": "s3:` and `arn:aws:`). */
  catalogServices(): Promise<Result<string[]>> {
    return attempt(async () => {
      const list = simExport<() => string[] | Promise<string[]>>('catalogServices');
      return [...(await list())];
    });
  },

  /** One service's actions, resource types and condition keys. */
  catalogService(prefix: string): Promise<Result<CatalogService>> {
    return attempt(async () => {
      const load = simExport<(p: string) => Promise<CatalogService | undefined> | CatalogService | undefined>('loadCatalogService');
      const service = await load(prefix.toLowerCase());
      if (!service) throw Object.assign(new Error(`"${prefix}" is not a service prefix the catalog knows.`), { code: 'UNKNOWN_SERVICE' });
      return {
        prefix: service.prefix,
        name: service.name,
        actions: service.actions.map((a) => ({ name: a.name, description: a.description, accessLevel: a.accessLevel })),
        resourceTypes: service.resourceTypes.map((r) => ({ name: r.name, arn: r.arn })),
        conditionKeys: service.conditionKeys.map((k) => ({ name: k.name, type: k.type, description: k.description })),
      };
    });
  },

  /** The global condition keys (`aws:...`). */
  globalConditionKeys(): Promise<Result<Key[]>> {
    return attempt(async () => {
      const keys = simExport<() => Key[] | Promise<Key[]>>('globalConditionKeys');
      return (await keys()).map((k) => ({ name: k.name, type: k.type, description: k.description }));
    });
  },
};
