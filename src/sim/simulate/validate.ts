/**
 * `validatePolicy(text, policyType)`: IAM's validation (errors that make IAM answer
 * MalformedPolicyDocument) followed by lint findings, in one list with stable codes and positions.
 */
import { lintPolicy, lintPolicyWithCatalog } from '../policy/lint/lint.ts';
import { parsePolicy } from '../policy/parse.ts';
import type { PolicyType, Severity, Span } from '../policy/types.ts';

/** One finding: a validation error (code without LINT_ prefix) or a lint finding. */
export interface PolicyFinding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  params: Record<string, string>;
  /** For validation errors: the MalformedPolicyDocument text IAM would answer. */
  awsMessage?: string;
}

/** Options for validation. */
export interface ValidateOptions {
  /** Managed policies must say Version 2012-10-17. */
  managed?: boolean;
}

/** Validates and lints a policy, loading the services it names from the reference first. */
export async function validatePolicy(text: string, policyType: PolicyType, options: ValidateOptions = {}): Promise<PolicyFinding[]> {
  const parsed = parsePolicy(text, options.managed ? { policyType, managed: true } : { policyType });
  if (!parsed.ok) return parsed.errors.map((e) => ({ ...e }));
  return lintPolicyWithCatalog(parsed.policy);
}

/** Synchronous validation with the services already loaded (for the editor, as the learner types). */
export function validatePolicySync(text: string, policyType: PolicyType, options: ValidateOptions = {}): PolicyFinding[] {
  const parsed = parsePolicy(text, options.managed ? { policyType, managed: true } : { policyType });
  if (!parsed.ok) return parsed.errors.map((e) => ({ ...e }));
  return lintPolicy(parsed.policy);
}
