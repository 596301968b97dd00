// Profiles and credentials as the CLI resolves them (CLI user guide: "Configuration and credential
// file settings", "Use an IAM role in the AWS CLI" — role_arn, source_profile, mfa_serial,
// role_session_name, cached temporary credentials) and `aws configure set|get|list`.
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import type { ServiceRequest } from '../../../../src/sim/services/contract.ts';
import { FakeHost } from './fake-host.ts';

function hostWithRole(): FakeHost {
  const host = new FakeHost();
  host.answers.set('sts:AssumeRole', (request: ServiceRequest) => ({
    ok: true,
    output: {
      Credentials: {
        AccessKeyId: `ASIA${host.requests.length}EXAMPLE`,
        SecretAccessKey: 'tempsecret',
        SessionToken: 'token',
        Expiration: new Date(host.time + 3600_000).toISOString(),
      },
      AssumedRoleUser: {
        AssumedRoleId: 'AROAEXAMPLE:s',
        Arn: `arn:aws:sts::123456789012:assumed-role/admin/${String(request.params.RoleSessionName)}`,
      },
    },
  }));
  return host;
}

async function configure(host: FakeHost, ...lines: string[]): Promise<void> {
  for (const line of lines) expect(await runCommandLine(host, line)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
}

describe('aws configure', () => {
  it('set then get a value of a named profile', async () => {
    const host = new FakeHost();
    await configure(host, 'aws configure set region eu-west-1 --profile dev');
    expect(await runCommandLine(host, 'aws configure get region --profile dev')).toEqual({
      exitCode: 0,
      stdout: 'eu-west-1\n',
      stderr: '',
    });
    expect(host.cliConfig.profiles).toEqual({ dev: { region: 'eu-west-1' } });
  });

  it('accepts dotted names for other profiles', async () => {
    const host = new FakeHost();
    await configure(host, 'aws configure set profile.ops.output text', 'aws configure set default.region us-west-2');
    expect(host.cliConfig.profiles).toEqual({ ops: { output: 'text' }, default: { region: 'us-west-2' } });
  });

  it('get of an unset value prints nothing and exits 1', async () => {
    expect(await runCommandLine(new FakeHost(), 'aws configure get region')).toEqual({ exitCode: 1, stdout: '', stderr: '' });
  });

  it('list shows where each value comes from, keys masked', async () => {
    const host = new FakeHost();
    await configure(host, 'aws configure set region eu-west-1');
    const result = await runCommandLine(host, 'aws configure list');
    expect(result.stdout).toBe(
      '      Name                    Value             Type    Location\n' +
        '      ----                    -----             ----    --------\n' +
        '   profile                <not set>             None    None\n' +
        'access_key     ****************MPLE shared-credentials-file    \n' +
        'secret_key     ****************cret shared-credentials-file    \n' +
        '    region                eu-west-1      config-file    ~/.aws/config\n',
    );
  });

  it('a profile with its own keys signs with them; output setting applies', async () => {
    const host = new FakeHost();
    host.answer('sts:GetCallerIdentity', { Account: '123456789012' });
    await configure(
      host,
      'aws configure set aws_access_key_id AKIAOTHER000000EXAMPLE --profile k',
      'aws configure set aws_secret_access_key s3cr3t --profile k',
      'aws configure set output text --profile k',
    );
    const result = await runCommandLine(host, 'aws sts get-caller-identity --profile k');
    expect(result.stdout).toBe('123456789012\n');
    expect(host.requests[0]?.credentials).toEqual({ kind: 'accessKey', accessKeyId: 'AKIAOTHER000000EXAMPLE', secretAccessKey: 's3cr3t' });
  });

  it('session tokens are sent with the keys', async () => {
    const host = new FakeHost();
    await configure(
      host,
      'aws configure set aws_access_key_id ASIATEMP --profile t',
      'aws configure set aws_secret_access_key x --profile t',
      'aws configure set aws_session_token tok --profile t',
    );
    await runCommandLine(host, 'aws sts get-caller-identity --profile t');
    expect(host.requests[0]?.credentials).toEqual({
      kind: 'accessKey',
      accessKeyId: 'ASIATEMP',
      secretAccessKey: 'x',
      sessionToken: 'tok',
    });
  });
});

describe('credential failures', () => {
  it('an unknown profile (no such user either) exits 255', async () => {
    expect(await runCommandLine(new FakeHost(), 'aws iam list-users --profile ghost')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nThe config profile (ghost) could not be found\n',
    });
  });

  it('a profile without keys exits 253 "Unable to locate credentials"', async () => {
    const host = new FakeHost();
    await configure(host, 'aws configure set region eu-west-1 --profile nokeys');
    expect(await runCommandLine(host, 'aws iam list-users --profile nokeys')).toEqual({
      exitCode: 253,
      stdout: '',
      stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
    expect(host.requests).toEqual([]);
  });

  it('half a key pair is "Partial credentials found" (255)', async () => {
    const host = new FakeHost();
    await configure(host, 'aws configure set aws_access_key_id AKIAX --profile half');
    const result = await runCommandLine(host, 'aws iam list-users --profile half');
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe('\nPartial credentials found in shared-credentials-file, missing: aws_secret_access_key\n');
  });
});

describe('role profiles', () => {
  it('assume the role with the source profile, then call with the session credentials', async () => {
    const host = hostWithRole();
    await configure(
      host,
      'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin',
      'aws configure set source_profile alice --profile admin',
      'aws configure set role_session_name alice-admin --profile admin',
    );
    const result = await runCommandLine(host, 'aws iam list-users --profile admin');
    expect(result.exitCode).toBe(0);
    const [assume, call] = host.requests;
    expect(assume?.operation).toBe('AssumeRole');
    expect(assume?.params).toEqual({ RoleArn: 'arn:aws:iam::123456789012:role/admin', RoleSessionName: 'alice-admin' });
    expect(assume?.credentials).toEqual(host.users.get('alice'));
    expect(call?.credentials).toEqual({
      kind: 'accessKey',
      accessKeyId: 'ASIA1EXAMPLE',
      secretAccessKey: 'tempsecret',
      sessionToken: 'token',
    });
  });

  it('reuses cached credentials until 15 minutes before they expire', async () => {
    const host = hostWithRole();
    await configure(
      host,
      'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin',
      'aws configure set source_profile alice --profile admin',
    );
    await runCommandLine(host, 'aws iam list-users --profile admin');
    await runCommandLine(host, 'aws iam list-users --profile admin');
    expect(host.requests.map((r) => r.operation)).toEqual(['AssumeRole', 'ListUsers', 'ListUsers']);
    host.time += 50 * 60 * 1000;
    await runCommandLine(host, 'aws iam list-users --profile admin');
    expect(host.requests.map((r) => r.operation)).toEqual(['AssumeRole', 'ListUsers', 'ListUsers', 'AssumeRole', 'ListUsers']);
  });

  it('default session name is botocore-session-<epoch seconds>', async () => {
    const host = hostWithRole();
    await configure(
      host,
      'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin',
      'aws configure set source_profile alice --profile admin',
    );
    await runCommandLine(host, 'aws sts get-caller-identity --profile admin');
    expect(host.requests[0]?.params.RoleSessionName).toBe(`botocore-session-${Math.floor(host.time / 1000)}`);
  });

  it('mfa_serial: without a code the run asks for one; with it the code goes to AssumeRole', async () => {
    const host = hostWithRole();
    await configure(
      host,
      'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin',
      'aws configure set source_profile alice --profile admin',
      'aws configure set mfa_serial arn:aws:iam::123456789012:mfa/alice --profile admin',
    );
    const asked = await runCommandLine(host, 'aws iam list-users --profile admin');
    expect(asked.exitCode).toBe(255);
    expect(asked.stderr).toBe('Enter MFA code for arn:aws:iam::123456789012:mfa/alice: \n');
    expect(asked.mfaPrompt).toBe('Enter MFA code for arn:aws:iam::123456789012:mfa/alice: ');
    expect(host.requests).toEqual([]);
    const answered = await runCommandLine(host, 'aws iam list-users --profile admin', { mfaCode: '123456' });
    expect(answered.exitCode).toBe(0);
    expect(host.requests[0]?.params).toMatchObject({ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', TokenCode: '123456' });
  });

  it('a denied AssumeRole is printed as the AssumeRole service error (254)', async () => {
    const host = new FakeHost();
    host.fail(
      'sts:AssumeRole',
      'AccessDenied',
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/admin',
      403,
    );
    await configure(
      host,
      'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin',
      'aws configure set source_profile alice --profile admin',
    );
    expect(await runCommandLine(host, 'aws iam list-users --profile admin')).toEqual({
      exitCode: 254,
      stdout: '',
      stderr:
        '\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/admin\n',
    });
  });

  it('a role profile without source_profile fails clearly', async () => {
    const host = hostWithRole();
    await configure(host, 'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin');
    const result = await runCommandLine(host, 'aws iam list-users --profile admin');
    expect(result.exitCode).toBe(255);
    expect(host.requests).toEqual([]);
  });
});

describe('environment variables (CLI user guide, "Environment variables to configure the AWS CLI")', () => {
  it('NAME=value before aws sets the environment of that command', async () => {
    const host = new FakeHost();
    await runCommandLine(host, 'AWS_PROFILE=alice AWS_REGION=eu-central-1 aws sts get-caller-identity');
    expect(host.requests[0]?.credentials).toEqual(host.users.get('alice'));
    expect(host.requests[0]?.region).toBe('eu-central-1');
  });

  it('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN sign the call unless --profile is given', async () => {
    const host = new FakeHost();
    await runCommandLine(host, 'AWS_ACCESS_KEY_ID=ASIAENV AWS_SECRET_ACCESS_KEY=s AWS_SESSION_TOKEN=t aws sts get-caller-identity');
    expect(host.requests[0]?.credentials).toEqual({ kind: 'accessKey', accessKeyId: 'ASIAENV', secretAccessKey: 's', sessionToken: 't' });
    await runCommandLine(host, 'AWS_ACCESS_KEY_ID=ASIAENV AWS_SECRET_ACCESS_KEY=s aws sts get-caller-identity --profile alice');
    expect(host.requests[1]?.credentials).toEqual(host.users.get('alice'));
  });

  it('AWS_DEFAULT_OUTPUT chooses the output format', async () => {
    const host = new FakeHost();
    host.answer('sts:GetCallerIdentity', { Account: '123456789012' });
    expect((await runCommandLine(host, 'AWS_DEFAULT_OUTPUT=text aws sts get-caller-identity')).stdout).toBe('123456789012\n');
  });
});

describe('aws configure get of the implicit keys', () => {
  it('shows the key the world signs with for a user profile', async () => {
    const host = new FakeHost();
    expect(await runCommandLine(host, 'aws configure get aws_access_key_id --profile alice')).toEqual({
      exitCode: 0,
      stdout: 'AKIAALICE000000EXAMPLE\n',
      stderr: '',
    });
    expect((await runCommandLine(host, 'aws configure get aws_access_key_id --profile ghost')).exitCode).toBe(1);
  });
});

describe('aws configure usage errors', () => {
  it.each([
    ['aws configure set', 'the following arguments are required: varname, value'],
    ['aws configure set region', 'the following arguments are required: value'],
    ['aws configure get', 'the following arguments are required: varname'],
    ['aws configure frob', 'argument subcommand: Invalid choice, valid choices are:'],
  ])('%s', async (line, message) => {
    const result = await runCommandLine(new FakeHost(), line);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain(`aws: error: ${message}`);
  });
});
