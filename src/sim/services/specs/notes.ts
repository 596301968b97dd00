/**
 * Simulator notes the CLI's help adds to an operation: where the simulation follows a convention of
 * its own (what a Lambda function's code is), the terminal says so next to the arguments.
 */
import { IAM_HELP_NOTES } from '../iam/help-notes.ts';
import { LAMBDA_HELP_NOTES } from '../lambda/help-notes.ts';

const NOTES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  iam: IAM_HELP_NOTES,
  lambda: LAMBDA_HELP_NOTES,
};

/** The note lines for an operation, or none. */
export function operationNotes(service: string, operation: string): readonly string[] {
  const forService = Object.hasOwn(NOTES, service) ? NOTES[service] : undefined;
  return forService && Object.hasOwn(forService, operation) ? (forService[operation] ?? []) : [];
}
