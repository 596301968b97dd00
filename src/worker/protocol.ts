/**
 * The types that cross the worker boundary, shared by the worker modules (src/worker/api/) and the
 * widgets. Every worker method answers a `Result`: failures are data with a stable code, never a
 * thrown error (comlink keeps only an Error's message), so a widget can always render them.
 */
import type { z } from 'zod';
import type { AuthorizationResult, Span } from '../sim/evaluate/types.ts';
import type { worldJournalSchema, worldStartSchema } from './journal-schema.ts';

/** A failure a widget shows: a stable code, words for the learner, and where in the input, if known. */
export interface WorkerError {
  code: string;
  message: string;
  span?: Span;
  params?: Record<string, string>;
}

/** Every worker answer. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: WorkerError };

/** One request of an access check, as the AccessCheck widget collects it. */
export interface AccessRequest {
  /** Identity-based policies (JSON texts). */
  identityPolicies: string[];
  /** Permissions boundary (JSON text), if any. */
  boundary?: string;
  /** Resource-based policy (JSON text), if any. */
  resourcePolicy?: string;
  /** Account that owns the resource, when the resource policy is set (default: the caller's). */
  resourceOwner?: string;
  /** CallerArn: the principal making the request. */
  callerArn?: string;
  action: string;
  resource: string;
  /** Context entries: key → values (strings); the type is inferred by the engine from the catalog. */
  context: { key: string; values: string[]; type?: string }[];
}

/** The answer for one access check: the IAM result plus the engine's explanation. */
export interface AccessAnswer {
  decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** The engine's reason, deciding layer, deciding statements and full explanation, when it gave one. */
  authorization?: AuthorizationResult;
  /** The engine's words for the reason. */
  reasonWords?: string;
  /** The AccessDenied text AWS would answer, when denied and the engine produced it. */
  accessDeniedMessage?: string;
  /** Positions of the statements that matched, per source policy (IAM's MatchedStatements). */
  matched: { sourcePolicyId: string; start: { line: number; column: number }; end: { line: number; column: number } }[];
  missingContextValues: string[];
}

/** A problem in a policy text, for editor markers. */
export interface PolicyFinding {
  code: string;
  severity: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';
  message: string;
  span: Span;
}

/** One entry of the service reference for completion and hover. */
export interface CatalogAction {
  name: string;
  description: string;
  accessLevel: string;
  /** The resource types the action can name (the reference's "Resource types" column); empty: only `*`. */
  resourceTypes?: string[];
}

/** What the editor can complete inside one service. */
export interface CatalogService {
  prefix: string;
  name: string;
  actions: CatalogAction[];
  resourceTypes: { name: string; arn: string }[];
  conditionKeys: { name: string; type: string; description: string }[];
}

/** How a world starts, one thing done to it, and a saved world (types from the zod schemas). */
export type WorldStart = z.infer<typeof worldStartSchema>;
/** One thing done to a world after it started; replaying these rebuilds it exactly. */
export type WorldJournal = z.infer<typeof worldJournalSchema>;
/** One entry of a journal. */
export type JournalOp = WorldJournal['ops'][number];

/** The output of one command line. */
export interface RunOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The CLI asks for an MFA code (role with mfa_serial); run again with `mfaCode`. */
  mfaPrompt?: string;
  /** A heredoc is still open (`> `): nothing ran; send the text again with the next line appended. */
  continuation?: string;
}

/** Completion of a command line at the cursor. */
export interface LineCompletion {
  from: number;
  to: number;
  candidates: string[];
}
