/**
 * State of the escalation panel: escalation paths found over the world, one highlighted, and a
 * replay that runs the highlighted path's commands in the world step by step (real commands through
 * the world's session, journaled and left in the trail like typed ones), then looks again — so after
 * the learner fixes the policy the path is gone.
 */
import type { EscalationPath } from '../../sim/analyze/escalation.ts';
import { withSimulator } from '../../worker/client.ts';
import type { WorldSession } from '../world-session.svelte.ts';

/** The escalation part of the panel. */
export type PathsView =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; paths: EscalationPath[] } | { kind: 'error'; message: string; code: string };

/** One command the replay ran, and what it answered. */
export interface ReplayedCommand {
  step: number;
  line: string;
  exitCode: number;
  output: string;
}

/** A replay in progress: the path, the next step to run, what ran so far. */
export interface Replay {
  path: EscalationPath;
  next: number;
  ran: ReplayedCommand[];
  /** Set when a command failed (the replay stops there) or the path is done. */
  ended?: 'failed' | 'done';
}

/** Analyses of one world. */
export class WorldAnalysisState {
  paths: PathsView = $state.raw({ kind: 'idle' });
  /** Index of the highlighted path. */
  selected: number | null = $state(null);
  replay: Replay | null = $state.raw(null);
  /** What the last replay step did, in words (announced). */
  replayed = $state('');
  readonly #session: WorldSession;

  constructor(session: WorldSession) {
    this.#session = session;
  }

  /** Finds every escalation path of the world now; keeps the highlight on the same principal. */
  async find(): Promise<void> {
    const was = this.paths.kind === 'done' && this.selected !== null ? this.paths.paths[this.selected]?.From : undefined;
    this.paths = { kind: 'pending' };
    await this.#session.journal();
    const r = await withSimulator((api) => api.escalationPaths(this.#session.name));
    this.paths = r.ok ? { kind: 'done', paths: r.value } : { kind: 'error', message: r.error.message, code: r.error.code };
    const paths = this.paths.kind === 'done' ? this.paths.paths : [];
    const again = was !== undefined ? paths.findIndex((p) => p.From === was) : -1;
    this.selected = again >= 0 ? again : paths.length > 0 ? 0 : null;
  }

  /** Highlights a path (and ends a replay of another one). */
  select(index: number): void {
    this.selected = index;
    if (this.replay && this.paths.kind === 'done' && this.replay.path !== this.paths.paths[index]) this.replay = null;
  }

  /** Starts replaying the highlighted path. */
  startReplay(): void {
    if (this.paths.kind !== 'done' || this.selected === null) return;
    const path = this.paths.paths[this.selected];
    if (!path) return;
    this.replay = { path, next: 0, ran: [] };
    this.replayed = '';
  }

  /** Runs the next step's commands in the world; after the last step, looks for paths again. */
  async runStep(): Promise<void> {
    const r = this.replay;
    if (!r || r.ended) return;
    const step = r.path.Steps[r.next];
    if (!step) return;
    const ran = [...r.ran];
    for (const line of step.Commands) {
      const out = await this.#session.run(line);
      ran.push({ step: r.next + 1, line, exitCode: out.exitCode, output: (out.exitCode === 0 ? out.stdout : out.stderr).trim() });
      if (out.exitCode !== 0) {
        this.replay = { ...r, ran, ended: 'failed' };
        this.replayed = `Step ${r.next + 1} failed: ${line} — ${out.stderr.trim()}`;
        return;
      }
    }
    const next = r.next + 1;
    const done = next >= r.path.Steps.length;
    this.replay = { ...r, next, ran, ...(done ? { ended: 'done' as const } : {}) };
    const commands = ran.length;
    this.replayed = done
      ? `Replayed ${commands} command${commands === 1 ? '' : 's'} in the world; each left its CloudTrail record. The path ends with administrator access.`
      : `Step ${next} of ${r.path.Steps.length} ran (${step.Technique}).`;
    if (done) await this.find();
  }

  /** Runs every remaining step. */
  async runAll(): Promise<void> {
    while (this.replay && !this.replay.ended) await this.runStep();
  }
}
