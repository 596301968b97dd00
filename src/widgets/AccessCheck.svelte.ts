/**
 * State of the AccessCheck widget: the policies, the request (principal, action, resource, context),
 * and the simulator's answer with its explanation, re-asked shortly after every edit. Answers that a
 * newer edit superseded are dropped; the policy text is saved in the browser and restored.
 */
import { z } from 'zod';
import { latestOnly, withSimulator } from '../worker/client.ts';
import type { PolicyType } from '../sim/policy/types.ts';
import type { AccessAnswer, AccessRequest, PolicyFinding, WorkerError } from '../worker/protocol.ts';
import { loadSaved, pageKey, save } from '../worker/storage.ts';

/** What the widget shows for the latest request. */
export type CheckVerdict = { kind: 'pending' } | { kind: 'decided'; answer: AccessAnswer } | { kind: 'error'; error: WorkerError };

/** One context entry row. */
export interface ContextRow {
  key: string;
  /** Values, comma separated, as typed. */
  values: string;
  type: string;
}

/** The policy kinds an AccessCheck can hold, each edited in its own editor. */
export type PolicySlot = 'identity' | 'boundary' | 'resource';

const savedSchema = z.object({
  /** Text per editor. */
  identity: z.string().max(200_000),
  boundary: z.string().max(200_000).optional(),
  resource: z.string().max(200_000).optional(),
});

/** The starting values of one AccessCheck. */
export interface AccessCheckInit {
  policy: string;
  boundary?: string | undefined;
  resourcePolicy?: string | undefined;
  principal?: string | undefined;
  action: string;
  resource: string;
  context?: ContextRow[] | undefined;
  /** Key under which the edited text is saved; omit to not save. */
  saveKey?: string | undefined;
}

/** State and actions of one AccessCheck widget. */
export class AccessCheckState {
  identity = $state('');
  boundary = $state('');
  resourcePolicy = $state('');
  useBoundary = $state(false);
  useResourcePolicy = $state(false);
  principal = $state('');
  action = $state('');
  resource = $state('*');
  context: ContextRow[] = $state([]);
  verdict: CheckVerdict = $state.raw({ kind: 'pending' });
  findings: Record<PolicySlot, PolicyFinding[]> = $state.raw({ identity: [], boundary: [], resource: [] });
  /** Shown when saved text could not be read back. */
  notice: string | null = $state(null);

