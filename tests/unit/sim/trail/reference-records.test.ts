// CloudTrail records compared field by field (names, order, types, values) with the reference
// records in tests/fixtures/cloudtrail (CloudTrail User Guide, "CloudTrail record contents").
// Identifiers, times and opaque tokens differ by nature; they are compared by shape.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';
import { readFixtureJson } from '../../../fixtures/read.ts';

const UA = (command: string) =>
  `aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython m/E,b cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#${command}`;

function reference(name: string): Record<string, unknown> {
  return readFixtureJson(`cloudtrail/${name}`);
}

/** Replaces values that are unique per event with their shape, keeping key order. */
function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  if (typeof value !== 'string') return ['bytesTransferredOut'].includes(key) ? '<number>' : value;
  if (key === 'x-amz-id-2') return '<opaque>';
  if (key === 'sessionToken') return '<token>';
  if (key === 'LoginTo') return value.replace(/_[0-9a-f]{16}$/, '_<hex>');
  return value
    .replace(/\b(AIDA|AROA|AGPA|ANPA)[A-Z2-7]{17}\b/g, '$1<id>')
    .replace(/\b(AKIA|ASIA)[A-Z2-7]{16}\b/g, '$1<key>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/^[A-Z0-9]{16}$/, '<s3-request-id>')
    .replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, '<iso>')
    .replace(/^[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{1,2}:\d\d:\d\d [AP]M$/, (m) =>
      m.includes(`${m.split(' ')[2]?.replace(',', '')},`) ? '<sts-date>' : '<iam-date>',
    );
}

function expectSameRecord(actual: unknown, name: string): void {
  const expected = normalize(reference(name));
  const got = normalize(actual);
  expect(JSON.stringify(got, null, 1)).toBe(JSON.stringify(expected, null, 1));
}

function keyOf(out: Record<string, unknown>): Credentials {
  const k = (out['AccessKey'] ?? out['Credentials']) as { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string };
  return {
    kind: 'accessKey',
    accessKeyId: k.AccessKeyId,
    secretAccessKey: k.SecretAccessKey,
    ...(k.SessionToken ? { sessionToken: k.SessionToken } : {}),
  };
}

async function send(
  world: World,
  service: string,
  operation: string,
  params: Record<string, unknown>,
  credentials: Credentials,
  command: string,
  sourceIp = '203.0.113.25',
): Promise<Record<string, unknown>> {
  const r = await world.invoke({ service, operation, params, credentials, sourceIp, userAgent: UA(command) });
  return r.ok ? r.output : {};
}

const last = (world: World): Record<string, unknown> => world.trail().Records.at(-1) ?? {};

