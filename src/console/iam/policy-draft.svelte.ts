/**
 * A policy being written in the console's JSON editor: the text, and the project's validation and
 * lint findings for it (the same ones the policy editor shows everywhere), refreshed as the text
 * changes. Saving is refused while a finding is an ERROR, as IAM would refuse the document.
 */
import { latestOnly, withSimulator, type SimulatorClient } from '../../worker/client.ts';
import type { PolicyFinding } from '../../worker/protocol.ts';

/** The starting document of Create policy (the console's own template). */
export const EMPTY_POLICY = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}`;

/** The editor's text and its findings. */
export class PolicyDraft {
  text = $state(EMPTY_POLICY);
  findings: PolicyFinding[] = $state.raw([]);
  #lint: (text: string) => ReturnType<ReturnType<typeof latestOnly<[string], Awaited<ReturnType<SimulatorClient['lintPolicy']>>>>>;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `kind`: how the document is checked — an identity policy, or a role's trust policy (which needs a Principal). */
  constructor(text = EMPTY_POLICY, kind: 'identity' | 'trust' = 'identity') {
    this.text = text;
    this.#lint = latestOnly((t: string) => withSimulator((api) => api.lintPolicy(t, kind)));
    this.edited();
  }

  /** Whether IAM would refuse the document (an ERROR finding). */
  get hasErrors(): boolean {
    return this.findings.some((f) => f.severity === 'ERROR');
  }

  /** Call after each edit: findings refresh shortly after typing stops. */
  edited(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#refresh(), 150);
  }

  async #refresh(): Promise<void> {
    const answer = await this.#lint(this.text);
    if (answer.stale) return;
    this.findings = answer.value.ok
      ? answer.value.value
      : [
          {
            code: answer.value.error.code,
            severity: 'ERROR',
            message: answer.value.error.message,
            span: answer.value.error.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
          },
        ];
  }
}
