/**
 * State of the world analysis panel: escalation paths (found, then replayed step by step in the
 * world as real commands that leave their trail) and a least-privilege policy generated from the
 * world's trail. Work goes through the world's session so replays are journaled like typed commands.
 */
import type { EscalationPath } from '../../sim/analyze/escalation.ts';
import type { GeneratedPolicy } from '../../sim/analyze/generate.ts';
import { withSimulator } from '../../worker/client.ts';
import type { WorldSession } from '../world-session.svelte.ts';

/** The escalation part of the panel. */
export type PathsView =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; paths: EscalationPath[] } | { kind: 'error'; message: string; code: string };

/** The generation part of the panel. */
export type GenerateView =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; result: GeneratedPolicy } | { kind: 'error'; message: string; code: string };

/** Analyses of one world. */
export class WorldAnalysisState {
  paths: PathsView = $state.raw({ kind: 'idle' });
  generated: GenerateView = $state.raw({ kind: 'idle' });
  /** What the last replay did, in words. */
  replayed = $state('');
  readonly #session: WorldSession;

  constructor(session: WorldSession) {
    this.#session = session;
  }

  /** Finds every escalation path of the world now. */
  async find(): Promise<void> {
    this.paths = { kind: 'pending' };
    await this.#session.journal();
    const r = await withSimulator((api) => api.escalationPaths(this.#session.name));
    this.paths = r.ok ? { kind: 'done', paths: r.value } : { kind: 'error', message: r.error.message, code: r.error.code };
  }

  /** Runs a path's commands in the world, in order, stopping at the first that fails; then looks again. */
  async replay(path: EscalationPath): Promise<void> {
    const commands = path.Steps.flatMap((s) => s.Commands);
    let ran = 0;
    for (const line of commands) {
      const out = await this.#session.run(line);
      if (out.exitCode !== 0) {
        this.replayed = `Step ${ran + 1} failed: ${line} — ${out.stderr.trim()}`;
        return;
      }
      ran++;
    }
    this.replayed = `Replayed ${ran} command${ran === 1 ? '' : 's'} in the world; each left its CloudTrail record.`;
    await this.find();
  }

  /** Generates the least-privilege policy for a principal from the world's trail. */
  async generate(principalArn: string, since: string): Promise<void> {
    this.generated = { kind: 'pending' };
    await this.#session.journal();
    const r = await withSimulator((api) =>
      api.generatePolicy(this.#session.name, principalArn.trim(), since.trim() === '' ? undefined : since.trim()),
    );
    this.generated = r.ok ? { kind: 'done', result: r.value } : { kind: 'error', message: r.error.message, code: r.error.code };
  }
}
