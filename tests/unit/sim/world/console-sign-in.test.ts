// Console sign-in as AWS documents it:
// - IAM User Guide, "Sign in to the AWS Management Console as an IAM user" (account ID or alias + user name + password):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/console.html
// - IAM User Guide, "Manage passwords for IAM users" (PasswordResetRequired: a new password at first sign-in, which needs
//   iam:ChangePassword): https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html
// - IAM User Guide, "Set an account password policy" (MaxPasswordAge, HardExpiry):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
// - CloudTrail User Guide, "AWS Management Console sign-in events" (ConsoleLogin records, MFAUsed):
//   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { call, ok, policy } from './helpers.ts';

async function userWithPassword(world: World, name: string, reset = false): Promise<void> {
  await ok(world, 'iam', 'CreateUser', { UserName: name });
  await ok(world, 'iam', 'CreateLoginProfile', { UserName: name, Password: 'Start-Passw0rd!', PasswordResetRequired: reset });
}

function consoleLogins(world: World): Record<string, unknown>[] {
  return world.trail().Records.filter((r) => r['eventName'] === 'ConsoleLogin');
}

describe('console sign-in', () => {
  test('an IAM user signs in with the account ID (hyphens allowed) or the alias; another account records nothing here', async () => {
    const world = createWorld();
    await userWithPassword(world, 'ana');
    expect(world.consoleSignIn({ account: '1234-5678-9012', userName: 'ana', password: 'Start-Passw0rd!' }).ok).toBe(true);
    await ok(world, 'iam', 'CreateAccountAlias', { AccountAlias: 'dojo-lab' });
    expect(world.consoleSignIn({ account: 'dojo-lab', userName: 'ana', password: 'Start-Passw0rd!' }).ok).toBe(true);
    const before = consoleLogins(world).length;
    expect(world.consoleSignIn({ account: '210987654321', userName: 'ana', password: 'Start-Passw0rd!' })).toEqual({
      ok: false,
      reason: 'NO_SUCH_ACCOUNT',
    });
    expect(consoleLogins(world).length).toBe(before);
  });

  test('the root user signs in with the account email; a wrong password is a Failure record without an ARN', () => {
    const world = createWorld();
    const { rootEmail } = world.consoleAccount();
    expect(world.consoleSignIn({ rootEmail: 'someone@example.org', password: 'Dojo-Root-Passw0rd!' })).toEqual({
      ok: false,
      reason: 'NO_SUCH_ACCOUNT',
    });
    expect(world.consoleSignIn({ rootEmail, password: 'nope' })).toEqual({ ok: false, reason: 'FAILED_AUTHENTICATION' });
    expect(world.consoleSignIn({ rootEmail, password: 'Dojo-Root-Passw0rd!' }).ok).toBe(true);
    const [failure, success] = consoleLogins(world);
    expect(failure?.['responseElements']).toEqual({ ConsoleLogin: 'Failure' });
    expect(success?.['responseElements']).toEqual({ ConsoleLogin: 'Success' });
    expect((success?.['additionalEventData'] as Record<string, unknown>)['MFAUsed']).toBe('No');
  });

  test('PasswordResetRequired: the session can only change the password, and that needs iam:ChangePassword', async () => {
    const world = createWorld();
    await userWithPassword(world, 'ana', true);
    const signIn = world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in failed');
    expect(signIn.mustChangePassword).toBe('RESET_REQUIRED');
    const list = await call(world, 'iam', 'ListUsers', {}, signIn.credentials);
    expect(list.ok ? '' : list.error.message).toBe('You must change your password before you can use the AWS Management Console.');
    // No policy grants iam:ChangePassword yet: the reset cannot be completed (the trap of create-login-profile).
    const denied = await call(
      world,
      'iam',
      'ChangePassword',
      { OldPassword: 'Start-Passw0rd!', NewPassword: 'N3w-Passw0rd!!' },
      signIn.credentials,
    );
    expect(denied.ok ? '' : denied.error.code).toBe('AccessDenied');
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'ana', PolicyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' });
    await ok(world, 'iam', 'ChangePassword', { OldPassword: 'Start-Passw0rd!', NewPassword: 'N3w-Passw0rd!!' }, signIn.credentials);
    const after = await call(world, 'iam', 'ListUsers', {}, signIn.credentials);
    expect(after.ok ? '' : after.error.code).toBe('AccessDenied'); // no longer restricted: an ordinary implicit deny now
    const again = world.consoleSignIn({ userName: 'ana', password: 'N3w-Passw0rd!!' });
    expect(again.ok && again.mustChangePassword).toBe(undefined);
  });

  test('"Allow users to change their own password" grants iam:ChangePassword on their own user only', async () => {
    const world = createWorld();
    await userWithPassword(world, 'ana', true);
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 12, AllowUsersToChangePassword: true });
    const signIn = world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const short = await call(world, 'iam', 'ChangePassword', { OldPassword: 'Start-Passw0rd!', NewPassword: 'Sh0rt!' }, signIn.credentials);
    expect(short.ok ? '' : short.error.code).toBe('PasswordPolicyViolation');
    await ok(world, 'iam', 'ChangePassword', { OldPassword: 'Start-Passw0rd!', NewPassword: 'long-enough-passphrase' }, signIn.credentials);
  });

  test('an explicit deny still beats the self-service setting (our choice; the documentation is silent)', async () => {
    const world = createWorld();
    await userWithPassword(world, 'ana');
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { AllowUsersToChangePassword: true });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'ana',
      PolicyName: 'NoChange',
      PolicyDocument: policy({ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' }),
    });
    const signIn = world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const r = await call(
      world,
      'iam',
      'ChangePassword',
      { OldPassword: 'Start-Passw0rd!', NewPassword: 'An0ther-Passw0rd!' },
      signIn.credentials,
    );
    expect(r.ok ? '' : r.error.code).toBe('AccessDenied');
  });

  test('MaxPasswordAge: an expired password must be changed at sign-in; with HardExpiry it no longer signs in', async () => {
    const world = createWorld();
    await userWithPassword(world, 'ana');
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { MaxPasswordAge: 30 });
    world.clock.advance(31 * 24 * 3600);
    const expired = world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!' });
    expect(expired.ok && expired.mustChangePassword).toBe('EXPIRED');
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { MaxPasswordAge: 30, HardExpiry: true });
    expect(world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!' })).toEqual({ ok: false, reason: 'PASSWORD_EXPIRED' });
    expect(consoleLogins(world).at(-1)?.['responseElements']).toEqual({ ConsoleLogin: 'Failure' });
    await ok(world, 'iam', 'UpdateLoginProfile', { UserName: 'ana', Password: 'Admin-Reset-Passw0rd!' });
    expect(world.consoleSignIn({ userName: 'ana', password: 'Admin-Reset-Passw0rd!' }).ok).toBe(true);
  });
});

