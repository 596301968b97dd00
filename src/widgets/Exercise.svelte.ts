/**
 * State of one Exercise widget: which exercise the page's named world is set up for, the live
 * ✓/✗ verdict of its checks, hints revealed one at a time, the solution behind a confirmation, and
 * completion saved in the learner's progress. The work happens in the worker (src/course/
 * worker-api.ts); this class only asks and remembers.
 */
import type { Remote } from 'comlink';
import { z } from 'zod';
import { withSimulator } from '../worker/client.ts';
import { loadSaved, pageKey, save } from '../worker/storage.ts';
import { worldSession, type WorldSession } from './world-session.svelte.ts';
import { activeByWorld, registerExercise } from './exercise-registry.svelte.ts';
import type { exerciseApi } from '../course/worker-api.ts';
import type { CheckResult } from '../course/checks.ts';
import type { Result } from '../worker/protocol.ts';
import type { Exercise } from '../course/exercise.ts';
import { exerciseKey, loadProgress, markExerciseDone, markSolutionSeen } from '../course/progress.ts';
import { emitExerciseSignal } from '../room/exercise-events.ts';

type ExerciseRemote = Remote<typeof exerciseApi>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The latest start request per world; an older start that finishes later is dropped. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping read only by start(); never rendered
const startSequence = new Map<string, number>();

/** A problem the widget shows. */
export interface ExerciseFailure {
  code: string;
  message: string;
}

/** State and actions of one Exercise widget. */
export class ExerciseState {
  /** The latest verdict of every check. */
  results: CheckResult[] = $state.raw([]);
  /** What the widget is busy with. */
  busy: 'idle' | 'starting' | 'checking' = $state('idle');
  /** How many hints are shown. */
  hintsShown = $state(0);
  /** True while the "show the solution?" confirmation is open. */
  confirmingSolution = $state(false);
  /** True once the learner chose to see the solution. */
  solutionShown = $state(false);
  /** True once every check passed (now or in an earlier visit). */
  done = $state(false);
  /** The learner's answers to `answer` checks. */
  answers: Record<string, string> = $state({});
  /** The last failure talking to the worker. */
  failure: ExerciseFailure | null = $state.raw(null);

  readonly lesson: string;
  readonly worldName: string;
  readonly exercises: Exercise[];
  readonly exercise: Exercise;
  #session: WorldSession | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;

  constructor(options: { lesson: string; world: string; exercises: Exercise[]; id: string }) {
    this.lesson = options.lesson;
    this.worldName = options.world;
    this.exercises = options.exercises;
    const exercise = options.exercises.find((e) => e.id === options.id);
    if (!exercise) throw new Error(`Exercise "${options.id}" is not in this lesson's exercises.`);
    this.exercise = exercise;
    const key = exerciseKey(this.lesson, this.exercise.id);
    const { progress } = loadProgress();
    this.done = key in progress.exercises;
    this.solutionShown = progress.solutionsSeen.includes(key);
    const saved = loadSaved(activeKey(this.worldName), z.string());
    if (saved.kind === 'ok' && activeByWorld[this.worldName] === undefined) activeByWorld[this.worldName] = saved.value;
  }

  /** The page's session for the named world; created on first use, in the browser only. */
  get session(): WorldSession {
    this.#session ??= worldSession(this.worldName);
    return this.#session;
  }

  /** True when the named world is set up for this exercise (its checks are live). */
  get active(): boolean {
    return activeByWorld[this.worldName] === this.exercise.id;
  }

  /** True when no exercise of this world has been started yet on this page. */
  get worldUnclaimed(): boolean {
    return activeByWorld[this.worldName] === undefined;
  }

  /** The account the exercise's world lives in (pinned by the exercise it starts from). */
  get accountId(): string {
    for (let i = this.index; i >= 0; i--) {
      const start = this.exercises[i]!.start;
      if ('world' in start) return start.world.accountId;
    }
    return '';
  }

  /** Exercise text for display, with `{{accountId}}` replaced by the world's account. */
  show(text: string): string {
    return this.accountId ? text.replaceAll('{{accountId}}', this.accountId) : text;
  }

  /** Number of checks that pass now. */
  get passed(): number {
    return this.results.filter((r) => r.passed).length;
  }

  /** The 0-based position of this exercise in its lesson. */
  get index(): number {
    return this.exercises.indexOf(this.exercise);
  }

