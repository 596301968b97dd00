/**
 * State of the WorldFileEditor widget: one file of a world, opened, edited with the policy editor's
 * validation and saved back, so the terminal's `file://NAME` reads what the learner wrote. Saving
 * over a file the learner did not open asks first; a failed save says why and keeps the text.
 */
import { latestOnly, withSimulator } from '../worker/client.ts';
import type { PolicyFinding, Result } from '../worker/protocol.ts';
import type { PolicyType } from '../sim/policy/types.ts';
import { worldSession, type WorldSession } from './world-session.svelte.ts';

/** What the last action did, announced to screen readers. */
export type FileStatus = { kind: 'idle' | 'saved' | 'opened' | 'error' | 'confirm'; message: string };

/** State and actions of one WorldFileEditor. */
export class WorldFileEditorState {
  /** The file name being edited (what `file://` names). */
  name = $state('policy.json');
  /** The text in the editor. */
  text = $state('');
  /** Which grammar validates the text. */
  policyType: PolicyType = $state('identity');
  /** The world's files, for the picker. */
  files: string[] = $state.raw([]);
  findings: PolicyFinding[] = $state.raw([]);
  status: FileStatus = $state({ kind: 'idle', message: '' });
  /**
   * True from a change of the text until its findings are shown. The findings list appears above
   * the Save button and moves it; the section is marked busy meanwhile (aria-busy).
   */
  checking = $state(false);
  /** The text as last opened or saved, to tell unsaved changes. */
  saved = $state('');

  readonly session: WorldSession;
  /** The file the editor's text came from (opened or saved); saving another existing file asks first. */
  #openedName: string | undefined;
  #lintTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #lint = latestOnly((text: string, type: PolicyType) => withSimulator((api) => api.lintPolicy(text, type)));

  /** The text the editor was given before anything was opened (not the learner's work). */
  readonly #initialText: string;

  constructor(world: string, initialName: string, initialText: string) {
    this.#initialText = initialText;
    this.session = worldSession(world);
    this.name = initialName;
    this.text = initialText;
  }

  /** True when the text differs from what was last opened or saved. */
  get dirty(): boolean {
    return this.text !== this.saved;
  }

  /** Re-reads the world's file list (after the terminal wrote or removed files). */
  async refreshFiles(): Promise<void> {
    const result = await this.session.read((api) => api.listFiles(this.session.name));
    if (result.ok) this.files = result.value;
  }

  /** Opens `name` from the world (its text replaces the editor's, which the learner asked for). */
  async open(): Promise<void> {
    const name = this.name.trim();
    const result = await this.session.read((api) => api.readFile(this.session.name, name));
    if (!result.ok) {
      this.status = { kind: 'error', message: `Could not open ${name}: ${result.error.message} [${result.error.code}]` };
      return;
    }
    if (result.value === null) {
      this.status = {
        kind: 'error',
        message: `There is no file ${name} in this world yet. Write it here and save it, or create it in the terminal.`,
      };
      return;
    }
    this.text = result.value;
    this.saved = result.value;
    this.#openedName = name;
    this.status = { kind: 'opened', message: `Opened ${name}.` };
    this.lintSoon();
  }

  /**
   * Saves the text as `name`. An existing file the editor did not open is replaced only after the
   * learner confirms (a second press of "Replace").
   */
  async save(confirmed = false): Promise<void> {
    const name = this.name.trim();
    await this.refreshFiles();
    if (!confirmed && this.files.includes(name) && this.#openedName !== name) {
      this.status = { kind: 'confirm', message: `${name} already exists in this world. Replace it with the text in the editor?` };
      return;
    }
    const result = await this.session.writeFile(name, this.text);
    if (!result.ok) {
      this.status = { kind: 'error', message: `Not saved: ${result.error.message} [${result.error.code}]` };
      return;
    }
    this.saved = this.text;
    this.#openedName = name;
    await this.refreshFiles();
    const errors = this.findings.filter((f) => f.severity === 'ERROR').length;
    const note = errors > 0 ? ` It has ${errors} error${errors === 1 ? '' : 's'}; the terminal will point at them too.` : '';
    this.status = { kind: 'saved', message: `Saved ${name}. Use it in the terminal as file://${name}.${note}` };
  }

  /**
   * Opens a file another widget wrote (the generated policy) — unless the editor holds unsaved
   * text, which is never replaced silently: it says so and keeps the text.
   */
  async openRequested(name: string): Promise<string | undefined> {
    if (this.dirty && this.text !== this.#initialText && this.text.trim() !== '') {
      const refused = `The Files editor has unsaved changes to ${this.name}: save them first, then open ${name}.`;
      this.status = { kind: 'error', message: refused };
      return refused;
    }
    this.name = name;
    await this.refreshFiles();
    await this.open();
    return undefined;
  }

  /** Keeps the text and drops the pending replace question. */
  cancelReplace(): void {
    this.status = { kind: 'idle', message: 'Nothing was replaced.' };
  }

  /** Validates the text shortly after the last keystroke. */
  lintSoon(): void {
    clearTimeout(this.#lintTimer);
    this.checking = true;
    this.#lintTimer = setTimeout(() => void this.#refreshFindings(), 150);
  }

  async #refreshFindings(): Promise<void> {
    let result: Result<PolicyFinding[]>;
    try {
      const answer = await this.#lint(this.text, this.policyType);
      if (answer.stale) return; // a newer check is on its way and ends the busy state
      result = answer.value;
    } catch (error) {
      result = { ok: false, error: { code: 'WORKER_FAILED', message: error instanceof Error ? error.message : String(error) } };
    }
    this.checking = false;
    this.findings = result.ok ? result.value : [];
    if (!result.ok) this.status = { kind: 'error', message: `Could not check the policy: ${result.error.message} [${result.error.code}]` };
  }
}
