// The world's calls as AWS answers them, per credential type.
// IAM User Guide, "Secure API access with MFA" (GetSessionToken vs AssumeRole MFA context; GetSessionToken
// credentials without MFA cannot call IAM), "AWS global condition context keys" (aws:MultiFactorAuthPresent absent
// for long-term keys; aws:PrincipalArn of a role session = the role ARN; aws:username only for IAM users);
// STS API Reference (GetCallerIdentity needs no permission; GetSessionToken not with session credentials; role
// chaining 1 hour); "Configuring MFA-protected API access", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html; "STS API Reference, AssumeRole", https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; CLI v2 "return codes" (254 for a service error).
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../src/sim/world/index.ts';
import { call, credentialsOf as credsOf, ok, policy } from '../sim/world/helpers.ts';

const ACCT = '111122223333';
const P = policy;
const ROLE = `arn:aws:iam::${ACCT}:role/team/R`;

/** alice (long-term key, MFA device enabled) and role team/R trusting the account; probe actions keyed on MFA/principal keys. */
async function setup() {
  const w = createWorld({ accountId: ACCT });
  await ok(w, 'iam', 'CreateUser', { UserName: 'alice' });
  const alice = credsOf((await ok(w, 'iam', 'CreateAccessKey', { UserName: 'alice' }))['AccessKey']);
  const probes = [
    { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } } },
    { Effect: 'Allow', Action: 's3:GetBucketPolicy', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
    { Effect: 'Allow', Action: ['sts:AssumeRole', 'iam:ListRoles'], Resource: '*' },
  ];
  await ok(w, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'probes', PolicyDocument: P(...probes) });
  const d = (await ok(w, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'alice' }))['VirtualMFADevice'];
  const seed = new TextDecoder().decode(d.Base32StringSeed);
  const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: w.clock.nowMs() });
  const c1 = code();
  w.clock.advance(30);
  await ok(w, 'iam', 'EnableMFADevice', {
    UserName: 'alice',
    SerialNumber: d.SerialNumber,
    AuthenticationCode1: c1,
    AuthenticationCode2: code(),
  });
  w.clock.advance(30);
  await ok(w, 'iam', 'CreateRole', {
    RoleName: 'R',
    Path: '/team/',
    AssumeRolePolicyDocument: P({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole' }),
  });
  await ok(w, 'iam', 'PutRolePolicy', {
    RoleName: 'R',
    PolicyName: 'probes',
    PolicyDocument: P(
      ...probes,
      { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalArn': ROLE } } },
      { Effect: 'Allow', Action: 'iam:ListGroups', Resource: '*', Condition: { Null: { 'aws:username': 'true' } } },
    ),
  });
  return { w, alice, serial: d.SerialNumber as string, code };
}

/** An allowed probe on a missing bucket answers NoSuchBucket; a denied one AccessDenied. */
async function allowed(w: World, operation: string, c: Credentials): Promise<boolean> {
  const r = await call(w, 's3', operation, operation === 'ListBuckets' ? {} : { Bucket: 'nope-bucket' }, c);
  return r.ok || r.error.code === 'NoSuchBucket';
}

/** Which probe actions the credentials may call: [Bool true, Null true (absent), Bool false]. */
async function mfaView(w: World, c: Credentials): Promise<[boolean, boolean, boolean]> {
  return [await allowed(w, 'ListBuckets', c), await allowed(w, 'ListObjectsV2', c), await allowed(w, 'GetBucketPolicy', c)];
}

describe('aws:MultiFactorAuthPresent by credential type', () => {
  test('long-term access key: key absent (Bool true no, Null true yes, Bool false no)', async () => {
    const { w, alice } = await setup();
    expect(await mfaView(w, alice)).toEqual([false, true, false]);
  });
  test('GetSessionToken with MFA: present and true', async () => {
    const { w, alice, serial, code } = await setup();
    const s = credsOf((await ok(w, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: code() }, alice))['Credentials']);
    expect(await mfaView(w, s)).toEqual([true, false, false]);
  });
  test('GetSessionToken without MFA: present and false', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'GetSessionToken', {}, alice))['Credentials']);
    expect(await mfaView(w, s)).toEqual([false, false, true]);
  });
  test('GetSessionToken without MFA cannot call IAM', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'GetSessionToken', {}, alice))['Credentials']);
    const r = await call(w, 'iam', 'ListRoles', {}, s);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toBe('The security token included in the request is invalid.');
  });
  test('AssumeRole without MFA: the role session is not MFA-authenticated', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice))['Credentials']);
    expect(await mfaView(w, s)).toEqual([false, false, true]);
  });
  // "The temporary credentials returned by AssumeRole do not include MFA information in the context, so you
  // cannot check individual API operations for MFA" (Secure API access with MFA, Overview).
  test('AssumeRole with MFA: MFA is checked at assume time only; later calls do not pass Bool true', async () => {
    const { w, alice, serial, code } = await setup();
    const s = credsOf(
      (await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1', SerialNumber: serial, TokenCode: code() }, alice))[
        'Credentials'
      ],
    );
    expect((await mfaView(w, s))[0]).toBe(false);
  });
  test('a trust policy requiring MFA: refused without a code, accepted with one', async () => {
    const { w, alice, serial, code } = await setup();
    await ok(w, 'iam', 'UpdateAssumeRolePolicy', {
      RoleName: 'R',
      PolicyDocument: P({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCT}:user/alice` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    });
    const denied = await call(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice);
    expect(denied.ok ? undefined : denied.error).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
      httpStatus: 403,
    });
    expect(
      (await call(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1', SerialNumber: serial, TokenCode: code() }, alice)).ok,
    ).toBe(true);
    const record = w.trail().Records.at(-1) as Record<string, unknown>;
    expect(record['eventName']).toBe('AssumeRole');
    const failed = w
      .trail()
      .Records.find(
        (r) =>
          (r as Record<string, unknown>)['errorCode'] === 'AccessDenied' && (r as Record<string, unknown>)['eventName'] === 'AssumeRole',
      ) as Record<string, unknown>;
    expect(failed['requestParameters']).toBeNull();
  });
});

describe('principal keys of a role session', () => {
  test('aws:PrincipalArn is the role ARN (with its path); aws:username is absent', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice))['Credentials']);
    expect((await call(w, 'iam', 'ListUsers', {}, s)).ok).toBe(true);
    expect((await call(w, 'iam', 'ListGroups', {}, s)).ok).toBe(true);
  });
  test('GetCallerIdentity: the session ARN drops the role path; UserId is roleId:session', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice))['Credentials']);
    const id = await ok(w, 'sts', 'GetCallerIdentity', {}, s);
    expect(id['Arn']).toBe(`arn:aws:sts::${ACCT}:assumed-role/R/s1`);
    expect(id['UserId']).toMatch(/^AROA[A-Z2-7]{17}:s1$/);
    expect(id['Account']).toBe(ACCT);
  });
});

describe('STS rules', () => {
  test('GetCallerIdentity is allowed even under an explicit Deny *', async () => {
    const { w, alice } = await setup();
    await ok(w, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'deny',
      PolicyDocument: P({ Effect: 'Deny', Action: '*', Resource: '*' }),
    });
    expect((await call(w, 'sts', 'GetCallerIdentity', {}, alice)).ok).toBe(true);
  });
  test('GetSessionToken with role credentials is refused', async () => {
    const { w, alice } = await setup();
    const s = credsOf((await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice))['Credentials']);
    const r = await call(w, 'sts', 'GetSessionToken', {}, s);
    expect(r.ok ? undefined : r.error).toEqual({
      code: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
      httpStatus: 403,
    });
  });
  test('role chaining: 3600 s works, 3601 s fails', async () => {
    const { w, alice } = await setup();
    await ok(w, 'iam', 'UpdateRole', { RoleName: 'R', MaxSessionDuration: 7200 });
    const s = credsOf((await ok(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's1' }, alice))['Credentials']);
    expect((await call(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's2', DurationSeconds: 3600 }, s)).ok).toBe(true);
    const r = await call(w, 'sts', 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 's3', DurationSeconds: 3601 }, s);
    expect(r.ok ? undefined : r.error.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  });
  test('DurationSeconds above MaxSessionDuration and session name rules', async () => {
    const { w, alice } = await setup();
    const msg = async (p: Record<string, unknown>) => {
      const r = await call(w, 'sts', 'AssumeRole', { RoleArn: ROLE, ...p }, alice);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await msg({ RoleSessionName: 'ab', DurationSeconds: 3601 })).toBe(
      'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(await msg({ RoleSessionName: 'a' })).toBe(
      "ValidationError: 1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    expect(await msg({ RoleSessionName: 'ab', DurationSeconds: 899 })).toBe(
      "ValidationError: 1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });
});

describe('IAM names and policy documents (AWS-FACTS §5, §7)', () => {
  test('names are unique ignoring case; length and character rules', async () => {
    const { w } = await setup();
    const e = async (p: Record<string, unknown>) => {
      const r = await call(w, 'iam', 'CreateUser', p);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await e({ UserName: 'ALICE' })).toBe('EntityAlreadyExists: User with name ALICE already exists.');
    expect(await e({ UserName: 'a'.repeat(64) })).toBe('ok');
    expect(await e({ UserName: 'b'.repeat(65) })).toMatch(
      /^ValidationError: 1 validation error detected: Value 'b+' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64$/,
    );
  });
  test('MalformedPolicyDocument texts per policy type', async () => {
    const { w } = await setup();
    const mp = async (doc: string) => {
      const r = await call(w, 'iam', 'CreatePolicy', { PolicyName: 'x', PolicyDocument: doc });
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    const tr = async (doc: string) => {
      const r = await call(w, 'iam', 'CreateRole', { RoleName: 'T', AssumeRolePolicyDocument: doc });
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await mp(JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }))).toBe(
      'MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater.',
    );
    expect(await mp(P({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }))).toBe(
      'MalformedPolicyDocument: Policy document should not specify a principal.',
    );
    expect(await mp(P({ Effect: 'Allow', Action: 's3:*' }))).toBe('MalformedPolicyDocument: Policy statement must contain resources.');
    expect(
      await mp(
        P({ Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      ),
    ).toBe('MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique.');
    expect(await mp(P({ Effect: 'Allow', Action: 'GetObject', Resource: '*' }))).toBe(
      'MalformedPolicyDocument: Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    );
    expect(await mp(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket' }))).toBe(
      'MalformedPolicyDocument: Resource bucket must be in ARN format or "*".',
    );
    expect(await tr(P({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }))).toBe(
      'MalformedPolicyDocument: Has prohibited field Resource',
    );
    expect(await tr('trust.json')).toBe('MalformedPolicyDocument: This policy contains invalid Json');
    expect(await tr(P({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/Nope` }, Action: 'sts:AssumeRole' }))).toBe(
      `MalformedPolicyDocument: Invalid principal in policy: "AWS":"arn:aws:iam::${ACCT}:role/Nope"`,
    );
  });
});

describe('CLI error text and exit code', () => {
  test('a denied call prints the botocore line and exits 254', async () => {
    const { w } = await setup();
    const r = await w.run('aws iam create-user --user-name x --profile alice');
    expect(r.exitCode).toBe(254);
    expect(r.stderr.trim()).toMatch(
      /^An error occurred \(AccessDenied\) when calling the CreateUser operation: User: arn:aws:iam::111122223333:user\/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user\/x because no identity-based policy allows the iam:CreateUser action$/,
    );
  });
});