  /**
   * Sets the world up for this exercise. An exercise that continues from the previous one keeps
   * the world when the previous one was the active exercise; `fresh` always rebuilds the start.
   */
  async start(fresh = false): Promise<void> {
    const previous = this.exercises[this.index - 1];
    const continues = 'continueFromPrevious' in this.exercise.start;
    if (!fresh && continues && previous && activeByWorld[this.worldName] === previous.id) {
      startSequence.set(this.worldName, (startSequence.get(this.worldName) ?? 0) + 1);
      this.#activate();
      this.schedule(0);
      return;
    }
    this.busy = 'starting';
    this.failure = null;
    const mine = (startSequence.get(this.worldName) ?? 0) + 1;
    startSequence.set(this.worldName, mine);
    try {
      const answer = await withSimulator((api) =>
        (api as unknown as ExerciseRemote).exerciseStartJournal($state.snapshot(this.exercises), this.exercise.id),
      );
      if (startSequence.get(this.worldName) !== mine) return; // another exercise started meanwhile
      if (!answer.ok) {
        this.failure = answer.error;
        return;
      }
      const replaced = await this.session.replace(answer.value);
      if (!replaced.ok) {
        this.failure = replaced.error;
        return;
      }
      if (startSequence.get(this.worldName) !== mine) return;
      this.#activate();
      window.dispatchEvent(new CustomEvent('iam-dojo:world-changed', { detail: { world: this.worldName } }));
    } catch (error) {
      this.failure = { code: 'WORKER_FAILED', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.busy = 'idle';
    }
    this.schedule(0);
  }

  /** Asks for the checks again shortly (after a change to the world or an answer). */
  schedule(delayMs = 250): void {
    clearTimeout(this.#timer);
    if (!this.active) return;
    this.#timer = setTimeout(() => void this.check(), delayMs);
  }

  /** Runs the checks now; a result a newer check superseded is dropped. */
  async check(): Promise<void> {
    if (!this.active) return;
    const mine = ++this.#sequence;
    this.busy = 'checking';
    try {
      const answers = $state.snapshot(this.answers);
      const exercises = $state.snapshot(this.exercises);
      const answer = await this.session.read<Result<CheckResult[]>>((api) =>
        (api as unknown as ExerciseRemote).checkExercise(this.worldName, exercises, this.exercise.id, answers),
      );
      if (mine !== this.#sequence) return;
      if (!answer.ok) {
        this.failure = answer.error;
        return;
      }
      this.failure = null;
      this.results = answer.value;
      this.#signal({
        kind: 'check',
        total: answer.value.length,
        failing: answer.value.filter((r) => !r.passed).map((r) => ({ id: r.id, code: r.outcome.code })),
      });
      if (answer.value.length > 0 && answer.value.every((r) => r.passed) && !this.done) {
        markExerciseDone(this.lesson, this.exercise.id);
        this.done = true;
        this.#signal({ kind: 'completed', solutionShown: this.solutionShown });
      }
    } catch (error) {
      if (mine === this.#sequence)
        this.failure = { code: 'WORKER_FAILED', message: error instanceof Error ? error.message : String(error) };
    } finally {
      if (mine === this.#sequence) this.busy = 'idle';
    }
  }

  /** Lets the page's terminals find this exercise (see exercise-registry); returns the unregister function. */
  register(element: HTMLElement): () => void {
    const isDone = (): boolean => this.done;
    return registerExercise(this.worldName, {
      id: this.exercise.id,
      heading: `Exercise ${this.index + 1}: ${this.exercise.title}`,
      element,
      get done() {
        return isDone();
      },
      continues: 'continueFromPrevious' in this.exercise.start,
      previousId: this.exercises[this.index - 1]?.id,
      start: () => this.start(false),
    });
  }

  /** Shows the next hint. */
  nextHint(): void {
    this.hintsShown = Math.min(this.hintsShown + 1, this.exercise.hints.length);
    this.#signal({ kind: 'hint', hint: this.hintsShown });
  }

  /** Opens the confirmation before the solution. */
  askForSolution(): void {
    this.confirmingSolution = true;
  }

  /** Shows the solution (the learner confirmed) and remembers that it was seen. */
  revealSolution(): void {
    this.confirmingSolution = false;
    this.solutionShown = true;
    markSolutionSeen(this.lesson, this.exercise.id);
    this.#signal({ kind: 'solution' });
  }

  /** Closes the confirmation without showing the solution. */
  keepTrying(): void {
    this.confirmingSolution = false;
  }

  #activate(): void {
    activeByWorld[this.worldName] = this.exercise.id;
    save(activeKey(this.worldName), this.exercise.id);
    this.results = [];
    this.#signal({ kind: 'started' });
  }

  /** Tells listeners (the room reporter) what happened in this exercise (src/room/exercise-events.ts). */
  #signal(signal: DistributiveOmit<Parameters<typeof emitExerciseSignal>[0], 'world' | 'lesson' | 'exercise'>): void {
    emitExerciseSignal({ ...signal, world: this.worldName, lesson: this.lesson, exercise: this.exercise.id } as Parameters<
      typeof emitExerciseSignal
    >[0]);
  }
}

function activeKey(world: string): string {
  return pageKey('exercise-active', world);
}

/** How many commands the reference solution types (clock waits and typed answers not counted). */
export function solutionLength(exercise: Exercise): number {
  return exercise.solution.steps.filter((step) => typeof step === 'string' || 'run' in step).length;
}

/** A command line of a solution step, for display. */
export function stepText(step: Exercise['solution']['steps'][number]): string {
  if (typeof step === 'string') return placeholdersInWords(step);
  if ('advanceClock' in step) return `# wait ${step.advanceClock} seconds (the authenticator shows a new code)`;
  if ('writeFile' in step) return `# in the file editor, save ${step.writeFile}:\n${placeholdersInWords(step.text.trimEnd())}`;
  return placeholdersInWords(step.run);
}

/**
 * A solution's template values for people (learners review m5: `{{totp:mfa-ana-seed.txt:-30}}` and
 * `{{KEY_ID}}` were projected as they are written): an authenticator code says whose and when, a
 * saved value says where it comes from. `{{accountId}}` stays for `show`, which puts the account in.
 */
export function placeholdersInWords(text: string): string {
  return text.replace(/\{\{([^{}]+)\}\}/g, (whole, inner: string) => {
    if (inner === 'accountId') return whole;
    const totp = /^totp:([^:]+)(?::([+-]\d+))?$/.exec(inner);
    if (totp) {
      const device = totp[1]!.startsWith('$') ? `the device saved as ${totp[1]!.slice(1)}` : totp[1]!;
      const shift = Number(totp[2] ?? 0);
      const when = shift === 0 ? 'now' : `${Math.abs(shift)} s ${shift > 0 ? 'later' : 'earlier'}`;
      return `<the code of ${device}, ${when}>`;
    }
    return `<${inner}: from an earlier command's output>`;
  });
}

/** The console path of an exercise, one line per click-through (empty when it has none). */
export function consoleStepTexts(exercise: Exercise): string[] {
  return (exercise.consoleSolution?.steps ?? []).map((step) =>
    typeof step === 'string' || !('does' in step) ? `In the terminal: ${stepText(step)}` : step.does,
  );
}

/** Splits text on `backticks` so the component can render code spans without raw HTML. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text.split('`').map((part, i) => ({ code: i % 2 === 1, text: part }));
}

/** What a check does, in one line, for instructors (command, query or request, and the expectation). */
export function checkDetail(check: Exercise['checks'][number]): string {
  switch (check.kind) {
    case 'command': {
      const expected =
        check.expect.outcome === 'success' ? 'succeeds' : `fails${check.expect.errorCode ? ` with ${check.expect.errorCode}` : ''}`;
      const query = check.expect.query !== undefined ? `; ${check.expect.query} = ${JSON.stringify(check.expect.equals)}` : '';
      return `$ ${check.command} — ${expected}${query}`;
    }
    case 'decision':
      return `simulate-principal-policy ${check.principalArn} ${check.action} on ${check.resource}${check.context ? ` with ${JSON.stringify(check.context)}` : ''} — ${check.expect}`;
    case 'trail':
      return `trail: ${check.query} ${check.atLeast !== undefined ? `≥ ${check.atLeast}` : `= ${JSON.stringify(check.equals)}`}`;
    case 'order':
      return `trail order: a record with ${check.first} before the first with ${check.then}`;
    case 'answer':
      return `answer = trail: ${check.answerQuery}`;
    case 'policyScope':
      return `policies of ${check.principalArn} ${check.relation === 'within' ? 'grant nothing beyond' : 'allow at least'} ${JSON.stringify(check.reference)} (exact comparison)`;
  }
}
