/**
 * The credential report (IAM User Guide, "Generate credential reports for your AWS account":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html; IAM API
 * Reference, "GenerateCredentialReport" and "GetCredentialReport"). One report per account, a CSV
 * with a row for the root user and one per IAM user, built from the account's state when it is
 * generated and answered unchanged until a newer one replaces it: a report is generated at most
 * once every four hours, and a request within four hours answers the existing one.
 */
import { cliTimestamp } from '../../world/dates.ts';
import type { AccessKey, AccountState } from '../../world/state.ts';
import { fault } from '../errors.ts';
import type { OperationContext, OperationDefinition } from '../operation.ts';
import { byName } from './shapes.ts';

/** The account's stored report: when it was generated and its CSV text. */
export interface CredentialReport {
  generatedMs: number;
  csv: string;
}

/** "You can generate a credential report as often as once every four hours" (User Guide). */
export const REPORT_LIFETIME_MS = 4 * 3600 * 1000;

/** The report's columns, in the order the User Guide lists them. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  ...keyColumns(1),
  ...keyColumns(2),
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

function keyColumns(n: 1 | 2): string[] {
  return ['active', 'last_rotated', 'last_used_date', 'last_used_region', 'last_used_service'].map((c) => `access_key_${n}_${c}`);
}

/** The values the User Guide uses where a column does not apply or has nothing to say. */
const NA = 'N/A';
const NO_INFORMATION = 'no_information';
const NOT_SUPPORTED = 'not_supported';
const DAY_MS = 24 * 3600 * 1000;

/** The CSV of an account as it stands: the header, the `<root_account>` row, then the users by name. */
export function credentialReportCsv(state: Readonly<AccountState>): string {
  const root = state.root;
  const rootRow = [
    '<root_account>',
    `arn:aws:iam::${state.accountId}:root`,
    cliTimestamp(root.createDate),
    // The root user's password is not an IAM login profile: the User Guide gives not_supported.
    NOT_SUPPORTED,
    root.passwordLastUsed !== undefined ? cliTimestamp(root.passwordLastUsed) : NO_INFORMATION,
    NOT_SUPPORTED,
    NOT_SUPPORTED,
    bool(root.mfaSerials.length > 0),
    ...keyCells(root.accessKeys[0]),
    ...keyCells(root.accessKeys[1]),
    ...certCells(),
  ];
  const maxAgeDays = state.passwordPolicy?.MaxPasswordAge;
  const userRows = byName(Object.values(state.users)).map((user) => {
    const profile = user.loginProfile;
    const changed = profile ? (profile.passwordLastChanged ?? profile.createDate) : undefined;
    return [
      user.name,
      user.arn,
      cliTimestamp(user.createDate),
      bool(profile !== undefined),
      // N/A without a password; no_information for a password that has never been used to sign in.
      profile === undefined ? NA : user.passwordLastUsed !== undefined ? cliTimestamp(user.passwordLastUsed) : NO_INFORMATION,
      changed === undefined ? NA : cliTimestamp(changed),
      // Only a password policy that makes passwords expire gives a next rotation date.
      changed === undefined || maxAgeDays === undefined ? NA : cliTimestamp(changed + maxAgeDays * DAY_MS),
      bool(user.mfaSerials.length > 0),
      ...keyCells(user.accessKeys[0]),
      ...keyCells(user.accessKeys[1]),
      ...certCells(),
    ];
  });
  return [[...CREDENTIAL_REPORT_COLUMNS], rootRow, ...userRows].map((row) => row.join(',')).join('\n');
}

/** The five cells of one access key slot; N/A throughout when the slot holds no key or the key was never used. */
function keyCells(key: AccessKey | undefined): string[] {
  if (!key) return ['false', NA, NA, NA, NA];
  const used = key.lastUsed;
  return [
    bool(key.status === 'Active'),
    cliTimestamp(key.createDate),
    used ? cliTimestamp(used.date) : NA,
    used ? used.region : NA,
    used ? used.serviceName : NA,
  ];
}

/** X.509 signing certificates are not simulated: no user has one, so the slots read as empty ones do. */
function certCells(): string[] {
  return ['false', NA, 'false', NA];
}

/** Real reports write booleans in lower case. */
function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

function generate(ctx: OperationContext): Record<string, unknown> {
  // The action has no resource type (Service Authorization Reference): it is authorized on `*`.
  ctx.authorize('iam:GenerateCredentialReport', '*');
  const current = ctx.state.credentialReport;
  if (current && ctx.nowMs - current.generatedMs < REPORT_LIFETIME_MS) return { State: 'COMPLETE' };
  // The simulated report is ready within the call (the world's clock stands still between
  // commands); AWS's first answer to a new generation is STARTED, and so is ours.
  ctx.state.credentialReport = { generatedMs: ctx.nowMs, csv: credentialReportCsv(ctx.state) };
  return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
}

function get(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetCredentialReport', '*');
  const report = ctx.state.credentialReport;
  // Codes and HTTP statuses from the API reference ("Errors"); IAM sends these without a message
  // (the CLI prints "Unknown"), so the words are the API reference's descriptions of each error.
  if (!report) {
    throw fault(
      'ReportNotPresent',
      'The request was rejected because the credential report does not exist. To generate a credential report, use GenerateCredentialReport.',
      410,
    );
  }
  if (ctx.nowMs - report.generatedMs >= REPORT_LIFETIME_MS) {
    throw fault(
      'ReportExpired',
      'The request was rejected because the most recent credential report has expired. To generate a new credential report, use GenerateCredentialReport.',
      410,
    );
  }
  return { Content: new TextEncoder().encode(report.csv), ReportFormat: 'text/csv', GeneratedTime: cliTimestamp(report.generatedMs) };
}

/** The credential report operations. */
export const CREDENTIAL_REPORT_OPERATIONS: Record<string, OperationDefinition> = {
  GenerateCredentialReport: { handler: generate, readOnly: false },
  GetCredentialReport: { handler: get, readOnly: true },
};
