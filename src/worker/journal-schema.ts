/**
 * The zod schema of a saved world (its journal). Every journal that comes from outside the worker —
 * localStorage, an imported file, a share link — is validated with it first. Limits keep a hostile
 * share link from making the page replay forever.
 */
import { z } from 'zod';

/** Most operations a journal may hold. */
export const MAX_JOURNAL_OPS = 2000;
/** Longest command line or file text in a journal. */
export const MAX_LINE_CHARS = 20_000;

const runOp = z.object({
  /** A CLI command line run on the world. */
  kind: z.literal('run'),
  line: z.string().max(MAX_LINE_CHARS),
  /** The MFA code the learner typed when the CLI asked for one. */
  mfaCode: z.string().regex(/^\d{6}$/).optional(),
  /** AWS_PROFILE the command ran with. */
  profile: z.string().max(128).optional(),
  /** The caller's source IP for this command (aws:SourceIp). */
  sourceIp: z.string().max(64).optional(),
}).strict();

const advanceOp = z.object({
  /** The world's clock moved forward. */
  kind: z.literal('advance'),
  seconds: z.number().positive().max(10 * 366 * 24 * 3600),
}).strict();

const writeFileOp = z.object({
  /** A file placed where the CLI's `file://` arguments read. */
  kind: z.literal('writeFile'),
  name: z.string().min(1).max(256),
  text: z.string().max(MAX_LINE_CHARS * 10),
}).strict();

const consoleSignInOp = z.object({
  /** A sign-in on the simulated console's sign-in page (recorded as ConsoleLogin). */
  kind: z.literal('consoleSignIn'),
  /** The IAM user name; absent for the root user. */
  userName: z.string().max(64).optional(),
  password: z.string().max(128),
  /** The MFA code typed on the sign-in page. */
  mfaCode: z.string().regex(/^\d{6}$/).optional(),
  /** The "Account ID or alias" field. */
  account: z.string().max(64).optional(),
  /** The root user's email address. */
  rootEmail: z.string().max(128).optional(),
}).strict();

const consoleCallOp = z.object({
  /** One API call the simulated console made for the signed-in person. */
  kind: z.literal('consoleCall'),
  /** The console session (returned by the sign-in it follows). */
  sessionId: z.string().max(64),
  /** World service name (iam, sts, cloudtrail). */
  service: z.string().max(32),
  /** API operation name, e.g. CreateUser. */
  operation: z.string().max(64),
  /** The API parameters, in the API's PascalCase shape. */
  params: z.record(z.string(), z.unknown()).refine((p) => JSON.stringify(p).length <= MAX_LINE_CHARS * 10, 'parameters too large'),
}).strict();

const consoleSwitchRoleOp = z.object({
  /** Switch role in the simulated console (AssumeRole as the console session, recorded as SwitchRole). */
  kind: z.literal('consoleSwitchRole'),
  /** The console session that switches. */
  sessionId: z.string().max(64),
  /** The role's account. */
  accountId: z.string().regex(/^\d{12}$/),
  /** The role name, with its path if any. */
  roleName: z.string().max(576),
}).strict();

/** How a world starts. */
export const worldStartSchema = z.object({
  /** The world's account id (12 digits); exercises pin it so ARNs are stable. */
  accountId: z.string().regex(/^\d{12}$/).optional(),
  /** An organization above the account (SCPs/RCPs per level), as `createWorld({ organization })` takes it. */
  organization: z.record(z.string(), z.unknown()).optional(),
  /** Seed of the world's deterministic ids. */
  seed: z.string().max(64).optional(),
  /** ISO 8601 instant the clock starts at. */
  now: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date').optional(),
  /** `get-account-authorization-details` JSON the world starts from (validated by the simulator). */
  authorizationDetails: z.record(z.string(), z.unknown()).optional(),
  /** Command lines run after creation. */
  commands: z.array(z.string().max(MAX_LINE_CHARS)).max(MAX_JOURNAL_OPS).optional(),
}).strict();

/** A saved world: how it started and what was done to it since. */
export const worldJournalSchema = z.object({
  /** Format version; bump it (and the storage key) when the shape changes. */
  version: z.literal(1),
  start: worldStartSchema,
  ops: z.array(z.discriminatedUnion('kind', [runOp, advanceOp, writeFileOp, consoleSignInOp, consoleCallOp, consoleSwitchRoleOp])).max(MAX_JOURNAL_OPS),
}).strict();
