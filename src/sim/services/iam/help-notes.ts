/** What the terminal's `aws iam … help` adds about the simulation's conventions (README.md, "Credential report"). */

const REPORT_READY_AT_ONCE = [
  'IAM generates a credential report at most once every four hours; a request',
  'within four hours answers COMPLETE and keeps the report you have, so changes',
  'made since do not show in it. In this simulator the report is built within',
  'the GenerateCredentialReport call (the world clock stands still between',
  'commands), so GetCredentialReport never answers ReportInProgress. Four hours',
  'after it was generated, the report has expired (ReportExpired).',
];

/** Simulator notes per IAM operation. */
export const IAM_HELP_NOTES: Readonly<Record<string, readonly string[]>> = {
  GenerateCredentialReport: REPORT_READY_AT_ONCE,
  GetCredentialReport: REPORT_READY_AT_ONCE,
};
