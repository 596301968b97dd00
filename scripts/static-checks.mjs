#!/usr/bin/env node
/**
 * The static checks of `npm test`: the type check (`npm run check`: astro check + svelte-check), the
 * lint (`npm run lint`) and the formatter's check (`npm run format:check`, Prettier). All always run,
 * so one failure does not hide another. In CI each counts as one test in reports/static.json (vitest's report shape), which scripts/ci-summary.mjs
 * adds to the one-line total.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const checks = ['check', 'lint', 'format:check'];
const failed = [];
for (const name of checks) {
  console.log(`== npm run ${name}`);
  const run = spawnSync('npm', ['run', '-s', name], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}

if (process.env['CI']) {
  mkdirSync('reports', { recursive: true });
  const report = { numPassedTests: checks.length - failed.length, numFailedTests: failed.length, failed };
  writeFileSync('reports/static.json', `${JSON.stringify(report, null, 2)}\n`);
}
if (failed.length > 0) {
  console.log(`static checks failed: ${failed.map((n) => `npm run ${n}`).join(', ')}`);
  process.exit(1);
}
console.log('static checks passed: npm run check, npm run lint, npm run format:check');
