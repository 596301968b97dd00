/** Lint: Access Analyzer-style findings for valid policies. */
export { lintPolicy, lintPolicyWithCatalog, servicesReferenced } from './lint.ts';
export { CHECKS, finding, type LintCode, type LintFinding } from './messages.ts';
