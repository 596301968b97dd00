/**
 * The page's cached view of the service reference, fetched from the worker one service at a time
 * (the editor's completions and hovers and the widgets' input suggestions share it).
 */
import { withSimulator } from '../worker/client.ts';
import type { CatalogService } from '../worker/protocol.ts';

type Key = { name: string; type: string; description: string };

let services: Promise<string[]> | undefined;
let globals: Promise<Key[]> | undefined;
const perService = new Map<string, Promise<CatalogService | undefined>>();

/** Service prefixes (empty when the catalog is not available). */
export function catalogServices(): Promise<string[]> {
  services ??= withSimulator((api) => api.catalogServices()).then(
    (r) => (r.ok ? r.value : []),
    () => [],
  );
  return services;
}

/** One service's actions, resource types and condition keys, or undefined. */
export function catalogService(prefix: string): Promise<CatalogService | undefined> {
  const key = prefix.toLowerCase();
  let entry = perService.get(key);
  if (!entry) {
    entry = withSimulator((api) => api.catalogService(key)).then(
      (r) => (r.ok ? r.value : undefined),
      () => undefined,
    );
    perService.set(key, entry);
  }
  return entry;
}

/** Global condition keys (`aws:...`). */
export function globalConditionKeys(): Promise<Key[]> {
  globals ??= withSimulator((api) => api.globalConditionKeys()).then(
    (r) => (r.ok ? r.value : []),
    () => [],
  );
  return globals;
}

/** Suggestions for an action input: service prefixes, or the actions of the typed service. */
export async function actionSuggestions(typed: string): Promise<string[]> {
  const colon = typed.indexOf(':');
  if (colon < 0) return (await catalogServices()).map((s) => `${s}:`);
  const service = await catalogService(typed.slice(0, colon));
  return service ? service.actions.map((a) => `${service.prefix}:${a.name}`) : [];
}

/** Suggestions for a resource input: the ARN templates of the service of the action. */
export async function resourceSuggestions(action: string): Promise<string[]> {
  const colon = action.indexOf(':');
  if (colon < 0) return [];
  const service = await catalogService(action.slice(0, colon));
  return service ? service.resourceTypes.map((r) => r.arn) : [];
}

/** Suggestions for a context key input: global keys and the keys of the action's service. */
export async function contextKeySuggestions(action: string): Promise<Key[]> {
  const colon = action.indexOf(':');
  const service = colon > 0 ? await catalogService(action.slice(0, colon)) : undefined;
  return [...(await globalConditionKeys()), ...(service?.conditionKeys ?? [])];
}
