/** The service authorization reference, loaded per service. */
export { loadService, loadServices, getLoadedService, setServiceLoader, CatalogUnavailableError } from './services.ts';
export type { CatalogAction, CatalogConditionKey, CatalogResourceType, CatalogService, RawServiceData, ServiceLoader } from './services.ts';
export { RCP_SUPPORTED_SERVICES, GLOBAL_CONDITION_KEYS, globalKeyFor, type GlobalKey } from './static-data.ts';
