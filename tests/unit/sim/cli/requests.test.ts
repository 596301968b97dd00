// What reaches the service for a command line: the CLI user guide's "Specifying parameter values"
// (shorthand syntax, JSON, lists, booleans, loading parameters from a file with file:// and
// fileb://) and the --cli-input-json rules ("Generating AWS CLI skeleton and input files").
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../../src/sim/cli/index.ts';
import { FakeHost } from './fake-host.ts';

async function paramsOf(line: string, setup?: (host: FakeHost) => void): Promise<Record<string, unknown>> {
  const host = new FakeHost();
  setup?.(host);
  const result = await runCommandLine(host, line);
  expect(result.stderr).toBe('');
  expect(host.requests).toHaveLength(1);
  return host.requests[0]?.params as Record<string, unknown>;
}

describe('parameter values', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['scalars', 'aws iam create-user --user-name bob --path /eng/', { UserName: 'bob', Path: '/eng/' }],
    ['--opt=value form', 'aws iam create-user --user-name=bob', { UserName: 'bob' }],
    ['unique prefix of an option (argparse allow_abbrev)', 'aws iam create-user --user-n bob', { UserName: 'bob' }],
    [
      'shorthand list of structures',
      'aws iam tag-user --user-name a --tags Key=team,Value=red Key=env,Value=dev',
      {
        UserName: 'a',
        Tags: [
          { Key: 'team', Value: 'red' },
          { Key: 'env', Value: 'dev' },
        ],
      },
    ],
    [
      'JSON list of structures',
      `aws iam tag-user --user-name a --tags '[{"Key":"team","Value":"red"}]'`,
      { UserName: 'a', Tags: [{ Key: 'team', Value: 'red' }] },
    ],
    [
      'quoted shorthand value with a comma',
      `aws iam tag-user --user-name a --tags "Key=k,Value='x,y'"`,
      { UserName: 'a', Tags: [{ Key: 'k', Value: 'x,y' }] },
    ],
    ['escaped comma', 'aws iam tag-user --user-name a --tags Key=k,Value=x\\\\,y', { UserName: 'a', Tags: [{ Key: 'k', Value: 'x,y' }] }],
    ['list of strings', 'aws iam untag-user --user-name a --tag-keys team env', { UserName: 'a', TagKeys: ['team', 'env'] }],
    ['JSON list of strings', `aws iam untag-user --user-name a --tag-keys '["team","env"]'`, { UserName: 'a', TagKeys: ['team', 'env'] }],
    [
      'integer',
      'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name s1 --duration-seconds 900',
      { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's1', DurationSeconds: 900 },
    ],
    [
      'boolean flag',
      'aws iam create-login-profile --user-name a --password P@ssw0rd1! --password-reset-required',
      { UserName: 'a', Password: 'P@ssw0rd1!', PasswordResetRequired: true },
    ],
    [
      'negated boolean flag',
      'aws iam create-login-profile --user-name a --password P@ssw0rd1! --no-password-reset-required',
      { UserName: 'a', Password: 'P@ssw0rd1!', PasswordResetRequired: false },
    ],
    [
      'policy document stays a string',
      `aws iam put-user-policy --user-name a --policy-name p --policy-document '{"Version":"2012-10-17"}'`,
      { UserName: 'a', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17"}' },
    ],
    [
      'session tags shorthand on assume-role',
      'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name s1 --tags Key=p,Value=q',
      { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's1', Tags: [{ Key: 'p', Value: 'q' }] },
    ],
    [
      'policy-arns shorthand',
      'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name s1 --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess',
      {
        RoleArn: 'arn:aws:iam::123456789012:role/r',
        RoleSessionName: 's1',
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      },
    ],
  ])('%s', async (_name, line, expected) => {
    expect(await paramsOf(line)).toEqual(expected);
  });

  it('file:// reads the text of a world file', async () => {
    const doc = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n';
    const params = await paramsOf('aws iam create-policy --policy-name p --policy-document file://policy.json', (h) =>
      h.files.set('policy.json', doc),
    );
    expect(params).toEqual({ PolicyName: 'p', PolicyDocument: doc });
  });

  it('file:// works for structures too', async () => {
    const params = await paramsOf('aws iam tag-user --user-name a --tags file://tags.json', (h) =>
      h.files.set('tags.json', '[{"Key":"k","Value":"v"}]'),
    );
    expect(params).toEqual({ UserName: 'a', Tags: [{ Key: 'k', Value: 'v' }] });
  });

  it('put-object --body names a file whose bytes are uploaded', async () => {
    const params = await paramsOf('aws s3api put-object --bucket b --key k.txt --body hello.txt', (h) => h.files.set('hello.txt', 'hi'));
    expect(params).toEqual({ Bucket: 'b', Key: 'k.txt', Body: new TextEncoder().encode('hi') });
  });

  it('--cli-input-json fills what the command line did not set; the command line wins', async () => {
    const params = await paramsOf('aws iam create-user --path /cli/ --cli-input-json file://in.json', (h) =>
      h.files.set('in.json', '{"UserName": "bob", "Path": "/json/"}'),
    );
    expect(params).toEqual({ Path: '/cli/', UserName: 'bob' });
  });
});

