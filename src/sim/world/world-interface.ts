/**
 * The simulated world as every caller sees it — the CLI, the worker, the course runner, the Node
 * CLI. One contract with required members, so callers never probe for what always exists. Types
 * only: src/sim/cli depends on this, never on how the world is built.
 */
import type { CachedCredentials, InstanceCredentialsAnswer, RunOptions, RunResult } from '../cli/host.ts';
import type { CliConfig, CredentialLookup, Credentials, ServiceEndpoint } from '../services/contract.ts';
import type { CallDecision } from '../services/invoke.ts';
import type { AuthorizationDetails } from './authorization-details.ts';
import type { Clock } from './clock.ts';
import type { ConsoleSignInInput, ConsoleSignInResult } from './console-sign-in.ts';
import type { ConsoleSwitchRoleInput, ConsoleSwitchRoleResult } from './console-switch-role.ts';
import type { PortalConsoleResult, PortalMfaDeviceResult, PortalSignInInput, PortalSignInResult } from './portal.ts';
import type { IdcMfaSettings } from '../services/sso-admin/model.ts';
import type { OrganizationInput, OrganizationState } from './organization.ts';
import type { WorldState } from './state.ts';

/** One simulated world of accounts (`createWorld` returns it). */
export interface World extends ServiceEndpoint {
  /** The simulated clock; TOTP codes, session expiry and condition times follow it. */
  readonly clock: Clock;
  /** The primary account's ID (the one `default` and `--profile <user>` use). */
  readonly accountId: string;
  /** The CLI's `aws configure` settings plus its assume-role cache, saved with the world. */
  cliConfig: CliConfig & { cache?: Record<string, CachedCredentials> };
  /** IDs of every simulated account, the primary account first. */
  accountIds(): string[];
  /** Runs one AWS CLI command line against this world. */
  run(commandLine: string, options?: RunOptions): Promise<RunResult>;
  /** Authorization checks of the most recent call. */
  lastDecisions(): readonly CallDecision[];
  /** Authorization checks of the call with this CloudTrail eventID, while still kept. */
  decisionsFor(eventId: string): readonly CallDecision[] | undefined;
  /** An account's CloudTrail log (the primary account by default). */
  trail(accountId?: string): { Records: Record<string, unknown>[] };
  /** The records from index `from` on, with the total and the first record's eventID (to notice a reset). */
  trailSince(from: number, accountId?: string): { total: number; firstEventId: unknown; Records: Record<string, unknown>[] };
  /** The organization trail: every member account's records. */
  organizationTrail(): { Records: Record<string, unknown>[] };
  /** A file a command wrote (`--outfile`) or the learner provided. */
  readFile(name: string): string | Uint8Array | undefined;
  /** Stores a file written by a command. */
  writeFile(name: string, data: string | Uint8Array): void;
  /** Names of the stored files, for `ls`. */
  listFiles(): readonly string[];
  /** Removes a stored file (`rm`); true when it existed. */
  deleteFile(name: string): boolean;
  /** What a program on an EC2 instance gets from the metadata service (`on-instance`). */
  instanceCredentials(instanceId: string): InstanceCredentialsAnswer;
  /** The credentials of the `default` profile: an account's root user. */
  rootCredentials(accountId?: string): Credentials;
  /** The long-term access key the CLI signs with for `--profile <IAM user name>`. */
  lookupUserCredentials(userName: string): CredentialLookup;
  /** Signs in to the simulated console. */
  consoleSignIn(input: ConsoleSignInInput): ConsoleSignInResult;
  /** Switches a console session to a role (in any account). */
  consoleSwitchRole(input: ConsoleSwitchRoleInput): Promise<ConsoleSwitchRoleResult>;
  /** Signs an Identity Center user in to the AWS access portal (world/portal.ts). */
  portalSignIn(input: PortalSignInInput): PortalSignInResult;
  /** The signed-in portal user's MFA devices: list, start registering, register with a code, remove (world/portal.ts). */
  portalMfaDevices(
    accessToken: string,
    action: { kind: 'list' } | { kind: 'start' } | { kind: 'register'; code: string; name?: string } | { kind: 'remove'; deviceId: string },
  ): PortalMfaDeviceResult;
  /** The Identity Center instance's MFA settings (undefined without an instance); with `change`, changes them first. */
  portalMfaSettings(change?: Partial<IdcMfaSettings>): IdcMfaSettings | undefined;
  /** What the sandbox's simulated phone shows for an Identity Center user: each authenticator app's code, `lagMs` after the world's clock. */
  portalAuthenticator(userName: string, lagMs?: number): { name: string; code: string; secondsLeft: number; pending: boolean }[];
  /** Sets a one-time portal password for an Identity Center user (the console's "Reset password"). */
  portalOneTimePassword(userName: string): string | undefined;
  /** Approves an `aws sso login` user code as the portal user holding `accessToken`. */
  portalApproveDevice(
    accessToken: string,
    userCode: string,
  ): { ok: true } | { ok: false; reason: 'SIGNED_OUT' | 'MFA_REQUIRED' | 'NO_SUCH_CODE' | 'EXPIRED' };
  /** The `aws sso login` codes waiting for approval. */
  portalPendingCodes(): { userCode: string; expiresAt: number }[];
  /** Opens the console of an assigned account as a permission set's role. */
  portalOpenConsole(input: { accessToken: string; accountId: string; roleName: string }): Promise<PortalConsoleResult>;
  /** The console's sign-in facts of the primary account. */
  consoleAccount(): { accountId: string; accountAlias?: string; rootEmail: string; rootPassword: string };
  /** Serial numbers of the virtual MFA devices (of one user, or all). */
  mfaSerialsOf(userName?: string): readonly string[];
  /** The code a virtual MFA device's authenticator shows now. */
  authenticatorCode(serialNumber: string): { code: string; secondsRemaining: number } | undefined;
  /** Replaces the organization the primary account belongs to. */
  setOrganization(organization: OrganizationInput | undefined): void;
  /** The organization, when the world has one. */
  organization(): OrganizationState | undefined;
  /** An account's IAM as `get-account-authorization-details` returns it. */
  exportAuthorizationDetails(accountId?: string): AuthorizationDetails;
  /** The whole state, JSON-serializable (`createWorld({ snapshot })` restores it). */
  save(): WorldState;
  /** An independent copy. */
  fork(): World;
}
