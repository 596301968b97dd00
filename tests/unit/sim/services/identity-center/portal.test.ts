/**
 * The AWS access portal and the CLI's Identity Center path. Sources: IAM Identity Center User Guide,
 * "Using the AWS access portal" (https://docs.aws.amazon.com/singlesignon/latest/userguide/using-the-portal.html),
 * "Password requirements" (https://docs.aws.amazon.com/singlesignon/latest/userguide/password-requirements.html);
 * AWS CLI User Guide, "Configuring IAM Identity Center authentication with the AWS CLI"
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html); SSO Portal API Reference
 * (https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/); CloudTrail User Guide,
 * "CloudTrail userIdentity element" (SAMLUser).
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../../../src/sim/world/totp.ts';
import { identityCenterWorld, json, run, type IdcWorld } from './helpers.ts';

/** alice's first sign-in: one-time password, a new password, then the authenticator app she must register (portal-mfa.test.ts). */
async function signedIn(idc: IdcWorld): Promise<string> {
  const otp = idc.world.portalOneTimePassword('alice');
  expect(otp).toBeDefined();
  const first = idc.world.portalSignIn({ userName: 'alice', password: otp ?? '' });
  expect(first).toEqual({ ok: false, reason: 'NEW_PASSWORD_REQUIRED' });
  const register = idc.world.portalSignIn({ userName: 'alice', password: otp ?? '', newPassword: 'Correct-Horse-7' });
  const secret = !register.ok && 'registration' in register ? (register.registration?.secret ?? '') : '';
  const mfaCode = totpCode(secret, idc.world.clock.nowMs());
  const signed = idc.world.portalSignIn({ userName: 'alice', password: 'Correct-Horse-7', mfaCode });
  if (!signed.ok) throw new Error(signed.reason);
  return signed.accessToken;
}

