// The IAM credential report on the world. Sources:
// IAM User Guide, "Generate credential reports for your AWS account" (columns, N/A, no_information,
// not_supported, the four-hour rule, required permissions)
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
// IAM API Reference, "GenerateCredentialReport" / "GetCredentialReport" (State values; error codes
// ReportNotPresent 410, ReportExpired 410, ReportInProgress 404)
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
import { describe, expect, test } from 'vitest';
import { totpCode } from '../../../../../src/sim/world/totp.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { err, must, ok, policy, userWithKey } from '../../world/helpers.ts';

const START = '2026-03-02T10:00:00Z';

/** The report as rows of named cells (the header row names them). */
async function reportRows(world: World): Promise<Record<string, string>[]> {
  const out = await ok(world, 'iam', 'GetCredentialReport');
  expect(out['ReportFormat']).toBe('text/csv');
  const [header, ...rows] = new TextDecoder()
    .decode(out['Content'] as Uint8Array)
    .split('\n')
    .map((line) => line.split(','));
  return rows.map((cells) => Object.fromEntries((header ?? []).map((name, i) => [name, cells[i] ?? ''])));
}

describe('credential report content', () => {
  test('has the documented columns in order, the root row first, then users by name', async () => {
    const world = createWorld({ now: START });
    await ok(world, 'iam', 'CreateUser', { UserName: 'zoe' });
    await ok(world, 'iam', 'CreateUser', { UserName: 'ana' });
    await ok(world, 'iam', 'GenerateCredentialReport');
    const out = await ok(world, 'iam', 'GetCredentialReport');
    const lines = new TextDecoder().decode(out['Content'] as Uint8Array).split('\n');
    expect(lines[0]).toBe(
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
        'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
        'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
        'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['<root_account>', 'ana', 'zoe']);
    expect(out['GeneratedTime']).toBe('2026-03-02T10:00:00+00:00');
  });

  test('the root row: not_supported for the password columns the root user does not have', async () => {
    const world = createWorld({ now: START });
    await ok(world, 'iam', 'GenerateCredentialReport');
    const [root] = await reportRows(world);
    expect(root).toMatchObject({
      user: '<root_account>',
      arn: 'arn:aws:iam::123456789012:root',
      password_enabled: 'not_supported',
      password_last_used: 'no_information',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      // The world's root user has the access key of the terminal's default profile; no second key.
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-03-02T10:00:00+00:00',
      access_key_2_active: 'false',
      access_key_2_last_rotated: 'N/A',
      cert_1_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
  });

  test('a user with a password, MFA and two keys, one used and one never used', async () => {
    const world = createWorld({ now: START });
    const ana = await userWithKey(world, 'ana');
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'Start-Passw0rd!' });
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { MaxPasswordAge: 90 });
    world.clock.advance(60);
    await ok(world, 'iam', 'CreateAccessKey', { UserName: 'ana' });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'ana',
      PolicyName: 'read',
      PolicyDocument: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    });
    world.clock.advance(60);
    await ok(world, 's3', 'ListBuckets', {}, ana);
    // Enabling MFA takes two consecutive codes from the device's seed.
    const created = await ok(world, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'ana' });
    const seed = new TextDecoder().decode((created['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
    const first = totpCode(seed, world.clock.nowMs());
    world.clock.advance(30);
    const serial = 'arn:aws:iam::123456789012:mfa/ana';
    await ok(world, 'iam', 'EnableMFADevice', {
      UserName: 'ana',
      SerialNumber: serial,
      AuthenticationCode1: first,
      AuthenticationCode2: totpCode(seed, world.clock.nowMs()),
    });
    world.clock.advance(30);
    const signIn = world.consoleSignIn({ userName: 'ana', password: 'Start-Passw0rd!', mfaCode: totpCode(seed, world.clock.nowMs()) });
    expect(signIn.ok).toBe(true);
    await ok(world, 'iam', 'GenerateCredentialReport');
    const [, row] = await reportRows(world);
    expect(row).toMatchObject({
      user: 'ana',
      arn: 'arn:aws:iam::123456789012:user/ana',
      user_creation_time: '2026-03-02T10:00:00+00:00',
      password_enabled: 'true',
      password_last_used: '2026-03-02T10:03:00+00:00',
      password_last_changed: '2026-03-02T10:00:00+00:00',
      // A password policy with MaxPasswordAge 90: the password must be set again 90 days after it was.
      password_next_rotation: '2026-05-31T10:00:00+00:00',
      mfa_active: 'true',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-03-02T10:00:00+00:00',
      access_key_1_last_used_date: '2026-03-02T10:02:00+00:00',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 's3',
      access_key_2_active: 'true',
      access_key_2_last_rotated: '2026-03-02T10:01:00+00:00',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
    });
  });

  test('a user without a password or keys: N/A, and no_information for a password never used', async () => {
    const world = createWorld({ now: START });
    await ok(world, 'iam', 'CreateUser', { UserName: 'bob' });
    await ok(world, 'iam', 'CreateUser', { UserName: 'cy' });
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'cy', Password: 'Start-Passw0rd!' });
    const key = await ok(world, 'iam', 'CreateAccessKey', { UserName: 'cy' });
    await ok(world, 'iam', 'UpdateAccessKey', { UserName: 'cy', AccessKeyId: key['AccessKey'].AccessKeyId, Status: 'Inactive' });
    await ok(world, 'iam', 'GenerateCredentialReport');
    const [, bob, cy] = await reportRows(world);
    expect(bob).toMatchObject({
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
      access_key_1_last_used_date: 'N/A',
    });
    expect(cy).toMatchObject({
      password_enabled: 'true',
      password_last_used: 'no_information',
      // No password policy that expires passwords: no next rotation.
      password_next_rotation: 'N/A',
      access_key_1_active: 'false',
      access_key_1_last_rotated: '2026-03-02T10:00:00+00:00',
    });
  });
});

