// iam-dojo's analysis commands: diff-policy prints the comparison JSON whose witnesses replay with
// simulate-custom-policy, the grouped sentences without --output json, and exits 1 only with
// --fail-on-new-access when something is newly allowed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runAnalysisCommand } from '../../../src/cli/analyze.ts';
import { simulateCustomPolicy } from '../../../src/sim/simulate/custom.ts';

vi.setConfig({ testTimeout: 120_000 });

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'iam-dojo.mjs');
const OLD = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-reports/*' }],
});
const NEW = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::dojo-reports/*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
});

function files(): { a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-diff-'));
  writeFileSync(join(dir, 'a.json'), OLD);
  writeFileSync(join(dir, 'b.json'), NEW);
  return { a: `file://${join(dir, 'a.json')}`, b: `file://${join(dir, 'b.json')}` };
}

describe('iam-dojo diff-policy', () => {
  it('prints Result, NewlyAllowed and NoLongerAllowed; each witness replays with simulate-custom-policy', async () => {
    const { a, b } = files();
    const out = await runAnalysisCommand('diff-policy', ['--old', a, '--new', b, '--output', 'json']);
    expect(out.exitCode).toBe(0);
    const r = JSON.parse(out.stdout) as {
      Result: string;
      NewlyAllowed: { Action: string; Resource: string; ContextEntries: never[] }[];
      NoLongerAllowed: typeof r.NewlyAllowed;
    };
    expect(Object.keys(r)).toEqual(['Result', 'NewlyAllowed', 'NoLongerAllowed']);
    expect(r.Result).toBe('Incomparable');
    expect(r.NewlyAllowed.map((w) => w.Action)).toEqual(['s3:DeleteObject']);
    const replay = (policy: string, w: (typeof r.NewlyAllowed)[number]): string | undefined =>
      simulateCustomPolicy({
        PolicyInputList: [policy],
        ActionNames: [w.Action],
        ResourceArns: [w.Resource],
        ContextEntries: w.ContextEntries,
      }).EvaluationResults[0]?.EvalDecision;
    for (const w of r.NewlyAllowed) expect([replay(OLD, w), replay(NEW, w)]).toEqual(['implicitDeny', 'allowed']);
    for (const w of r.NoLongerAllowed) expect([replay(OLD, w), replay(NEW, w)]).toEqual(['allowed', 'implicitDeny']);
  });

  it('prints sentences without --output json; --fail-on-new-access exits 1', async () => {
    const { a, b } = files();
    const out = await runAnalysisCommand('diff-policy', ['--old', a, '--new', b, '--fail-on-new-access']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain(
      '+ now also allows s3:DeleteObject on arn:aws:s3:::dojo-reports/* when aws:MultiFactorAuthPresent is "true"',
    );
    expect(out.stdout).toContain(
      '- no longer allows s3:GetObject on arn:aws:s3:::dojo-reports/* when aws:MultiFactorAuthPresent is absent',
    );
    const same = await runAnalysisCommand('diff-policy', ['--old', a, '--new', a, '--fail-on-new-access']);
    expect(same).toMatchObject({ exitCode: 0, stdout: 'Equivalent: both versions allow exactly the same requests.\n' });
  });

  it('bad input: usage errors exit 2, an invalid policy names its line', async () => {
    expect((await runAnalysisCommand('diff-policy', ['--old', 'file:///nonexistent/a.json', '--new', '{}'])).exitCode).toBe(2);
    expect((await runAnalysisCommand('diff-policy', ['--old', OLD])).exitCode).toBe(2);
    const bad = await runAnalysisCommand('diff-policy', ['--old', OLD, '--new', '{"Version":"2012-10-17","Statement":[]}']);
    expect(bad.exitCode).toBe(254);
    expect(bad.stderr).toMatch(/POLICY_INVALID/);
  });

  it('is wired into the iam-dojo launcher', () => {
    const { a, b } = files();
    const r = spawnSync(process.execPath, [BIN, 'diff-policy', '--old', a, '--new', b, '--output', 'json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { Result: string }).Result).toBe('Incomparable');
  });
});

describe('iam-dojo explain-denial', () => {
  const run = (args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });

  it('names the blocking layer and edits that the engine allows, without changing the world file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-explain-'));
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    for (const args of [
      ['iam', 'create-user', '--user-name', 'alice'],
      ['iam', 'create-access-key', '--user-name', 'alice'],
      ['iam', 'put-user-policy', '--user-name', 'alice', '--policy-name', 'Reports', '--policy-document', policy],
    ]) {
      expect(run(['aws', ...args, '--world', 'w.json'], dir).status).toBe(0);
    }
    const before = readFileSync(join(dir, 'w.json'), 'utf8');
    const r = run(['explain-denial', '--world', 'w.json', '--profile', 'alice', '--output', 'json', '--', 'aws', 'iam', 'list-users'], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      Denials: { Action: string; Reason: string; Plans: { Decision: string; Edits: { layer: string; guardrail: boolean }[] }[] }[];
    };
    expect(out.Denials[0]).toMatchObject({
      Action: 'iam:ListUsers',
      Reason: 'NO_IDENTITY_ALLOW',
      Plans: [{ Decision: 'allowed', Edits: [{ layer: 'identity', guardrail: false }] }],
    });
    expect(readFileSync(join(dir, 'w.json'), 'utf8')).toBe(before);
    const text = run(['explain-denial', '--world', 'w.json', '--profile', 'alice', '--', 'aws', 'iam', 'list-users'], dir);
    expect(text.stdout).toContain('Blocked by: No identity-based policy allows');
  });
});

describe('iam-dojo escalation-paths', () => {
  it('prints Paths with From, To and Steps (Technique, Principal, Action, Resource, Command); empty when none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-escalate-'));
    const run = (args: string[]): { status: number | null; stdout: string } =>
      spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::*:user/alice' }],
    });
    expect(run(['aws', 'iam', 'create-user', '--user-name', 'alice', '--world', 'w.json']).status).toBe(0);
    const empty = JSON.parse(run(['escalation-paths', '--world', 'w.json', '--output', 'json']).stdout) as { Paths: unknown[] };
    expect(empty).toEqual({ Paths: [] });
    expect(
      run(['aws', 'iam', 'put-user-policy', '--user-name', 'alice', '--policy-name', 'p', '--policy-document', policy, '--world', 'w.json'])
        .status,
    ).toBe(0);
    const out = JSON.parse(run(['escalation-paths', '--world', 'w.json', '--output', 'json']).stdout) as {
      Paths: { From: string; To: string; Steps: Record<string, string>[] }[];
    };
    expect(out.Paths).toEqual([
      {
        From: 'arn:aws:iam::123456789012:user/alice',
        To: 'admin',
        Steps: [
          {
            Technique: 'AttachUserPolicy',
            Principal: 'arn:aws:iam::123456789012:user/alice',
            Action: 'iam:AttachUserPolicy',
            Resource: 'arn:aws:iam::123456789012:user/alice',
            Command:
              'aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile alice',
          },
        ],
      },
    ]);
  });
});

describe('iam-dojo generate-policy and access-findings (in-process world host)', () => {
  async function host(commands: string[]): Promise<{ openWorldFile: () => Promise<import('../../../src/sim/world/index.ts').World> }> {
    const { createWorld } = await import('../../../src/sim/world/index.ts');
    const world = createWorld({ seed: 'cli-analyze' });
    for (const c of commands) expect((await world.run(c)).exitCode, c).toBe(0);
    return { openWorldFile: async () => world };
  }

  it('generate-policy prints PolicyDocument and UnusedGranted', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:DeleteUser'], Resource: '*' }],
    });
    const h = await host([
      'aws iam create-user --user-name alice',
      'aws iam create-access-key --user-name alice',
      `aws iam put-user-policy --user-name alice --policy-name p --policy-document '${policy}'`,
      'aws iam get-user --profile alice',
    ]);
    const out = await runAnalysisCommand(
      'generate-policy',
      ['--world', 'w.json', '--principal-arn', 'arn:aws:iam::123456789012:user/alice', '--output', 'json'],
      h,
    );
    expect(out.exitCode).toBe(0);
    const r = JSON.parse(out.stdout) as {
      PolicyDocument: { Statement: { Action: string[]; Resource: string[] }[] };
      UnusedGranted: { Action: string }[];
    };
    expect(r.PolicyDocument.Statement).toEqual([
      { Sid: 'UsedInTrail1', Effect: 'Allow', Action: ['iam:GetUser'], Resource: ['arn:aws:iam::123456789012:user/alice'] },
    ]);
    expect(new Set(r.UnusedGranted.map((w) => w.Action))).toEqual(new Set(['iam:GetUser', 'iam:DeleteUser']));
    const bad = await runAnalysisCommand(
      'generate-policy',
      ['--world', 'w.json', '--principal-arn', 'arn:aws:iam::123456789012:user/nobody'],
      h,
    );
    expect(bad.exitCode).toBe(2);
    const alice = ['--world', 'w.json', '--principal-arn', 'arn:aws:iam::123456789012:user/alice'];
    expect((await runAnalysisCommand('generate-policy', [...alice, '--until', 'yesterday'], h)).exitCode).toBe(2);
    const backwards = await runAnalysisCommand(
      'generate-policy',
      [...alice, '--since', '2030-01-02T00:00:00Z', '--until', '2030-01-01T00:00:00Z'],
      h,
    );
    expect(backwards.exitCode).toBe(2);
    expect(backwards.stderr).toContain('swap the two times');
  });

  it('access-findings reports a role trusted by another account and a public bucket, and leaves no trail', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }],
    });
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-public/*' }],
    });
    const h = await host([
      `aws iam create-role --role-name Partner --assume-role-policy-document '${trust}'`,
      'aws s3api create-bucket --bucket dojo-public',
      'aws s3api delete-public-access-block --bucket dojo-public',
      `aws s3api put-bucket-policy --bucket dojo-public --policy '${bucketPolicy}'`,
    ]);
    const world = (await h.openWorldFile()) as { trail(): { Records: unknown[] } };
    const records = world.trail().Records.length;
    const out = await runAnalysisCommand('access-findings', ['--world', 'w.json', '--output', 'json'], h);
    const r = JSON.parse(out.stdout) as { Findings: { ResourceType: string; Resource: string; IsPublic: boolean; Actions: string[] }[] };
    expect(r.Findings.map((f) => [f.ResourceType, f.Resource, f.IsPublic, f.Actions])).toEqual([
      ['AWS::IAM::Role', 'arn:aws:iam::123456789012:role/Partner', false, ['sts:AssumeRole']],
      ['AWS::S3::Bucket', 'arn:aws:s3:::dojo-public', true, ['s3:GetObject']],
    ]);
    expect(world.trail().Records.length).toBe(records);
  });

  it('access-findings --unused [--days N] prints unused access findings; bad --days is a usage error', async () => {
    const h = await host(['aws iam create-user --user-name alice', 'aws iam create-access-key --user-name alice']);
    const world = (await h.openWorldFile()) as { clock: { advance(seconds: number): void } };
    world.clock.advance(40 * 86_400);
    const within = await runAnalysisCommand('access-findings', ['--world', 'w.json', '--unused', '--output', 'json'], h);
    expect(JSON.parse(within.stdout)).toEqual({ Findings: [] });
    const out = await runAnalysisCommand('access-findings', ['--world', 'w.json', '--unused', '--days', '30', '--output', 'json'], h);
    expect(out.exitCode).toBe(0);
    const r = JSON.parse(out.stdout) as { Findings: { FindingType: string; Resource: string }[] };
    expect(r.Findings.map((f) => [f.FindingType, f.Resource])).toEqual([
      ['UnusedIAMUserAccessKey', 'arn:aws:iam::123456789012:user/alice'],
    ]);
    const text = await runAnalysisCommand('access-findings', ['--world', 'w.json', '--unused', '--days', '30'], h);
    expect(text.stdout).toMatch(
      /^UnusedIAMUserAccessKey arn:aws:iam::123456789012:user\/alice key AKIA\w+: never used, nothing in 30 days\n$/,
    );
    expect((await runAnalysisCommand('access-findings', ['--world', 'w.json', '--unused', '--days', '0'], h)).exitCode).toBe(2);
    expect((await runAnalysisCommand('access-findings', ['--world', 'w.json', '--days', '30'], h)).exitCode).toBe(2);
  });
});