describe('portal sign-in', () => {
  it('needs the password; a one-time password must be replaced by one that meets the rules', async () => {
    const idc = await identityCenterWorld();
    // The password rules alone: MFA off ("Never (disabled)"); the MFA step is portal-mfa.test.ts's.
    idc.world.portalMfaSettings({ mode: 'DISABLED' });
    expect(idc.world.portalSignIn({ userName: 'alice', password: 'anything' })).toEqual({ ok: false, reason: 'FAILED_AUTHENTICATION' });
    const otp = idc.world.portalOneTimePassword('alice') ?? '';
    expect(idc.world.portalSignIn({ userName: 'alice', password: otp, newPassword: 'short' })).toEqual({
      ok: false,
      reason: 'WEAK_PASSWORD',
    });
    expect(idc.world.portalSignIn({ userName: 'alice', password: otp, newPassword: 'Correct-Horse-7' }).ok).toBe(true);
    expect(idc.world.portalSignIn({ userName: 'alice', password: 'Correct-Horse-7' }).ok).toBe(true);
  });

  it('lists the accounts and permission sets assigned to the user, directly or through a group', async () => {
    const idc = await identityCenterWorld();
    const token = await signedIn(idc);
    const accounts = await json<{ accountList: { accountId: string; accountName: string }[] }>(
      idc.world,
      `aws sso list-accounts --access-token ${token}`,
    );
    expect(accounts.accountList).toEqual([{ accountId: idc.member, accountName: 'dev', emailAddress: 'dev@example.com' }]);
    const roles = await json<{ roleList: unknown[] }>(
      idc.world,
      `aws sso list-account-roles --access-token ${token} --account-id ${idc.member}`,
    );
    expect(roles.roleList).toEqual([{ roleName: 'ReadOnly', accountId: idc.member }]);
    // A second permission set through a group.
    const admin = await json<{ PermissionSet: { PermissionSetArn: string } }>(
      idc.world,
      `aws sso-admin create-permission-set --instance-arn ${idc.instanceArn} --name Admin`,
    );
    const group = await json<{ GroupId: string }>(
      idc.world,
      `aws identitystore create-group --identity-store-id ${idc.storeId} --display-name Admins`,
    );
    await run(
      idc.world,
      `aws identitystore create-group-membership --identity-store-id ${idc.storeId} --group-id ${group.GroupId} --member-id UserId=${idc.userId}`,
    );
    await run(
      idc.world,
      `aws sso-admin create-account-assignment --instance-arn ${idc.instanceArn} --target-id ${idc.member} --target-type AWS_ACCOUNT --permission-set-arn ${admin.PermissionSet.PermissionSetArn} --principal-type GROUP --principal-id ${group.GroupId}`,
    );
    const both = await json<{ roleList: { roleName: string }[] }>(
      idc.world,
      `aws sso list-account-roles --access-token ${token} --account-id ${idc.member}`,
    );
    expect(both.roleList.map((r) => r.roleName)).toEqual(['Admin', 'ReadOnly']);
  });

  it('answers UnauthorizedException for a token that is not valid, and after Logout', async () => {
    const idc = await identityCenterWorld();
    const bad = await idc.world.run('aws sso list-accounts --access-token aoaNotAToken');
    expect(bad.stderr).toContain(
      'An error occurred (UnauthorizedException) when calling the ListAccounts operation: Session token not found or invalid',
    );
    const token = await signedIn(idc);
    await run(idc.world, `aws sso list-accounts --access-token ${token}`);
    const out = await idc.world.invoke({
      service: 'sso',
      operation: 'Logout',
      params: { accessToken: token },
      credentials: { kind: 'anonymous' },
    });
    expect(out.ok).toBe(true);
    const after = await idc.world.run(`aws sso list-accounts --access-token ${token}`);
    expect(after.stderr).toContain('UnauthorizedException');
  });

  it('refuses a role that is not assigned (ForbiddenException)', async () => {
    const idc = await identityCenterWorld();
    const token = await signedIn(idc);
    const r = await idc.world.run(`aws sso get-role-credentials --access-token ${token} --account-id ${idc.member} --role-name Admin`);
    expect(r.stderr).toContain('An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access');
  });

  it('opens the console in the member account as assumed-role/AWSReservedSSO_…/<username>, recorded as AssumeRoleWithSAML there', async () => {
    const idc = await identityCenterWorld();
    const token = await signedIn(idc);
    const opened = await idc.world.portalOpenConsole({ accessToken: token, accountId: idc.member, roleName: 'ReadOnly' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.arn).toMatch(new RegExp(`^arn:aws:sts::${idc.member}:assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/alice$`));
    const who = await idc.world.invoke({
      service: 'sts',
      operation: 'GetCallerIdentity',
      params: {},
      credentials: { kind: 'console', sessionId: opened.sessionId },
    });
    expect(who.ok && who.output['Arn']).toBe(opened.arn);
    const saml = idc.world.trail(idc.member).Records.find((r) => r['eventName'] === 'AssumeRoleWithSAML');
    expect(saml).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      userIdentity: { type: 'SAMLUser', userName: 'alice' },
      requestParameters: {
        roleSessionName: 'alice',
        principalArn: expect.stringMatching(/saml-provider\/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$/),
      },
      responseElements: { subjectType: 'persistent', audience: 'https://signin.aws.amazon.com/saml' },
      recipientAccountId: idc.member,
    });
    const portal = idc.world.trail(idc.management).Records.find((r) => r['eventName'] === 'GetRoleCredentials');
    expect(portal).toMatchObject({
      eventSource: 'sso.amazonaws.com',
      userIdentity: { type: 'IdentityCenterUser', onBehalfOf: { userId: idc.userId } },
    });
    // The role session's calls are recorded as the role session (AssumedRole with the reserved role as issuer).
    const call = idc.world.trail(idc.member).Records.find((r) => r['eventName'] === 'GetCallerIdentity');
    expect(call?.['userIdentity']).toMatchObject({ type: 'AssumedRole', arn: opened.arn });
  });

  it('a read-only permission set cannot create users in the member account', async () => {
    const idc = await identityCenterWorld();
    const token = await signedIn(idc);
    const opened = await idc.world.portalOpenConsole({ accessToken: token, accountId: idc.member, roleName: 'ReadOnly' });
    if (!opened.ok) throw new Error(opened.error.message);
    const r = await idc.world.invoke({
      service: 'iam',
      operation: 'CreateUser',
      params: { UserName: 'mallory' },
      credentials: { kind: 'console', sessionId: opened.sessionId },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`${opened.arn} is not authorized to perform: iam:CreateUser`);
  });
});

