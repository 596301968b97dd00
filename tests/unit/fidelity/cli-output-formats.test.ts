// AWS CLI v2 output through the public API (createWorld, world.run): --output json/text/table for
// list-users, get-user, list-attached-user-policies and sts get-caller-identity, timestamps, error
// texts and return codes. Sources: AWS CLI User Guide, "Setting the output format" (text: tab
// separated, one line per object, list key upper-cased as the first column, scalar keys sorted;
// table: sections titled by the operation, nested sections framed by "||"), "Command line return
// codes" (252 bad syntax, 254 service error, 255 other), aws/aws-cli#7128 (v2 accepts unambiguous
// option abbreviations), "Troubleshoot access denied error messages", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';

const ACCT = '123456789012';
const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

async function world(): Promise<{ w: World; ids: Record<string, string> }> {
  const w = createWorld({ now: '2026-03-02T09:00:00Z' });
  const ids: Record<string, string> = {};
  for (const [name, path] of [
    ['alice', '/'],
    ['bob', '/team/'],
  ] as const) {
    const r = await w.run(`aws iam create-user --user-name ${name} --path ${path}`);
    ids[name] = (JSON.parse(r.stdout) as { User: { UserId: string } }).User.UserId;
  }
  await w.run('aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess');
  return { w, ids };
}

