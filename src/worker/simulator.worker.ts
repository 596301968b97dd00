/**
 * The page's simulator, in a Web Worker. A thin comlink `expose()` of src/sim: no logic lives
 * here, so the same simulator answers in the browser, in Node and in tests.
 */
import { expose } from 'comlink';
import * as sim from '../sim/index.ts';

const api = {
  /** Liveness probe used by the client after a restart. */
  ping(): 'pong' {
    return 'pong';
  },
  /** IAM SimulateCustomPolicy (see src/sim/simulate). */
  simulateCustomPolicy(input: sim.SimulateCustomPolicyInput): sim.SimulateCustomPolicyOutput {
    return sim.simulateCustomPolicy(input);
  },
};

/** The worker's typed surface; the client wraps it with `wrap<SimulatorApi>()`. */
export type SimulatorApi = typeof api;

expose(api);
