/**
 * State of the generate-from-trail panel: the world's users and roles to pick from, the window, the
 * policy the trail proves (from src/sim/analyze/generate.ts in the worker), and saving it as a world
 * file the terminal reads as `file://NAME` and the Files editor opens. Saving never replaces a file
 * that exists: it picks the next free name and says which.
 */
import type { GeneratedPolicy } from '../../sim/analyze/generate.ts';
import { withSimulator } from '../../worker/client.ts';
import { readAccount } from '../explorer/account-model.ts';
import type { WorldSession } from '../world-session.svelte.ts';

/** A user or role the panel offers. */
export interface PrincipalChoice {
  arn: string;
  label: string;
}

/** What the result part of the panel shows. */
export type GenerateView =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'done'; result: GeneratedPolicy; principalArn: string; ms: number }
  | { kind: 'error'; message: string; code: string };

/** The file name a generated policy is saved under by default: `generated-<name>.json`. */
export function defaultFileName(principalArn: string): string {
  const name = principalArn.split('/').pop() ?? 'policy';
  return `generated-${name.replace(/[^A-Za-z0-9+=,.@_-]/g, '-')}.json`;
}

/** The first of `wanted`, `wanted-2`, `wanted-3`… that is not in `taken`. */
export function freeFileName(wanted: string, taken: readonly string[]): string {
  if (!taken.includes(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let i = 2; ; i++) if (!taken.includes(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

/** One generate-from-trail panel over one world. */
export class GeneratePolicyState {
  principals: PrincipalChoice[] = $state.raw([]);
  principalArn = $state('');
  since = $state('');
  until = $state('');
  view: GenerateView = $state.raw({ kind: 'idle' });
  /** What the last save did, in words (announced). */
  saved = $state('');
  readonly #session: WorldSession;

  constructor(session: WorldSession) {
    this.#session = session;
  }

  /** Reads the world's users and roles (keeps the choice when it still exists). */
  async loadPrincipals(): Promise<void> {
    const r = await this.#session.read((api) => api.accountDetails(this.#session.name));
    if (!r.ok) return;
    const account = readAccount(r.value);
    // Service-linked roles are AWS's own; generating for them is not a learner's task.
    this.principals = account.principals
      .filter((p) => p.kind !== 'group' && !p.arn.includes(':role/aws-service-role/'))
      .map((p) => ({ arn: p.arn, label: `${p.kind} ${p.name}` }));
    if (!this.principals.some((p) => p.arn === this.principalArn)) this.principalArn = this.principals[0]?.arn ?? '';
  }

  /** Generates the policy the trail proves for the chosen principal and window. */
  async generate(): Promise<void> {
    const arn = this.principalArn.trim();
    if (arn === '') {
      this.view = { kind: 'error', message: 'Pick a user or role first.', code: 'BAD_INPUT' };
      return;
    }
    this.view = { kind: 'pending' };
    this.saved = '';
    await this.#session.journal();
    const since = this.since.trim() === '' ? undefined : this.since.trim();
    const until = this.until.trim() === '' ? undefined : this.until.trim();
    const started = performance.now();
    const r = await withSimulator((api) => api.generatePolicy(this.#session.name, arn, since, until));
    this.view = r.ok
      ? { kind: 'done', result: r.value, principalArn: arn, ms: Math.round(performance.now() - started) }
      : { kind: 'error', message: r.error.message, code: r.error.code };
  }

  /** Saves the generated policy as a world file under a free name; resolves with the name used. */
  async save(wanted: string): Promise<string | undefined> {
    if (this.view.kind !== 'done') return undefined;
    const files = await this.#session.read((api) => api.listFiles(this.#session.name));
    if (!files.ok) {
      this.saved = `Not saved: ${files.error.message} [${files.error.code}]`;
      return undefined;
    }
    const name = freeFileName(wanted.trim() || defaultFileName(this.view.principalArn), files.value);
    const text = `${JSON.stringify(this.view.result.PolicyDocument, null, 2)}\n`;
    const w = await this.#session.writeFile(name, text);
    if (!w.ok) {
      this.saved = `Not saved: ${w.error.message} [${w.error.code}]`;
      return undefined;
    }
    this.saved =
      name === wanted.trim() || wanted.trim() === ''
        ? `Saved as ${name}: the terminal reads it as file://${name}.`
        : `${wanted.trim()} already exists, so it was kept and the policy saved as ${name} (file://${name}).`;
    return name;
  }
}
