/**
 * MFA for Identity Center users at the AWS access portal. Sources: IAM Identity Center User Guide,
 * "Prompt users for MFA" (https://docs.aws.amazon.com/singlesignon/latest/userguide/mfa-getting-started.html:
 * "Every time they sign in (always-on)" is the default; "Never (disabled)"), "Configure MFA device
 * enforcement" (https://docs.aws.amazon.com/singlesignon/latest/userguide/how-to-configure-mfa-device-enforcement.html:
 * "Require them to register an MFA device at sign in" is the default, self-enrollment "following a
 * successful password authentication"), "Registering your device for MFA"
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/user-device-registration.html: MFA
 * devices → Register device → Authenticator app, QR code or secret key, then a code), "Multi-factor
 * authentication for Identity Center users" (https://docs.aws.amazon.com/singlesignon/latest/userguide/enable-mfa.html:
 * up to two authenticator apps per user).
 */
import { describe, expect, it } from 'vitest';
import { applyPortalOp } from '../../../../../src/sim/scenario/portal-op.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { totpCode } from '../../../../../src/sim/world/totp.ts';
import { aliceWithPassword, identityCenterWorld, PASSWORD, run } from './helpers.ts';

/** The secret the registration page shows, from a sign-in answer. */
function secretOf(result: ReturnType<World['portalSignIn']>): string {
  if (result.ok || !('registration' in result) || !result.registration) throw new Error(`no registration in ${JSON.stringify(result)}`);
  return result.registration.secret;
}

/** alice registers an authenticator app at sign-in; answers its secret and the session token. */
function registerAtSignIn(world: World): { secret: string; token: string } {
  const secret = secretOf(world.portalSignIn({ userName: 'alice', password: PASSWORD }));
  const signed = world.portalSignIn({
    userName: 'alice',
    password: PASSWORD,
    mfaCode: totpCode(secret, world.clock.nowMs()),
    deviceName: 'phone',
  });
  if (!signed.ok) throw new Error(signed.reason);
  return { secret, token: signed.accessToken };
}

describe('the instance MFA settings', () => {
  it('a new instance prompts every time, allows authenticator apps and requires registering a device at sign-in', async () => {
    const { world } = await identityCenterWorld();
    expect(world.portalMfaSettings()).toEqual({ mode: 'ALWAYS_ON', authenticatorApps: true, noDevice: 'REGISTER' });
  });

  it('a world without Identity Center has no settings to change', () => {
    expect(createWorld({ seed: 'none' }).portalMfaSettings({ mode: 'DISABLED' })).toBeUndefined();
  });

  it('survive a save and load', async () => {
    const world = await aliceWithPassword();
    world.portalMfaSettings({ noDevice: 'BLOCK' });
    const copy = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    expect(copy.portalMfaSettings()).toEqual({ mode: 'ALWAYS_ON', authenticatorApps: true, noDevice: 'BLOCK' });
  });
});

