// Switch role in the console (IAM User Guide, "Switch from a user to an IAM role (console)":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html), and MFA in trust
// policies (IAM User Guide, "Configuring MFA-protected API access":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html): the
// console session's MFA counts for the role's trust policy. The SwitchRole record shape is from real
// records (userIdentity of the assumed role, SwitchFrom, RedirectTo, eventType AwsConsoleSignIn).
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { call, ok, policy } from './helpers.ts';

const TRUST_WITH_MFA = policy({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
  Action: 'sts:AssumeRole',
  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
});

async function setUp(): Promise<{ world: World; seed: string }> {
  const world = createWorld();
  await ok(world, 'iam', 'CreateUser', { UserName: 'ana' });
  await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'Ana-Passw0rd!23' });
  await ok(world, 'iam', 'PutUserPolicy', {
    UserName: 'ana',
    PolicyName: 'assume',
    PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
  });
  await ok(world, 'iam', 'CreateRole', { RoleName: 'Admin', AssumeRolePolicyDocument: TRUST_WITH_MFA });
  await ok(world, 'iam', 'AttachRolePolicy', { RoleName: 'Admin', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
  const out = await ok(world, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'ana-phone' });
  const seed = new TextDecoder().decode((out['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
  const at = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: ms });
  const t = world.clock.nowMs();
  await ok(world, 'iam', 'EnableMFADevice', {
    UserName: 'ana',
    SerialNumber: 'arn:aws:iam::123456789012:mfa/ana-phone',
    AuthenticationCode1: at(t - 30_000),
    AuthenticationCode2: at(t),
  });
  world.clock.advance(30);
  return { world, seed };
}

describe('console switch role', () => {
  test('a trust policy that requires MFA lets a user who signed in with MFA switch, and records SwitchRole', async () => {
    const { world, seed } = await setUp();
    const signIn = world.consoleSignIn({
      userName: 'ana',
      password: 'Ana-Passw0rd!23',
      mfaCode: TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: world.clock.nowMs() }),
    });
    if (!signIn.ok) throw new Error('sign-in failed');
    const switched = await world.consoleSwitchRole({ sessionId: signIn.sessionId, accountId: '123456789012', roleName: 'Admin' });
    expect(switched).toMatchObject({ ok: true, arn: 'arn:aws:sts::123456789012:assumed-role/Admin/ana' });
    if (!switched.ok) return;
    const record = world.trail().Records.at(-1) ?? {};
    expect(record).toMatchObject({
      eventSource: 'signin.amazonaws.com',
      eventName: 'SwitchRole',
      responseElements: { SwitchRole: 'Success' },
      additionalEventData: {
        SwitchFrom: 'arn:aws:iam::123456789012:user/ana',
        RedirectTo: 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1#',
      },
      eventType: 'AwsConsoleSignIn',
    });
    expect(Object.keys(record['userIdentity'] as object)).toEqual(['type', 'principalId', 'arn', 'accountId']);
    // Calls as the role are console calls of the role session.
    const list = await call(world, 'iam', 'ListUsers', {}, { kind: 'console', sessionId: switched.sessionId });
    expect(list.ok).toBe(true);
    const listed = world.trail().Records.at(-1) ?? {};
    expect(listed).toMatchObject({
      eventName: 'ListUsers',
      userAgent: 'AWS Internal',
      sessionCredentialFromConsole: 'true',
      userIdentity: { type: 'AssumedRole' },
    });
    const denied = await call(world, 'iam', 'CreateUser', { UserName: 'x' }, { kind: 'console', sessionId: switched.sessionId });
    expect(denied.ok ? '' : denied.error.message).toContain('assumed-role/Admin/ana is not authorized to perform: iam:CreateUser');
  });

  test('without MFA at sign-in the same role refuses the switch (AccessDenied, no SwitchRole record)', async () => {
    const { world } = await setUp();
    await ok(world, 'iam', 'CreateUser', { UserName: 'bo' });
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'bo', Password: 'Bo-Passw0rd!234' });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'bo',
      PolicyName: 'assume',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    });
    const signIn = world.consoleSignIn({ userName: 'bo', password: 'Bo-Passw0rd!234' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const switched = await world.consoleSwitchRole({ sessionId: signIn.sessionId, accountId: '123456789012', roleName: 'Admin' });
    expect(switched).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    expect(world.trail().Records.some((r) => r['eventName'] === 'SwitchRole')).toBe(false);
  });
});
