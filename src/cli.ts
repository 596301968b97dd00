/**
 * `iam-dojo`: the program bin/iam-dojo.mjs starts. The commands live in src/cli/ (one file each):
 *
 *   iam-dojo aws <service> <operation> ... [--world world.json]
 *   iam-dojo simulate-custom-policy --cli-input-json file://request.json [--explain] [--expect allowed|denied]
 *   iam-dojo simulate-principal-policy --account-details file://details.json --cli-input-json file://request.json ...
 *   iam-dojo validate-policy file://policy.json [--policy-type identity|resource|trust|scp|rcp|boundary|session]
 */
import process from 'node:process';
import { main } from './cli/index.ts';

export { main } from './cli/index.ts';

// Run when started as a program (bin/iam-dojo.mjs starts this file).
if (process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1])) {
  const outcome = await main(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
