// Virtual MFA with real TOTP codes (RFC 6238) computed independently with otpauth.
// IAM User Guide, "Assign a virtual MFA device": two consecutive codes enable a device.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { call, err, ok, policy, userWithKey } from './helpers.ts';

function codeAt(seed: string, ms: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: ms });
}

async function device(world: World, name: string): Promise<{ serial: string; seed: string }> {
  const out = await ok(world, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: name });
  const d = out['VirtualMFADevice'] as { SerialNumber: string; Base32StringSeed: Uint8Array; QRCodePNG: Uint8Array };
  expect([...d.QRCodePNG.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return { serial: d.SerialNumber, seed: new TextDecoder().decode(d.Base32StringSeed) };
}

describe('virtual MFA', () => {
  test('enable with two consecutive codes, list, deactivate, delete', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'alice' });
    const { serial, seed } = await device(world, 'alice-phone');
    expect(serial).toBe('arn:aws:iam::123456789012:mfa/alice-phone');
    const t0 = world.clock.nowMs();
    const code1 = codeAt(seed, t0);
    world.clock.advance(30);
    const code2 = codeAt(seed, world.clock.nowMs());
    expect(world.authenticatorCode(serial)?.code).toBe(code2);
    await ok(world, 'iam', 'EnableMFADevice', {
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: code1,
      AuthenticationCode2: code2,
    });
    const list = await ok(world, 'iam', 'ListMFADevices', { UserName: 'alice' });
    expect(list['MFADevices']).toEqual([{ UserName: 'alice', SerialNumber: serial, EnableDate: '2026-03-02T09:00:30+00:00' }]);
    expect((await err(world, 'iam', 'DeleteVirtualMFADevice', { SerialNumber: serial })).code).toBe('DeleteConflict');
    expect((await err(world, 'iam', 'DeleteUser', { UserName: 'alice' })).message).toBe(
      'Cannot delete entity, must delete MFA device first.',
    );
    await ok(world, 'iam', 'DeactivateMFADevice', { UserName: 'alice', SerialNumber: serial });
    await ok(world, 'iam', 'DeleteVirtualMFADevice', { SerialNumber: serial });
  });

  test('the same code twice, or stale codes, are refused with InvalidAuthenticationCode', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'bob' });
    const { serial, seed } = await device(world, 'bob-phone');
    const code = codeAt(seed, world.clock.nowMs());
    const e = await err(world, 'iam', 'EnableMFADevice', {
      UserName: 'bob',
      SerialNumber: serial,
      AuthenticationCode1: code,
      AuthenticationCode2: code,
    });
    expect(e).toEqual({ code: 'InvalidAuthenticationCode', message: 'Authentication code for device is not valid.', httpStatus: 403 });
    const old1 = codeAt(seed, world.clock.nowMs() - 600_000);
    const old2 = codeAt(seed, world.clock.nowMs() - 570_000);
    expect(
      (
        await err(world, 'iam', 'EnableMFADevice', {
          UserName: 'bob',
          SerialNumber: serial,
          AuthenticationCode1: old1,
          AuthenticationCode2: old2,
        })
      ).code,
    ).toBe('InvalidAuthenticationCode');
  });

  test('GetSessionToken with MFA gives credentials whose calls carry aws:MultiFactorAuthPresent (IAM User Guide, MFA-protected API access)', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    // Allow S3 listing only with MFA.
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'mfa-only',
      PolicyDocument: policy({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    });
    const { serial, seed } = await device(world, 'alice-phone');
    const c1 = codeAt(seed, world.clock.nowMs());
    world.clock.advance(30);
    await ok(world, 'iam', 'EnableMFADevice', {
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: c1,
      AuthenticationCode2: codeAt(seed, world.clock.nowMs()),
    });
    expect((await err(world, 's3', 'ListBuckets', {}, alice)).code).toBe('AccessDenied');
    // The code just used for enabling cannot be reused.
    const reused = await err(
      world,
      'sts',
      'GetSessionToken',
      { SerialNumber: serial, TokenCode: codeAt(seed, world.clock.nowMs()) },
      alice,
    );
    expect(reused.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    world.clock.advance(30);
    const wrongSerial = await err(
      world,
      'sts',
      'GetSessionToken',
      { SerialNumber: 'arn:aws:iam::123456789012:mfa/nope', TokenCode: codeAt(seed, world.clock.nowMs()) },
      alice,
    );
    expect(wrongSerial.message).toContain('unable to validate MFA code.  Please verify');
    const out = await ok(
      world,
      'sts',
      'GetSessionToken',
      { SerialNumber: serial, TokenCode: codeAt(seed, world.clock.nowMs()), DurationSeconds: 3600 },
      alice,
    );
    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
    expect(c.AccessKeyId).toMatch(/^ASIA/);
    expect(c.Expiration).toBe('2026-03-02T10:01:00+00:00');
    const session = {
      kind: 'accessKey' as const,
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    };
    await ok(world, 's3', 'ListBuckets', {}, session);
    const last = world.trail().Records.at(-1) as { userIdentity: Record<string, unknown> };
    expect(last.userIdentity['sessionContext']).toEqual({ attributes: { creationDate: '2026-03-02T09:01:00Z', mfaAuthenticated: 'true' } });
    world.clock.advance(3600);
    expect((await err(world, 's3', 'ListBuckets', {}, session)).code).toBe('ExpiredToken');
  });

  test('console sign-in asks for the MFA code and records ConsoleLogin with the device', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateUser', { UserName: 'alice' });
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'alice', Password: 'Corr3ct-horse!' });
    const { serial, seed } = await device(world, 'alice-phone');
    const c1 = codeAt(seed, world.clock.nowMs());
    world.clock.advance(30);
    await ok(world, 'iam', 'EnableMFADevice', {
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: c1,
      AuthenticationCode2: codeAt(seed, world.clock.nowMs()),
    });
    world.clock.advance(30);
    expect(world.consoleSignIn({ userName: 'alice', password: 'Corr3ct-horse!' })).toEqual({ ok: false, reason: 'MFA_REQUIRED' });
    const signIn = world.consoleSignIn({ userName: 'alice', password: 'Corr3ct-horse!', mfaCode: codeAt(seed, world.clock.nowMs()) });
    expect(signIn.ok).toBe(true);
    const record = world.trail().Records.at(-1) as Record<string, unknown>;
    expect(record['eventName']).toBe('ConsoleLogin');
    expect(record['additionalEventData']).toMatchObject({ MFAIdentifier: serial, MFAUsed: 'Yes' });
    if (!signIn.ok) return;
    const r = await call(world, 'iam', 'GetUser', {}, signIn.credentials);
    expect(r.ok).toBe(false); // no permissions yet, but the call is made as alice from the console
    const rec = world.trail().Records.at(-1) as Record<string, unknown>;
    expect(rec['userAgent']).toBe('AWS Internal');
    expect(rec['sessionCredentialFromConsole']).toBe('true');
  });
});