describe('portal sign-in with MFA', () => {
  it('a user without a device registers an authenticator app after the password: secret, QR text, then a code', async () => {
    const world = await aliceWithPassword();
    const first = world.portalSignIn({ userName: 'alice', password: PASSWORD });
    expect(first).toMatchObject({ ok: false, reason: 'MFA_REGISTRATION_REQUIRED' });
    const secret = secretOf(first);
    expect(secret).toMatch(/^[A-Z2-7]{64}$/);
    if (first.ok || !('registration' in first)) throw new Error('no registration');
    expect(first.registration?.uri).toMatch(
      new RegExp(`^otpauth://totp/AWS%20IAM%20Identity%20Center:alice%40d-[0-9a-f]{10}\\?secret=${secret}&`),
    );
    // The same secret is shown until it is used: a reload of the page does not change the app to set up.
    expect(secretOf(world.portalSignIn({ userName: 'alice', password: PASSWORD }))).toBe(secret);
    // A wrong password never reaches the MFA step.
    expect(world.portalSignIn({ userName: 'alice', password: 'Wrong-Horse-7' })).toEqual({ ok: false, reason: 'FAILED_AUTHENTICATION' });
    const wrong = world.portalSignIn({
      userName: 'alice',
      password: PASSWORD,
      mfaCode: '000000' === totpCode(secret, world.clock.nowMs()) ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ ok: false, reason: 'INVALID_MFA_CODE' });
    expect(secretOf(wrong)).toBe(secret);
    const signed = world.portalSignIn({
      userName: 'alice',
      password: PASSWORD,
      mfaCode: totpCode(secret, world.clock.nowMs()),
      deviceName: 'phone',
    });
    expect(signed).toMatchObject({ ok: true, userName: 'alice' });
    if (!signed.ok) return;
    expect(world.portalMfaDevices(signed.accessToken, { kind: 'list' })).toEqual({
      ok: true,
      devices: [{ id: expect.stringMatching(/^mfa-[0-9a-f]{16}$/), name: 'phone', registeredAt: world.clock.nowMs() }],
    });
  });

  it('a user with a device must enter a valid code; the code that registered it is not accepted again', async () => {
    const world = await aliceWithPassword();
    const { secret } = registerAtSignIn(world);
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD })).toEqual({ ok: false, reason: 'MFA_REQUIRED' });
    // Same 30-second window: the code was used by the registration.
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: totpCode(secret, world.clock.nowMs()) })).toEqual({
      ok: false,
      reason: 'MFA_CODE_REUSED',
    });
    world.clock.advance(30);
    const code = totpCode(secret, world.clock.nowMs());
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: code }).ok).toBe(true);
    // A used code is refused in its window, also to a second sign-in.
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: code })).toEqual({ ok: false, reason: 'MFA_CODE_REUSED' });
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: '12345' })).toEqual({
      ok: false,
      reason: 'INVALID_MFA_CODE',
    });
    // A code from long ago is simply wrong.
    world.clock.advance(600);
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: code })).toEqual({ ok: false, reason: 'INVALID_MFA_CODE' });
  });

  it('"Never (disabled)": the password alone signs in, even with a device', async () => {
    const world = await aliceWithPassword();
    registerAtSignIn(world);
    world.portalMfaSettings({ mode: 'DISABLED' });
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD }).ok).toBe(true);
  });

  it('without a device: "Block their sign-in" refuses, "Allow them to sign in" lets the password in', async () => {
    const world = await aliceWithPassword();
    world.portalMfaSettings({ noDevice: 'BLOCK' });
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD })).toEqual({ ok: false, reason: 'MFA_DEVICE_REQUIRED' });
    world.portalMfaSettings({ noDevice: 'REGISTER', authenticatorApps: false });
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD })).toEqual({ ok: false, reason: 'MFA_DEVICE_REQUIRED' });
    world.portalMfaSettings({ noDevice: 'ALLOW', authenticatorApps: true });
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD }).ok).toBe(true);
  });
});

describe('MFA devices in the portal', () => {
  it('the user registers a second app and removes one; two authenticator apps at most', async () => {
    const world = await aliceWithPassword();
    const { token } = registerAtSignIn(world);
    const started = world.portalMfaDevices(token, { kind: 'start' });
    if (!started.ok || !started.registration) throw new Error(JSON.stringify(started));
    const second = started.registration.secret;
    expect(world.portalMfaDevices(token, { kind: 'register', code: 'abcdef', name: 'tablet' })).toEqual({
      ok: false,
      reason: 'INVALID_MFA_CODE',
    });
    expect(
      world.portalMfaDevices(token, { kind: 'register', code: totpCode(second, world.clock.nowMs()), name: 'tablet<script>' }),
    ).toEqual({
      ok: false,
      reason: 'INVALID_DEVICE_NAME',
    });
    const both = world.portalMfaDevices(token, { kind: 'register', code: totpCode(second, world.clock.nowMs()), name: 'tablet' });
    if (!both.ok) throw new Error(both.reason);
    expect(both.devices.map((d) => d.name)).toEqual(['phone', 'tablet']);
    expect(world.portalMfaDevices(token, { kind: 'start' })).toEqual({ ok: false, reason: 'TOO_MANY_DEVICES' });
    // Either app signs in.
    world.clock.advance(30);
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD, mfaCode: totpCode(second, world.clock.nowMs()) }).ok).toBe(true);
    const phone = both.devices[0]?.id ?? '';
    expect(world.portalMfaDevices(token, { kind: 'remove', deviceId: phone })).toMatchObject({ ok: true, devices: [{ name: 'tablet' }] });
    expect(world.portalMfaDevices(token, { kind: 'remove', deviceId: phone })).toEqual({ ok: false, reason: 'NO_SUCH_DEVICE' });
    const tablet = both.devices[1]?.id ?? '';
    expect(world.portalMfaDevices(token, { kind: 'remove', deviceId: tablet })).toEqual({ ok: true, devices: [] });
    // With no device left, the next sign-in registers one again ("self-enroll a new device during their next sign-in").
    expect(world.portalSignIn({ userName: 'alice', password: PASSWORD })).toMatchObject({ ok: false, reason: 'MFA_REGISTRATION_REQUIRED' });
    expect(world.portalMfaDevices('aoaNotAToken', { kind: 'list' })).toEqual({ ok: false, reason: 'SIGNED_OUT' });
  });

  it('the simulated phone shows the code of each app, and of the one being registered', async () => {
    const world = await aliceWithPassword();
    const secret = secretOf(world.portalSignIn({ userName: 'alice', password: PASSWORD }));
    expect(world.portalAuthenticator('alice')).toEqual([
      { name: 'New authenticator app', code: totpCode(secret, world.clock.nowMs()), secondsLeft: expect.any(Number), pending: true },
    ]);
    expect(world.portalAuthenticator('nobody')).toEqual([]);
  });
});

