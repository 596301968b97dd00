/** The simulated world: accounts, their state, the clock and the public World API. */
export { createWorld, restoreWorld } from './world.ts';
export type { World } from './world-interface.ts';
export type { CreateWorldOptions } from './create.ts';
export { WorldOptionsError, DEFAULT_START } from './create.ts';
export type { ConsoleSignInInput, ConsoleSignInResult } from './console-sign-in.ts';
export type { AuthorizationDetails } from './authorization-details.ts';
export { ImportError } from './authorization-details.ts';
export type { WorldState } from './state.ts';
export { Clock } from './clock.ts';
export { totpCode, totpCodeAtStep, totpStep, TOTP_PERIOD_SECONDS } from './totp.ts';
export { getOperationSpec, getOperationSpecByCliName, listOperations } from '../services/specs/index.ts';
export type { CallDecision } from '../services/invoke.ts';
export type { OrganizationInput, OrganizationPolicyInput } from './organization.ts';
