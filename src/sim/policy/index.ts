/** The policy language: parse with positions, validate per policy type, lint. */
export { parsePolicy } from './parse.ts';
export { malformedPolicyMessage, policyErrorMessage } from './messages.ts';
export { decodeOperator, OPERATOR_NAMES } from './operators.ts';
export type * from './types.ts';
export { POLICY_TYPES } from './types.ts';
