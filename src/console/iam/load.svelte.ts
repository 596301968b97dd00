/**
 * How a console page loads: one batch of reads as the signed-in session, redone whenever the world
 * changes (a command in the terminal, a change on another page), with the first failure kept as the
 * problem the page shows (an access denial, with its explanation).
 */
import type { ConsoleAnswer, ConsoleCall } from '../../worker/api/console.ts';
import { readProblem, type ConsoleProblem, type ConsoleState } from '../console-state.svelte.ts';

/** The loaded answers of one page. */
export class PageLoad {
  /** The outputs, in request order (undefined where a read failed). */
  outputs: (Record<string, unknown> | undefined)[] = $state.raw([]);
  /** The first failure, if any. */
  problem: ConsoleProblem | null = $state.raw(null);
  loading = $state(true);
  #sequence = 0;

  /** Reads `requests()` now and after every change to the world. */
  constructor(c: ConsoleState, requests: () => ConsoleCall[]) {
    $effect(() => {
      void c.revision.current;
      const list = requests();
      const mine = ++this.#sequence;
      void c.read(list).then((answers: (ConsoleAnswer | undefined)[]) => {
        if (mine !== this.#sequence) return; // a newer load superseded this one
        this.outputs = answers.map((a) => (a?.ok ? a.output : undefined));
        this.problem = answers.map(readProblem).find((p) => p !== null) ?? null;
        this.loading = false;
      });
    });
  }
}

/** A list member of an output (`Users`, `Groups` …) as records. */
export function listOf(output: Record<string, unknown> | undefined, member: string): Record<string, unknown>[] {
  const value = output?.[member];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/** A CLI timestamp (`2026-03-02T09:00:00+00:00`) as the console prints dates. */
export function shortDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '—';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'; // eslint-disable-line svelte/prefer-svelte-reactivity -- formatted once, never mutated
}

/** The customer managed policies and AWS managed policies the permission pickers list. */
export const POLICY_PICKER_CALL: ConsoleCall = { service: 'iam', operation: 'ListPolicies', params: { Scope: 'All', OnlyAttached: false } };

/** A policy document from an output (the world answers it parsed, as the CLI prints it) as JSON text. */
export function documentText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 4);
}
