// The terminal's files: cat, ls, rm, echo, > and >> redirection, heredocs, and where a policy file
// goes wrong. Shell behaviour follows the GNU Bash Reference Manual, "Redirections" (3.6) and
// "Here Documents" (3.6.6): https://www.gnu.org/software/bash/manual/bash.html#Redirections
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../src/sim/index.ts';

function world() {
  return createWorld({ seed: 'shell-test', now: '2026-03-02T09:00:00Z' });
}

const POLICY = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}',
  '  ]',
  '}',
];

describe('terminal files', () => {
  it('a heredoc writes the lines up to its delimiter, kept as typed', async () => {
    const w = world();
    const open = await w.run('cat > policy.json <<\'EOF\'\n{\n  "a": 1');
    expect(open).toEqual({ exitCode: 0, stdout: '', stderr: '', continuation: '> ' });
    expect(w.listFiles()).toEqual([]);
    const done = await w.run('cat > policy.json <<\'EOF\'\n{\n  "a": 1\n}\nEOF');
    expect(done).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(w.readFile('policy.json')).toBe('{\n  "a": 1\n}\n');
  });

  it('<<- strips leading tabs; cat without a file prints the heredoc', async () => {
    const w = world();
    expect((await w.run('cat <<-END\n\tone\n\t\ttwo\n\tEND')).stdout).toBe('one\ntwo\n');
  });

  it('echo > writes, >> appends, and any command can be redirected', async () => {
    const w = world();
    await w.run('echo hello > notes.txt');
    await w.run("echo -n 'more text' >> notes.txt");
    expect(w.readFile('notes.txt')).toBe('hello\nmore text');
    const created = await w.run('aws iam create-user --user-name bob > user.json');
    expect(created.stdout).toBe('');
    expect(JSON.parse(w.readFile('user.json') as string).User.UserName).toBe('bob');
  });

  it('a failing command leaves its > file as it was (a failed line never changes the world; bash would truncate it)', async () => {
    const w = world();
    await w.run('echo old > out.json');
    const failed = await w.run('aws iam get-user --user-name nobody > out.json');
    expect(failed.exitCode).toBe(254);
    expect(failed.stderr).toMatch(/NoSuchEntity/);
    expect(w.readFile('out.json')).toBe('old\n');
  });

  it('ls lists, rm removes, and both name what is missing as coreutils does', async () => {
    const w = world();
    await w.run('echo a > a.txt');
    await w.run('echo b > b.txt');
    expect((await w.run('ls')).stdout).toBe('a.txt\nb.txt\n');
    expect(await w.run('rm a.txt gone.txt')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "rm: cannot remove 'gone.txt': No such file or directory\n",
    });
    expect(await w.run('rm -f gone.txt')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await w.run('ls')).stdout).toBe('b.txt\n');
    expect((await w.run('ls gone.txt')).stderr).toBe("ls: cannot access 'gone.txt': No such file or directory\n");
  });

  it("a redirect without a file is bash's syntax error", async () => {
    const r = await world().run('echo hi >');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^-bash: syntax error near unexpected token `newline'/);
  });

  it('a policy written with a heredoc is attached with file://', async () => {
    const w = world();
    await w.run('aws iam create-user --user-name bob');
    await w.run(`cat > policy.json <<'EOF'\n${POLICY.join('\n')}\nEOF`);
    expect(await w.run('aws iam put-user-policy --user-name bob --policy-name list --policy-document file://policy.json')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(
      JSON.parse((await w.run('aws iam get-user-policy --user-name bob --policy-name list')).stdout).PolicyDocument.Statement[0].Action,
    ).toBe('s3:ListAllMyBuckets');
  });

  it("IAM's answer to a malformed file stays AWS's; the simulator adds the file, line and column", async () => {
    // IAM answers "Syntax errors in policy." with no position (IAM API Reference, PutUserPolicy,
    // MalformedPolicyDocument: https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html).
    const w = world();
    await w.run('aws iam create-user --user-name bob');
    const broken = [...POLICY];
    broken[3] = '    {"Effect": "Allow" "Action": "s3:*", "Resource": "*"}';
    w.writeFile('policy.json', broken.join('\n'));
    const r = await w.run('aws iam put-user-policy --user-name bob --policy-name p --policy-document file://policy.json');
    expect(r.exitCode).toBe(254);
    const [aws, note] = r.stderr.trim().split('\n');
    expect(aws).toBe('An error occurred (MalformedPolicyDocument) when calling the PutUserPolicy operation: Syntax errors in policy.');
    expect(note).toMatch(/^\[simulator\] policy\.json:4:24: .*\(JSON_SYNTAX\)$/);
  });

  it('a grammar error in a file is located too', async () => {
    const w = world();
    await w.run('aws iam create-user --user-name bob');
    w.writeFile('policy.json', POLICY.join('\n').replace('"Allow"', '"Alow"'));
    const r = await w.run('aws iam put-user-policy --user-name bob --policy-name p --policy-document file://policy.json');
    expect(r.stderr).toMatch(/\[simulator\] policy\.json:4:\d+: .*\(INVALID_EFFECT\)/);
  });

  it('bad JSON in a file:// structure argument names line and column as the CLI does', async () => {
    const w = world();
    w.writeFile('tags.json', '[\n  {"Key": "team" "Value": "a"}\n]');
    const r = await w.run('aws iam create-user --user-name bob --tags file://tags.json');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toMatch(/line 2 column \d+/);
  });

  it('file:// feeds --cli-input-json and fileb:// a blob argument, as in the real CLI', async () => {
    // AWS CLI User Guide, "Loading AWS CLI parameters from a file": https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html
    const w = world();
    w.writeFile('req.json', JSON.stringify({ UserName: 'carol', Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect(JSON.parse(await w.run('aws iam create-user --cli-input-json file://req.json').then((r) => r.stdout)).User.UserName).toBe(
      'carol',
    );
    await w.run('aws kms create-key --description k');
    const keyId = (await w.run('aws kms list-keys --query Keys[0].KeyId --output text')).stdout.trim();
    w.writeFile('plain.txt', 'bytes from a file');
    const blob = (
      await w.run(`aws kms encrypt --key-id ${keyId} --plaintext fileb://plain.txt --query CiphertextBlob --output text`)
    ).stdout.trim();
    const out = JSON.parse((await w.run(`aws kms decrypt --ciphertext-blob ${blob}`)).stdout);
    expect(atob(out.Plaintext)).toBe('bytes from a file');
    expect((await w.run('aws kms encrypt --key-id x --plaintext fileb://missing.bin')).stderr).toBe(
      "\nError parsing parameter '--plaintext': Unable to load paramfile fileb://missing.bin: [Errno 2] No such file or directory: 'missing.bin'\n",
    );
  });
});