  readonly #initial: AccessCheckInit;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lintTimer: ReturnType<typeof setTimeout> | undefined;
  #ask = latestOnly((request: AccessRequest) => withSimulator((api) => api.simulate(request)));
  #lint = {
    identity: latestOnly((text: string) => withSimulator((api) => api.lintPolicy(text, 'identity'))),
    boundary: latestOnly((text: string) => withSimulator((api) => api.lintPolicy(text, 'boundary'))),
    resource: latestOnly((text: string, type: PolicyType = 'resource') => withSimulator((api) => api.lintPolicy(text, type))),
  };

  constructor(init: AccessCheckInit) {
    this.#initial = init;
    this.#apply(init);
    if (init.saveKey) {
      const saved = loadSaved(pageKey('text', init.saveKey), savedSchema);
      if (saved.kind === 'ok') {
        this.identity = saved.value.identity;
        if (saved.value.boundary !== undefined) this.boundary = saved.value.boundary;
        if (saved.value.resource !== undefined) this.resourcePolicy = saved.value.resource;
      } else if (saved.kind === 'corrupt') {
        this.notice = `Your saved policy text could not be read (${saved.reason}); the lesson's starting text is shown.`;
      }
    }
  }

  /**
   * Asks again after an edit: at once by default (the worker answers in well under a millisecond and
   * superseded answers are dropped), so the verdict does not wait behind the editor's own work.
   */
  schedule(delayMs = 0): void {
    clearTimeout(this.#timer);
    if (delayMs === 0) queueMicrotask(() => void this.evaluate());
    else this.#timer = setTimeout(() => void this.evaluate(), delayMs);
  }

  /** Puts the starting policies and request back. */
  reset(): void {
    this.#apply(this.#initial);
    this.schedule(0);
  }

  /** Adds an empty context row. */
  addContext(): void {
    this.context.push({ key: '', values: '', type: 'string' });
  }

  /** Removes context row `index`. */
  removeContext(index: number): void {
    this.context.splice(index, 1);
    this.schedule();
  }

  /** The request as the worker takes it. */
  request(): AccessRequest {
    const request: AccessRequest = {
      identityPolicies: [this.identity],
      action: this.action.trim(),
      resource: this.resource.trim() || '*',
      context: this.context.map((c) => ({ key: c.key, values: splitValues(c.values), type: c.type })),
    };
    if (this.useBoundary) request.boundary = this.boundary;
    if (this.useResourcePolicy) request.resourcePolicy = this.resourcePolicy;
    if (this.principal.trim()) request.callerArn = this.principal.trim();
    return request;
  }

  /** Asks the simulator now; the editor markers follow a little later (the verdict comes first). */
  async evaluate(): Promise<void> {
    this.#persist();
    clearTimeout(this.#lintTimer);
    this.#lintTimer = setTimeout(() => void this.#refreshFindings(), 150);
    try {
      const answer = await this.#ask(this.request());
      if (answer.stale) return;
      this.verdict = answer.value.ok ? { kind: 'decided', answer: answer.value.value } : { kind: 'error', error: answer.value.error };
    } catch (error) {
      this.verdict = { kind: 'error', error: { code: 'WORKER_ERROR', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  async #refreshFindings(): Promise<void> {
    const slots: [PolicySlot, string, boolean][] = [
      ['identity', this.identity, true],
      ['boundary', this.boundary, this.useBoundary],
      ['resource', this.resourcePolicy, this.useResourcePolicy],
    ];
    await Promise.all(
      slots.map(async ([slot, text, used]) => {
        if (!used) return this.#setFindings(slot, []);
        try {
          const answer =
            slot === 'resource' ? await this.#lint.resource(text, resourcePolicyType(this.resource)) : await this.#lint[slot](text);
          if (answer.stale) return;
          // A missing lint export is not the learner's problem; the verdict already shows it.
          this.#setFindings(slot, answer.value.ok ? answer.value.value : []);
        } catch {
          this.#setFindings(slot, []);
        }
      }),
    );
  }

  #setFindings(slot: PolicySlot, list: PolicyFinding[]): void {
    if (this.findings[slot].length === 0 && list.length === 0) return;
    this.findings = { ...this.findings, [slot]: list };
  }

  #apply(init: AccessCheckInit): void {
    this.identity = init.policy;
    this.boundary = init.boundary ?? '';
    this.resourcePolicy = init.resourcePolicy ?? '';
    this.useBoundary = init.boundary !== undefined;
    this.useResourcePolicy = init.resourcePolicy !== undefined;
    this.principal = init.principal ?? '';
    this.action = init.action;
    this.resource = init.resource;
    this.context = (init.context ?? []).map((c) => ({ ...c }));
  }

  #persist(): void {
    if (!this.#initial.saveKey) return;
    save(pageKey('text', this.#initial.saveKey), { identity: this.identity, boundary: this.boundary, resource: this.resourcePolicy });
  }
}

/**
 * The policy type of the resource-based policy on `resourceArn`, so the checker validates it as
 * what it is: a role's resource-based policy is its trust policy, which must not have a Resource
 * element ("IAM JSON policy elements: Resource",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
 * any other (bucket, key, queue...) is an ordinary resource-based policy.
 */
export function resourcePolicyType(resourceArn: string): PolicyType {
  return /^arn:aws[a-z-]*:iam::\d{12}:role\//.test(resourceArn.trim()) ? 'trust' : 'resource';
}

/** Context values as typed: comma-separated, trimmed, empty ones dropped. */
export function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A short stable key for saving a widget's text, from its starting content. */
export function contentKey(...parts: string[]): string {
  let hash = 2166136261;
  for (const ch of parts.join('\u0000')) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash.toString(36);
}

/** The widget's own names for the request fields its editors fill (the labels above each editor). */
const FIELD_WORDS: Record<string, string> = {
  'PolicyInputList.1': 'The identity-based policy',
  'PermissionsBoundaryPolicyInputList.1': 'The permissions boundary',
  ResourcePolicy: 'The resource-based policy',
};

/**
 * An error in the learner's words: the editor it comes from instead of the API field
 * (`PolicyInputList.1`), and without the position the message carries, since the widget prints
 * the position once after it.
 */
export function errorWords(error: WorkerError): string {
  const field = error.params?.['field'];
  const detail = error.params?.['detail'];
  if (error.code !== 'MALFORMED_POLICY' || field === undefined || detail === undefined) return error.message;
  const where = /\s*\(line \d+, column \d+\)$/;
  return `${FIELD_WORDS[field] ?? field} is not a valid policy: ${error.span ? detail.replace(where, '') : detail}`;
}
