/** The evaluation engine: authorize requests, explain decisions, produce AWS's AccessDenied text. */
export { authorize } from './authorize.ts';
export { accessDeniedMessage, reasonInWords, type AccessDeniedOptions } from './messages.ts';
export {
  explanationInWords,
  EXPLANATION_CODES,
  type ExplanationCode,
  type FlowStepCode,
  type ElementMatchCode,
  type ConditionCode,
} from './explanation-codes.ts';
export { parseCached } from './policy-cache.ts';
export { matchesAction } from './statement.ts';
export { matchResourcePattern, matchesArnPattern } from './arn.ts';
export { matchesWildcard } from './wildcard.ts';
export type * from './types.ts';
