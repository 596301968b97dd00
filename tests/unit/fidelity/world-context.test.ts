// The request context the world builds per credential type, read back through world.lastDecisions().
// IAM User Guide, "AWS global condition context keys" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:MultiFactorAuthPresent/aws:TokenIssueTime only with temporary credentials, aws:MultiFactorAuthAge only after
// MFA, aws:username only for IAM users, aws:userid per principal type, aws:PrincipalType Account|User|AssumedRole,
// aws:PrincipalArn of a role session = the role ARN (with path), session tags override principal tags.
// Also: console sessions (present=false without MFA) and the GetSessionToken root 1-hour cap (STS API Reference).
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../src/sim/world/index.ts';
import { call, credentialsOf as cr, ok as out, policy } from '../sim/world/helpers.ts';

const ACCT = '111122223333';
const P = policy;

/** The context of an iam:GetUser call made with `c`. */
async function contextOf(w: World, c?: Credentials): Promise<Record<string, unknown>> {
  await call(w, 'iam', 'GetUser', { UserName: 'alice' }, c);
  const d = w.lastDecisions().at(-1);
  if (!d) throw new Error('no decision');
  return d.request.context as Record<string, unknown>;
}

async function setup() {
  const w = createWorld({ accountId: ACCT });
  await out(w, 'iam', 'CreateUser', { UserName: 'alice', Tags: [{ Key: 'team', Value: 'red' }] });
  await out(w, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
  const alice = cr((await out(w, 'iam', 'CreateAccessKey', { UserName: 'alice' }))['AccessKey']);
  const d = (await out(w, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'alice' }))['VirtualMFADevice'];
  const seed = new TextDecoder().decode(d.Base32StringSeed);
  const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: w.clock.nowMs() });
  const c1 = code();
  w.clock.advance(30);
  await out(w, 'iam', 'EnableMFADevice', {
    UserName: 'alice',
    SerialNumber: d.SerialNumber,
    AuthenticationCode1: c1,
    AuthenticationCode2: code(),
  });
  w.clock.advance(30);
  await out(w, 'iam', 'CreateRole', {
    RoleName: 'R',
    Path: '/p/',
    AssumeRolePolicyDocument: P({ Effect: 'Allow', Principal: { AWS: ACCT }, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
    Tags: [{ Key: 'team', Value: 'blue' }],
  });
  await out(w, 'iam', 'AttachRolePolicy', { RoleName: 'R', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
  return { w, alice, serial: d.SerialNumber as string, code };
}

describe('request context per credential type', () => {
  test('root user: PrincipalType Account, userid = account ID, no username, no MFA keys', async () => {
    const { w } = await setup();
    const c = await contextOf(w);
    expect(c).toMatchObject({
      'aws:PrincipalType': 'Account',
      'aws:userid': ACCT,
      'aws:PrincipalArn': `arn:aws:iam::${ACCT}:root`,
      'aws:PrincipalAccount': ACCT,
    });
    expect(Object.keys(c)).not.toContain('aws:username');
    expect(Object.keys(c)).not.toContain('aws:MultiFactorAuthPresent');
  });
  test('IAM user with a long-term key: username, AIDA userid, principal tags; no MFA/TokenIssueTime keys', async () => {
    const { w, alice } = await setup();
    const c = await contextOf(w, alice);
    expect(c).toMatchObject({
      'aws:PrincipalType': 'User',
      'aws:username': 'alice',
      'aws:PrincipalTag/team': 'red',
      'aws:SecureTransport': true,
    });
    expect(c['aws:userid']).toMatch(/^AIDA[A-Z2-7]{17}$/);
    for (const k of ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime']) expect(Object.keys(c)).not.toContain(k);
  });
  test('GetSessionToken with MFA: MFA present, age in seconds since authentication, TokenIssueTime', async () => {
    const { w, alice, serial, code } = await setup();
    const g = cr((await out(w, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: code() }, alice))['Credentials']);
    w.clock.advance(100);
    const c = await contextOf(w, g);
    expect(c).toMatchObject({
      'aws:MultiFactorAuthPresent': true,
      'aws:MultiFactorAuthAge': 100,
      'aws:PrincipalType': 'User',
      'aws:username': 'alice',
    });
    expect(c['aws:TokenIssueTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
  test('role session: PrincipalArn = role ARN with path, userid roleId:session, no username, session tags win', async () => {
    const { w, alice } = await setup();
    const r = cr(
      (
        await out(
          w,
          'sts',
          'AssumeRole',
          { RoleArn: `arn:aws:iam::${ACCT}:role/p/R`, RoleSessionName: 'sess', Tags: [{ Key: 'team', Value: 'green' }] },
          alice,
        )
      )['Credentials'],
    );
    const c = await contextOf(w, r);
    expect(c).toMatchObject({
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/p/R`,
      'aws:PrincipalTag/team': 'green',
      'aws:MultiFactorAuthPresent': false,
    });
    expect(c['aws:userid']).toMatch(/^AROA[A-Z2-7]{17}:sess$/);
    expect(Object.keys(c)).not.toContain('aws:username');
    expect(Object.keys(c)).not.toContain('aws:MultiFactorAuthAge');
  });
  test('console session without MFA: MultiFactorAuthPresent present and false, TokenIssueTime present', async () => {
    const { w } = await setup();
    await out(w, 'iam', 'CreateUser', { UserName: 'ana' });
    await out(w, 'iam', 'AttachUserPolicy', { UserName: 'ana', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    await out(w, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'Passw0rd!Passw0rd' });
    const s = w.consoleSignIn({ userName: 'ana', password: 'Passw0rd!Passw0rd' });
    if (!s.ok) throw new Error('sign-in failed');
    const c = await contextOf(w, s.credentials);
    expect(c).toMatchObject({ 'aws:MultiFactorAuthPresent': false, 'aws:username': 'ana', 'aws:PrincipalType': 'User' });
    expect(Object.keys(c)).toContain('aws:TokenIssueTime');
    expect(Object.keys(c)).not.toContain('aws:MultiFactorAuthAge');
  });
});

describe('STS: root GetSessionToken is capped at one hour', () => {
  test('DurationSeconds 7200 for root → expires after 3600 s', async () => {
    const { w } = await setup();
    const g = await out(w, 'sts', 'GetSessionToken', { DurationSeconds: 7200 });
    expect(Date.parse(g['Credentials'].Expiration) - w.clock.nowMs()).toBe(3_600_000);
  });
});

describe('denial texts through the world (IAM troubleshooting page grammar)', () => {
  test('boundary, session policy, managed explicit deny with ARN, inline explicit deny without ARN, SCP for root', async () => {
    const { w, alice } = await setup();
    const msg = async (service: string, op: string, c?: Credentials) => {
      const r = await call(w, service, op, {}, c);
      return r.ok ? 'ok' : r.error.message;
    };
    const u = `arn:aws:iam::${ACCT}:user/alice`;
    await out(w, 'iam', 'PutUserPermissionsBoundary', {
      UserName: 'alice',
      PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    expect(await msg('iam', 'ListUsers', alice)).toBe(
      `User: ${u} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCT}:user/ because no permissions boundary allows the iam:ListUsers action`,
    );
    await out(w, 'iam', 'DeleteUserPermissionsBoundary', { UserName: 'alice' });
    const r = cr(
      (
        await out(
          w,
          'sts',
          'AssumeRole',
          {
            RoleArn: `arn:aws:iam::${ACCT}:role/p/R`,
            RoleSessionName: 'sp',
            Policy: P({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
          },
          alice,
        )
      )['Credentials'],
    );
    expect(await msg('iam', 'ListUsers', r)).toBe(
      `User: arn:aws:sts::${ACCT}:assumed-role/R/sp is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCT}:user/ because no session policy allows the iam:ListUsers action`,
    );
    await out(w, 'iam', 'CreatePolicy', {
      PolicyName: 'DenyIam',
      PolicyDocument: P({ Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' }),
    });
    await out(w, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCT}:policy/DenyIam` });
    expect(await msg('iam', 'ListUsers', alice)).toBe(
      `User: ${u} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCT}:user/ with an explicit deny in an identity-based policy: arn:aws:iam::${ACCT}:policy/DenyIam`,
    );
    await out(w, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'inline',
      PolicyDocument: P({ Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*' }),
    });
    expect(await msg('iam', 'ListRoles', alice)).toBe(
      `User: ${u} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCT}:role/ with an explicit deny in an identity-based policy`,
    );
    w.setOrganization({
      serviceControlPolicies: [
        [{ name: 'FullAWSAccess', document: P({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
        [{ name: 'OnlyS3', document: P({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }],
      ],
    });
    expect(await msg('iam', 'ListGroups')).toBe(
      `User: arn:aws:iam::${ACCT}:root is not authorized to perform: iam:ListGroups on resource: arn:aws:iam::${ACCT}:group/ because no service control policy allows the iam:ListGroups action`,
    );
    expect(await msg('sts', 'GetCallerIdentity')).toBe('ok');
  });
});