describe('the four-hour rule', () => {
  test('STARTED for a new report, COMPLETE within four hours (same report), a new one after', async () => {
    const world = createWorld({ now: START });
    expect(await ok(world, 'iam', 'GenerateCredentialReport')).toEqual({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    await ok(world, 'iam', 'CreateUser', { UserName: 'late' });
    world.clock.advance(4 * 3600 - 1);
    expect(await ok(world, 'iam', 'GenerateCredentialReport')).toEqual({ State: 'COMPLETE' });
    // The existing report: generated before `late` existed.
    expect((await reportRows(world)).map((r) => r['user'])).toEqual(['<root_account>']);
    expect((await ok(world, 'iam', 'GetCredentialReport'))['GeneratedTime']).toBe('2026-03-02T10:00:00+00:00');
    world.clock.advance(1);
    expect((await ok(world, 'iam', 'GenerateCredentialReport'))['State']).toBe('STARTED');
    expect((await reportRows(world)).map((r) => r['user'])).toEqual(['<root_account>', 'late']);
  });
});

describe('errors', () => {
  test('ReportNotPresent (410) before any report, ReportExpired (410) four hours after', async () => {
    const world = createWorld({ now: START });
    expect(await err(world, 'iam', 'GetCredentialReport')).toMatchObject({ code: 'ReportNotPresent', httpStatus: 410 });
    await ok(world, 'iam', 'GenerateCredentialReport');
    world.clock.advance(4 * 3600);
    const expired = await err(world, 'iam', 'GetCredentialReport');
    expect(expired).toMatchObject({ code: 'ReportExpired', httpStatus: 410 });
    expect(expired.message).toContain('use GenerateCredentialReport');
  });

  test('both calls are decided by the policy engine and leave CloudTrail records', async () => {
    const world = createWorld({ now: START });
    const ana = await userWithKey(world, 'ana');
    const denied = await err(world, 'iam', 'GenerateCredentialReport', {}, ana);
    expect(denied.code).toBe('AccessDenied');
    expect(denied.message).toContain(
      'is not authorized to perform: iam:GenerateCredentialReport on resource: * because no identity-based policy allows the iam:GenerateCredentialReport action',
    );
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'ana',
      PolicyName: 'generate-only',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GenerateCredentialReport', Resource: '*' }),
    });
    await ok(world, 'iam', 'GenerateCredentialReport', {}, ana);
    expect((await err(world, 'iam', 'GetCredentialReport', {}, ana)).message).toContain('iam:GetCredentialReport');
    // The AWS managed IAMReadOnlyAccess grants both (it lists GenerateCredentialReport and Get*).
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'ana', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    await ok(world, 'iam', 'GetCredentialReport', {}, ana);
    const records = world.trail().Records.filter((r) => String(r['eventName']).endsWith('CredentialReport'));
    expect(records.map((r) => [r['eventName'], r['errorCode'] ?? 'ok', r['readOnly']])).toEqual([
      ['GenerateCredentialReport', 'AccessDenied', false],
      ['GenerateCredentialReport', 'ok', false],
      ['GetCredentialReport', 'AccessDenied', true],
      ['GetCredentialReport', 'ok', true],
    ]);
    expect(records.every((r) => r['eventSource'] === 'iam.amazonaws.com' && r['awsRegion'] === 'us-east-1')).toBe(true);
  });
});

describe('the CLI', () => {
  test('prints Content as base64 text that decodes to the CSV, as the real CLI does', async () => {
    const world = createWorld({ now: START });
    expect(JSON.parse(await must(world, 'aws iam generate-credential-report'))).toEqual({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const out = JSON.parse(await must(world, 'aws iam get-credential-report')) as Record<string, string>;
    expect(Object.keys(out)).toEqual(['Content', 'ReportFormat', 'GeneratedTime']);
    expect(atob(out['Content'] ?? '')).toMatch(/^user,arn,user_creation_time,/);
    const decoded = await must(world, 'aws iam get-credential-report --query Content --output text | base64 -d');
    expect(decoded.split('\n')[1]).toMatch(/^<root_account>,arn:aws:iam::123456789012:root,/);
  });

  test("help says the simulation's choice: the report is ready within the call", async () => {
    const help = await must(createWorld(), 'aws iam get-credential-report help');
    expect(help).toMatch(/SIMULATOR NOTES\n[\s\S]*never answers ReportInProgress/);
  });
});
