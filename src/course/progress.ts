/**
 * The learner's progress: which exercises are done, saved in this browser under a versioned key
 * and validated with zod whenever it is read back or imported. An instructor can collect it as a
 * JSON file from the progress page.
 */
import { z } from 'zod';
import { forget, loadSaved, save, STORAGE_PREFIX } from '../worker/storage.ts';

/** The storage key (below the site's versioned prefix); bump `:v1` when the shape changes. */
export const PROGRESS_KEY = 'progress:v1';

/** One finished exercise. */
export const exerciseRecordSchema = z
  .object({
    /** When the checks first all passed, ISO 8601. */
    completedAt: z.iso.datetime(),
    /** True when the learner opened the solution before finishing. */
    usedSolution: z.boolean(),
  })
  .strict();

/** Saved progress, exactly as stored and as exported. */
export const progressSchema = z
  .object({
    /** Format version of this document. */
    version: z.literal(1),
    /** Finished exercises, keyed `lesson-slug/exercise-id` (e.g. `02-users-and-credentials/create-user`). */
    exercises: z.record(z.string().regex(/^\d\d-[a-z0-9-]+\/[a-z0-9-]+$/), exerciseRecordSchema),
    /** Exercises whose solution the learner revealed (even if not finished yet), same keys. */
    solutionsSeen: z.array(z.string().regex(/^\d\d-[a-z0-9-]+\/[a-z0-9-]+$/)).default([]),
  })
  .strict();

/** Progress, validated. */
export type Progress = z.infer<typeof progressSchema>;

/** Progress of a learner who has not started. */
export function emptyProgress(): Progress {
  return { version: 1, exercises: {}, solutionsSeen: [] };
}

/** The key of one exercise in the progress document. */
export function exerciseKey(lesson: string, exercise: string): string {
  return `${lesson}/${exercise}`;
}

/**
 * The notice of an entry set aside during this page load. Several islands read progress (the
 * sidebar marks, the home page list, the board); whichever reads first sets the corrupt entry
 * aside, and the later ones must still be able to tell the learner.
 */
let setAsideNotice: string | undefined;

/** Reads saved progress; a corrupt entry is set aside and reported, and empty progress is used. */
export function loadProgress(): { progress: Progress; notice?: string } {
  const loaded = loadSaved(PROGRESS_KEY, progressSchema);
  if (loaded.kind === 'ok') return { progress: loaded.value };
  if (loaded.kind === 'corrupt') {
    setAsideNotice = `Your saved progress could not be read (${loaded.reason}). It was kept aside under ${STORAGE_PREFIX}${PROGRESS_KEY}:corrupt, and you start with empty progress.`;
  }
  return { progress: emptyProgress(), ...(setAsideNotice !== undefined ? { notice: setAsideNotice } : {}) };
}

/** Records a finished exercise (the first completion time is kept) and saves. */
export function markExerciseDone(lesson: string, exercise: string, now = new Date()): Progress {
  const { progress } = loadProgress();
  const key = exerciseKey(lesson, exercise);
  if (!progress.exercises[key]) {
    progress.exercises[key] = { completedAt: now.toISOString(), usedSolution: progress.solutionsSeen.includes(key) };
    save(PROGRESS_KEY, progress);
  }
  return progress;
}

/** Records that the learner revealed an exercise's solution, and saves. */
export function markSolutionSeen(lesson: string, exercise: string): Progress {
  const { progress } = loadProgress();
  const key = exerciseKey(lesson, exercise);
  if (!progress.solutionsSeen.includes(key)) {
    progress.solutionsSeen.push(key);
    save(PROGRESS_KEY, progress);
  }
  return progress;
}

/** Progress as a JSON document for download. */
export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/** Parses an imported progress file; answers a sentence a learner understands instead of throwing. */
export function parseProgress(
  text: string,
): { ok: true; progress: Progress } | { ok: false; code: 'PROGRESS_NOT_JSON' | 'PROGRESS_INVALID'; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      code: 'PROGRESS_NOT_JSON',
      message:
        'This file is not IAM Dojo progress: it is not JSON text. Choose the file the progress page exported (iam-dojo-progress.json).',
    };
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) return { ok: false, code: 'PROGRESS_INVALID', message: progressProblem(data, parsed.error.issues[0]) };
  return { ok: true, progress: parsed.data };
}

/** The first problem of a file that is not valid progress, in words. */
function progressProblem(data: unknown, issue: z.core.$ZodIssue | undefined): string {
  const not = 'This file is not IAM Dojo progress';
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return `${not}: progress is a JSON object with "version", "exercises" and "solutionsSeen".`;
  const record = data as Record<string, unknown>;
  if ('start' in record && 'ops' in record)
    return `${not}: it is a saved world (the playground's "Export world"). Import it on the playground page instead.`;
  if (record['version'] !== 1) {
    return typeof record['version'] === 'number' && record['version'] > 1
      ? `${not} that this site can read: it was made by a newer IAM Dojo (format ${record['version']}).`
      : `${not}: it has no progress format version ("version": 1).`;
  }
  const [field, name, part] = issue?.path ?? [];
  if (issue?.code === 'unrecognized_keys')
    return `${not}: it has ${issue.keys.length === 1 ? 'a field' : 'fields'} progress files do not have (${issue.keys
      .slice(0, 3)
      .map((k) => `"${k}"`)
      .join(', ')}).`;
  if (field === 'exercises' && name !== undefined && part === undefined)
    return `${not}: "${String(name).slice(0, 60)}" is not an exercise name (names look like 02-users-and-credentials/create-user).`;
  if (field === 'exercises' && name !== undefined)
    return `${not}: the record of exercise "${String(name).slice(0, 60)}" is damaged (${part === 'completedAt' ? 'its finish time is not a date and time' : `its "${String(part)}" is wrong`}).`;
  if (field === 'solutionsSeen') return `${not}: its list of solutions seen holds something that is not an exercise name.`;
  return `${not}: its "${String(field ?? 'document')}" part is not what a progress file holds.`;
}

/** Replaces the saved progress (an import). Answers false when the browser refused to save. */
export function replaceProgress(progress: Progress): boolean {
  setAsideNotice = undefined;
  return save(PROGRESS_KEY, progress);
}

/** Forgets all progress. */
export function clearProgress(): void {
  setAsideNotice = undefined;
  forget(PROGRESS_KEY);
}
