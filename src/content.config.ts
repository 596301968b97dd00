import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonSchema } from './course/lesson.ts';

/**
 * Every page of the site is MDX under `content/`: the home page, the playground and the lessons in
 * `content/lessons/NN-slug/index.mdx`. Lessons carry a `lesson:` block validated by `lessonSchema`.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: ['**/*.{md,mdx}', '!**/_*'], base: './content' }),
    schema: docsSchema({
      extend: z.object({
        /** Lesson metadata; required for pages under lessons/ (checked by the content self-test). */
        lesson: lessonSchema.optional(),
      }),
    }),
  }),
};
