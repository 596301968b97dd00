/**
 * The steps of one decision, logged compactly as it is made: a number (step kind × 16 + outcome × 2,
 * plus 1 when parameters follow), the code, then the parameters if any. A decision records up to ten
 * steps and most decisions are never explained, so step objects are made only to explain.
 */
import type { FlowStepCode } from './explanation-codes.ts';
import type { FlowStep } from './types.ts';

/** The log: entries as described above, in a list with room for a typical decision. */
export type StepLog = (number | string | Record<string, string>)[];

/** Steps without parameters share one empty object (frozen: nothing may write into it). */
export const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** Room for the step log of a typical decision (it grows past this if it must). */
const FLOW_ROOM = 24;
/** Step kinds and outcomes by number. */
const STEP_KINDS: readonly FlowStep['step'][] = [
  'root',
  'deny',
  'rcp',
  'scp',
  'resource',
  'identity',
  'boundary',
  'session',
  'crossAccount',
  'final',
];
const OUTCOMES: readonly FlowStep['outcome'][] = ['allow', 'deny', 'implicitDeny', 'continue', 'skip'];
const indexes = <K extends string>(list: readonly K[]): Record<K, number> =>
  Object.fromEntries(list.map((k, i) => [k, i])) as Record<K, number>;
const STEP_INDEX = indexes(STEP_KINDS);
const OUTCOME_INDEX = indexes(OUTCOMES);

/** An empty log (its room is reserved up front: growing a list mid-decision allocates twice). */
export function newStepLog(): StepLog {
  return new Array<number | string | Record<string, string>>(FLOW_ROOM);
}

/** Writes one step at `at`; returns where the next one goes. */
export function writeStep(
  log: StepLog,
  at: number,
  step: FlowStep['step'],
  outcome: FlowStep['outcome'],
  code: FlowStepCode,
  params: Record<string, string>,
): number {
  const tag = (STEP_INDEX[step] << 4) | (OUTCOME_INDEX[outcome] << 1);
  log[at++] = params === NO_PARAMS ? tag : tag | 1;
  log[at++] = code;
  if (params !== NO_PARAMS) log[at++] = params;
  return at;
}

/** The steps of the first `length` entries, as the explanation lists them. */
export function readSteps(log: StepLog, length: number): FlowStep[] {
  const steps: FlowStep[] = [];
  for (let i = 0; i < length;) {
    const tag = log[i++] as number;
    const code = log[i++] as FlowStepCode;
    const params = tag & 1 ? (log[i++] as Record<string, string>) : NO_PARAMS;
    steps.push({ step: STEP_KINDS[tag >> 4] ?? 'final', outcome: OUTCOMES[(tag >> 1) & 7] ?? 'implicitDeny', code, params });
  }
  return steps;
}
