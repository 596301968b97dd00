/**
 * What an operation handler gets and gives back. A handler authorizes first (so a caller never
 * learns whether something exists without permission), then checks and changes the state, and
 * returns the CLI-shaped output. Anything it throws rolls the state back.
 */
import type { AuthorizationRequest, AuthorizationResult, ContextValue, PolicySource, ResourcePolicyInput } from '../evaluate/types.ts';
import type { TrailResource } from '../trail/record.ts';
import type { Caller } from '../world/caller.ts';
import type { IdGenerator } from '../world/ids.ts';
import type { AccountState, WorldState } from '../world/state.ts';
import type { ServiceError, ServiceRequest } from './contract.ts';

/** Options of one authorization check. */
export interface AuthorizeOptions {
  /** Service-specific context keys (`s3:prefix`, `iam:PolicyARN`, `aws:RequestTag/…`). */
  context?: Record<string, ContextValue>;
  resourcePolicy?: ResourcePolicyInput;
  /** The account that owns the resource; defaults to the calling account. */
  resourceAccountId?: string;
  /** Extra caller-side policies for this check only (none today; reserved for service rules). */
  extraIdentityPolicies?: PolicySource[];
  /** The principal to authorize instead of the caller (unsigned calls only: the SAML or web identity user). */
  principal?: AuthorizationRequest['principal'];
  /**
   * How AccessDenied names the resource when the service does not print the ARN: IAM says
   * `on resource: user bob`, `role R`, `group G`, `policy <arn>` for existing entities.
   */
  displayResource?: string;
}

/** Overrides of the trail record a handler may set (defaults come from the params and output). */
export interface TrailOverrides {
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  resources?: TrailResource[];
  additionalEventData?: Record<string, unknown>;
  /** The record's userIdentity when the handler knows it better than the caller (unsigned calls: SAMLUser, IdentityCenterUser). */
  userIdentity?: Record<string, unknown>;
  /** The TLS host header (S3 virtual-hosted names). */
  host?: string;
  /**
   * Other accounts that receive this call's record too (cross-account AssumeRole, S3 on another
   * account's bucket): each gets its own copy with its own recipientAccountId and a sharedEventID
   * common to all copies (CloudTrail User Guide, "CloudTrail record contents", sharedEventID).
   */
  alsoDeliverTo?: string[];
}

/** The handler's view of one call. */
export interface OperationContext {
  /** The calling account's state. */
  readonly state: AccountState;
  /**
   * The calling account's state without the undo log, for reading only: whole-account reads (an
   * export of every user) cost less this way. Never change anything through it.
   */
  readonly stateForReading: Readonly<AccountState>;
  /** The whole world: every account, the organization, the clock's and ids' counters. */
  readonly world: WorldState;
  /** Another account's state, or undefined when the world holds no such account. */
  accountState(accountId: string): AccountState | undefined;
  readonly ids: IdGenerator;
  readonly nowMs: number;
  readonly caller: Caller;
  readonly request: ServiceRequest;
  readonly params: Readonly<Record<string, unknown>>;
  readonly region: string;
  readonly trail: TrailOverrides;
  /** Authorizes `action` on `resource`; throws AccessDenied when not allowed. */
  authorize(action: string, resource: string, options?: AuthorizeOptions): AuthorizationResult;
  /** Like authorize, but answers the result instead of throwing. */
  check(action: string, resource: string, options?: AuthorizeOptions): AuthorizationResult;
}

/** A handler: the CLI-shaped output of a successful call. */
export type OperationHandler = (ctx: OperationContext) => Record<string, unknown>;

/** One implemented operation. */
export interface OperationDefinition {
  handler: OperationHandler;
  /** CloudTrail `readOnly`. */
  readOnly: boolean;
  /** S3 object-level calls are data events (CloudTrail User Guide, "Logging data events"). */
  dataEvent?: boolean;
  /** Services of the authorization reference the handler reads; the pipeline loads them before it runs (handlers are synchronous). */
  catalog?: readonly string[];
  /**
   * Set for operations AWS serves unsigned (botocore `auth: smithy.api#noAuth`), see services/unsigned.ts.
   * Either the account the call lands in, read from its parameters (the role ARN, the access token), or
   * undefined when they name none — the caller is then anonymous and authorized only as the principal the
   * handler names; or (UnsignedCaller) the account and the caller itself, or the error AWS answers.
   */
  unsigned?: UnsignedAccount | UnsignedCaller;
}

/** The account an unsigned call lands in, or undefined when its parameters name none (see OperationDefinition.unsigned). */
export type UnsignedAccount = (params: Readonly<Record<string, unknown>>, world: WorldState) => string | undefined;

/** Who makes an unsigned call, and in which account (see OperationDefinition.unsigned). */
export type UnsignedCaller = (
  params: Readonly<Record<string, unknown>>,
  world: WorldState,
) => { account: AccountState; caller: Caller } | { error: ServiceError };

/** Reads a string parameter (already validated against the spec). */
export function str(ctx: OperationContext, member: string): string {
  const v = ctx.params[member];
  return typeof v === 'string' ? v : '';
}

/** Reads an optional string parameter. */
export function optStr(ctx: OperationContext, member: string): string | undefined {
  const v = ctx.params[member];
  return typeof v === 'string' ? v : undefined;
}

/** Reads an optional number parameter. */
export function optNum(ctx: OperationContext, member: string): number | undefined {
  const v = ctx.params[member];
  return typeof v === 'number' ? v : undefined;
}

/** Reads an optional boolean parameter. */
export function optBool(ctx: OperationContext, member: string): boolean | undefined {
  const v = ctx.params[member];
  return typeof v === 'boolean' ? v : undefined;
}

/** Reads an optional list parameter. */
export function optList<T = unknown>(ctx: OperationContext, member: string): T[] | undefined {
  const v = ctx.params[member];
  return Array.isArray(v) ? (v as T[]) : undefined;
}

/**
 * Work a handler leaves for after its call is committed and recorded, keyed on the handler's output
 * by this symbol (never printed, never logged): Lambda's Invoke runs the function's command lines as
 * its execution role here. The world runs it, and merges what it answers into the output.
 */
export const AFTER_CALL: unique symbol = Symbol('afterCall');

/** One command line a service ran on the learner's behalf, and what it printed. */
export interface ScriptLineResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs AWS CLI lines with given credentials, as a service's runtime would (Lambda, an EC2 instance). */
export type ScriptRunner = (
  lines: readonly string[],
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
  facts: { region: string; sourceIp: string; userAgent: string },
) => Promise<ScriptLineResult[]>;

/** The deferred part of a call: gets a runner, answers output members to add. */
export type AfterCall = (run: ScriptRunner) => Promise<Record<string, unknown>>;