async function ok(w: World, line: string): Promise<string> {
  const r = await w.run(line);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('--output json (4-space indent, service key order, ISO timestamps with +00:00)', () => {
  test('create-user prints the User in API member order with CreateDate 2026-03-02T09:00:00+00:00', async () => {
    const w = createWorld({ now: '2026-03-02T09:00:00Z' });
    const out = await ok(w, 'aws iam create-user --user-name carol');
    const id = (JSON.parse(out) as { User: { UserId: string } }).User.UserId;
    expect(out).toBe(
      `{\n    "User": {\n        "Path": "/",\n        "UserName": "carol",\n        "UserId": "${id}",\n        "Arn": "arn:aws:iam::${ACCT}:user/carol",\n        "CreateDate": "2026-03-02T09:00:00+00:00"\n    }\n}\n`,
    );
  });
  test('get-caller-identity keys UserId, Account, Arn; root UserId is the account ID', async () => {
    const w = createWorld();
    expect(await ok(w, 'aws sts get-caller-identity')).toBe(
      `{\n    "UserId": "${ACCT}",\n    "Account": "${ACCT}",\n    "Arn": "arn:aws:iam::${ACCT}:root"\n}\n`,
    );
  });
  test('an operation without output (attach-user-policy) prints nothing', async () => {
    const { w } = await world();
    expect(await ok(w, 'aws iam attach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe('');
  });
});

describe('--output text (awscli text formatter: identifier column, sorted scalar keys, tabs)', () => {
  test('list-users: one USERS line per user, columns Arn CreateDate Path UserId UserName', async () => {
    const { w, ids } = await world();
    expect(await ok(w, 'aws iam list-users --output text')).toBe(
      `USERS\tarn:aws:iam::${ACCT}:user/alice\t2026-03-02T09:00:00+00:00\t/\t${ids['alice']}\talice\n` +
        `USERS\tarn:aws:iam::${ACCT}:user/team/bob\t2026-03-02T09:00:00+00:00\t/team/\t${ids['bob']}\tbob\n`,
    );
  });
  test('get-user: one USER line', async () => {
    const { w, ids } = await world();
    expect(await ok(w, 'aws iam get-user --user-name alice --output text')).toBe(
      `USER\tarn:aws:iam::${ACCT}:user/alice\t2026-03-02T09:00:00+00:00\t/\t${ids['alice']}\talice\n`,
    );
  });
  test('list-attached-user-policies: ATTACHEDPOLICIES PolicyArn PolicyName', async () => {
    const { w } = await world();
    expect(await ok(w, 'aws iam list-attached-user-policies --user-name alice --output text')).toBe(
      'ATTACHEDPOLICIES\tarn:aws:iam::aws:policy/ReadOnlyAccess\tReadOnlyAccess\n',
    );
  });
  test('get-caller-identity: Account, Arn, UserId on one line without an identifier', async () => {
    const w = createWorld();
    expect(await ok(w, 'aws sts get-caller-identity --output text')).toBe(`${ACCT}\tarn:aws:iam::${ACCT}:root\t${ACCT}\n`);
  });
  test('an empty list prints nothing; --query of a list of strings prints them tab-separated on one line', async () => {
    const { w } = await world();
    expect(await ok(w, 'aws iam list-attached-user-policies --user-name bob --output text')).toBe('');
    expect(await ok(w, 'aws iam list-users --query Users[].UserName --output text')).toBe('alice\tbob\n');
    expect(await ok(w, 'aws sts get-caller-identity --query Account --output text')).toBe(`${ACCT}\n`);
  });
});

describe('--output table (awscli table formatter)', () => {
  test('get-caller-identity: titled GetCallerIdentity, one header row Account | Arn | UserId and one value row', async () => {
    const w = createWorld();
    const lines = (await ok(w, 'aws sts get-caller-identity --output table')).split('\n');
    expect(lines[0]).toMatch(/^-+$/);
    expect(lines[1]).toMatch(/^\|\s+GetCallerIdentity\s+\|$/);
    expect(lines[2]).toMatch(/^\+-+\+-+\+-+\+$/);
    expect(lines[3]).toMatch(/^\|\s+Account\s+\|\s+Arn\s+\|\s+UserId\s+\|$/);
    expect(lines[5]).toContain(`arn:aws:iam::${ACCT}:root`);
    expect(new Set(lines.filter((l) => l !== '').map((l) => l.length)).size).toBe(1);
  });
  test('get-caller-identity as root: byte for byte the table a real CLI v2 printed for a root key (public README, account ID substituted)', async () => {
    const w = createWorld();
    expect(await ok(w, 'aws sts get-caller-identity --output table')).toBe(
      [
        '--------------------------------------------------------------------',
        '|                         GetCallerIdentity                        |',
        '+--------------+----------------------------------+----------------+',
        '|    Account   |               Arn                |    UserId      |',
        '+--------------+----------------------------------+----------------+',
        `|  ${ACCT}|  arn:aws:iam::${ACCT}:root  |  ${ACCT}  |`,
        '+--------------+----------------------------------+----------------+',
        '',
      ].join('\n'),
    );
  });
  test('get-user: the User section is wider than 80 columns as a row, so printed as key/value rows (sorted keys)', async () => {
    const { w } = await world();
    const out = await ok(w, 'aws iam get-user --user-name alice --output table');
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^\|\s+GetUser\s+\|$/);
    expect(lines[3]).toMatch(/^\|\|\s+User\s+\|\|$/);
    const keys = lines.filter((l) => /^\|\| {2}\w+\s+\| {2}/.test(l)).map((l) => l.split('|')[2]?.trim());
    expect(keys).toEqual(['Arn', 'CreateDate', 'Path', 'UserId', 'UserName']);
  });
  test('list-users: a nested Users section with a header row of sorted keys and one row per user', async () => {
    const { w } = await world();
    const lines = (await ok(w, 'aws iam list-users --output table')).split('\n');
    expect(lines[1]).toMatch(/^\|\s+ListUsers\s+\|$/);
    expect(lines[3]).toMatch(/^\|\|\s+Users\s+\|\|$/);
    expect(
      lines[5]
        ?.split('|')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ).toEqual(['Arn', 'CreateDate', 'Path', 'UserId', 'UserName']);
    expect(lines.filter((l) => l.includes(`:user/`)).length).toBe(2);
  });
  test('list-attached-user-policies: AttachedPolicies section with PolicyArn | PolicyName', async () => {
    const { w } = await world();
    const lines = (await ok(w, 'aws iam list-attached-user-policies --user-name alice --output table')).split('\n');
    expect(lines[1]).toMatch(/^\|\s+ListAttachedUserPolicies\s+\|$/);
    expect(lines[3]).toMatch(/^\|\|\s+AttachedPolicies\s+\|\|$/);
    expect(
      lines[5]
        ?.split('|')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ).toEqual(['PolicyArn', 'PolicyName']);
  });
});

describe('errors and return codes (CLI User Guide, "Command line return codes")', () => {
  test('a service error: stderr "\\nAn error occurred (NoSuchEntity) when calling the GetUser operation: …", exit 254', async () => {
    const w = createWorld();
    const r = await w.run('aws iam get-user --user-name nobody');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([
      254,
      '',
      '\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.\n',
    ]);
  });
  test('the error goes to stderr whatever --output says', async () => {
    const w = createWorld();
    const r = await w.run('aws iam get-user --user-name nobody --output text');
    expect([r.exitCode, r.stdout]).toEqual([254, '']);
    expect(r.stderr).toContain('(NoSuchEntity)');
  });
  test('a missing required option: usage + "the following arguments are required", exit 252', async () => {
    const w = createWorld();
    const r = await w.run('aws iam create-user');
    expect([r.exitCode, r.stderr]).toEqual([252, `\n${USAGE}aws: error: the following arguments are required: --user-name\n\n`]);
  });
  test('an unknown option: usage + "Unknown options: --foo, bar", exit 252', async () => {
    const w = createWorld();
    const r = await w.run('aws iam get-user --foo bar');
    expect([r.exitCode, r.stderr]).toEqual([252, `\n${USAGE}Unknown options: --foo, bar\n\n`]);
  });
  test('parameter validation (botocore): "Parameter validation failed:\\nInvalid length …", exit 252', async () => {
    const w = createWorld();
    const r = await w.run('aws iam create-user --user-name ""');
    expect([r.exitCode, r.stderr]).toEqual([
      252,
      '\nParameter validation failed:\nInvalid length for parameter UserName, value: 0, valid min length: 1\n',
    ]);
  });
  test('an unknown operation: "Invalid choice … maybe you meant: * get-user", exit 252', async () => {
    const w = createWorld();
    const r = await w.run('aws iam get-usr');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:');
    expect(r.stderr).toContain("Invalid choice: 'get-usr', maybe you meant:\n\n  * get-user");
  });
  test('an unknown profile: "The config profile (nope) could not be found", exit 255', async () => {
    const w = createWorld();
    const r = await w.run('aws --profile nope sts get-caller-identity');
    expect([r.exitCode, r.stderr]).toEqual([255, '\nThe config profile (nope) could not be found\n']);
  });
  test('an unambiguous option abbreviation is accepted, as CLI v2 argparse does (aws/aws-cli#7128)', async () => {
    const { w } = await world();
    expect(JSON.parse(await ok(w, 'aws iam get-user --user-nam alice')).User.UserName).toBe('alice');
  });
  test('an AccessDenied from IAM: exit 254 with the User: … is not authorized … message', async () => {
    const { w } = await world();
    const key = JSON.parse(await ok(w, 'aws iam create-access-key --user-name bob')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    await ok(w, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId} --profile bob`);
    await ok(w, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey} --profile bob`);
    const r = await w.run('aws iam list-users --profile bob');
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toBe(
      `\nAn error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::${ACCT}:user/team/bob is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCT}:user/ because no identity-based policy allows the iam:ListUsers action\n`,
    );
  });
});
