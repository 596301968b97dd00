/**
 * The exercise schema: an exercise is data that lives beside its lesson
 * (`content/lessons/NN-slug/exercises.ts`). It names a starting world, a goal in words, the checks
 * that decide when the learner is done, hints and a solution. The content self-test
 * (tests/content/) proves every solution passes and every starting state fails a check.
 */
import { z } from 'zod';

/** A short lowercase identifier: letters, digits and dashes. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes');

/** Any JSON value, for expected query results. */
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/**
 * One thing done to the world. Command lines may use `{{NAME}}` (a value an earlier step saved)
 * and `{{totp:FILE}}` / `{{totp:FILE:+30}}` (the authenticator code, now or 30 s from now, of the
 * Base32 MFA seed a command wrote to FILE with `--outfile`).
 */
export const stepSchema = z.union([
  /** An AWS CLI command line that must succeed. */
  z.string().min(4),
  z
    .object({
      /** The AWS CLI command line to run. */
      run: z.string().min(4),
      /** Values to remember for later steps: variable name → JMESPath query over the JSON output. */
      save: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string().min(1)).optional(),
      /** True for a command that is expected to fail (an intruder's denied attempt, for example). */
      mayFail: z.boolean().optional(),
      /** The MFA code the CLI would prompt for (profiles with `mfa_serial`); templates allowed. */
      mfaCode: z.string().optional(),
      /** The caller's source IP address for this command (conditions on `aws:SourceIp`). */
      sourceIp: z.string().optional(),
    })
    .strict(),
  z
    .object({
      /** Moves the world's clock forward, in seconds (MFA codes, session expiry). */
      advanceClock: z.number().int().positive(),
    })
    .strict(),
  z
    .object({
      /** Saves a file in the world, as the page's file editor does; the CLI reads it as `file://NAME`. */
      writeFile: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a plain file name: letters, digits, dot, dash, underscore'),
      /** The file's text (a policy document, pretty-printed as a learner would write it). */
      text: z.string().min(1),
    })
    .strict(),
]);

/**
 * One thing the learner does in the simulated console: the API call its page makes (the same
 * operation and parameters, sent as a console session of the root user, as the lesson's console
 * signs in), with the clicks in words. A console solution may mix in CLI steps (using a key from the
 * terminal) and clock moves.
 */
export const consoleStepSchema = z.union([
  stepSchema,
  z
    .object({
      /** What the learner clicks and types, e.g. "Users › Create user: name ana, console access". */
      does: z.string().min(5),
      /** The service the page calls (`iam`, `sts`). */
      service: z.string().min(2),
      /** The API operation the page calls, e.g. `CreateLoginProfile`. */
      operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
      /** Its parameters in the API's shape; strings may use `{{NAME}}` and `{{totp:$NAME}}`. */
      params: z.record(z.string(), jsonValue),
      /** Values to remember: variable name → JMESPath over the output (byte strings read as text). */
      save: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string().min(1)).optional(),
    })
    .strict(),
]);

/** One organization policy (SCP or RCP) on one level of the organization tree. */
const organizationPolicySchema = z
  .object({
    /** Policy name as Organizations shows it, e.g. `FullAWSAccess`. */
    name: z.string().min(1).max(128),
    /** The policy document (JSON text or object). */
    document: z.union([z.string().min(2), z.record(z.string(), z.unknown())]),
  })
  .strict();

/** The world's account as a member account of an organization (the `createWorld` `organization` option). */
export const organizationSchema = z
  .object({
    /** SCPs per level of the tree — organization root first, the account's own level last. */
    serviceControlPolicies: z.array(z.array(organizationPolicySchema)).min(1),
    /** RCPs per level; omitted means only the implicit RCPFullAWSAccess. */
    resourceControlPolicies: z.array(z.array(organizationPolicySchema)).optional(),
  })
  .strict();

/** How a fresh world is created before the start steps run (the `createWorld` options). */
export const worldInitSchema = z
  .object({
    /** The 12-digit account ID; fixed so that ARNs in goals and checks are stable. */
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .default('111122223333'),
    /** Seed of the world's id generator; same seed and steps give the same ids and trail. */
    seed: z.string().min(1).optional(),
    /** The clock's start, an ISO 8601 time. */
    now: z.iso.datetime().optional(),
    /** Makes the account a member of an organization with these SCPs and RCPs. */
    organization: organizationSchema.optional(),
  })
  .strict();