describe('aws sso login with an sso-session profile', () => {
  async function configured(idc: IdcWorld): Promise<void> {
    const startUrl = `https://${idc.storeId}.awsapps.com/start`;
    await run(idc.world, `aws configure set sso-session.my-sso.sso_start_url ${startUrl}`);
    await run(idc.world, 'aws configure set sso-session.my-sso.sso_region us-east-1');
    await run(idc.world, 'aws configure set sso_session my-sso --profile dev');
    await run(idc.world, `aws configure set sso_account_id ${idc.member} --profile dev`);
    await run(idc.world, 'aws configure set sso_role_name ReadOnly --profile dev');
  }

  it('prints the verification URL and code, finishes once the code is approved in the portal, and signs as the reserved role', async () => {
    const idc = await identityCenterWorld();
    await configured(idc);
    const before = await idc.world.run('aws sts get-caller-identity --profile dev');
    expect(before.stderr).toContain('Error loading SSO Token: Token for my-sso does not exist');
    const started = await run(idc.world, 'aws sso login --profile dev');
    expect(started).toContain('https://device.sso.us-east-1.amazonaws.com/');
    const code = /Then enter the code:\n\n([A-Z]{4}-[A-Z]{4})\n/.exec(started)?.[1] ?? '';
    expect(idc.world.portalPendingCodes().map((p) => p.userCode)).toEqual([code]);
    // Not approved yet: the login still waits, with the same code.
    expect(await run(idc.world, 'aws sso login --profile dev')).toContain(code);
    const token = await signedIn(idc);
    expect(idc.world.portalApproveDevice(token, code.toLowerCase())).toEqual({ ok: true });
    expect(await run(idc.world, 'aws sso login --sso-session my-sso')).toBe(
      `Successfully logged into Start URL: https://${idc.storeId}.awsapps.com/start\n`,
    );
    const who = await json<{ Arn: string }>(idc.world, 'aws sts get-caller-identity --profile dev');
    expect(who.Arn).toMatch(new RegExp(`^arn:aws:sts::${idc.member}:assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/alice$`));
    const oidc = idc.world
      .trail(idc.management)
      .Records.filter((r) => r['eventSource'] === 'sso-oauth.amazonaws.com')
      .map((r) => r['eventName']);
    expect(oidc).toEqual(['RegisterClient', 'StartDeviceAuthorization', 'CreateToken', 'CreateToken']);
    await run(idc.world, 'aws sso logout');
    const after = await idc.world.run('aws sts get-caller-identity --profile dev');
    expect(after.stderr).toContain('Error loading SSO Token');
  });

  it('an approved code is used once; a wrong code is not approved', async () => {
    const idc = await identityCenterWorld();
    await configured(idc);
    await run(idc.world, 'aws sso login --profile dev');
    const token = await signedIn(idc);
    expect(idc.world.portalApproveDevice(token, 'WXYZ-BCDF')).toEqual({ ok: false, reason: 'NO_SUCH_CODE' });
    expect(idc.world.portalApproveDevice('aoaBogus', 'WXYZ-BCDF')).toEqual({ ok: false, reason: 'SIGNED_OUT' });
  });
});
