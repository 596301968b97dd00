/**
 * State of the analysis panels: the live comparison of a policy with the version the learner
 * started from, and "What would allow it?" for a denied request. Both ask the worker
 * (src/worker/api/analyze.ts); superseded answers are dropped.
 */
import type { PolicyComparison } from '../../sim/analyze/index.ts';
import type { RepairReport } from '../../sim/analyze/repair.ts';
import { latestOnly, withSimulator } from '../../worker/client.ts';
import type { Result } from '../../worker/protocol.ts';

/** What the comparison panel shows. */
export type DiffView =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'done'; comparison: PolicyComparison }
  | { kind: 'error'; message: string; code: string };

/** The live "compared with the version you started from" panel. */
export class PolicyDiffState {
  view: DiffView = $state.raw({ kind: 'idle' });
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ask = latestOnly((before: string, after: string) => withSimulator((api) => api.comparePolicies([before], [after], 'identity')));

  /** Compares again shortly after an edit (typing does not queue a comparison per key). */
  update(before: string, after: string): void {
    clearTimeout(this.#timer);
    if (before.trim() === after.trim()) {
      this.view = { kind: 'idle' };
      return;
    }
    this.view = { kind: 'pending' };
    this.#timer = setTimeout(() => void this.#run(before, after), 250);
  }

  async #run(before: string, after: string): Promise<void> {
    const answer = await this.#ask(before, after);
    if (answer.stale) return;
    const r = answer.value;
    this.view = r.ok ? { kind: 'done', comparison: r.value } : { kind: 'error', message: r.error.message, code: r.error.code };
  }
}

/** What the repair panel shows. */
export type RepairView =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; report: RepairReport } | { kind: 'error'; message: string; code: string };

/** What the repair of a world's denial shows: also 'none' when the simulator holds no denied check for it. */
export type DenialRepairView = RepairView | { kind: 'none' };

/** "What would allow it?" for a denial: an AccessCheck's request, the terminal's last command, a trail record, a console banner. */
export class DenialRepairState {
  view: DenialRepairView = $state.raw({ kind: 'idle' });

  /** Asks the worker through `ask` (on demand: the learner asked). */
  async ask(ask: () => Promise<Result<RepairReport | null>>): Promise<void> {
    this.view = { kind: 'pending' };
    const r = await ask();
    this.view = !r.ok
      ? { kind: 'error', message: r.error.message, code: r.error.code }
      : r.value === null
        ? { kind: 'none' }
        : { kind: 'done', report: r.value };
  }

  /** Forgets the answer (the question changed). */
  reset(): void {
    this.view = { kind: 'idle' };
  }
}
