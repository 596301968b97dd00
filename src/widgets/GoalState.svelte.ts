/**
 * The goal state of one exercise beside the learner's account (instructor mode's "reveal the goal
 * state"): the account after the reference solution and the page's world now, each in a few lines
 * (src/course/account-summary.ts), with the lines that differ marked.
 */
import type { Remote } from 'comlink';
import type { exerciseApi } from '../course/worker-api.ts';
import { summaryLine, type SummaryEntry } from '../course/account-summary.ts';
import type { Exercise } from '../course/exercise.ts';
import { withSimulator } from '../worker/client.ts';
import { worldSession, type WorldSession } from './world-session.svelte.ts';

type ExerciseRemote = Remote<typeof exerciseApi>;

/** One line of either column, and whether the other column has the same line. */
export interface GoalLine {
  text: string;
  matches: boolean;
}

/** State of one goal-state view. */
export class GoalStateView {
  /** The account after the reference solution, or null until revealed. */
  goal: GoalLine[] | null = $state.raw(null);
  /** The learner's account now. */
  yours: GoalLine[] = $state.raw([]);
  /** A problem building either side, in words. */
  error: string | null = $state(null);
  readonly session: WorldSession;
  #goalEntries: SummaryEntry[] = [];

  constructor(
    world: string,
    readonly exercises: Exercise[],
    readonly id: string,
  ) {
    this.session = worldSession(world);
  }

  /** Builds the goal (once) and reads the learner's account. */
  async reveal(): Promise<void> {
    const goal = await withSimulator((api) =>
      (api as unknown as ExerciseRemote).exerciseGoalState($state.snapshot(this.exercises), this.id),
    );
    if (!goal.ok) {
      this.error = `${goal.error.message} [${goal.error.code}]`;
      return;
    }
    this.#goalEntries = goal.value;
    await this.refresh();
  }

  /** Re-reads the learner's account (after every change to the world) and marks the differences. */
  async refresh(): Promise<void> {
    if (!this.#goalEntries.length && this.goal === null) return;
    const yours = await this.session.read<Awaited<ReturnType<ExerciseRemote['accountSummary']>>>((api) =>
      (api as unknown as ExerciseRemote).accountSummary(this.session.name),
    );
    if (!yours.ok) {
      this.error = `${yours.error.message} [${yours.error.code}]`;
      return;
    }
    const goalLines = this.#goalEntries.map(summaryLine);
    const yourLines = yours.value.map(summaryLine);
    this.goal = goalLines.map((text) => ({ text, matches: yourLines.includes(text) }));
    this.yours = yourLines.map((text) => ({ text, matches: goalLines.includes(text) }));
    this.error = null;
  }
}
