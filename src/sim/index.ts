/**
 * The public API of the IAM Dojo simulator, a stable contract whose shapes follow the AWS API. Pure TypeScript:
 * it runs unchanged in the browser worker, in Node (CLI, tests, benchmarks).
 * Each capability adds one export line here.
 */
export type * from './services/contract.ts';
export * from './simulate/index.ts';
export * from './world/index.ts';
export { runCommandLine, completeCommandLine, type CliHost, type RunOptions, type RunResult, type Completion } from './cli/index.ts';
