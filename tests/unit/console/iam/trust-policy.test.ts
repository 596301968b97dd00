// The Create role wizard's trust policies (IAM User Guide, "Create a role for OpenID Connect federation":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html; "Create a role for SAML
// 2.0 federation": https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html;
// "Configuring MFA-protected API access" for the MFA condition), checked by the simulator's own validator.
import { describe, expect, test } from 'vitest';
import { githubSubPattern, trustPolicyFor } from '../../../../src/console/iam/trust-policy.ts';
import { mintGitHubActionsToken } from '../../../../src/sim/idp/github-actions.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { ok } from '../../sim/world/helpers.ts';

describe('trust policies of the Create role wizard', () => {
  test('AWS account with MFA and an external ID', () => {
    expect(
      JSON.parse(trustPolicyFor({ kind: 'account', accountId: '111122223333', externalId: 'x-1', requireMfa: true }, '123456789012'))
        .Statement[0],
    ).toEqual({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'x-1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
  });

  test('GitHub Actions OIDC: audience sts.amazonaws.com, sub limited to one repository', () => {
    const statement = JSON.parse(
      trustPolicyFor(
        {
          kind: 'webIdentity',
          providerHost: 'https://token.actions.githubusercontent.com',
          audience: 'sts.amazonaws.com',
          github: { organization: 'octo', repository: 'app' },
        },
        '123456789012',
      ),
    ).Statement[0];
    expect(statement.Principal).toEqual({ Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' });
    expect(statement.Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:*' },
    });
  });

  test.each([
    [{ organization: 'octo' }, 'repo:octo/*'],
    [{ organization: 'octo', repository: 'app' }, 'repo:octo/app:*'],
    [{ organization: 'octo', repository: 'app', branch: 'main' }, 'repo:octo/app:ref:refs/heads/main'],
  ])('GitHub scope %o gives the sub pattern %s', (github, sub) => {
    expect(githubSubPattern(github)).toBe(sub);
  });

  test('the wizard role for octo/app main lets the main-branch token in, and not a pull request', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
    });
    const trust = trustPolicyFor(
      {
        kind: 'webIdentity',
        providerHost: 'token.actions.githubusercontent.com',
        audience: 'sts.amazonaws.com',
        github: { organization: 'octo', repository: 'app', branch: 'main' },
      },
      '123456789012',
    );
    await ok(world, 'iam', 'CreateRole', { RoleName: 'gha', AssumeRolePolicyDocument: trust });
    const now = world.clock.now().getTime();
    const params = (token: string) => ({ RoleArn: 'arn:aws:iam::123456789012:role/gha', RoleSessionName: 'gha', WebIdentityToken: token });
    await ok(world, 'sts', 'AssumeRoleWithWebIdentity', params(mintGitHubActionsToken({ repository: 'octo/app' }, now)), {
      kind: 'anonymous',
    });
    const pr = await world.invoke({
      service: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      params: params(mintGitHubActionsToken({ repository: 'octo/app', eventName: 'pull_request' }, now)),
      credentials: { kind: 'anonymous' },
    });
    expect(pr.ok ? '' : pr.error.code).toBe('AccessDenied');
  });

  test('every kind makes a role the simulator accepts', async () => {
    const world = createWorld();
    const kinds = [
      { kind: 'service', service: 'ec2.amazonaws.com' },
      { kind: 'account', accountId: '123456789012', requireMfa: false },
      { kind: 'webIdentity', providerHost: 'token.actions.githubusercontent.com', audience: 'sts.amazonaws.com' },
      { kind: 'saml', providerArn: 'arn:aws:iam::123456789012:saml-provider/Okta' },
    ] as const;
    for (const [i, entity] of kinds.entries()) {
      await ok(world, 'iam', 'CreateRole', { RoleName: `r${i}`, AssumeRolePolicyDocument: trustPolicyFor(entity, '123456789012') });
    }
  });
});