describe('request envelope', () => {
  it('uses the root user for the default profile and us-east-1', async () => {
    const host = new FakeHost();
    await runCommandLine(host, 'aws iam list-users');
    expect(host.requests[0]?.credentials).toEqual(host.rootCredentials());
    expect(host.requests[0]?.region).toBe('us-east-1');
    expect(host.requests[0]?.userAgent).toMatch(/^aws-cli\/2\.\S+ .* md\/command#iam\.list-users$/);
  });

  it("--profile NAME signs with IAM user NAME's access key; --region is passed on", async () => {
    const host = new FakeHost();
    await runCommandLine(host, 'aws s3api list-buckets --profile alice --region eu-west-1');
    expect(host.requests[0]?.credentials).toEqual(host.users.get('alice'));
    expect(host.requests[0]?.region).toBe('eu-west-1');
  });

  it('passes the source IP of the run', async () => {
    const host = new FakeHost();
    await runCommandLine(host, 'aws sts get-caller-identity', { sourceIp: '198.51.100.7' });
    expect(host.requests[0]?.sourceIp).toBe('198.51.100.7');
  });
});

describe('files the CLI writes', () => {
  it('create-virtual-mfa-device writes the seed to --outfile and leaves it out of the output', async () => {
    const host = new FakeHost();
    const seed = new TextEncoder().encode('JBSWY3DPEHPK3PXP');
    host.answer('iam:CreateVirtualMFADevice', {
      VirtualMFADevice: {
        SerialNumber: 'arn:aws:iam::123456789012:mfa/bob',
        Base32StringSeed: seed,
        QRCodePNG: new Uint8Array([137, 80, 78, 71]),
      },
    });
    const result = await runCommandLine(
      host,
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name bob --outfile seed.txt --bootstrap-method Base32StringSeed',
    );
    expect(result.stdout).toBe('{\n    "VirtualMFADevice": {\n        "SerialNumber": "arn:aws:iam::123456789012:mfa/bob"\n    }\n}\n');
    expect(host.files.get('seed.txt')).toEqual(seed);
    expect(host.requests[0]?.params).toEqual({ VirtualMFADeviceName: 'bob' });
    const cat = await runCommandLine(host, 'cat seed.txt');
    expect(cat).toEqual({ exitCode: 0, stdout: 'JBSWY3DPEHPK3PXP', stderr: '' });
  });

  it('create-virtual-mfa-device requires --outfile and --bootstrap-method', async () => {
    const result = await runCommandLine(new FakeHost(), 'aws iam create-virtual-mfa-device --virtual-mfa-device-name bob');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: the following arguments are required: --outfile, --bootstrap-method');
  });

  it('--bootstrap-method accepts only QRCodePNG or Base32StringSeed', async () => {
    const result = await runCommandLine(
      new FakeHost(),
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name b --outfile f --bootstrap-method Text',
    );
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('argument --bootstrap-method: Invalid choice, valid choices are:');
  });

  it('get-object saves the body to the positional outfile and prints the rest', async () => {
    const host = new FakeHost();
    host.answer('s3:GetObject', { AcceptRanges: 'bytes', ContentLength: 2, Body: new TextEncoder().encode('hi') });
    const result = await runCommandLine(host, 'aws s3api get-object --bucket b --key k.txt out.txt');
    expect(result.stdout).toBe('{\n    "AcceptRanges": "bytes",\n    "ContentLength": 2\n}\n');
    expect(new TextDecoder().decode(host.files.get('out.txt') as Uint8Array)).toBe('hi');
  });

  it('cat of a missing file fails like cat', async () => {
    expect(await runCommandLine(new FakeHost(), 'cat nope.txt')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'cat: nope.txt: No such file or directory\n',
    });
  });
});

describe('--generate-cli-skeleton', () => {
  it('prints an input skeleton without calling the service, even without required arguments', async () => {
    const host = new FakeHost();
    const result = await runCommandLine(host, 'aws iam create-user --generate-cli-skeleton');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ Path: '', UserName: '', PermissionsBoundary: '', Tags: [{ Key: '', Value: '' }] });
    expect(host.requests).toEqual([]);
  });
});
