/**
 * The saved-world (scenario) format: how a world started, an optional snapshot of it, and every
 * operation done since. One schema for every door — the browser's saved worlds, imported files,
 * share links and `iam-dojo aws --world` files — used both before an entry is written and when it is
 * read back, so nothing can be saved that cannot be loaded.
 */
import { z } from 'zod';
import { portalOpSchema } from './portal-op.ts';

/** Most operations a journal may hold when it arrives from outside (a file, a link). */
export const MAX_JOURNAL_OPS = 2000;
/** Longest command line (and, ×10, longest file text) in a journal; the terminal refuses longer. */
export const MAX_LINE_CHARS = 20_000;
/** Longest file text in a journal. */
export const MAX_FILE_CHARS = MAX_LINE_CHARS * 10;
/** The journal is folded into a snapshot once its tail holds this many operations… */
export const COMPACT_AFTER_OPS = 200;
/** …or this many characters (long before any limit above). */
export const COMPACT_AFTER_CHARS = 250_000;
/** Longest snapshot text (deflated, base64) accepted. */
export const MAX_SNAPSHOT_CHARS = 4_000_000;
/** Most operations read back from this browser's own storage (older builds could save more than the limit). */
export const MAX_STORED_OPS = 20_000;
/** Largest clock step one operation may make (10 years). */
export const MAX_ADVANCE_SECONDS = 10 * 366 * 24 * 3600;

/** A CLI command line run on the world. */
export const runOpSchema = z
  .object({
    /** Always `run`. */
    kind: z.literal('run'),
    /** The command line as typed. */
    line: z.string().max(MAX_LINE_CHARS),
    /** The MFA code the learner typed when the CLI asked for one (six digits, as an authenticator shows). */
    mfaCode: z
      .string()
      .regex(/^\d{6}$/, 'an MFA code is six digits')
      .optional(),
    /** AWS_PROFILE the command ran with. */
    profile: z.string().max(128).optional(),
    /** The caller's source IP for this command (aws:SourceIp). */
    sourceIp: z.string().max(64).optional(),
  })
  .strict();

/** The world's clock moved forward. */
export const advanceOpSchema = z
  .object({
    /** Always `advance`. */
    kind: z.literal('advance'),
    /** How far, in seconds. */
    seconds: z.number().positive().max(MAX_ADVANCE_SECONDS),
  })
  .strict();

/** A file placed where the CLI's `file://` arguments read. */
export const writeFileOpSchema = z
  .object({
    /** Always `writeFile`. */
    kind: z.literal('writeFile'),
    /** The file's name in the world. */
    name: z.string().min(1).max(256),
    /** Its text. */
    text: z.string().max(MAX_FILE_CHARS),
  })
  .strict();

/** A sign-in on the simulated console's sign-in page (recorded as ConsoleLogin). */
export const consoleSignInOpSchema = z
  .object({
    /** Always `consoleSignIn`. */
    kind: z.literal('consoleSignIn'),
    /** The IAM user name; absent for the root user. */
    userName: z.string().max(64).optional(),
    /** The password typed. */
    password: z.string().max(128),
    /** The MFA code typed on the sign-in page. */
    mfaCode: z
      .string()
      .regex(/^\d{6}$/, 'an MFA code is six digits')
      .optional(),
    /** The "Account ID or alias" field. */
    account: z.string().max(64).optional(),
    /** The root user's email address. */
    rootEmail: z.string().max(128).optional(),
  })
  .strict();

/** One API call the simulated console made for the signed-in person. */
export const consoleCallOpSchema = z
  .object({
    /** Always `consoleCall`. */
    kind: z.literal('consoleCall'),
    /** The console session (returned by the sign-in it follows). */
    sessionId: z.string().max(64),
    /** World service name (iam, sts, cloudtrail). */
    service: z.string().max(32),
    /** API operation name, e.g. CreateUser. */
    operation: z.string().max(64),
    /** The API parameters, in the API's PascalCase shape. */
    params: z.record(z.string(), z.unknown()).refine((p) => JSON.stringify(p).length <= MAX_FILE_CHARS, 'parameters too large'),
  })
  .strict();

/** Switch role in the simulated console (AssumeRole as the console session, recorded as SwitchRole). */
export const consoleSwitchRoleOpSchema = z
  .object({
    /** Always `consoleSwitchRole`. */
    kind: z.literal('consoleSwitchRole'),
    /** The console session that switches. */
    sessionId: z.string().max(64),
    /** The role's account. */
    accountId: z.string().regex(/^\d{12}$/),
    /** The role name, with its path if any. */
    roleName: z.string().max(576),
  })
  .strict();

/** One thing done to a world after it started; replaying these rebuilds it exactly. */
export const journalOpSchema = z.discriminatedUnion('kind', [
  runOpSchema,
  advanceOpSchema,
  writeFileOpSchema,
  consoleSignInOpSchema,
  consoleCallOpSchema,
  consoleSwitchRoleOpSchema,
  portalOpSchema,
]);

/** How a world starts. */
export const worldStartSchema = z
  .object({
    /** The world's account id (12 digits); exercises pin it so ARNs are stable. */
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** An organization above the account (SCPs/RCPs per level), as `createWorld({ organization })` takes it. */
    organization: z.record(z.string(), z.unknown()).optional(),
    /** Seed of the world's deterministic ids. */
    seed: z.string().max(64).optional(),
    /** ISO 8601 instant the clock starts at. */
    now: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
      .optional(),
    /** `get-account-authorization-details` JSON the world starts from (validated by the simulator). */
    authorizationDetails: z.record(z.string(), z.unknown()).optional(),
    /** Command lines run after creation. */
    commands: z.array(z.string().max(MAX_LINE_CHARS)).max(MAX_JOURNAL_OPS).optional(),
  })
  .strict();

/** A saved world, current format: how it started, an optional snapshot, what was done since. */
export const worldJournalSchema = z
  .object({
    /** Format version: 2 added the snapshot (version 1 files are read and upgraded). */
    version: z.literal(2),
    /** How the world started (kept when a snapshot folds the early operations in). */
    start: worldStartSchema,
    /** The world as `world.save()` left it, deflated and base64-encoded; opaque here. Replay starts from it. */
    snapshot: z.string().max(MAX_SNAPSHOT_CHARS).optional(),
    /** How many operations the snapshot folds in (shown to the learner; replay ignores it). */
    folded: z.number().int().nonnegative().optional(),
    /** Operations after the start (or after the snapshot), oldest first. */
    ops: z.array(journalOpSchema).max(MAX_JOURNAL_OPS),
  })
  .strict();

/** The first format (before snapshots): still read everywhere. */
export const worldJournalV1Schema = z
  .object({
    /** Always 1. */
    version: z.literal(1),
    /** How the world started. */
    start: worldStartSchema,
    /** Every operation since, oldest first. */
    ops: z.array(journalOpSchema).max(MAX_JOURNAL_OPS),
  })
  .strict();

/** How a world starts. */
export type WorldStart = z.infer<typeof worldStartSchema>;
/** A saved world (current format). */
export type WorldJournal = z.infer<typeof worldJournalSchema>;
/** One entry of a journal. */
export type JournalOp = z.infer<typeof journalOpSchema>;
/** A `run` entry. */
export type RunOp = z.infer<typeof runOpSchema>;
