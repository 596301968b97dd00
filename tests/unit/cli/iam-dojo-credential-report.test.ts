// `iam-dojo aws iam generate-credential-report` / `get-credential-report` in a saved world, spawned
// for real (bin/iam-dojo.mjs → src/cli.ts): the report survives between processes (the journal
// replays the generation), and Content is the base64 of the CSV, as the AWS CLI prints it. Source:
// IAM User Guide, "Generate credential reports for your AWS account"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'iam-dojo.mjs');

function dojo(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

it('generates in one process and reads the report in the next', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-report-'));
  const world = join(dir, 'world.json');
  const none = dojo(['aws', 'iam', 'get-credential-report', '--world', world], dir);
  expect(none.code).toBe(254);
  expect(none.stderr).toContain('An error occurred (ReportNotPresent) when calling the GetCredentialReport operation');
  expect(dojo(['aws', 'iam', 'create-user', '--user-name', 'bob', '--world', world], dir).code).toBe(0);
  const started = dojo(['aws', 'iam', 'generate-credential-report', '--world', world], dir);
  expect(JSON.parse(started.stdout)).toEqual({ State: 'STARTED', Description: 'No report exists. Starting a new report generation task' });
  expect(JSON.parse(dojo(['aws', 'iam', 'generate-credential-report', '--world', world], dir).stdout)).toEqual({ State: 'COMPLETE' });
  const got = dojo(['aws', 'iam', 'get-credential-report', '--world', world, '--query', 'Content', '--output', 'text'], dir);
  expect(got.code).toBe(0);
  const csv = Buffer.from(got.stdout.trim(), 'base64').toString('utf8').split('\n');
  expect(csv.map((line) => line.split(',')[0])).toEqual(['user', '<root_account>', 'bob']);
});
