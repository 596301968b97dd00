/**
 * A simulated AWS world (part of the public API, src/sim/index.ts): one or more accounts — a standalone account or
 * an organization — each with IAM, STS, S3 and CloudTrail behind one `invoke`, a clock,
 * deterministic IDs, virtual files, the CLI's saved configuration, and each account's trail. The
 * *primary* account is the one the CLI's `default` profile (its root) and `--profile <user>` use.
 * All of it is one JSON-serializable state: `save()` and `createWorld({ snapshot })` round-trip it.
 */
import { runCommandLine } from '../cli/index.ts';
import type { RunOptions, RunResult } from '../cli/host.ts';
import type { CliConfig, CredentialLookup, Credentials, ServiceRequest, ServiceResponse } from '../services/contract.ts';
import { invokeService, type CallDecision, type EndpointWorld } from '../services/invoke.ts';
import { AFTER_CALL, type AfterCall } from '../services/operation.ts';
import { instanceCredentials, type InstanceCredentials } from '../services/ec2/instance-credentials.ts';
import { bytesToBase64, base64ToBytes } from '../services/s3/checksums.ts';
import { exportAuthorizationDetails, importAuthorizationDetails, type AuthorizationDetails } from './authorization-details.ts';
import { Clock } from './clock.ts';
import { consoleSwitchRole, type ConsoleSwitchRoleInput, type ConsoleSwitchRoleResult } from './console-switch-role.ts';
import { consoleSignIn, rootEmailOf, type ConsoleSignInInput, type ConsoleSignInResult } from './console-sign-in.ts';
import { initialState, stateFromSnapshot, type CreateWorldOptions } from './create.ts';
import {
  pendingDeviceCodes,
  portalApproveDevice,
  portalOneTimePassword,
  portalOpenConsole,
  portalSignIn,
  portalMfaDevices,
  portalInstance,
  portalUserByName,
  type PortalMfaDeviceResult,
  type PortalSignInInput,
  type PortalConsoleResult,
  type PortalSignInResult,
} from './portal.ts';
import { IdGenerator } from './ids.ts';
import { authenticatorView, changeMfaSettings } from './portal-mfa.ts';
import type { IdcMfaSettings } from '../services/sso-admin/model.ts';
import { organizationState, type OrganizationInput, type OrganizationState } from './organization.ts';
import { serviceRunner } from './service-runner.ts';
import { nameKey, own, type AccountState, type WorldState } from './state.ts';
import { totpCode, totpSecondsRemaining } from './totp.ts';
import type { World as WorldContract } from './world-interface.ts';

/** Creates a world: `createWorld({ accountId?, seed?, now?, authorizationDetails? })`. */
export function createWorld(options: CreateWorldOptions = {}): World {
  if (options.snapshot !== undefined) return new World(stateFromSnapshot(options.snapshot));
  const state = initialState(options);
  if (options.authorizationDetails !== undefined) {
    const ids = new IdGenerator(state);
    const primary = state.accounts[state.primaryAccountId];
    if (primary) importAuthorizationDetails(primary, options.authorizationDetails, (prefix) => ids.uniqueId(prefix), state.clockMs);
  }
  return new World(state);
}

/**
 * Continues a saved world (as `createWorld({ snapshot })`) from a state the caller hands over: one
 * just decoded from its saved text that nothing else holds, so it is used as is instead of copied.
 */
export function restoreWorld(saved: unknown): World {
  return new World(stateFromSnapshot(saved, true));
}

/** Bytes that are printable UTF-8 text (an MFA seed, a text object) as a string; otherwise undefined. */
function printableText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what marks the bytes as not text
    return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** One simulated world of accounts. */
export class World implements WorldContract {
  readonly #state: WorldState;
  readonly #ids: IdGenerator;
  /** The simulated clock; TOTP codes, session expiry and condition times follow it. */
  readonly clock: Clock;
  #queue: Promise<unknown> = Promise.resolve();
  /** Authorization checks of recent calls by eventID (kept in memory only, newest 200). */
  readonly #decisions = new Map<string, CallDecision[]>();
  #lastDecisions: CallDecision[] = [];

  /** Use `createWorld`. */
  constructor(state: WorldState) {
    this.#state = state;
    this.#ids = new IdGenerator(state);
    this.clock = new Clock(state);
  }

  /** The primary account's ID. */
  get accountId(): string {
    return this.#state.primaryAccountId;
  }

  /** The primary account's state (always present: every snapshot holds it). */
  get #primary(): AccountState {
    const account = own(this.#state.accounts, this.#state.primaryAccountId);
    if (!account) throw new Error(`the world has no primary account ${this.#state.primaryAccountId}`);
    return account;
  }

