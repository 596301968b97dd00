// The `iam-dojo` command line, spawned for real (bin/iam-dojo.mjs → src/cli.ts):
// simulate-custom-policy / simulate-principal-policy print what the AWS CLI prints,
// --explain explains, --expect sets the exit code, validate-policy reports findings, bad
// arguments print usage with a non-zero exit; `iam-dojo aws ... --world world.json`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each case spawns Node; on a busy 2-core machine a multi-command scenario needs more than the default.
vi.setConfig({ testTimeout: 120_000 });

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'iam-dojo.mjs');

function dojo(args: string[], cwd?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: cwd ?? process.cwd(), timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function workdir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-dojo-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const ALLOW_GET = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
});
const REQUEST = { PolicyInputList: [ALLOW_GET], ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::b/k'] };

describe('iam-dojo usage', () => {
  it('without a command prints usage and exits 2', () => {
    const r = dojo([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: iam-dojo <command>');
  });
  it('an unknown command names it', () => {
    const r = dojo(['simulate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "simulate"');
  });
  it('help prints usage to stdout', () => {
    const r = dojo(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate-policy');
  });
});

describe('iam-dojo simulate-custom-policy (IAM API SimulateCustomPolicy)', () => {
  const dir = workdir({ 'request.json': REQUEST, 'deny.json': { ...REQUEST, ActionNames: ['s3:PutObject'] } });

  it('prints EvaluationResults as the AWS CLI does', () => {
    const r = dojo(['simulate-custom-policy', '--cli-input-json', 'file://request.json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { EvaluationResults: Array<{ EvalDecision: string; MatchedStatements: unknown[] }> };
    expect(Object.keys(out)).toEqual(['EvaluationResults']);
    expect(out.EvaluationResults[0]?.EvalDecision).toBe('allowed');
    expect(r.stdout.startsWith('{\n    "EvaluationResults": [\n')).toBe(true);
  });

  it('--query and --output text work as in the AWS CLI', () => {
    const r = dojo(
      [
        'simulate-custom-policy',
        '--cli-input-json',
        'file://request.json',
        '--query',
        'EvaluationResults[].EvalDecision',
        '--output',
        'text',
      ],
      dir,
    );
    expect(r).toEqual({ code: 0, stdout: 'allowed\n', stderr: '' });
  });

  it('--expect allowed exits 0 when allowed and 1 when not', () => {
    expect(dojo(['simulate-custom-policy', '--cli-input-json', 'file://request.json', '--expect', 'allowed'], dir).code).toBe(0);
    const r = dojo(['simulate-custom-policy', '--cli-input-json', 'file://deny.json', '--expect', 'allowed'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected allowed but s3:PutObject on arn:aws:s3:::b/k was implicitDeny');
    expect(dojo(['simulate-custom-policy', '--cli-input-json', 'file://deny.json', '--expect', 'denied'], dir).code).toBe(0);
  });

  it('--explain explains the decision in words', () => {
    const r = dojo(['simulate-custom-policy', '--cli-input-json', 'file://deny.json', '--explain'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/IMPLICITDENY/i);
    expect(r.stdout).toContain('s3:PutObject');
  });

  it('a request the API would reject is an InvalidInput service error (254)', () => {
    const d = workdir({ 'r.json': { ...REQUEST, ActionNames: ['s3:*'] } });
    const r = dojo(['simulate-custom-policy', '--cli-input-json', 'file://r.json'], d);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/^\nAn error occurred \(InvalidInput\) when calling the SimulateCustomPolicy operation: /);
  });

  it('a malformed policy is MalformedPolicyDocument', () => {
    const d = workdir({ 'r.json': { ...REQUEST, PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}'] } });
    const r = dojo(['simulate-custom-policy', '--cli-input-json', 'file://r.json'], d);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('(MalformedPolicyDocument)');
  });

  it.each([
    [['simulate-custom-policy'], '--cli-input-json'],
    [['simulate-custom-policy', '--cli-input-json', 'file://missing.json'], 'cannot read missing.json'],
    [['simulate-custom-policy', '--cli-input-json', '{bad'], 'invalid JSON'],
    [['simulate-custom-policy', '--cli-input-json', 'file://request.json', '--expect', 'maybe'], '--expect must be one of'],
    [['simulate-custom-policy', '--cli-input-json', 'file://request.json', '--frob'], 'unknown option --frob'],
  ])('bad arguments %j → usage, exit 2', (args, message) => {
    const r = dojo(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: iam-dojo');
  });
});

describe('iam-dojo simulate-principal-policy (IAM API SimulatePrincipalPolicy)', () => {
  const details = {
    UserDetailList: [
      {
        Path: '/',
        UserName: 'alice',
        UserId: 'AIDAEXAMPLEALICE00001',
        Arn: 'arn:aws:iam::123456789012:user/alice',
        CreateDate: '2026-01-01T00:00:00+00:00',
        UserPolicyList: [{ PolicyName: 'read', PolicyDocument: JSON.parse(ALLOW_GET) as unknown }],
        GroupList: [],
        AttachedManagedPolicies: [],
        Tags: [],
      },
    ],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  const dir = workdir({
    'details.json': details,
    'request.json': {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alice',
      ActionNames: ['s3:GetObject', 's3:DeleteObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
    },
  });

  it('decides for the user from the account details', () => {
    const r = dojo(
      [
        'simulate-principal-policy',
        '--account-details',
        'file://details.json',
        '--cli-input-json',
        'file://request.json',
        '--query',
        'EvaluationResults[].[EvalActionName,EvalDecision]',
        '--output',
        'text',
      ],
      dir,
    );
    expect(r).toEqual({ code: 0, stdout: 's3:GetObject\tallowed\ns3:DeleteObject\timplicitDeny\n', stderr: '' });
  });

  it('needs --account-details', () => {
    const r = dojo(['simulate-principal-policy', '--cli-input-json', 'file://request.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--account-details');
  });
});

describe('iam-dojo validate-policy', () => {
  const dir = workdir({
    'good.json': ALLOW_GET,
    'missing-resource.json': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] },
    'trust.json': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
  });

  it('a clean policy has no findings and exits 0', () => {
    expect(dojo(['validate-policy', 'file://good.json'], dir)).toEqual({ code: 0, stdout: '{\n    "findings": []\n}\n', stderr: '' });
  });

  it('an invalid policy reports an ERROR with its position and exits 1', () => {
    const r = dojo(['validate-policy', 'file://missing-resource.json', '--output', 'text'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ERROR\tMISSING_RESOURCE\t1:\d+\t/);
  });

  it('--policy-type trust accepts a trust policy without Resource', () => {
    expect(dojo(['validate-policy', 'file://trust.json', '--policy-type', 'trust'], dir).code).toBe(0);
    expect(dojo(['validate-policy', 'file://trust.json'], dir).code).toBe(1);
  });

  it('needs a policy and a known type', () => {
    expect(dojo(['validate-policy'], dir).code).toBe(2);
    expect(dojo(['validate-policy', 'file://good.json', '--policy-type', 'galaxy'], dir).code).toBe(2);
  });
});

describe('iam-dojo aws', () => {
  it('runs AWS CLI commands in a saved world, one command per process', () => {
    const dir = workdir({});
    const world = join(dir, 'world.json');
    expect(dojo(['aws', 'iam', 'create-user', '--user-name', 'bob', '--world', world], dir).code).toBe(0);
    const r = dojo(['aws', 'iam', 'get-user', '--user-name', 'bob', '--world', world, '--query', 'User.UserName', '--output', 'text'], dir);
    expect(r).toEqual({ code: 0, stdout: 'bob\n', stderr: '' });
    expect(JSON.parse(readFileSync(world, 'utf8'))).toMatchObject({ version: 2, start: { seed: 'iam-dojo' } });
    const missing = dojo(['aws', 'iam', 'get-user', '--user-name', 'carol', '--world', world], dir);
    expect(missing.code).toBe(254);
    expect(missing.stderr).toContain('An error occurred (NoSuchEntity) when calling the GetUser operation');
    const bad = dojo(['aws', 'iam', 'create-user', '--world', world], dir);
    expect(bad.code).toBe(252);
  });

  it('file:// reads from disk, --outfile writes to disk, and the journal replays both', () => {
    const dir = workdir({ 'policy.json': ALLOW_GET });
    const arn = dojo(
      [
        'aws',
        'iam',
        'create-policy',
        '--policy-name',
        'read',
        '--policy-document',
        'file://policy.json',
        '--world',
        'w.json',
        '--query',
        'Policy.Arn',
        '--output',
        'text',
      ],
      dir,
    );
    expect(arn).toEqual({ code: 0, stdout: 'arn:aws:iam::123456789012:policy/read\n', stderr: '' });
    const journal = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8')) as { ops: Array<{ kind: string }> };
    expect(journal.ops.map((op) => op.kind)).toEqual(['writeFile', 'run']);
    const doc = dojo(
      [
        'aws',
        'iam',
        'get-policy-version',
        '--policy-arn',
        'arn:aws:iam::123456789012:policy/read',
        '--version-id',
        'v1',
        '--world',
        'w.json',
        '--query',
        'PolicyVersion.Document.Statement[0].Action',
        '--output',
        'text',
      ],
      dir,
    );
    expect(doc.stdout).toBe('s3:GetObject\n');
    const mfa = dojo(
      [
        'aws',
        'iam',
        'create-virtual-mfa-device',
        '--virtual-mfa-device-name',
        'ops',
        '--outfile',
        'qr.png',
        '--bootstrap-method',
        'QRCodePNG',
        '--world',
        'w.json',
      ],
      dir,
    );
    expect(mfa.code).toBe(0);
    expect([...readFileSync(join(dir, 'qr.png')).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('mfa-code and advance-clock let a script enable an MFA device with two consecutive codes', () => {
    const dir = workdir({});
    const serial = 'arn:aws:iam::123456789012:mfa/alice';
    expect(dojo(['aws', 'iam', 'create-user', '--user-name', 'alice', '--world', 'w.json'], dir).code).toBe(0);
    expect(
      dojo(
        [
          'aws',
          'iam',
          'create-virtual-mfa-device',
          '--virtual-mfa-device-name',
          'alice',
          '--outfile',
          'seed.txt',
          '--bootstrap-method',
          'Base32StringSeed',
          '--world',
          'w.json',
        ],
        dir,
      ).code,
    ).toBe(0);
    const first = dojo(['mfa-code', serial, '--world', 'w.json'], dir).stdout.trim();
    expect(dojo(['advance-clock', '30', '--world', 'w.json'], dir).code).toBe(0);
    const second = dojo(['mfa-code', serial, '--world', 'w.json'], dir).stdout.trim();
    expect(first).toMatch(/^\d{6}$/);
    expect(second).not.toBe(first);
    const enable = dojo(
      [
        'aws',
        'iam',
        'enable-mfa-device',
        '--user-name',
        'alice',
        '--serial-number',
        serial,
        '--authentication-code1',
        first,
        '--authentication-code2',
        second,
        '--world',
        'w.json',
      ],
      dir,
    );
    expect(enable).toEqual({ code: 0, stdout: '', stderr: '' });
    const trail = dojo(['trail', '--world', 'w.json', '--query', 'Records[].eventName', '--output', 'text'], dir);
    expect(trail.code).toBe(2);
    const names = JSON.parse(dojo(['trail', '--world', 'w.json', '--query', 'Records[].eventName'], dir).stdout) as string[];
    expect(names).toEqual(['CreateUser', 'CreateVirtualMFADevice', 'EnableMFADevice']);
    const list = dojo(
      [
        'aws',
        'iam',
        'list-mfa-devices',
        '--user-name',
        'alice',
        '--world',
        'w.json',
        '--query',
        'MFADevices[].SerialNumber',
        '--output',
        'text',
      ],
      dir,
    );
    expect(list.stdout).toBe(`${serial}\n`);
  });

  it('refuses a file that is not a world', () => {
    const dir = workdir({ 'w.json': { hello: 1 } });
    const r = dojo(['aws', 'iam', 'list-users', '--world', 'w.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an iam-dojo world file');
  });
});
