/**
 * Solutions that write a policy the way the course teaches it: in the file editor (a world file,
 * indented, one element a line), then passed to the command as `file://NAME` — never pasted as one
 * line of JSON into a shell command. Used by the exercise files of every lesson where a learner
 * writes a policy.
 */
import type { ExerciseInput } from './exercise.ts';

type Step = ExerciseInput['solution']['steps'] extends (infer S)[] | undefined ? S : never;

/** A policy document as a learner writes it in the file editor: two-space indent, a final newline. */
export function policyFileText(document: string | object): string {
  const value: unknown = typeof document === 'string' ? JSON.parse(document) : document;
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Two steps: save `file` with the document, then run `command` with the `file://` URI it names. */
export function withPolicyFile(file: string, document: string | object, command: (uri: string) => string): Step[] {
  return [{ writeFile: file, text: policyFileText(document) }, command(`file://${file}`)];
}
