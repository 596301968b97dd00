// CloudTrail records of web identity federation.
// "CloudTrail userIdentity element" (WebIdentityUser; webIdFederationData.federatedProvider for the role session):
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
// "Logging IAM and AWS STS API calls with AWS CloudTrail" (the AssumeRoleWithWebIdentity example record; the token is not logged):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
import { describe, expect, test } from 'vitest';
import { mintGitHubActionsToken } from '../../../../../src/sim/idp/github-actions.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { ok, policy } from '../../world/helpers.ts';

const PROVIDER_ARN = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/GitHubDeploy';
const SUB = 'repo:octo/app:ref:refs/heads/main';

async function setup(): Promise<World> {
  const world = createWorld();
  await ok(world, 'iam', 'CreateOpenIDConnectProvider', {
    Url: 'https://token.actions.githubusercontent.com',
    ClientIDList: ['sts.amazonaws.com'],
  });
  await ok(world, 'iam', 'CreateRole', {
    RoleName: 'GitHubDeploy',
    AssumeRolePolicyDocument: policy({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER_ARN },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': SUB } },
    }),
  });
  return world;
}

const last = (world: World): Record<string, unknown> => world.trail().Records.at(-1) as Record<string, unknown>;

describe('web identity in CloudTrail', () => {
  test('AssumeRoleWithWebIdentity: a WebIdentityUser named provider:aud:sub, no token in the parameters, the role as resource', async () => {
    const world = await setup();
    const token = mintGitHubActionsToken({ repository: 'octo/app' }, world.clock.now().getTime());
    const out = await ok(
      world,
      'sts',
      'AssumeRoleWithWebIdentity',
      { RoleArn: ROLE_ARN, RoleSessionName: 'gha', WebIdentityToken: token },
      { kind: 'anonymous' },
    );
    const record = last(world);
    expect(record['eventName']).toBe('AssumeRoleWithWebIdentity');
    expect(record['userIdentity']).toEqual({
      type: 'WebIdentityUser',
      principalId: `${PROVIDER_ARN}:sts.amazonaws.com:${SUB}`,
      userName: SUB,
      identityProvider: PROVIDER_ARN,
    });
    expect(record['requestParameters']).toEqual({ roleArn: ROLE_ARN, roleSessionName: 'gha' });
    expect(JSON.stringify(record)).not.toContain(token);
    const response = record['responseElements'] as Record<string, unknown>;
    expect(Object.keys(response)).toEqual(['credentials', 'subjectFromWebIdentityToken', 'assumedRoleUser', 'provider', 'audience']);
    expect(response).toMatchObject({ subjectFromWebIdentityToken: SUB, provider: PROVIDER_ARN, audience: 'sts.amazonaws.com' });
    expect(record['resources']).toEqual([{ accountId: '123456789012', type: 'AWS::IAM::Role', ARN: ROLE_ARN }]);
    expect(record['recipientAccountId']).toBe('123456789012');
    expect(record['additionalEventData']).toEqual({ identityProviderConnectionVerificationMethod: 'IAMTrustStore' });

    const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    await ok(
      world,
      'sts',
      'GetCallerIdentity',
      {},
      { kind: 'accessKey', accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    );
    const identity = last(world)['userIdentity'] as { type: string; sessionContext: Record<string, unknown> };
    expect(identity.type).toBe('AssumedRole');
    expect(identity.sessionContext['webIdFederationData']).toEqual({ federatedProvider: PROVIDER_ARN, attributes: {} });
  });

  test('a denied call is logged as AccessDenied with the caller known from the token', async () => {
    const world = await setup();
    const token = mintGitHubActionsToken({ repository: 'octo/other' }, world.clock.now().getTime());
    await world.invoke({
      service: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      params: { RoleArn: ROLE_ARN, RoleSessionName: 'gha', WebIdentityToken: token },
      credentials: { kind: 'anonymous' },
    });
    const record = last(world);
    expect(record).toMatchObject({
      errorCode: 'AccessDenied',
      errorMessage: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      responseElements: null,
    });
    expect((record['userIdentity'] as { userName: string }).userName).toBe('repo:octo/other:ref:refs/heads/main');
  });

  test('a role in an account the world does not have: InvalidIdentityToken and no record anywhere', async () => {
    const world = await setup();
    const before = world.trail().Records.length;
    const token = mintGitHubActionsToken({ repository: 'octo/app' }, world.clock.now().getTime());
    const r = await world.invoke({
      service: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      params: { RoleArn: 'arn:aws:iam::999999999999:role/X', RoleSessionName: 'gha', WebIdentityToken: token },
      credentials: { kind: 'anonymous' },
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'InvalidIdentityToken',
        message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
        httpStatus: 400,
      },
    });
    expect(world.trail().Records).toHaveLength(before);
  });
});
