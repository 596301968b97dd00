/**
 * Where a policy read from a file goes wrong. IAM answers a malformed document with one sentence and
 * no position ("Syntax errors in policy."); the terminal keeps AWS's answer as it is and adds, on
 * lines of their own marked as the simulator's, the file, line and column of each problem, so a
 * learner can find it without guessing. The real CLI prints nothing of the sort.
 */
import { parsePolicy } from '../policy/parse.ts';
import type { PolicyType } from '../policy/types.ts';

/** A document argument that came from a `file://` file. */
export interface FileArgument {
  /** The API member (`PolicyDocument`, `AssumeRolePolicyDocument`, `Policy`). */
  member: string;
  /** The file's name as written after `file://`. */
  file: string;
  text: string;
}

/** Error codes that mean "the policy document you sent is wrong" across the simulated services. */
const DOCUMENT_ERRORS = new Set([
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'MalformedPolicy',
  'InvalidParameterValueException',
]);

/** Which policy grammar a document member follows. */
function policyTypeOf(service: string, member: string): PolicyType | undefined {
  if (member === 'AssumeRolePolicyDocument') return 'trust';
  if (member === 'PolicyDocument') return service === 'iam' ? 'identity' : 'resource';
  if (member === 'PermissionsBoundary') return 'boundary';
  if (member === 'Policy') return service === 'sts' ? 'session' : service === 'organizations' ? 'scp' : 'resource';
  return undefined;
}

/** The simulator's notes for a service error caused by a document read from a file ('' when none apply). */
export function fileDiagnostics(service: string, errorCode: string, files: readonly FileArgument[]): string {
  if (!DOCUMENT_ERRORS.has(errorCode)) return '';
  let notes = '';
  for (const f of files) {
    const policyType = policyTypeOf(service, f.member);
    if (policyType === undefined) continue;
    const parsed = parsePolicy(f.text, { policyType });
    for (const e of parsed.errors.slice(0, 5)) {
      notes += `[simulator] ${f.file}:${e.span.start.line}:${e.span.start.column}: ${e.message} (${e.code})\n`;
    }
  }
  return notes;
}
