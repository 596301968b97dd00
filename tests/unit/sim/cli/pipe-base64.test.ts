// The terminal's pipelines and its base64 command. Sources:
// GNU Bash Reference Manual, "Pipelines" (3.2.3): stdout of each command is the next one's stdin; the
//   exit status is the last command's unless pipefail is set
//   https://www.gnu.org/software/bash/manual/bash.html#Pipelines
// GNU coreutils, "base64 invocation" (-d/--decode, -w/--wrap with a default of 76, -i/--ignore-garbage)
//   https://www.gnu.org/software/coreutils/manual/html_node/base64-invocation.html
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../src/sim/index.ts';
import { CliFailure } from '../../../../src/sim/cli/messages.ts';
import { tokenizePipeline } from '../../../../src/sim/cli/tokenize.ts';

function world() {
  return createWorld({ seed: 'pipe-test', now: '2026-03-02T09:00:00Z' });
}

describe('tokenizePipeline', () => {
  it('splits commands at unquoted | and keeps a final redirection', () => {
    expect(tokenizePipeline(`aws iam list-users --query 'Users[] | [0]' | base64 -d > out.txt`)).toEqual({
      commands: [
        ['aws', 'iam', 'list-users', '--query', 'Users[] | [0]'],
        ['base64', '-d'],
      ],
      redirect: { file: 'out.txt', append: false },
    });
  });

  it.each([
    ['an empty command before |', '| base64', '|'],
    ['an empty command after |', 'echo hi |', '|'],
    ['two | in a row', 'echo hi | | base64', '|'],
    ['||, a command list', 'echo hi || ls', '||'],
    ['a redirection before |', 'echo hi > f | base64', '|'],
    ['an input redirection', 'base64 < f', '<'],
  ])('refuses %s', (_name, line, operator) => {
    try {
      tokenizePipeline(line);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliFailure);
      expect((error as CliFailure).params['operator']).toBe(operator);
    }
  });
});

describe('pipelines', () => {
  it("feeds each command's stdout to the next", async () => {
    const w = world();
    expect(await w.run('echo hello | base64')).toEqual({ exitCode: 0, stdout: 'aGVsbG8K\n', stderr: '' });
    expect(await w.run('echo aGVsbG8K | base64 -d | cat')).toEqual({ exitCode: 0, stdout: 'hello\n', stderr: '' });
  });

  it('answers command not found for an unknown command after |, with exit 127', async () => {
    const r = await world().run('echo hi | jq .');
    expect(r.exitCode).toBe(127);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^-bash: jq: command not found \(this terminal runs .*base64/);
  });

  it("exits with the last command's status and shows every stderr", async () => {
    const w = world();
    const r = await w.run('cat missing.txt | base64');
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: 'cat: missing.txt: No such file or directory\n' });
    const failedLast = await w.run('echo hi | base64 -d');
    expect(failedLast).toEqual({ exitCode: 1, stdout: '', stderr: 'base64: invalid input\n' });
  });

  it('a pipeline in which any command failed writes no file', async () => {
    const w = world();
    await w.run('aws iam get-credential-report --query Content --output text | base64 -d > report.csv');
    expect(w.listFiles()).toEqual([]);
    await w.run('aws iam generate-credential-report');
    const ok = await w.run('aws iam get-credential-report --query Content --output text | base64 -d > report.csv');
    expect(ok).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(String(w.readFile('report.csv'))).toMatch(/^user,arn,user_creation_time,/);
  });

  it('a heredoc feeds the first command of a pipeline', async () => {
    const r = await world().run("cat <<'EOF' | base64 -d\naGVsbG8K\nEOF");
    expect(r).toEqual({ exitCode: 0, stdout: 'hello\n', stderr: '' });
  });
});

describe('base64', () => {
  it('wraps encoded output at 76 columns by default; -w 0 never, --wrap=N at N', async () => {
    const w = world();
    const long = 'x'.repeat(100);
    const wrappedOut = (await w.run(`echo -n ${long} | base64`)).stdout;
    expect(wrappedOut.split('\n').map((l) => l.length)).toEqual([76, 60, 0]);
    expect((await w.run(`echo -n ${long} | base64 -w 0`)).stdout.split('\n').length).toBe(2);
    expect((await w.run(`echo -n ${long} | base64 --wrap=10`)).stdout.split('\n')[0]).toHaveLength(10);
  });

  it('decodes a file, ignores line breaks, and with -i other garbage', async () => {
    const w = world();
    await w.run("cat > enc.txt <<'EOF'\naGVs\nbG8K\nEOF");
    expect((await w.run('base64 --decode enc.txt')).stdout).toBe('hello\n');
    expect((await w.run('echo "aGV*sbG8K" | base64 -d')).exitCode).toBe(1);
    expect((await w.run('echo "aGV*sbG8K" | base64 -di')).stdout).toBe('hello\n');
  });

  it('fails loud on bad options, extra operands, a missing file and no input', async () => {
    const w = world();
    expect(await w.run('base64 -x')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "base64: invalid option -- 'x'\nTry 'base64 --help' for more information.\n",
    });
    expect((await w.run('base64 --decoder')).stderr).toMatch(/^base64: unrecognized option '--decoder'/);
    expect((await w.run('base64 -w abc')).stderr).toMatch(/^base64: invalid wrap size: 'abc'/);
    expect((await w.run('base64 a b')).stderr).toMatch(/^base64: extra operand 'b'/);
    expect(await w.run('base64 nope.txt')).toEqual({ exitCode: 1, stdout: '', stderr: 'base64: nope.txt: No such file or directory\n' });
    expect((await w.run('base64 -d')).stderr).toMatch(/^base64: no input: pipe a command into it/);
  });
});