/** Where the exercise begins. */
export const exerciseStartSchema = z.union([
  z
    .object({
      /** A fresh world, then these steps (the scenario the learner walks into). */
      world: worldInitSchema,
      /** Steps that set the scene; the learner does not see them run. */
      steps: z.array(stepSchema).default([]),
    })
    .strict(),
  z
    .object({
      /** Continue in the world where the previous exercise of the same lesson ended. */
      continueFromPrevious: z.literal(true),
    })
    .strict(),
]);

/** What a command check expects from the CLI. */
export const commandExpectationSchema = z
  .object({
    /** `success`: exit code 0; `failure`: a non-zero exit code. */
    outcome: z.enum(['success', 'failure']),
    /** The AWS error code in `An error occurred (CODE)`, for failures (e.g. `AccessDenied`). */
    errorCode: z.string().optional(),
    /** JMESPath query over the JSON output of a successful command. */
    query: z.string().optional(),
    /** The value the query (or the whole JSON output) must equal. */
    equals: jsonValue.optional(),
  })
  .strict();

const checkBase = {
  /** Unique within the exercise; progress and solution answers refer to it. */
  id: slug,
  /** What the learner reads in the ✓/✗ list, e.g. "alice can read reports/q3.csv". */
  label: z.string().min(5),
  /** What is still wrong, in words, shown when the check fails (e.g. "ana can still overwrite the report"). */
  failure: z.string().min(10).optional(),
};

/** One condition the world must meet for the exercise to be done. */
export const checkSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...checkBase,
      /** Run a CLI command (in a copy of the world, so checking changes nothing) and judge its result. */
      kind: z.literal('command'),
      /** Steps run in the copy before the command (e.g. `aws configure set` for a role profile). */
      setup: z.array(stepSchema).default([]),
      /** The AWS CLI command line; `--profile NAME` acts as IAM user NAME. */
      command: z.string().min(4),
      /** The MFA code the CLI would prompt for; templates allowed. */
      mfaCode: z.string().optional(),
      /** The caller's source IP address. */
      sourceIp: z.string().optional(),
      /** What the command must do. */
      expect: commandExpectationSchema,
    })
    .strict(),
  z
    .object({
      ...checkBase,
      /** Ask the policy simulator (SimulatePrincipalPolicy) for a principal's decision on a request. */
      kind: z.literal('decision'),
      /** ARN of the user, group or role whose policies are simulated. */
      principalArn: z.string().startsWith('arn:aws:iam::'),
      /** The action, e.g. `s3:GetObject`. */
      action: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/),
      /** The resource ARN; `*` when the action has no resource. */
      resource: z.string().min(1).default('*'),
      /** Extra request context: key → values (type string), e.g. `aws:SourceIp`. */
      context: z.record(z.string(), z.array(z.string())).optional(),
      /** The decision SimulatePrincipalPolicy must give; `denied` accepts either kind of deny. */
      expect: z.enum(['allowed', 'explicitDeny', 'implicitDeny', 'denied']),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      /** A JMESPath query over the world's CloudTrail log (`{ Records: [...] }`). */
      kind: z.literal('trail'),
      /** The query, e.g. `length(Records[?eventName=='DeleteUser'])`. */
      query: z.string().min(1),
      /** The value the query must equal. */
      equals: jsonValue.optional(),
      /** Or: the smallest number the query may give. */
      atLeast: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      /** Two kinds of trail record in order: the first `then` record comes after some `first` record. */
      kind: z.literal('order'),
      /** JMESPath test on one record for what must happen first, e.g. `eventName=='UpdateAccessKey'`. */
      first: z.string().min(1),
      /** JMESPath test on one record for what must come after it, e.g. `eventName=='DeleteAccessKey'`. */
      then: z.string().min(1),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      /** A question the learner answers in words, judged against the world's trail. */
      kind: z.literal('answer'),
      /** The question shown above the answer field. */
      question: z.string().min(5),
      /** JMESPath query over the trail whose result is the right answer (compared ignoring case). */
      answerQuery: z.string().min(1),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      /** Compare a principal's identity policies with a reference policy exactly (every request, not samples). */
      kind: z.literal('policyScope'),
      /** ARN of the user, group or role whose identity policies (inline, attached, and its groups') are compared. */
      principalArn: z.string().startsWith('arn:aws:iam::'),
      /** `within`: grants nothing beyond the reference; `atLeast`: allows at least what the reference allows. */
      relation: z.enum(['within', 'atLeast']),
      /** The reference policy document, e.g. read-only access to one bucket. */
      reference: z.record(z.string(), jsonValue),
    })
    .strict(),
]);