async function aliceWorld(): Promise<{ world: World; alice: Credentials }> {
  const world = createWorld({ now: '2026-03-02T14:05:11Z' });
  const root = world.rootCredentials();
  await world.invoke({ service: 'iam', operation: 'CreateUser', params: { UserName: 'alice' }, credentials: root });
  await world.invoke({
    service: 'iam',
    operation: 'AttachUserPolicy',
    params: { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    credentials: root,
  });
  const key = await world.invoke({ service: 'iam', operation: 'CreateAccessKey', params: { UserName: 'alice' }, credentials: root });
  if (!key.ok) throw new Error('setup');
  return { world, alice: keyOf(key.output) };
}

describe('records match the reference records', () => {
  test('01 CreateUser and 02 AttachUserPolicy by an IAM user', async () => {
    const { world, alice } = await aliceWorld();
    await send(world, 'iam', 'CreateUser', { UserName: 'bob' }, alice, 'iam.create-user');
    expectSameRecord(last(world), '01_iam_CreateUser_cli.json');
    await send(
      world,
      'iam',
      'AttachUserPolicy',
      { UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      alice,
      'iam.attach-user-policy',
    );
    expectSameRecord(last(world), '02_iam_AttachUserPolicy_cli.json');
  });

  test('03 AssumeRole success and 04 AssumeRole denied', async () => {
    const { world, alice } = await aliceWorld();
    const root = world.rootCredentials();
    await send(world, 'iam', 'CreateUser', { UserName: 'bob' }, root, 'iam.create-user');
    const bob = keyOf(await send(world, 'iam', 'CreateAccessKey', { UserName: 'bob' }, root, 'iam.create-access-key'));
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' }, Action: 'sts:AssumeRole' }],
    });
    await send(world, 'iam', 'CreateRole', { RoleName: 'S3ReadRole', AssumeRolePolicyDocument: trust }, root, 'iam.create-role');
    await send(
      world,
      'sts',
      'AssumeRole',
      { RoleArn: 'arn:aws:iam::123456789012:role/S3ReadRole', RoleSessionName: 'alice-cli' },
      alice,
      'sts.assume-role',
    );
    expectSameRecord(last(world), '03_sts_AssumeRole_success.json');
    await send(
      world,
      'sts',
      'AssumeRole',
      { RoleArn: 'arn:aws:iam::123456789012:role/S3ReadRole', RoleSessionName: 'bob-cli' },
      bob,
      'sts.assume-role',
      '198.51.100.7',
    );
    expectSameRecord(last(world), '04_sts_AssumeRole_AccessDenied.json');
  });

  test('05 GetSessionToken with MFA and 05b a call made with those credentials', async () => {
    const { world, alice } = await aliceWorld();
    const root = world.rootCredentials();
    const created = await send(
      world,
      'iam',
      'CreateVirtualMFADevice',
      { VirtualMFADeviceName: 'alice-phone' },
      root,
      'iam.create-virtual-mfa-device',
    );
    const seed = new TextDecoder().decode((created['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
    const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: world.clock.nowMs() });
    const c1 = code();
    world.clock.advance(30);
    await send(
      world,
      'iam',
      'EnableMFADevice',
      {
        UserName: 'alice',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
        AuthenticationCode1: c1,
        AuthenticationCode2: code(),
      },
      root,
      'iam.enable-mfa-device',
    );
    world.clock.advance(30);
    const out = await send(
      world,
      'sts',
      'GetSessionToken',
      { DurationSeconds: 3600, SerialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone', TokenCode: code() },
      alice,
      'sts.get-session-token',
    );
    expectSameRecord(last(world), '05_sts_GetSessionToken_with_MFA_COMPOSED.json');
    await send(world, 'iam', 'ListUsers', {}, keyOf(out), 'iam.list-users');
    expectSameRecord(last(world), '05b_call_with_GetSessionToken_MFA_creds_COMPOSED.json');
  });

  test('06 S3 GetObject denied, a data event recorded because a trail selects it', async () => {
    const world = createWorld();
    const root = world.rootCredentials();
    await send(world, 'iam', 'CreateUser', { UserName: 'bob' }, root, 'iam.create-user');
    const bob = keyOf(await send(world, 'iam', 'CreateAccessKey', { UserName: 'bob' }, root, 'iam.create-access-key'));
    await send(world, 's3', 'CreateBucket', { Bucket: 'tutorial-reports-123456789012' }, root, 's3api.create-bucket');
    await send(world, 's3', 'CreateBucket', { Bucket: 'trail-logs-123456789012' }, root, 's3api.create-bucket');
    await send(
      world,
      's3',
      'GetObject',
      { Bucket: 'tutorial-reports-123456789012', Key: 'q1/report.csv' },
      bob,
      's3api.get-object',
      '198.51.100.7',
    );
    expect(last(world)['eventName']).toBe('CreateBucket'); // not selected yet: not recorded
    await send(
      world,
      'cloudtrail',
      'CreateTrail',
      { Name: 'main', S3BucketName: 'trail-logs-123456789012' },
      root,
      'cloudtrail.create-trail',
    );
    await send(
      world,
      'cloudtrail',
      'PutEventSelectors',
      {
        TrailName: 'main',
        EventSelectors: [
          { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
        ],
      },
      root,
      'cloudtrail.put-event-selectors',
    );
    await send(
      world,
      's3',
      'GetObject',
      { Bucket: 'tutorial-reports-123456789012', Key: 'q1/report.csv' },
      bob,
      's3api.get-object',
      '198.51.100.7',
    );
    expectSameRecord(last(world), '06_s3_GetObject_AccessDenied_data_event.json');
  });

  test('07 and 08 ConsoleLogin success with MFA and failure', async () => {
    const world = createWorld();
    const root = world.rootCredentials();
    await send(world, 'iam', 'CreateUser', { UserName: 'alice' }, root, 'iam.create-user');
    await send(world, 'iam', 'CreateUser', { UserName: 'bob' }, root, 'iam.create-user');
    await send(world, 'iam', 'CreateLoginProfile', { UserName: 'alice', Password: 'Al1ce-Passw0rd!' }, root, 'iam.create-login-profile');
    await send(world, 'iam', 'CreateLoginProfile', { UserName: 'bob', Password: 'B0b-Passw0rd!!' }, root, 'iam.create-login-profile');
    const created = await send(
      world,
      'iam',
      'CreateVirtualMFADevice',
      { VirtualMFADeviceName: 'alice-phone' },
      root,
      'iam.create-virtual-mfa-device',
    );
    const seed = new TextDecoder().decode((created['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
    const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: world.clock.nowMs() });
    const c1 = code();
    world.clock.advance(30);
    await send(
      world,
      'iam',
      'EnableMFADevice',
      {
        UserName: 'alice',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
        AuthenticationCode1: c1,
        AuthenticationCode2: code(),
      },
      root,
      'iam.enable-mfa-device',
    );
    world.clock.advance(30);
    const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';
    expect(
      world.consoleSignIn({ userName: 'alice', password: 'Al1ce-Passw0rd!', mfaCode: code(), sourceIp: '203.0.113.25', userAgent: browser })
        .ok,
    ).toBe(true);
    expectSameRecord(last(world), '07_signin_ConsoleLogin_IAMUser_with_MFA.json');
    const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15';
    expect(world.consoleSignIn({ userName: 'bob', password: 'wrong', sourceIp: '198.51.100.7', userAgent: safari }).ok).toBe(false);
    expectSameRecord(last(world), '08_signin_ConsoleLogin_IAMUser_failure.json');
  });

  test('10 EnableMFADevice from a console session', async () => {
    const world = createWorld();
    const root = world.rootCredentials();
    await send(world, 'iam', 'CreateUser', { UserName: 'alice' }, root, 'iam.create-user');
    await send(
      world,
      'iam',
      'AttachUserPolicy',
      { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
      root,
      'iam.attach-user-policy',
    );
    await send(world, 'iam', 'CreateLoginProfile', { UserName: 'alice', Password: 'Al1ce-Passw0rd!' }, root, 'iam.create-login-profile');
    const signIn = world.consoleSignIn({ userName: 'alice', password: 'Al1ce-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const created = await send(
      world,
      'iam',
      'CreateVirtualMFADevice',
      { VirtualMFADeviceName: 'alice-phone' },
      signIn.credentials,
      'console',
    );
    const seed = new TextDecoder().decode((created['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
    const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: world.clock.nowMs() });
    const c1 = code();
    world.clock.advance(30);
    await send(
      world,
      'iam',
      'EnableMFADevice',
      {
        UserName: 'alice',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
        AuthenticationCode1: c1,
        AuthenticationCode2: code(),
      },
      signIn.credentials,
      'console',
    );
    expectSameRecord(last(world), '10_iam_EnableMFADevice_console.json');
  });
});
