/**
 * Errors of the analyses: a stable code, words produced here from the code, and where (which
 * input, and a line/column inside a policy when there is one).
 */
import type { Position } from '../policy/types.ts';

/** Stable codes for what stopped an analysis. */
export type AnalysisErrorCode = 'POLICY_INVALID' | 'NO_POLICY' | 'TOO_MANY_BOUNDARIES' | 'TOO_LARGE' | 'BAD_INPUT' | 'WITNESS_MISMATCH';

type Params = Record<string, string>;
const WORDS: Record<AnalysisErrorCode, (p: Params) => string> = {
  POLICY_INVALID: (p) =>
    `The ${p['side']} policy ${p['index'] ? `#${p['index']} ` : ''}is not a valid ${p['policyType']} policy: ${p['detail']}`,
  NO_POLICY: (p) => `Give at least one ${p['side']} policy document.`,
  TOO_MANY_BOUNDARIES: (p) => `A principal has one permissions boundary; the ${p['side']} side has ${p['count']} documents.`,
  TOO_LARGE: (p) =>
    `The comparison would need more than ${p['limit']} distinct cases for ${p['action']}; split the policies and compare the parts.`,
  BAD_INPUT: (p) => `${p['detail']}`,
  // The comparison checks each witness with the engine; a mismatch is a bug, never a silent answer.
  WITNESS_MISMATCH: (p) =>
    `Internal check failed: the witness for ${p['action']} on ${p['resource']} did not replay (${p['detail']}). Please report this.`,
};

/** An analysis that cannot answer: the words say what to change. */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  readonly params: Params;
  /** Line/column inside a policy, when the problem is in one. */
  readonly position: Position | undefined;

  constructor(code: AnalysisErrorCode, params: Params, position?: Position) {
    super(WORDS[code](params));
    this.name = 'AnalysisError';
    this.code = code;
    this.params = params;
    this.position = position;
  }
}
