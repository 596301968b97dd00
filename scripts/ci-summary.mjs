#!/usr/bin/env node
/**
 * Prints one plain line "N passed, M failed" from the JSON reports that the suites write in CI
 * (type check + lint: reports/static.json, written by scripts/static-checks.mjs; vitest:
 * reports/unit.json; Playwright: reports/e2e.json; any other *.json report in the same
 * vitest/Playwright shapes). A suite that wrote no report counts as one failure, so a
 * suite that crashed before reporting can never look green.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'reports';
const expected = ['static.json', 'unit.json', 'e2e.json'];
// Reports that exist only where the suite can run (the offline test needs network namespaces).
const optional = ['offline.json'];
let passed = 0;
let failed = 0;

for (const name of [...expected, ...optional]) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    if (optional.includes(name)) continue;
    console.log(`(no report from ${name}: counted as 1 failure)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    // vitest / jest shape
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  } else if (report.stats) {
    // Playwright shape
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    if (report.errors?.length) failed += report.errors.length;
  } else {
    console.log(`(unrecognised report ${name}: counted as 1 failure)`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
