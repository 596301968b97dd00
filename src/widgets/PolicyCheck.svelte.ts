/**
 * State of the PolicyCheck widget: one identity policy, one request, and the simulator's verdict,
 * re-asked (debounced) after every edit. Answers that a newer edit superseded are dropped.
 */
import { latestOnly, withSimulator } from '../worker/client.ts';
import type { SimulateCustomPolicyOutput } from '../sim/index.ts';

/** What the widget shows after each answer. */
export type Verdict =
  | { kind: 'pending' }
  | { kind: 'decided'; decision: 'allowed' | 'explicitDeny' | 'implicitDeny'; statements: number }
  | { kind: 'error'; code: string; message: string };

/** State and actions of one PolicyCheck widget. */
export class PolicyCheckState {
  policy = $state('');
  action = $state('');
  resource = $state('*');
  verdict: Verdict = $state.raw({ kind: 'pending' });

  #timer: ReturnType<typeof setTimeout> | undefined;
  #ask = latestOnly((policy: string, action: string, resource: string) =>
    withSimulator((api) =>
      api.simulateCustomPolicy({ PolicyInputList: [policy], ActionNames: [action], ResourceArns: [resource] }),
    ),
  );

  constructor(policy: string, action: string, resource: string) {
    this.policy = policy;
    this.action = action;
    this.resource = resource;
  }

  /** Asks again shortly after the learner stops typing. */
  schedule(delayMs = 60): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.evaluate(), delayMs);
  }

  /** Asks the simulator now. */
  async evaluate(): Promise<void> {
    try {
      const answer = await this.#ask(this.policy, this.action.trim(), this.resource.trim() || '*');
      if (answer.stale) return;
      this.verdict = toVerdict(answer.value);
    } catch (error) {
      this.verdict = toError(error);
    }
  }
}

function toVerdict(output: SimulateCustomPolicyOutput): Verdict {
  const result = output.EvaluationResults[0];
  if (!result) return { kind: 'error', code: 'NO_RESULT', message: 'The simulator returned no result.' };
  return { kind: 'decided', decision: result.EvalDecision, statements: result.MatchedStatements.length };
}

function toError(error: unknown): Verdict {
  const e = error as { code?: unknown; message?: unknown };
  return {
    kind: 'error',
    code: typeof e?.code === 'string' ? e.code : 'SIMULATOR_ERROR',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}
