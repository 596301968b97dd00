/**
 * The exercise widgets' signals — started, checked, hint, solution, completed, and each command's
 * outcome — as a window event, so that the room reporter (and anything else) can listen without
 * the exercise code knowing about it. Emitting never throws and costs nothing when nobody listens.
 */

/** The window event carrying an ExerciseSignal as `detail`. */
export const EXERCISE_SIGNAL_EVENT = 'iam-dojo:exercise-signal';

/** One thing that happened in an exercise or its world. */
export type ExerciseSignal =
  | { kind: 'started'; world: string; lesson: string; exercise: string }
  | { kind: 'check'; world: string; lesson: string; exercise: string; total: number; failing: { id: string; code: string }[] }
  | { kind: 'hint'; world: string; lesson: string; exercise: string; hint: number }
  | { kind: 'solution'; world: string; lesson: string; exercise: string }
  | { kind: 'completed'; world: string; lesson: string; exercise: string; solutionShown: boolean }
  /** A command ran in world `world`: only its service and operation and its outcome, never its arguments. */
  | { kind: 'command'; world: string; operation: string; exitCode: number; errorCode?: string };

/**
 * Signals emitted before anyone listens (an exercise island can hydrate before the reporter's), kept
 * on globalThis so that every copy of this module on the page shares them; the first listener gets them.
 */
const early: { listeners: number; queue: ExerciseSignal[] } = ((
  globalThis as { __iamDojoSignals?: { listeners: number; queue: ExerciseSignal[] } }
).__iamDojoSignals ??= { listeners: 0, queue: [] });

/** Tells listeners what happened. */
export function emitExerciseSignal(signal: ExerciseSignal): void {
  if (early.listeners === 0) {
    if (early.queue.length < 100) early.queue.push(signal);
    return;
  }
  try {
    globalThis.dispatchEvent?.(new CustomEvent(EXERCISE_SIGNAL_EVENT, { detail: signal }));
  } catch {
    // No window (server rendering, tests in Node): nobody to tell.
  }
}

/** Calls `listener` for every signal (first the ones emitted before anyone listened); returns the unsubscribe. */
export function onExerciseSignal(listener: (signal: ExerciseSignal) => void): () => void {
  const handler = (event: Event): void => listener((event as CustomEvent<ExerciseSignal>).detail);
  globalThis.addEventListener?.(EXERCISE_SIGNAL_EVENT, handler);
  early.listeners++;
  for (const signal of early.queue.splice(0)) listener(signal);
  return () => {
    early.listeners--;
    globalThis.removeEventListener?.(EXERCISE_SIGNAL_EVENT, handler);
  };
}

/**
 * The signal for a command that ran: `aws iam create-user --user-name x` → operation
 * `iam create-user`; anything that is not `aws SERVICE OPERATION` keeps only its first word.
 */
export function commandSignal(world: string, line: string, output: { exitCode: number; stderr: string }): ExerciseSignal {
  const words = line.trim().split(/\s+/);
  const plain = (w: string | undefined): w is string => w !== undefined && /^[a-z0-9][a-z0-9-]{0,39}$/.test(w);
  const operation =
    words[0] === 'aws' && plain(words[1]) && plain(words[2]) ? `${words[1]} ${words[2]}` : plain(words[0]) ? words[0] : 'other';
  const errorCode = /An error occurred \(([A-Za-z][A-Za-z0-9.]{0,79})\)/.exec(output.stderr)?.[1];
  return { kind: 'command', world, operation, exitCode: Math.max(0, Math.min(255, output.exitCode)), ...(errorCode ? { errorCode } : {}) };
}
