/**
 * The page's simulator, in a Web Worker. A thin comlink `expose()` of src/sim: the api is a merge of
 * modules, one per capability, and none of them holds simulator logic.
 */
import { expose } from 'comlink';
import { policyApi } from './api/policy.ts';
import { catalogApi } from './api/catalog.ts';
import { worldApi } from './api/world.ts';

// EXERCISE API — the LESSONS owner's module. `src/course/worker-api.ts` exports `exerciseApi` (an
// object of functions); it is merged in automatically when the file exists. Once it does, replace
// this glob with a static import so its functions are typed in SimulatorApi below.
type ExerciseModule = { exerciseApi?: Record<string, (...args: never[]) => unknown> };
const exerciseModules = import.meta.glob<ExerciseModule>('../course/worker-api.ts', { eager: true });
const exerciseApi = Object.values(exerciseModules)[0]?.exerciseApi ?? {};

const api = {
  /** Liveness probe used by the client after a restart. */
  ping(): 'pong' {
    return 'pong';
  },
  ...policyApi,
  ...catalogApi,
  ...worldApi,
};

/** The worker's typed surface; the client wraps it with `wrap<SimulatorApi>()`. */
export type SimulatorApi = typeof api;

expose({ ...exerciseApi, ...api });
