/**
 * The engine's public surface: IAM SimulateCustomPolicy / SimulatePrincipalPolicy in AWS shapes,
 * policy validation and lint, the authorization contract for the simulated services, and the
 * explanation in words.
 */
export { simulateCustomPolicy, simulateCustomPolicyWithDetails, DEFAULT_SIMULATION_ACCOUNT } from './custom.ts';
export { simulatePrincipalPolicy, simulatePrincipalPolicyWithDetails, type SimulatePrincipalOptions } from './principal.ts';
export { validatePolicy, validatePolicySync, type PolicyFinding, type ValidateOptions } from './validate.ts';
export { explainInWords } from './explain.ts';
export { SimulationError, type SimulationErrorCode } from './errors.ts';
export type * from './types.ts';
export { authorize } from '../evaluate/authorize.ts';
export { accessDeniedMessage, reasonInWords, type AccessDeniedOptions } from '../evaluate/messages.ts';
export type {
  AuthorizationRequest,
  AuthorizationResult,
  ContextValue,
  Decision,
  DecidingLayer,
  Explanation,
  OrganizationPolicies,
  PolicySource,
  ReasonCode,
  RequestPrincipal,
  ResourcePolicyInput,
  StatementRef,
} from '../evaluate/types.ts';
export { parsePolicy } from '../policy/parse.ts';
export { malformedPolicyMessage } from '../policy/messages.ts';
export { POLICY_TYPES } from '../policy/types.ts';
export type { ParsedPolicy, ParseResult, PolicyError, PolicyType, Position, Span, Severity } from '../policy/types.ts';
export { CHECKS as LINT_CHECKS, type LintCode, type LintFinding } from '../policy/lint/messages.ts';
export { loadService, setServiceLoader, getLoadedService } from '../catalog/services.ts';