describe('aws sso login approval needs the MFA-signed-in portal session', () => {
  it('a session signed in with the password alone cannot approve once MFA is required; one with MFA can', async () => {
    const world = await aliceWithPassword();
    world.portalMfaSettings({ noDevice: 'ALLOW' });
    const passwordOnly = world.portalSignIn({ userName: 'alice', password: PASSWORD });
    if (!passwordOnly.ok) throw new Error(passwordOnly.reason);
    world.portalMfaSettings({ noDevice: 'REGISTER' });
    const startUrl = passwordOnly.startUrl;
    await run(world, `aws configure set sso-session.corp.sso_start_url ${startUrl}`);
    await run(world, 'aws configure set sso-session.corp.sso_region us-east-1');
    const login = await world.run('aws sso login --sso-session corp');
    const userCode = /Then enter the code:\s+(\S+)/.exec(login.stdout)?.[1] ?? '';
    expect(userCode).not.toBe('');
    expect(world.portalApproveDevice(passwordOnly.accessToken, userCode)).toEqual({ ok: false, reason: 'MFA_REQUIRED' });
    expect(world.portalMfaDevices(passwordOnly.accessToken, { kind: 'start' })).toEqual({ ok: false, reason: 'MFA_REQUIRED' });
    const opened = await world.portalOpenConsole({
      accessToken: passwordOnly.accessToken,
      accountId: '000000000000',
      roleName: 'ReadOnly',
    });
    expect(opened).toMatchObject({ ok: false, error: { code: 'MfaRequired' } });
    const { token } = registerAtSignIn(world);
    expect(world.portalApproveDevice(token, userCode)).toEqual({ ok: true });
    expect((await world.run('aws sso login --sso-session corp')).stdout).toContain('Successfully logged into Start URL');
  });
});

describe('journal and snapshots', () => {
  it('replaying the portal ops of a registration and a code sign-in gives the same tokens', async () => {
    const a = await aliceWithPassword();
    const b = await aliceWithPassword();
    const answers = async (world: World) => {
      const first = await applyPortalOp(world, { kind: 'portal', action: 'signIn', userName: 'alice', password: PASSWORD });
      const secret = secretOf(first as ReturnType<World['portalSignIn']>);
      const mfaCode = totpCode(secret, world.clock.nowMs());
      return [first, await applyPortalOp(world, { kind: 'portal', action: 'signIn', userName: 'alice', password: PASSWORD, mfaCode })];
    };
    const [ra, rb] = [await answers(a), await answers(b)];
    expect(ra).toEqual(rb);
    expect(ra[1]).toMatchObject({ ok: true });
    expect(await applyPortalOp(a, { kind: 'portal', action: 'setMfaSettings', mfaMode: 'DISABLED' })).toEqual({
      ok: true,
      settings: { mode: 'DISABLED', authenticatorApps: true, noDevice: 'REGISTER' },
    });
  });
});
