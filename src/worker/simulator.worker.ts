/**
 * The page's simulator, in a Web Worker. A thin comlink `expose()` of src/sim: the api is a merge of
 * modules, one per capability, and none of them holds simulator logic.
 */
import { expose } from 'comlink';
import { policyApi } from './api/policy.ts';
import { catalogApi } from './api/catalog.ts';
import { worldApi } from './api/world.ts';
import { consoleApi } from './api/console.ts';
import { portalApi } from './api/portal.ts';
import { analyzeApi } from './api/analyze.ts';
import { installServiceLoader } from './catalog-loader.ts';

// EXERCISE API — the LESSONS owner's module (src/course/worker-api.ts): exercise start worlds and
// checks, run against the named worlds of src/worker/worlds.ts.
import { exerciseApi } from '../course/worker-api.ts';

installServiceLoader();

const api = {
  /** Liveness probe used by the client after a restart. */
  ping(): 'pong' {
    return 'pong';
  },
  ...policyApi,
  ...catalogApi,
  ...worldApi,
  ...consoleApi,
  ...portalApi,
  ...analyzeApi,
  ...exerciseApi,
};

/** The worker's typed surface; the client wraps it with `wrap<SimulatorApi>()`. */
export type SimulatorApi = typeof api;

expose(api);