  /** The account of this ID, or the primary account when omitted; undefined when the world holds no such account. */
  #account(accountId?: string): AccountState | undefined {
    return accountId === undefined ? this.#primary : own(this.#state.accounts, accountId);
  }

  /** IDs of every simulated account, the primary account first. */
  accountIds(): string[] {
    const ids = Object.keys(this.#state.accounts);
    return [this.#state.primaryAccountId, ...ids.filter((id) => id !== this.#state.primaryAccountId)];
  }

  /** The CLI's `aws configure` settings, saved with the world (the CLI reads and writes this object). */
  get cliConfig(): CliConfig {
    return this.#state.cliConfig;
  }

  set cliConfig(value: CliConfig) {
    this.#state.cliConfig = value;
  }

  /** Answers one API request; calls are processed one at a time in arrival order. */
  invoke(request: ServiceRequest): Promise<ServiceResponse> {
    const run = this.#queue.then(() => this.#invokeNow(request, 0));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** One call, then the work it left for after (a function's lines, which call in turn at depth + 1). */
  async #invokeNow(request: ServiceRequest, depth: number): Promise<ServiceResponse> {
    const onDecisions = (eventId: string | undefined, decisions: CallDecision[]): void => {
      this.#lastDecisions = decisions;
      if (eventId === undefined) return;
      this.#decisions.set(eventId, decisions);
      if (this.#decisions.size > 200) this.#decisions.delete(this.#decisions.keys().next().value ?? '');
    };
    const response = await invokeService(this.#endpoint(onDecisions), request);
    const after = response.ok ? (response.output as { [AFTER_CALL]?: AfterCall })[AFTER_CALL] : undefined;
    if (!response.ok || after === undefined) return response;
    const decisions = this.#lastDecisions;
    const runner = serviceRunner((inner) => this.#invokeNow(inner, depth + 1), this.clock, depth + 1);
    const added = await after(runner);
    // The call's own checks stay the "last decisions", not those of the lines it ran.
    this.#lastDecisions = decisions;
    return { ok: true, output: { ...response.output, ...added } };
  }

  /** The pipeline's view of this world; it remembers that the world's managed-policy references are loaded. */
  #endpoint(onDecisions: NonNullable<EndpointWorld['onDecisions']>): EndpointWorld {
    this.#endpointState ??= { world: this.#state, ids: this.#ids, nowMs: () => this.clock.nowMs() };
    this.#endpointState.onDecisions = onDecisions;
    return this.#endpointState;
  }

  #endpointState: EndpointWorld | undefined;

  /** Runs an AWS CLI command line as AWS CLI v2 would answer it (the CLI lives in src/sim/cli). */
  run(commandLine: string, options: RunOptions = {}): Promise<RunResult> {
    return runCommandLine(this, commandLine, options);
  }

  /** The authorization checks (engine request + result with explanation) of the last call. */
  lastDecisions(): readonly CallDecision[] {
    return this.#lastDecisions;
  }

  /** The authorization checks behind a trail record (by its eventID), while it is recent; not saved. */
  decisionsFor(eventId: string): readonly CallDecision[] | undefined {
    return this.#decisions.get(eventId);
  }

  /**
   * The records from index `from` on (a copy), with how many there are and the first one's eventID,
   * so a reader that holds the first `from` copies only the new ones (the full trail grows all day).
   */
  trailSince(from: number, accountId?: string): { total: number; firstEventId: unknown; Records: Record<string, unknown>[] } {
    const records = this.#account(accountId)?.records ?? [];
    return {
      total: records.length,
      firstEventId: (records[0] as Record<string, unknown> | undefined)?.['eventID'],
      Records: structuredClone(records.slice(Math.max(0, from))),
    };
  }

  /** An account's CloudTrail records (default: the primary account's), oldest first, in the log-file format (a copy). */
  trail(accountId?: string): { Records: Record<string, unknown>[] } {
    return { Records: structuredClone(this.#account(accountId)?.records ?? []) };
  }

  /**
   * What the management account's organization trails delivered (`create-trail --is-organization-trail`):
   * the records of every account of the organization, each with its own recipientAccountId, oldest first.
   */
  organizationTrail(): { Records: Record<string, unknown>[] } {
    const management = this.#state.organization ? own(this.#state.accounts, this.#state.organization.managementAccountId) : undefined;
    return { Records: structuredClone(management?.organizationTrailRecords ?? []) };
  }

  /** A file a command wrote (`--outfile`): text as a string, binary (a QR code PNG) as bytes. */
  readFile(name: string): string | Uint8Array | undefined {
    const file = own(this.#state.files, name);
    if (!file) return undefined;
    return file.text ? file.data : base64ToBytes(file.data);
  }

  /** Stores a file (written by a command, or provided by the learner for `file://`). */
  writeFile(name: string, data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : printableText(data);
    const file = text !== undefined ? { text: true, data: text } : { text: false, data: bytesToBase64(data as Uint8Array) };
    // defineProperty keeps any name (even `__proto__`) an ordinary own entry.
    Object.defineProperty(this.#state.files, name, { value: file, enumerable: true, writable: true, configurable: true });
  }

  /** Names of the stored files, sorted. */
  listFiles(): readonly string[] {
    return Object.keys(this.#state.files).sort();
  }

  /** Removes a stored file; true when it existed. */
  deleteFile(name: string): boolean {
    const existed = Object.hasOwn(this.#state.files, name);
    delete this.#state.files[name];
    return existed;
  }

  /** The instance role credentials a program on `instanceId` gets (recorded as EC2's AssumeRole when issued). */
  instanceCredentials(instanceId: string): InstanceCredentials {
    const owner = Object.values(this.#state.accounts).find(
      (a) => a.ec2Instances !== undefined && Object.hasOwn(a.ec2Instances, instanceId),
    );
    if (!owner) return { ok: false, reason: 'NO_INSTANCE' };
    return instanceCredentials({ state: owner, ids: this.#ids, nowMs: this.clock.nowMs() }, instanceId);
  }

  /** The credentials of the `default` profile: the primary account's root user's access key (or another account's). */
  rootCredentials(accountId?: string): Credentials {
    const key = this.#account(accountId)?.root.accessKeys[0];
    return { kind: 'accessKey', accessKeyId: key?.id ?? '', secretAccessKey: key?.secret ?? '' };
  }

  /**
   * The long-term key the CLI signs with for `--profile <user>`: the user's first *active* key; if
   * every key is inactive, the first key anyway (so the call fails with InvalidClientTokenId, as a
   * configured profile with a deactivated key does). A user with no key at all gets NO_ACCESS_KEY:
   * the CLI answers "Unable to locate credentials" (exit 253) — create one with create-access-key.
   */
  lookupUserCredentials(userName: string): CredentialLookup {
    const user = own(this.#primary.users, nameKey(userName));
    if (!user || user.name !== userName) return { ok: false, reason: 'NO_SUCH_USER' };
    const key = user.accessKeys.find((k) => k.status === 'Active') ?? user.accessKeys[0];
    if (!key) return { ok: false, reason: 'NO_ACCESS_KEY' };
    return { ok: true, credentials: { kind: 'accessKey', accessKeyId: key.id, secretAccessKey: key.secret } };
  }

  /** A console sign-in (password, and MFA code when the user has a device); records ConsoleLogin. */
  consoleSignIn(input: ConsoleSignInInput): ConsoleSignInResult {
    return consoleSignIn(this.#primary, this.#state.region, this.#ids, this.clock.nowMs(), input);
  }

  /** Switch role in the console: AssumeRole with the console session, a console session for the role, a SwitchRole record. */
  consoleSwitchRole(input: ConsoleSwitchRoleInput): Promise<ConsoleSwitchRoleResult> {
    return consoleSwitchRole(this.#state, this, this.#ids, () => this.clock.nowMs(), input);
  }

  /** Signs an Identity Center user in to the access portal. */
  portalSignIn(input: PortalSignInInput): PortalSignInResult {
    return portalSignIn(this.#state, this.#ids, this.clock.nowMs(), input);
  }

  /** The signed-in portal user's MFA devices: list, start registering, register, remove. */
  portalMfaDevices(
    accessToken: string,
    action: { kind: 'list' } | { kind: 'start' } | { kind: 'register'; code: string; name?: string } | { kind: 'remove'; deviceId: string },
  ): PortalMfaDeviceResult {
    return portalMfaDevices(this.#state, this.#ids, this.clock.nowMs(), accessToken, action);
  }

  /** The instance's MFA settings, changed first by `change` when given. */
  portalMfaSettings(change?: Partial<IdcMfaSettings>): IdcMfaSettings | undefined {
    const instance = portalInstance(this.#state);
    if (!instance) return undefined;
    return change ? changeMfaSettings(instance, change) : { ...instance.mfa };
  }

  /** The simulated phone's view of an Identity Center user's authenticator apps, `lagMs` after the world's clock. */
  portalAuthenticator(userName: string, lagMs = 0): { name: string; code: string; secondsLeft: number; pending: boolean }[] {
    const user = portalUserByName(this.#state, userName);
    return user ? authenticatorView(user, this.clock.nowMs() + Math.max(0, lagMs)) : [];
  }

  /** Sets a one-time portal password for an Identity Center user. */
  portalOneTimePassword(userName: string): string | undefined {
    return portalOneTimePassword(this.#state, this.#ids, userName);
  }

  /** Approves an `aws sso login` code as the portal user. */
  portalApproveDevice(
    accessToken: string,
    userCode: string,
  ): { ok: true } | { ok: false; reason: 'SIGNED_OUT' | 'MFA_REQUIRED' | 'NO_SUCH_CODE' | 'EXPIRED' } {
    return portalApproveDevice(this.#state, this.clock.nowMs(), accessToken, userCode);
  }

  /** The `aws sso login` codes waiting for approval. */
  portalPendingCodes(): { userCode: string; expiresAt: number }[] {
    return pendingDeviceCodes(this.#state, this.clock.nowMs());
  }

  /** Opens the console of an assigned account from the portal. */
  portalOpenConsole(input: { accessToken: string; accountId: string; roleName: string }): Promise<PortalConsoleResult> {
    return portalOpenConsole(this.#state, this, this.#ids, input);
  }

  /**
   * The simulated account's "credentials card" for the console's sign-in page: its ID, alias, and the
   * root user's email and password (a sandbox has no sign-up mail to find them in).
   */
  consoleAccount(): { accountId: string; accountAlias?: string; rootEmail: string; rootPassword: string } {
    const s = this.#primary;
    return {
      accountId: s.accountId,
      ...(s.accountAlias !== undefined ? { accountAlias: s.accountAlias } : {}),
      rootEmail: rootEmailOf(s),
      rootPassword: s.root.password,
    };
  }

  /** Serial numbers of the MFA devices enabled for an IAM user (or for the root user when no name is given). */
  mfaSerialsOf(userName?: string): readonly string[] {
    if (userName === undefined) return [...this.#primary.root.mfaSerials];
    const user = own(this.#primary.users, nameKey(userName));
    return user && user.name === userName ? [...user.mfaSerials] : [];
  }

  /** What an authenticator app shows for a virtual MFA device now, and for how many more seconds. */
  authenticatorCode(serialNumber: string): { code: string; secondsRemaining: number } | undefined {
    const account = Object.values(this.#state.accounts).find((a) => own(a.mfaDevices, serialNumber) !== undefined);
    const device = account ? own(account.mfaDevices, serialNumber) : undefined;
    if (!device) return undefined;
    const now = this.clock.nowMs();
    return { code: totpCode(device.seedBase32, now), secondsRemaining: totpSecondsRemaining(now) };
  }

  /** Puts the primary account into an organization described by SCP/RCP levels, or removes the organization (undefined). */
  setOrganization(organization: OrganizationInput | undefined): void {
    if (organization === undefined) delete this.#state.organization;
    else this.#state.organization = organizationState(organization, this.#state.primaryAccountId, this.clock.nowMs());
  }

  /** The organization (a copy), or undefined for a standalone world. */
  organization(): OrganizationState | undefined {
    return this.#state.organization === undefined ? undefined : structuredClone(this.#state.organization);
  }

  /** An account's IAM state (default: the primary account's) in the `get-account-authorization-details` shape. */
  exportAuthorizationDetails(accountId?: string): AuthorizationDetails {
    const account = this.#account(accountId);
    if (!account) throw new Error(`the world has no account ${String(accountId)}`);
    return exportAuthorizationDetails(account);
  }

  /** The whole world as plain JSON (restore with `createWorld({ snapshot })`). */
  save(): WorldState {
    return structuredClone(this.#state);
  }

  /** An independent copy: same state, trail, clock, files, CLI config and ID sequence (see `forkState`). */
  fork(): World {
    return new World(forkState(this.#state));
  }
}

/**
 * A deep copy of the state whose CloudTrail lists are new lists of the same records. A record is
 * never changed once delivered (the trail only grows), and it is most of a long session's state:
 * the console forks the world for every page it draws, and after 2 000 commands a deep copy of the
 * trail made each page cost ~20 ms, queued before the learner's next command.
 */
function forkState(state: WorldState): WorldState {
  const accounts: Record<string, AccountState> = {};
  for (const [id, account] of Object.entries(state.accounts)) {
    const hollow: AccountState = { ...account, records: [] };
    if (account.organizationTrailRecords) hollow.organizationTrailRecords = [];
    accounts[id] = hollow;
  }
  const copy = structuredClone({ ...state, accounts });
  for (const [id, account] of Object.entries(state.accounts)) {
    const forked = copy.accounts[id];
    if (!forked) continue;
    forked.records = account.records.slice();
    if (account.organizationTrailRecords) forked.organizationTrailRecords = account.organizationTrailRecords.slice();
  }
  return copy;
}