/** A plausible wrong answer: what a learner might do instead, which some check must refuse. */
export const wrongAnswerSchema = z
  .object({
    /** The mistake in words, as an instructor would name it ("rotates the new key instead of the old one"). */
    mistake: z.string().min(10),
    /** The steps of the wrong answer, run from the exercise's start. */
    steps: z.array(stepSchema).default([]),
    /** Answers typed for `answer` checks: check id → answer. */
    answers: z.record(z.string(), z.string()).default({}),
    /** Ids of the checks that must fail for it (the self-test proves each one does). */
    caughtBy: z.array(slug).min(1),
  })
  .strict();

/** One exercise. */
export const exerciseSchema = z
  .object({
    /** Unique within the lesson; progress is saved under `lesson/id`. */
    id: slug,
    /** A short title, e.g. "Give alice a key, then retire it". */
    title: z.string().min(5).max(80),
    /** The goal in words: what the world should look like when the learner is done. */
    goal: z.string().min(20),
    /** The starting world, or "continue from the previous exercise". */
    start: exerciseStartSchema,
    /** The conditions that decide completion; all must pass. */
    checks: z.array(checkSchema).min(1),
    /** Hints, shown one at a time, gentlest first. */
    hints: z.array(z.string().min(10)).min(1),
    /** The reference solution, behind a confirmation in the widget. */
    solution: z
      .object({
        /** The steps that solve the exercise from its start. */
        steps: z.array(stepSchema).default([]),
        /** Answers to the `answer` checks: check id → answer. */
        answers: z.record(z.string(), z.string()).default({}),
        /** Why the solution works, in a few sentences. */
        explanation: z.string().min(20),
      })
      .strict(),
    /** Plausible wrong answers (at least two); the content self-test proves each fails the checks it names. */
    wrongAnswers: z.array(wrongAnswerSchema).min(2),
    /**
     * The same goal reached in the simulated console (lessons that offer "Console | CLI"); the
     * content self-test proves it passes the same checks as `solution`.
     */
    consoleSolution: z
      .object({ steps: z.array(consoleStepSchema).min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** The exercises of one lesson, in order; ids are unique and only later ones continue. */
export const lessonExercisesSchema = z
  .array(exerciseSchema)
  .min(1)
  .superRefine((exercises, ctx) => {
    const seen = new Set<string>();
    exercises.forEach((exercise, index) => {
      if (seen.has(exercise.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate exercise id "${exercise.id}"` });
      seen.add(exercise.id);
      if (index === 0 && 'continueFromPrevious' in exercise.start)
        ctx.addIssue({ code: 'custom', path: [index, 'start'], message: 'the first exercise has no previous exercise to continue from' });
      const checkIds = new Set(exercise.checks.map((c) => c.id));
      if (checkIds.size !== exercise.checks.length)
        ctx.addIssue({ code: 'custom', path: [index, 'checks'], message: 'duplicate check id' });
      exercise.wrongAnswers.forEach((wrong, w) =>
        wrong.caughtBy.forEach((id, c) => {
          if (!checkIds.has(id))
            ctx.addIssue({ code: 'custom', path: [index, 'wrongAnswers', w, 'caughtBy', c], message: `no check named "${id}"` });
        }),
      );
    });
  });

/** A step, as written in exercise files. */
export type Step = z.infer<typeof stepSchema>;
/** A step of a console solution. */
export type ConsoleStep = z.infer<typeof consoleStepSchema>;
/** A wrong answer, validated. */
export type WrongAnswer = z.infer<typeof wrongAnswerSchema>;
/** A check, validated. */
export type Check = z.infer<typeof checkSchema>;
/** An exercise, validated. */
export type Exercise = z.infer<typeof exerciseSchema>;
/** An exercise as written in an exercise file (defaults not yet applied). */
export type ExerciseInput = z.input<typeof exerciseSchema>;

/** Typed helper for exercise files: returns its argument validated, so a typo fails at load time. */
export function defineExercises(exercises: ExerciseInput[]): Exercise[] {
  return lessonExercisesSchema.parse(exercises);
}
