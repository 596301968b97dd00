// Learners review MINOR-5: objects in the lesson worlds were empty, so `cat summary.csv` after a
// get-object that finally succeeded printed nothing. seedObject's steps upload real contents and
// leave no scratch file among the learner's files.
import { describe, expect, test } from 'vitest';
import { applySteps } from '../../../src/course/steps.ts';
import { seedObject } from '../../../src/course/seed-object.ts';
import { createWorld } from '../../../src/sim/world/index.ts';

describe('seedObject', () => {
  test('the object holds the text; get-object saves it and cat prints it; no scratch file remains', async () => {
    const world = createWorld({ seed: 'seed-object' });
    await world.run('aws s3api create-bucket --bucket dojo-payroll');
    await applySteps(world, seedObject('dojo-payroll', 'reports/summary.csv', 'quarter,total\n2026-Q3,215000\n'));
    expect(world.listFiles()).toEqual([]);
    expect((await world.run('aws s3api get-object --bucket dojo-payroll --key reports/summary.csv summary.csv')).exitCode).toBe(0);
    expect((await world.run('cat summary.csv')).stdout).toBe('quarter,total\n2026-Q3,215000\n');
  });
});
