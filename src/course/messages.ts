/**
 * The words a learner reads about a check or a step, produced from a stable code and its
 * parameters in this one place, so they can be tested, documented and translated.
 */

/** Why a check passed or failed. */
export type CheckOutcome =
  | { code: 'PASS' }
  | { code: 'EXPECTED_SUCCESS'; exitCode: number; stderr: string }
  | { code: 'EXPECTED_FAILURE' }
  | { code: 'ERROR_CODE_MISMATCH'; expected: string; actual: string }
  | { code: 'OUTPUT_NOT_JSON' }
  | { code: 'QUERY_MISMATCH'; actual: string }
  | { code: 'DECISION_MISMATCH'; expected: string; actual: string }
  | { code: 'TRAIL_MISMATCH'; actual: string }
  | { code: 'TRAIL_TOO_FEW'; atLeast: number; actual: string }
  | { code: 'ORDER_MISSING' }
  | { code: 'ORDER_WRONG' }
  | { code: 'ANSWER_MISSING' }
  | { code: 'ANSWER_WRONG' }
  | { code: 'GRANTS_BEYOND'; example: string }
  | { code: 'ALLOWS_LESS'; example: string }
  | { code: 'PRINCIPAL_MISSING'; arn: string }
  | { code: 'CHECK_ERROR'; message: string };

/** Codes of the errors that stop a list of steps. */
export type StepErrorCode =
  'STEP_FAILED' | 'UNKNOWN_VARIABLE' | 'TOTP_SEED_MISSING' | 'SAVE_QUERY_FAILED' | 'NO_PREVIOUS_EXERCISE' | 'UNKNOWN_EXERCISE';

/** One sentence saying what a check found. */
export function describeOutcome(outcome: CheckOutcome): string {
  switch (outcome.code) {
    case 'PASS':
      return 'Done.';
    case 'EXPECTED_SUCCESS':
      return `The command failed (exit code ${outcome.exitCode}): ${firstLine(outcome.stderr)}`;
    case 'EXPECTED_FAILURE':
      return 'the command succeeded, but it should be refused';
    case 'ERROR_CODE_MISMATCH':
      return `The command failed with ${outcome.actual || 'an error'}, not ${outcome.expected}.`;
    case 'OUTPUT_NOT_JSON':
      return 'The command did not print JSON.';
    case 'QUERY_MISMATCH':
      return `not yet: found ${outcome.actual}`;
    case 'DECISION_MISMATCH':
      return `the policy simulator answers ${decisionWords(outcome.actual)}; it should be ${decisionWords(outcome.expected)}`;
    case 'TRAIL_MISMATCH':
      return `not in the trail yet: found ${outcome.actual}`;
    case 'TRAIL_TOO_FEW':
      return `the trail has ${outcome.actual} matching ${outcome.actual === '1' ? 'record' : 'records'}, and at least ${outcome.atLeast} ${outcome.atLeast === 1 ? 'is' : 'are'} needed`;
    case 'ORDER_MISSING':
      return 'the trail has no record of the later step yet';
    case 'ORDER_WRONG':
      return 'the trail shows the steps in the wrong order';
    case 'ANSWER_MISSING':
      return 'Type your answer.';
    case 'ANSWER_WRONG':
      return 'That is not what the trail shows. Look again.';
    case 'GRANTS_BEYOND':
      return `the policies also allow ${outcome.example}, which the reference does not`;
    case 'ALLOWS_LESS':
      return `the policies do not allow ${outcome.example}, which the reference allows`;
    case 'PRINCIPAL_MISSING':
      return `there is no user, group or role ${outcome.arn}`;
    case 'CHECK_ERROR':
      return `The check could not run: ${outcome.message}`;
  }
}

/** One sentence for a step error. */
export function describeStepError(code: StepErrorCode, detail: string): string {
  switch (code) {
    case 'STEP_FAILED':
      return `A setup command failed: ${detail}`;
    case 'UNKNOWN_VARIABLE':
      return `A command refers to {{${detail}}}, which no earlier step saved.`;
    case 'TOTP_SEED_MISSING':
      return `No MFA seed file named ${detail} exists in the world.`;
    case 'SAVE_QUERY_FAILED':
      return `A step could not read ${detail} from its output.`;
    case 'NO_PREVIOUS_EXERCISE':
      return `Exercise ${detail} continues from a previous exercise, but there is none.`;
    case 'UNKNOWN_EXERCISE':
      return `There is no exercise named ${detail}.`;
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line || 'no message';
}

/** A decision code in words ("explicitDeny" reads "explicitly denied"). */
function decisionWords(decision: string): string {
  const words: Record<string, string> = {
    allowed: 'allowed',
    denied: 'denied',
    explicitDeny: 'explicitly denied (by a Deny statement)',
    implicitDeny: 'implicitly denied (no statement allows it)',
  };
  return words[decision] ?? decision;
}
