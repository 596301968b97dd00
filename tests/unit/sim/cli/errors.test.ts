// Error texts and exit codes of AWS CLI v2. Exit codes: AWS CLI v2 user guide, "Command line
// return codes" (252 invalid syntax/parameters, 253 configuration or credentials, 254 service
// error, 255 other). Texts: awscli/argparser.py, awscli/errorhandler.py, botocore/validate.py.
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { USAGE } from '../../../../src/sim/cli/messages.ts';
import { FakeHost } from './fake-host.ts';

const usageError = (message: string): string => `\nusage: ${USAGE}\naws: error: ${message}\n\n`;

describe('bad command lines exit 252 with the argparse text', () => {
  const cases: Array<[string, string, string]> = [
    ['no command', 'aws', usageError('the following arguments are required: command')],
    ['no operation', 'aws iam', usageError('the following arguments are required: operation')],
    ['missing required option', 'aws iam create-user', usageError('the following arguments are required: --user-name')],
    ['several missing', 'aws iam attach-user-policy', usageError('the following arguments are required: --user-name, --policy-arn')],
    ['option without its value', 'aws iam create-user --user-name', usageError('argument --user-name: expected one argument')],
    ['list option without values', 'aws iam tag-user --user-name a --tags', usageError('argument --tags: expected at least one argument')],
    ['missing positional outfile', 'aws s3api get-object --bucket b --key k', usageError('the following arguments are required: outfile')],
  ];
  it.each(cases)('%s', async (_name, line, stderr) => {
    const host = new FakeHost();
    const result = await runCommandLine(host, line);
    expect(result).toEqual({ exitCode: 252, stdout: '', stderr });
    expect(host.requests).toEqual([]);
  });

  it('unknown options are listed after the usage block', async () => {
    const host = new FakeHost();
    const result = await runCommandLine(host, 'aws iam get-user --user-name bob --foo bar');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(`\nusage: ${USAGE}\nUnknown options: --foo, bar\n\n`);
    expect(host.requests).toEqual([]);
  });

  it('an unknown operation lists the valid choices two per line and suggests close matches', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws iam create-usr --user-name x');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:\n\n');
    // Two per line, each padded to 40 (which column create-user lands in depends on how many operations IAM has).
    const padded = 'create-user'.padEnd(40);
    expect(result.stderr.split('\n').some((l) => l.startsWith(`${padded} | `) || l.endsWith(` | ${padded}`))).toBe(true);
    expect(result.stderr).toContain("Invalid choice: 'create-usr', maybe you meant:\n\n  * create-user\n");
  });

  it('an unknown service is an invalid command choice', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws iamm list-users');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument command: Invalid choice, valid choices are:');
    expect(result.stderr).toContain("Invalid choice: 'iamm', maybe you meant:\n\n  * iam");
  });

  it('an invalid --output value is an invalid choice', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws iam list-users --output xml');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument --output: Invalid choice, valid choices are:');
  });
});

describe('parameter errors', () => {
  it.each([
    [
      'shorthand missing =',
      'aws iam tag-user --user-name a --tags Key',
      "\nError parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\nKey\n   ^\n",
    ],
    [
      'bad JSON',
      `aws iam tag-user --user-name a --tags '[{"Key": }]'`,
      `\nError parsing parameter '--tags': Invalid JSON: Expecting value: line 1 column 10 (char 9)\nJSON received: [{"Key": }]\n`,
    ],
    [
      'missing file',
      'aws iam create-policy --policy-name p --policy-document file://nope.json',
      "\nError parsing parameter '--policy-document': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n",
    ],
    [
      'botocore: missing nested member',
      'aws iam tag-user --user-name a --tags Key=k',
      '\nParameter validation failed:\nMissing required parameter in Tags[0]: "Value"\n',
    ],
    [
      'botocore: min length',
      `aws iam create-user --user-name ''`,
      '\nParameter validation failed:\nInvalid length for parameter UserName, value: 0, valid min length: 1\n',
    ],
    [
      'botocore: min value',
      'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name s1 --duration-seconds 10',
      '\nParameter validation failed:\nInvalid value for parameter DurationSeconds, value: 10, valid min value: 900\n',
    ],
    [
      'botocore: wrong type in JSON',
      `aws iam tag-user --user-name a --tags '[{"Key": 1, "Value": "v"}]'`,
      "\nParameter validation failed:\nInvalid type for parameter Tags[0].Key, value: 1, type: <class 'int'>, valid types: <class 'str'>\n",
    ],
  ])('%s → 252', async (_name, line, stderr) => {
    const host = new FakeHost();
    const result = await runCommandLine(host, line);
    expect(result).toEqual({ exitCode: 252, stdout: '', stderr });
    expect(host.requests).toEqual([]);
  });

  it('an integer that is not a number fails like Python int() (255)', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws iam list-users --max-items ten');
    expect(result).toEqual({ exitCode: 255, stdout: '', stderr: "\ninvalid literal for int() with base 10: 'ten'\n" });
  });

  it('unknown keys in --cli-input-json are reported by botocore', async () => {
    const host = new FakeHost();
    host.files.set('in.json', '{"UserName": "bob", "Nickname": "b"}');
    const result = await runCommandLine(host, 'aws iam create-user --cli-input-json file://in.json');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      '\nParameter validation failed:\nUnknown parameter in input: "Nickname", must be one of: Path, UserName, PermissionsBoundary, Tags\n',
    );
  });

  it('a bad --query expression fails before any call (255)', async () => {
    const host = new FakeHost();
    const result = await runCommandLine(host, 'aws iam list-users --query "Users[".');
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toMatch(/^\nBad value for --query Users\[\.: Bad jmespath expression: /);
    expect(host.requests).toEqual([]);
  });
});

describe('service errors exit 254', () => {
  it('prints the error code, operation and message after a blank line', async () => {
    const host = new FakeHost();
    host.fail('iam:GetUser', 'NoSuchEntity', 'The user with name bob cannot be found.', 404);
    const result = await runCommandLine(host, 'aws iam get-user --user-name bob');
    expect(result).toEqual({
      exitCode: 254,
      stdout: '',
      stderr: '\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name bob cannot be found.\n',
    });
  });

  it('AccessDenied keeps the service message word for word', async () => {
    const host = new FakeHost();
    const message =
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action';
    host.fail('iam:ListUsers', 'AccessDenied', message, 403);
    const result = await runCommandLine(host, 'aws iam list-users --profile alice');
    expect(result.stderr).toBe(`\nAn error occurred (AccessDenied) when calling the ListUsers operation: ${message}\n`);
    expect(result.exitCode).toBe(254);
  });
});

describe('shell-level problems', () => {
  it.each([
    ['unknown program', 'ls -la /; rm', 2],
    ['unterminated quote', `aws iam create-user --user-name 'bob`, 2],
    ['not a command here', 'kubectl get pods', 127],
    ['export does not persist', 'export AWS_PROFILE=ana', 1],
  ])('%s', async (_name, line, code) => {
    const result = await runCommandLine(new FakeHost(), line);
    expect(result.exitCode).toBe(code);
    expect(result.stderr).not.toBe('');
  });

  it('an empty line does nothing', async () => {
    expect(await runCommandLine(new FakeHost(), '   ')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
