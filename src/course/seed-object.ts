/**
 * Start steps that put an S3 object with real contents into a lesson world: the body is written to a
 * scratch file, uploaded with `put-object --body`, and the file removed again, so the learner's files
 * hold only what they make. Learners review MINOR-5: a `get-object` that finally succeeds printed an
 * empty file; now `cat` shows the report they worked for.
 */
import type { Step } from './exercise.ts';

/** The steps that create `s3://bucket/key` holding `text`. */
export function seedObject(bucket: string, key: string, text: string): Step[] {
  const scratch = `.seed-${key.replace(/[^A-Za-z0-9._-]/g, '-')}`;
  return [{ writeFile: scratch, text }, `aws s3api put-object --bucket ${bucket} --key ${key} --body ${scratch}`, `rm ${scratch}`];
}
