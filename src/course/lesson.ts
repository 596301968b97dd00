import { z } from 'astro/zod';

/** The topics the course covers; a lesson belongs to exactly one. */
export const LESSON_TOPICS = [
  'foundations',
  'users',
  'groups',
  'policies',
  'evaluation',
  'roles',
  'mfa',
  'cloudtrail',
  'guardrails',
  'least-privilege',
] as const;

/**
 * Lesson metadata, written under `lesson:` in the frontmatter of
 * `content/lessons/NN-slug/index.mdx`. Pages that are not lessons (home, playground) omit it.
 */
export const lessonSchema = z
  .object({
    /** Position in the course, 1-based; the sidebar and the home page list lessons in this order. */
    order: z.number().int().min(1),
    /** One or two sentences for the lesson list: what the learner will be able to do afterwards. */
    summary: z.string().min(20).max(300),
    /** What the learner will be able to do after the lesson; each starts with a verb. */
    objectives: z.array(z.string().min(10)).min(2).max(8),
    /** Honest estimate of the time to read and do the exercises, in minutes. */
    minutes: z.number().int().min(5).max(120),
    /** The course topic the lesson belongs to. */
    topic: z.enum(LESSON_TOPICS),
  })
  .strict();

/** Lesson metadata as validated from frontmatter. */
export type LessonMeta = z.infer<typeof lessonSchema>;