describe('root MFA', () => {
  // IAM User Guide, "Enable a virtual MFA device for the root user (console)":
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html — console only.
  test('the root user assigns a virtual device in the console (not with access keys), then signs in with it', async () => {
    const { Secret, TOTP } = await import('otpauth');
    const world = createWorld();
    const out = await ok(world, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'root-account-mfa-device' });
    const seed = new TextDecoder().decode((out['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
    const at = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: ms });
    const serial = 'arn:aws:iam::123456789012:mfa/root-account-mfa-device';
    const t = world.clock.nowMs();
    const codes = { UserName: 'root', SerialNumber: serial, AuthenticationCode1: at(t - 30_000), AuthenticationCode2: at(t) };
    const withKeys = await call(world, 'iam', 'EnableMFADevice', codes);
    expect(withKeys.ok).toBe(false);
    const signIn = world.consoleSignIn({ password: 'Dojo-Root-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in failed');
    await ok(world, 'iam', 'EnableMFADevice', codes, signIn.credentials);
    expect(((await ok(world, 'iam', 'GetAccountSummary'))['SummaryMap'] as Record<string, number>)['AccountMFAEnabled']).toBe(1);
    world.clock.advance(30);
    expect(world.consoleSignIn({ password: 'Dojo-Root-Passw0rd!' })).toEqual({ ok: false, reason: 'MFA_REQUIRED' });
    expect(world.consoleSignIn({ password: 'Dojo-Root-Passw0rd!', mfaCode: at(world.clock.nowMs()) }).ok).toBe(true);
    expect(world.trail().Records.at(-1)?.['additionalEventData']).toMatchObject({ MFAUsed: 'Yes', MFAIdentifier: serial });
  });
});
