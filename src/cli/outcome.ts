/** What one iam-dojo invocation prints and how it exits, and the usage error every command shares. */
import { ANALYSIS_USAGE } from './analysis-usage.ts';

/** What one iam-dojo invocation prints and how it exits. */
export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A bad iam-dojo command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** The usage text `iam-dojo help` prints and every usage error repeats. */
export const USAGE = `usage: iam-dojo <command> [options]

Commands:
  aws <service> <operation> [parameters] [--world FILE] [--seed S] [--account-id ID] [--now TIME] [--mfa-code CODE]
      Run an AWS CLI v2 command against the simulated account. With --world the account is loaded
      from FILE (created when missing) and saved after the command; without it a fresh account is used.
  simulate-custom-policy --cli-input-json file://request.json [--explain] [--expect allowed|denied]
      IAM SimulateCustomPolicy; prints what \`aws iam simulate-custom-policy\` prints.
  simulate-principal-policy --account-details file://details.json --cli-input-json file://request.json
      [--explain] [--expect allowed|denied]
      IAM SimulatePrincipalPolicy over the output of \`aws iam get-account-authorization-details\`.
  validate-policy file://policy.json [--policy-type identity|resource|trust|scp|rcp|boundary|session]
      [--managed] [--output json|text]
      Validation errors and lint findings; exits 1 when the policy has an ERROR finding.
      --managed applies the rules of a managed policy (Version 2012-10-17 required).
  mfa-code <serial-number> --world FILE
      The code an authenticator app shows now for a virtual MFA device of the world.
  advance-clock <seconds> --world FILE
      Moves the world's clock forward (TOTP codes, session expiry, MFA age follow it).
  trail --world FILE [--query EXPR]
      The world's CloudTrail records ({"Records": [...]}, oldest first).
${ANALYSIS_USAGE}
Options of the simulate commands: --output json|text|table, --query EXPR,
  --explain (the decision and why, in words), --expect allowed|denied|explicitDeny|implicitDeny
  (exit 1 when any decision differs).
`;

/** The outcome of a usage error: the problem, then the usage text, exit code 2. */
export function usageError(message: string): Outcome {
  return { exitCode: 2, stdout: '', stderr: `iam-dojo: error: ${message}\n\n${USAGE}` };
}
