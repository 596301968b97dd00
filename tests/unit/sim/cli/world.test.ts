// The CLI against the real simulated world (the world.run
// contract): the same JSON, errors and exit codes as AWS CLI v2, role profiles with real TOTP MFA,
// files written with --outfile, and bad input that never changes the world.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';

async function ok(world: ReturnType<typeof createWorld>, line: string, options = {}): Promise<string> {
  const result = await world.run(line, options);
  expect({ line, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ line, stderr: '', exitCode: 0 });
  return result.stdout;
}

describe('CLI × world', () => {
  it('a user is denied until a policy allows, with the AccessDenied text of the service', async () => {
    const world = createWorld({});
    await ok(world, 'aws iam create-user --user-name alice');
    await ok(world, 'aws iam create-access-key --user-name alice');
    const denied = await world.run('aws iam list-users --profile alice');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toBe(
      '\nAn error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action\n',
    );
    await ok(world, 'aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    expect(await ok(world, "aws iam list-users --profile alice --query 'Users[].UserName' --output text")).toBe('alice\n');
  });

  it('a user without an access key has no credentials (253)', async () => {
    const world = createWorld({});
    await ok(world, 'aws iam create-user --user-name bob');
    const result = await world.run('aws sts get-caller-identity --profile bob');
    expect(result.exitCode).toBe(253);
  });

  it('virtual MFA: --outfile holds the seed, the output omits it, and a role profile with mfa_serial assumes the role with a real TOTP code', async () => {
    const world = createWorld({});
    await ok(world, 'aws iam create-user --user-name alice');
    await ok(world, 'aws iam create-access-key --user-name alice');
    await ok(
      world,
      'aws iam put-user-policy --user-name alice --policy-name assume --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}\'',
    );
    const created = await ok(
      world,
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice --outfile seed.txt --bootstrap-method Base32StringSeed',
    );
    expect(JSON.parse(created)).toEqual({ VirtualMFADevice: { SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' } });
    const seed = world.readFile('seed.txt');
    expect(typeof seed === 'string' ? seed : new TextDecoder().decode(seed)).toMatch(/^[A-Z2-7]+=*$/);
    const serial = 'arn:aws:iam::123456789012:mfa/alice';
    const code1 = world.authenticatorCode(serial)?.code;
    world.clock.advance(30);
    const code2 = world.authenticatorCode(serial)?.code;
    await ok(
      world,
      `aws iam enable-mfa-device --user-name alice --serial-number ${serial} --authentication-code1 ${code1} --authentication-code2 ${code2}`,
    );
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
    await ok(world, `aws iam create-role --role-name admin --assume-role-policy-document '${trust}'`);
    await ok(world, 'aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin');
    await ok(world, 'aws configure set source_profile alice --profile admin');
    await ok(world, `aws configure set mfa_serial ${serial} --profile admin`);
    await ok(world, 'aws configure set role_session_name alice-admin --profile admin');
    const asked = await world.run('aws sts get-caller-identity --profile admin');
    expect(asked.mfaPrompt).toBe(`Enter MFA code for ${serial}: `);
    world.clock.advance(30);
    const identity = await ok(world, 'aws sts get-caller-identity --profile admin', { mfaCode: world.authenticatorCode(serial)?.code });
    expect(JSON.parse(identity).Arn).toBe('arn:aws:sts::123456789012:assumed-role/admin/alice-admin');
    // The cached role credentials are used without asking again.
    const again = await ok(world, 'aws sts get-caller-identity --profile admin');
    expect(JSON.parse(again).Arn).toBe('arn:aws:sts::123456789012:assumed-role/admin/alice-admin');
  });

  it('bad command lines leave the world and its trail exactly as they were', async () => {
    const world = createWorld({});
    await ok(world, 'aws iam create-user --user-name alice');
    const before = JSON.stringify(world.save());
    for (const line of [
      'aws iam create-user',
      'aws iam create-usr --user-name x',
      'aws iam create-user --user-name x --bogus',
      `aws iam tag-user --user-name alice --tags '[{"Key": }]'`,
      'aws iam tag-user --user-name alice --tags Key=only',
      'aws iam create-user --user-name x --profile nobody',
      "aws iam create-user --user-name 'unterminated",
      'aws iam list-users --query "["',
      'rm -rf /',
    ]) {
      const result = await world.run(line);
      expect(result.exitCode, line).not.toBe(0);
    }
    expect(JSON.stringify(world.save())).toBe(before);
  });

  it('the same commands in two worlds with the same seed print the same bytes', async () => {
    const lines = [
      'aws iam create-user --user-name a',
      'aws iam create-access-key --user-name a',
      'aws iam list-users --output text',
      'aws iam get-user --user-name nope',
    ];
    const outputs = async (): Promise<string[]> => {
      const world = createWorld({ seed: 's' });
      const out: string[] = [];
      for (const line of lines) {
        const r = await world.run(line);
        out.push(`${r.exitCode}\n${r.stdout}\n${r.stderr}`);
      }
      return out;
    };
    expect(await outputs()).toEqual(await outputs());
  });
});

describe('CLI × world: bad keys', () => {
  it("a profile with unknown keys gets the service's InvalidClientTokenId (254)", async () => {
    const world = createWorld({});
    await ok(world, 'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE --profile bogus');
    await ok(world, 'aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY --profile bogus');
    const result = await world.run('aws iam list-users --profile bogus');
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(
      '\nAn error occurred (InvalidClientTokenId) when calling the ListUsers operation: The security token included in the request is invalid.\n',
    );
  });
});
