/**
 * The one scenario module: the saved-world schema, reading a saved world from any door, and
 * replaying it. The worker, the Node CLI (`iam-dojo aws --world`), share links and imports all use
 * it, so a scenario opens the same way everywhere.
 */
export * from './schema.ts';
export * from './read.ts';
export * from './replay.ts';
