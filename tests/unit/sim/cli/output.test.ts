// Output as AWS CLI v2 prints it (CLI user guide, "Setting the output format": json, text,
// table; "Filtering output with --query"). Formats follow awscli/formatter.py, text.py, table.py.
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { formatText } from '../../../../src/sim/cli/output/text.ts';
import { formatTable } from '../../../../src/sim/cli/output/table.ts';
import { FakeHost } from './fake-host.ts';

const IDENTITY = { UserId: 'AIDAEXAMPLE', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' };
const USERS = {
  Users: [
    { Path: '/', UserName: 'bob', UserId: 'AIDABOB', Arn: 'arn:aws:iam::123456789012:user/bob', CreateDate: '2026-03-02T14:05:11+00:00' },
    {
      Path: '/',
      UserName: 'carol',
      UserId: 'AIDACAROL',
      Arn: 'arn:aws:iam::123456789012:user/carol',
      CreateDate: '2026-03-02T14:06:00+00:00',
    },
  ],
};

async function run(line: string, output: Record<string, unknown>, key = 'sts:GetCallerIdentity'): Promise<string> {
  const host = new FakeHost();
  host.answer(key, output);
  const result = await runCommandLine(host, line);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

describe('--output json', () => {
  it('indents with four spaces and keeps the service key order', async () => {
    expect(await run('aws sts get-caller-identity', IDENTITY)).toBe(
      '{\n    "UserId": "AIDAEXAMPLE",\n    "Account": "123456789012",\n    "Arn": "arn:aws:iam::123456789012:user/alice"\n}\n',
    );
  });
  it('prints nothing for an operation without output', async () => {
    expect(
      await run('aws iam attach-user-policy --user-name a --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess', {}, 'iam:AttachUserPolicy'),
    ).toBe('');
  });
  it('prints blobs as base64', async () => {
    expect(await run('aws sts get-caller-identity', { Blob: new Uint8Array([104, 105]) })).toBe('{\n    "Blob": "aGk="\n}\n');
  });
  it('does not escape non-ASCII text (ensure_ascii=False)', async () => {
    expect(await run('aws sts get-caller-identity', { Name: 'José' })).toBe('{\n    "Name": "José"\n}\n');
  });
});

describe('--query', () => {
  it.each<[string, string]>([
    ["--query 'Users[].UserName'", '[\n    "bob",\n    "carol"\n]\n'],
    ["--query 'Users[0].UserName'", '"bob"\n'],
    ["--query 'Users[?UserName==`carol`].Arn | [0]'", '"arn:aws:iam::123456789012:user/carol"\n'],
    ["--query 'length(Users)'", '2\n'],
    ["--query 'Nothing'", 'null\n'],
    ["--query 'Users[].UserName' --output text", 'bob\tcarol\n'],
    ["--query 'Users[].[UserName,UserId]' --output text", 'bob\tAIDABOB\ncarol\tAIDACAROL\n'],
  ])('%s', async (args, expected) => {
    expect(await run(`aws iam list-users ${args}`, USERS, 'iam:ListUsers')).toBe(expected);
  });
});

describe('--output text', () => {
  it('prints scalars tab-separated in sorted key order', async () => {
    expect(await run('aws sts get-caller-identity --output text', IDENTITY)).toBe(
      '123456789012\tarn:aws:iam::123456789012:user/alice\tAIDAEXAMPLE\n',
    );
  });
  it('prefixes rows of a list with the upper-cased key', async () => {
    expect(await run('aws iam list-users --output text', USERS, 'iam:ListUsers')).toBe(
      'USERS\tarn:aws:iam::123456789012:user/bob\t2026-03-02T14:05:11+00:00\t/\tAIDABOB\tbob\n' +
        'USERS\tarn:aws:iam::123456789012:user/carol\t2026-03-02T14:06:00+00:00\t/\tAIDACAROL\tcarol\n',
    );
  });
  it('nested objects follow their parent line; booleans and nulls print as Python does', () => {
    expect(formatText({ A: { B: true, C: null }, D: 1 })).toBe('1\nA\tTrue\tNone\n');
  });
  it('a missing key in one element leaves an empty column', () => {
    expect(formatText({ L: [{ a: 1, b: 2 }, { a: 3 }] })).toBe('L\t1\t2\nL\t3\t\n');
  });
});

describe('--output table', () => {
  it('draws a one-row object with sorted headers', async () => {
    expect(await run('aws sts get-caller-identity --output table', IDENTITY)).toBe(
      [
        '-------------------------------------------------------------------------',
        '|                           GetCallerIdentity                           |',
        '+--------------+----------------------------------------+---------------+',
        '|    Account   |                  Arn                   |    UserId     |',
        '+--------------+----------------------------------------+---------------+',
        '|  123456789012|  arn:aws:iam::123456789012:user/alice  |  AIDAEXAMPLE  |',
        '+--------------+----------------------------------------+---------------+',
        '',
      ].join('\n'),
    );
  });
  it('nests lists as indented sections', () => {
    const table = formatTable({ Groups: [{ GroupName: 'dev', Path: '/' }] }, 'ListGroups');
    expect(table).toBe(
      [
        '-------------------------',
        '|      ListGroups       |',
        '+-----------------------+',
        '||       Groups        ||',
        '|+------------+--------+|',
        '||  GroupName | Path   ||',
        '|+------------+--------+|',
        '||  dev       |  /     ||',
        '|+------------+--------+|',
        '',
      ].join('\n'),
    );
  });
  it('turns single-row sections vertical when wider than the terminal', () => {
    const table = formatTable(IDENTITY, 'GetCallerIdentity', 40);
    expect(table.split('\n')[2]).toMatch(/^\+-+\+-+\+$/);
    expect(table).toContain('|  Account|  123456789012                           |');
  });
  it('prints nothing for an empty response', () => {
    expect(formatTable({}, 'AttachUserPolicy')).toBe('');
  });
});

describe('--output yaml', () => {
  it("prints block YAML with lists at the key's indentation, quoting what YAML would misread", async () => {
    const host = new FakeHost();
    host.answer('iam:GetUser', {
      User: { Path: '/', UserName: 'a', Tags: [{ Key: 'k', Value: 'v' }], CreateDate: '2026-03-02T09:00:00+00:00' },
    });
    const result = await runCommandLine(host, 'aws iam get-user --user-name a --output yaml');
    expect(result.stdout).toBe(
      "User:\n  Path: /\n  UserName: a\n  Tags:\n  - Key: k\n    Value: v\n  CreateDate: '2026-03-02T09:00:00+00:00'\n",
    );
  });
});
