/** Exact analyses over the engine: policy comparison with witnesses. */
export {
  comparePolicies,
  comparePoliciesSync,
  type PolicyComparison,
  type Witness,
  type WitnessContextEntry,
  type DifferenceGroup,
  type ComparisonVerdict,
} from './report.ts';
export type { CompareOptions } from './compare.ts';
export { COMPARE_POLICY_TYPES, type ComparePolicyType } from './sides.ts';
export { AnalysisError, type AnalysisErrorCode } from './errors.ts';
