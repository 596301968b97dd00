// The terminal's web identity journey: the simulated GitHub Actions issuer's token in a file, the unsigned
// `aws sts assume-role-with-web-identity`, and a `web_identity_token_file` role profile.
// "Assume a role with web identity", AWS CLI User Guide: https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-role.html#cli-configure-role-oidc
// "AssumeRoleWithWebIdentity" ("Calling AssumeRoleWithWebIdentity does not require the use of AWS security credentials"):
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main',
        },
      },
    },
  ],
});

async function run(world: World, line: string, env?: Record<string, string>) {
  return world.run(line, env ? { env } : {});
}

async function githubRole(): Promise<World> {
  const world = createWorld();
  expect(
    (
      await run(
        world,
        'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com',
      )
    ).exitCode,
  ).toBe(0);
  world.writeFile('trust.json', TRUST);
  expect((await run(world, 'aws iam create-role --role-name gha-deploy --assume-role-policy-document file://trust.json')).exitCode).toBe(0);
  return world;
}

describe('github-actions token + assume-role-with-web-identity', () => {
  test('the token written to a file works with file://, even with no credentials configured at all', async () => {
    const world = await githubRole();
    const minted = await run(world, 'github-actions token --repo octo/app --ref refs/heads/main > token.jwt');
    expect(minted).toMatchObject({ exitCode: 0, stdout: '' });
    expect(String(world.readFile('token.jwt'))).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    // Credentials in the environment that do not exist would fail any signed call; this one is unsigned.
    const out = await run(
      world,
      'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/gha-deploy --role-session-name gha --web-identity-token file://token.jwt',
      {
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wrong',
      },
    );
    expect(out.stderr).toBe('');
    const answer = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(answer['SubjectFromWebIdentityToken']).toBe('repo:octo/app:ref:refs/heads/main');
    expect(answer['Provider']).toBe(PROVIDER);
  });

  test('a pull_request token is denied with the CLI error line', async () => {
    const world = await githubRole();
    await run(world, 'github-actions token --repo octo/app --event pull_request > pr.jwt');
    const out = await run(
      world,
      'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/gha-deploy --role-session-name gha --web-identity-token file://pr.jwt',
    );
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toBe(
      '\nAn error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\n',
    );
  });

  test('a role profile with web_identity_token_file gets its credentials through the unsigned call', async () => {
    const world = await githubRole();
    await run(world, 'github-actions token --repo octo/app > token.jwt');
    await run(world, 'aws configure set role_arn arn:aws:iam::123456789012:role/gha-deploy --profile gha');
    await run(world, 'aws configure set web_identity_token_file token.jwt --profile gha');
    await run(world, 'aws configure set role_session_name deploy --profile gha');
    const who = await run(world, 'aws sts get-caller-identity --profile gha');
    expect(who.stderr).toBe('');
    expect((JSON.parse(who.stdout) as { Arn: string }).Arn).toBe('arn:aws:sts::123456789012:assumed-role/gha-deploy/deploy');
  });

  test('github-actions refuses a malformed repository and explains the subject formats', async () => {
    const world = createWorld();
    const bad = await run(world, 'github-actions token --repo octo');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('write the repository as OWNER/REPO');
    expect((await run(world, 'github-actions help')).stdout).toContain('repo:OWNER/REPO:environment:NAME');
  });
});

describe('AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE', () => {
  test('the environment names the role and the token file, as in a GitHub Actions job', async () => {
    const world = await githubRole();
    await run(world, 'github-actions token --repo octo/app > token.jwt');
    const who = await run(world, 'aws sts get-caller-identity --query Arn --output text', {
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/gha-deploy',
      AWS_WEB_IDENTITY_TOKEN_FILE: 'token.jwt',
      AWS_ROLE_SESSION_NAME: 'ci',
    });
    expect(who).toMatchObject({ exitCode: 0, stdout: 'arn:aws:sts::123456789012:assumed-role/gha-deploy/ci\n' });
    const missing = await run(world, 'aws sts get-caller-identity', {
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/gha-deploy',
      AWS_WEB_IDENTITY_TOKEN_FILE: 'nope.jwt',
    });
    expect(missing.stderr).toContain("No such file or directory: 'nope.jwt'");
  });
});
