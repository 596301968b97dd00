/**
 * The result `authorize` returns: the decision at once, the explanation when first read.
 */
import type { AuthorizationResult, DecidingLayer, Explanation, ReasonCode, StatementRef } from './types.ts';

/** What can build the explanation later (authorize.ts's evaluation). */
export interface Explainer {
  explain(): Explanation;
}

/**
 * One getter for every lazy result. Accessors written in an object literal are new functions each
 * time, and V8 keeps accessor functions in the object's hidden class: every result got a hidden class
 * of its own, allocated where the collector looks least often and holding the whole evaluation
 * (parsed policies included) alive long after the result was dropped — on fresh policy text that was
 * most of a decision's time (bench/engine.bench.ts). Shared functions share one hidden class.
 */
const LAZY_EXPLANATION: PropertyDescriptor = {
  get(this: LazyResult): Explanation {
    return this.settle(this.explain());
  },
  set(this: LazyResult, value: Explanation): void {
    this.settle(value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A result whose `explanation` is an own enumerable property like any other (spread, JSON,
 * structuredClone and deep equality see it), built on first read and then kept as a plain value.
 * The evaluation it is built from sits in a private field, which none of those see.
 */
export class LazyResult implements AuthorizationResult {
  decision: AuthorizationResult['decision'];
  reason: ReasonCode;
  decidingLayer: DecidingLayer;
  decidingStatements: StatementRef[];
  declare explanation: Explanation;
  declare deniedByPolicyType?: NonNullable<AuthorizationResult['deniedByPolicyType']>;
  #evaluation: Explainer | undefined;

  constructor(
    decision: AuthorizationResult['decision'],
    reason: ReasonCode,
    decidingLayer: DecidingLayer,
    decidingStatements: StatementRef[],
    evaluation: Explainer,
  ) {
    this.decision = decision;
    this.reason = reason;
    this.decidingLayer = decidingLayer;
    this.decidingStatements = decidingStatements;
    this.#evaluation = evaluation;
    Object.defineProperty(this, 'explanation', LAZY_EXPLANATION);
  }

  explain(): Explanation {
    const evaluation = this.#evaluation;
    // Unreachable (settle replaces the getter), but an explanation must never be invented.
    if (!evaluation) throw new Error('the evaluation behind this result is gone');
    return evaluation.explain();
  }

  settle(value: Explanation): Explanation {
    Object.defineProperty(this, 'explanation', { value, writable: true, enumerable: true, configurable: true });
    this.#evaluation = undefined;
    return value;
  }
}
