/**
 * The classroom's wire format, shared by the learner's browser, the dashboard and the room server
 * (scripts/room/, which imports this file directly under Node's type stripping). Every request body
 * the server accepts is parsed with one of these schemas; anything else is refused with a code
 * from messages.ts and never stored.
 */
import '../security/zod-jitless.ts';
import { z } from 'zod';

/** Largest request body the room server reads, in bytes; a larger one is refused unread. */
export const MAX_BODY_BYTES = 32 * 1024;
/** Largest merged log file, in bytes. */
export const MAX_LOG_FILE_BYTES = 2 * 1024 * 1024;
/** Most events in one report batch. */
export const MAX_BATCH_EVENTS = 50;

const slug = z
  .string()
  .regex(/^\d\d-[a-z0-9-]+$/)
  .max(80);
const exerciseId = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(80);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A room code: six letters and digits without look-alikes (no 0/O, 1/I/L). */
export const roomCodeSchema = z.string().regex(/^[A-HJKMNP-Z2-9]{6}$/);

/** A learner's display name: what the dashboard shows; two learners may share one. */
export const displayNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[^\p{C}<>]+$/u),
  );

/** What a learner sends to join a room. */
export const joinRequestSchema = z
  .object({
    /** The room code the instructor shows. */
    code: roomCodeSchema,
    /** The learner's display name. */
    name: displayNameSchema,
    /** Where the browser's exercise log stands when joining: reports continue the chain from here. */
    from: z.object({ /** Last sequence number in the log (0 when empty). */ seq: z.number().int().min(0), /** Its hash. */ hash }).strict(),
  })
  .strict();

/** What the instructor sends to open the dashboard. */
export const instructorLoginSchema = z
  .object({ /** The instructor secret printed by the server. */ secret: z.string().min(8).max(100) })
  .strict();

/** The room-wide instructor-mode switch. */
export const instructorModeSchema = z
  .object({ /** True to turn instructor mode on in every learner's browser. */ enabled: z.boolean() })
  .strict();

/** One failing check: the check's id and its outcome code. */
export const failingCheckSchema = z
  .object({
    /** The check's id in the exercise. */ id: exerciseId,
    /** The outcome code (e.g. `COMMAND_FAILED`). */ code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .max(60),
  })
  .strict();

const exerciseRef = { /** Lesson folder, e.g. `04-policies`. */ lesson: slug, /** Exercise id within the lesson. */ exercise: exerciseId };

/** The content of one exercise event, by kind. */
export const eventBodySchema = z.discriminatedUnion('kind', [
  /** The learner opened a lesson page. */
  z.object({ kind: z.literal('visit'), lesson: slug }).strict(),
  /** The learner pressed Start (or Reset) on an exercise. */
  z.object({ kind: z.literal('started'), ...exerciseRef }).strict(),
  /** The exercise's checks ran; `failing` lists the ones that did not pass. */
  z
    .object({
      kind: z.literal('check'),
      ...exerciseRef,
      total: z.number().int().min(0).max(100),
      failing: z.array(failingCheckSchema).max(100),
    })
    .strict(),
  /** The learner opened hint number `hint` (1-based). */
  z.object({ kind: z.literal('hint'), ...exerciseRef, hint: z.number().int().min(1).max(20) }).strict(),
  /** The learner revealed the solution. */
  z.object({ kind: z.literal('solution'), ...exerciseRef }).strict(),
  /** A command ran in the exercise's world: its operation (never its arguments) and outcome. */
  z
    .object({
      kind: z.literal('command'),
      ...exerciseRef,
      /** `service operation`, e.g. `iam create-user` (no arguments, nothing typed). */
      operation: z
        .string()
        .regex(/^[a-z0-9-]+( [a-z0-9-]+)?$/)
        .max(80),
      exitCode: z.number().int().min(0).max(255),
      /** The AWS error code when the command failed with one. */
      errorCode: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9.]*$/)
        .max(80)
        .optional(),
    })
    .strict(),
  /** Every check passed. */
  z
    .object({
      kind: z.literal('completed'),
      ...exerciseRef,
      /** Commands run in the exercise's world since it started. */
      commands: z.number().int().min(0).max(100_000),
      /** True when the solution had been revealed. */
      solutionShown: z.boolean(),
      /** True when instructor mode (solutions shown) was on in the learner's browser. */
      instructorMode: z.boolean(),
    })
    .strict(),
]);

/** One event's content. */
export type EventBody = z.infer<typeof eventBodySchema>;

/** One link of the learner's hash-chained exercise log. */
export const chainedEventSchema = z
  .object({
    /** Position in the log, from 1, without gaps. */
    seq: z.number().int().min(1),
    /** When it happened in the browser, ISO 8601. */
    at: z.iso.datetime(),
    /** Hash of the previous link (the log's genesis for the first). */
    prev: hash,
    /** SHA-256 of `prev`, `seq`, `at` and the body (chain.ts). */
    hash,
    /** What happened. */
    body: eventBodySchema,
  })
  .strict();

/** One link of the log. */
export type ChainedEvent = z.infer<typeof chainedEventSchema>;

/** A batch of reports from one learner. */
export const reportBatchSchema = z
  .object({ /** Consecutive links, oldest first. */ events: z.array(chainedEventSchema).min(1).max(MAX_BATCH_EVENTS) })
  .strict();

/** A learner's exported exercise log (for an instructor to merge when the learner worked offline). */
export const logFileSchema = z
  .object({
    /** Identifies the file. */
    format: z.literal('iam-dojo-exercise-log'),
    /** Format version. */
    version: z.literal(1),
    /** The learner's name, as they typed it when exporting. */
    name: displayNameSchema,
    /** The log's random id (its genesis hash is derived from it). */
    logId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    /** Where the exported links start: the link before the first one kept (seq 0 = the genesis). */
    base: z.object({ seq: z.number().int().min(0), hash }).strict(),
    /** The links. */
    events: z.array(chainedEventSchema).max(20_000),
  })
  .strict();

/** An exported exercise log. */
export type LogFile = z.infer<typeof logFileSchema>;

/** A merge request: an exported log file's JSON text. */
export const mergeRequestSchema = z
  .object({ /** The file's name, for the dashboard. */ fileName: z.string().max(200), /** The parsed file. */ log: z.unknown() })
  .strict();

/** What GET /api/room answers (public: it only says whether a room is open and its name). */
export interface RoomInfo {
  /** The open room, or null when the server has none. */
  room: { name: string; code: string; instructorMode: boolean } | null;
  /** True when this browser holds the instructor's dashboard cookie. */
  instructor: boolean;
  /** For the instructor: the link learners open (LAN address and room code), for the QR code. */
  joinUrl?: string;
}

/** A learner as the dashboard lists them. */
export interface RoomLearner {
  id: string;
  name: string;
  joinedAt: string;
  /** `room` for a live learner, `file` for one merged from an exported log. */
  source: 'room' | 'file';
}

/** One stored event as the dashboard receives it. */
export interface StoredEvent {
  learner: string;
  seq: number;
  at: string;
  receivedAt: string;
  body: EventBody;
  /** For completions: false when the chain did not prove the checks passed first (never shown as clean). */
  verified: boolean;
}

/** The dashboard's full picture (sent first on every server-sent-events connection). */
export interface RoomSnapshot {
  room: { name: string; code: string; instructorMode: boolean; createdAt: string };
  learners: RoomLearner[];
  events: StoredEvent[];
}

/** The cookie the room server sets so that pages know to look for a room (no request otherwise). */
export const ROOM_COOKIE = 'iam-dojo-room';
/** Path prefix of the room API. */
export const ROOM_API = '/api/room';
