// End to end through the CLI: a role that requires MFA, assumed through a configured profile with
// mfa_serial, using a real TOTP code from the virtual device's seed file.
import { Secret, TOTP } from 'otpauth';
import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';

test('assume an MFA-protected role through a CLI profile', async () => {
  const world = createWorld();
  world.writeFile(
    'trust.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    }),
  );
  const run = async (line: string, options = {}) => world.run(line, options);
  const must = async (line: string) => {
    const r = await run(line);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    return r;
  };
  await must('aws iam create-user --user-name alice');
  await must(
    'aws iam put-user-policy --user-name alice --policy-name a --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}\'',
  );
  await must('aws iam create-access-key --user-name alice');
  await must('aws iam create-role --role-name admin --assume-role-policy-document file://trust.json');
  await must('aws iam attach-role-policy --role-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await must(
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice-phone --outfile seed.txt --bootstrap-method Base32StringSeed',
  );
  const seed = world.readFile('seed.txt');
  expect(typeof seed).toBe('string');
  const code = () => TOTP.generate({ secret: Secret.fromBase32(String(seed)), timestamp: world.clock.nowMs() });
  const c1 = code();
  world.clock.advance(30);
  await must(
    `aws iam enable-mfa-device --user-name alice --serial-number arn:aws:iam::123456789012:mfa/alice-phone --authentication-code1 ${c1} --authentication-code2 ${code()}`,
  );
  const denied = await run(
    'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/admin --role-session-name without-mfa --profile alice',
  );
  expect(denied.exitCode).toBe(254);
  expect(denied.stderr).toContain('is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/admin');
  await must('aws configure set role_arn arn:aws:iam::123456789012:role/admin --profile admin');
  await must('aws configure set source_profile alice --profile admin');
  await must('aws configure set mfa_serial arn:aws:iam::123456789012:mfa/alice-phone --profile admin');
  world.clock.advance(30);
  const prompt = await run('aws sts get-caller-identity --profile admin');
  expect(prompt.exitCode).not.toBe(0);
  expect(prompt.stdout + prompt.stderr).toContain('Enter MFA code for arn:aws:iam::123456789012:mfa/alice-phone');
  const r = await run('aws sts get-caller-identity --profile admin', { mfaCode: code() });
  expect(r.exitCode).toBe(0);
  expect(JSON.parse(r.stdout).Arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/admin\//);
  const assume = world
    .trail()
    .Records.filter((rec) => rec['eventName'] === 'AssumeRole')
    .at(-1) as { requestParameters: Record<string, unknown> };
  expect(assume.requestParameters['serialNumber']).toBe('arn:aws:iam::123456789012:mfa/alice-phone');
  expect(assume.requestParameters).not.toHaveProperty('tokenCode');
});
