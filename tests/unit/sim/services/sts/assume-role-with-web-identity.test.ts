// STS AssumeRoleWithWebIdentity with an IAM OIDC provider and the simulated GitHub Actions issuer.
// "AssumeRoleWithWebIdentity", STS API Reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
// "Available keys for AWS OIDC federation", IAM User Guide: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
// "Configuring OpenID Connect in Amazon Web Services", GitHub Docs: https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws
import { describe, expect, test } from 'vitest';
import { mintGitHubActionsToken, type GitHubJob } from '../../../../../src/sim/idp/github-actions.ts';
import type { Credentials } from '../../../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { err, ok, policy } from '../../world/helpers.ts';

const ACCOUNT = '123456789012';
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/GitHubDeploy`;
const UNSIGNED: Credentials = { kind: 'anonymous' };

/** The canonical lesson role: trusts GitHub's provider for octo/app's main branch only. */
function githubTrust(condition: Record<string, unknown>): string {
  return policy({ Effect: 'Allow', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
}
const MAIN_ONLY = {
  StringEquals: {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main',
  },
};

async function setup(condition: Record<string, unknown> = MAIN_ONLY, clientIds = ['sts.amazonaws.com']): Promise<World> {
  const world = createWorld();
  await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: 'https://token.actions.githubusercontent.com', ClientIDList: clientIds });
  await ok(world, 'iam', 'CreateRole', { RoleName: 'GitHubDeploy', AssumeRolePolicyDocument: githubTrust(condition) });
  await ok(world, 'iam', 'AttachRolePolicy', { RoleName: 'GitHubDeploy', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  return world;
}

function token(world: World, job: Partial<GitHubJob> = {}): string {
  return mintGitHubActionsToken({ repository: 'octo/app', ref: 'refs/heads/main', ...job }, world.clock.now().getTime());
}

function assume(webIdentityToken: string, extra: Record<string, unknown> = {}) {
  return { RoleArn: ROLE_ARN, RoleSessionName: 'gha', WebIdentityToken: webIdentityToken, ...extra };
}

describe('AssumeRoleWithWebIdentity', () => {
  test('unsigned call with a token for the trusted repo and branch: the session, subject, provider and audience', async () => {
    const world = await setup();
    const out = await ok(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED);
    expect(Object.keys(out)).toEqual(['Credentials', 'SubjectFromWebIdentityToken', 'AssumedRoleUser', 'Provider', 'Audience']);
    expect(out['SubjectFromWebIdentityToken']).toBe('repo:octo/app:ref:refs/heads/main');
    expect(out['AssumedRoleUser']).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:gha$/),
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/GitHubDeploy/gha`,
    });
    // Real answers name the IAM provider by ARN (e.g. spiffe/spiffe.io#110's transcript), the audience as matched.
    expect(out['Provider']).toBe(PROVIDER_ARN);
    expect(out['Audience']).toBe('sts.amazonaws.com');
    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    const session: Credentials = {
      kind: 'accessKey',
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    };
    expect((await ok(world, 'sts', 'GetCallerIdentity', {}, session))['Arn']).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/GitHubDeploy/gha`);
    await ok(world, 's3', 'ListBuckets', {}, session);
  });

  test.each([
    ['another repository', { repository: 'octo/other' }],
    ['a fork-like owner', { repository: 'evil/app' }],
    ['another branch', { ref: 'refs/heads/dev' }],
    ['a tag', { ref: 'refs/tags/v1' }],
    ['a pull request (subject repo:octo/app:pull_request)', { eventName: 'pull_request' }],
    ['an environment (subject names the environment, not the ref)', { environment: 'prod' }],
  ])('wrong subject — %s — is denied with AccessDenied', async (_name, job) => {
    const world = await setup();
    const e = await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world, job)), UNSIGNED);
    expect(e).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', httpStatus: 403 });
  });

  test('wildcard mistake: StringEquals with "repo:octo/app:*" matches no token; StringLike does, and lets every ref of the repo in', async () => {
    const equals = await setup({ StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:*' } });
    expect((await err(equals, 'sts', 'AssumeRoleWithWebIdentity', assume(token(equals)), UNSIGNED)).code).toBe('AccessDenied');
    const like = await setup({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:*' } });
    await ok(like, 'sts', 'AssumeRoleWithWebIdentity', assume(token(like, { eventName: 'pull_request' })), UNSIGNED);
    expect((await err(like, 'sts', 'AssumeRoleWithWebIdentity', assume(token(like, { repository: 'octo/app2' })), UNSIGNED)).code).toBe(
      'AccessDenied',
    );
  });

  test('the issuer must match a registered provider', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateRole', { RoleName: 'GitHubDeploy', AssumeRolePolicyDocument: githubTrust(MAIN_ONLY) });
    expect(await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED)).toEqual({
      code: 'InvalidIdentityToken',
      message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
      httpStatus: 400,
    });
  });

  test('the audience must be one of the provider client IDs', async () => {
    const world = await setup(MAIN_ONLY, ['https://github.com/octo']);
    expect((await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED)).message).toBe('Incorrect token audience');
    await ok(world, 'iam', 'AddClientIDToOpenIDConnectProvider', { OpenIDConnectProviderArn: PROVIDER_ARN, ClientID: 'sts.amazonaws.com' });
    await ok(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED);
  });

  test('an expired token (world clock past exp) answers ExpiredTokenException with both times', async () => {
    const world = await setup();
    const jwt = token(world);
    const exp = Math.floor(world.clock.now().getTime() / 1000) + 300;
    world.clock.advance(301);
    const now = Math.floor(world.clock.now().getTime() / 1000);
    expect(await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(jwt), UNSIGNED)).toEqual({
      code: 'ExpiredTokenException',
      message: `Token expired: current date/time ${now} must be before the expiration date/time ${exp}`,
      httpStatus: 400,
    });
  });

  test('a hand-edited token (subject changed, signature kept) is rejected; so is a token that is not a JWT', async () => {
    const world = await setup();
    const [header, payload, signature] = token(world, { repository: 'octo/other' }).split('.') as [string, string, string];
    const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
    claims['sub'] = 'repo:octo/app:ref:refs/heads/main';
    const forged = `${header}.${btoa(JSON.stringify(claims)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}.${signature}`;
    expect((await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(forged), UNSIGNED)).code).toBe('InvalidIdentityToken');
    expect((await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume('not-a-token'), UNSIGNED)).message).toBe(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    );
  });

  test('the trust policy sees the provider keys, aws:FederatedProvider and sts:RoleSessionName; no principal keys', async () => {
    const world = await setup({
      StringEquals: { 'aws:FederatedProvider': PROVIDER_ARN, 'sts:RoleSessionName': 'gha' },
      Null: { 'aws:PrincipalArn': 'true', 'token.actions.githubusercontent.com:aud': 'false' },
    });
    await ok(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED);
    expect((await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world), { RoleSessionName: 'other' }), UNSIGNED)).code).toBe(
      'AccessDenied',
    );
  });

  test('the role session carries aws:FederatedProvider for its later calls', async () => {
    const world = await setup();
    await ok(world, 'iam', 'PutRolePolicy', {
      RoleName: 'GitHubDeploy',
      PolicyName: 'only-from-github',
      PolicyDocument: policy({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:FederatedProvider': PROVIDER_ARN } },
      }),
    });
    const out = await ok(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world)), UNSIGNED);
    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    await ok(
      world,
      's3',
      'ListBuckets',
      {},
      { kind: 'accessKey', accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    );
  });

  test('a role that does not exist answers the same AccessDenied', async () => {
    const world = await setup();
    const e = await err(
      world,
      'sts',
      'AssumeRoleWithWebIdentity',
      { ...assume(token(world)), RoleArn: `arn:aws:iam::${ACCOUNT}:role/Nope` },
      UNSIGNED,
    );
    expect(e.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  test('DurationSeconds above the role maximum is a ValidationError', async () => {
    const world = await setup();
    const e = await err(world, 'sts', 'AssumeRoleWithWebIdentity', assume(token(world), { DurationSeconds: 7200 }), UNSIGNED);
    expect(e).toEqual({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      httpStatus: 400,
    });
  });
});
