/**
 * IAM SAML providers and STS AssumeRoleWithSAML with a learner's own IdP (`saml-idp`). Sources: IAM API
 * Reference, CreateSAMLProvider / GetSAMLProvider; AWS STS API Reference, "AssumeRoleWithSAML"
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html); IAM User Guide,
 * "Available keys for SAML-based AWS STS federation"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml);
 * CloudTrail User Guide, "Values for AWS STS APIs with SAML and web identity federation"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html#STS-API-SAML-WIF).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { json, run } from './helpers.ts';

const trust = (account: string, condition: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:saml-provider/ExampleIdP` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: condition,
      },
    ],
  });

async function samlWorld(
  condition: Record<string, unknown> = { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
): Promise<{ world: World; account: string; provider: string; role: string }> {
  const world = createWorld({ seed: 'saml' });
  const account = world.accountId;
  await run(world, 'saml-idp metadata > idp.xml');
  const provider = (
    await json<{ SAMLProviderArn: string }>(world, 'aws iam create-saml-provider --name ExampleIdP --saml-metadata-document file://idp.xml')
  ).SAMLProviderArn;
  const role = (
    await json<{ Role: { Arn: string } }>(
      world,
      `aws iam create-role --role-name SamlDevelopers --assume-role-policy-document '${trust(account, condition)}'`,
    )
  ).Role.Arn;
  return { world, account, provider, role };
}

describe('SAML providers', () => {
  it('creates, gets, lists, updates and deletes with the AWS shapes', async () => {
    const { world, account, provider } = await samlWorld();
    expect(provider).toBe(`arn:aws:iam::${account}:saml-provider/ExampleIdP`);
    const got = await json<{ SAMLMetadataDocument: string; SAMLProviderUUID: string; ValidUntil: string }>(
      world,
      `aws iam get-saml-provider --saml-provider-arn ${provider}`,
    );
    expect(got.SAMLMetadataDocument).toContain('entityID="https://idp.example.com/saml"');
    const listed = await json<{ SAMLProviderList: { Arn: string }[] }>(world, 'aws iam list-saml-providers');
    expect(listed.SAMLProviderList.map((p) => p.Arn)).toEqual([provider]);
    expect(
      (await world.run(`aws iam update-saml-provider --saml-provider-arn ${provider} --saml-metadata-document file://idp.xml`)).exitCode,
    ).toBe(0);
    const dup = await world.run('aws iam create-saml-provider --name ExampleIdP --saml-metadata-document file://idp.xml');
    expect(dup.stderr).toContain('EntityAlreadyExists');
    await run(world, `aws iam delete-saml-provider --saml-provider-arn ${provider}`);
    const gone = await world.run(`aws iam get-saml-provider --saml-provider-arn ${provider}`);
    expect(gone.stderr).toContain(
      `An error occurred (NoSuchEntity) when calling the GetSAMLProvider operation: Manifest not found for arn ${provider}`,
    );
  });

  it('rejects a document that is not IdP metadata', async () => {
    const world = createWorld({ seed: 'saml' });
    world.writeFile('bad.xml', `<html>${'x'.repeat(1200)}</html>`);
    const r = await world.run('aws iam create-saml-provider --name Bad --saml-metadata-document file://bad.xml');
    expect(r.stderr).toContain('An error occurred (InvalidInput) when calling the CreateSAMLProvider operation: Could not parse metadata');
  });
});

describe('AssumeRoleWithSAML', () => {
  it('issues assumed-role/<role>/<RoleSessionName> from the assertion and records a SAMLUser', async () => {
    const { world, account, provider, role } = await samlWorld();
    await run(
      world,
      `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject alice@example.com --session-name alice > assertion.txt`,
    );
    const out = await json<{ AssumedRoleUser: { Arn: string }; Subject: string; SubjectType: string; Audience: string; Issuer: string }>(
      world,
      `aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://assertion.txt`,
    );
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${account}:assumed-role/SamlDevelopers/alice`);
    expect(out).toMatchObject({
      Subject: 'alice@example.com',
      SubjectType: 'persistent',
      Audience: 'https://signin.aws.amazon.com/saml',
      Issuer: 'https://idp.example.com/saml',
    });
    const record = world.trail().Records.find((r) => r['eventName'] === 'AssumeRoleWithSAML');
    expect(record?.['userIdentity']).toMatchObject({ type: 'SAMLUser', userName: 'alice@example.com' });
    expect(record?.['requestParameters']).toMatchObject({ roleSessionName: 'alice', roleArn: role, principalArn: provider });
    expect(record?.['resources']).toEqual([
      { accountId: account, type: 'AWS::IAM::Role', ARN: role },
      { accountId: account, type: 'AWS::IAM::SAMLProvider', ARN: provider },
    ]);
  });

  it('evaluates SAML:sub in the trust policy: another subject is denied', async () => {
    const { world, provider, role } = await samlWorld({ StringEquals: { 'SAML:sub': 'alice@example.com' } });
    await run(world, `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject bob@example.com > bob.txt`);
    const r = await world.run(
      `aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://bob.txt`,
    );
    expect(r.stderr).toContain(
      'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    );
    await run(world, `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject alice@example.com > alice.txt`);
    expect(
      (await world.run(`aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://alice.txt`))
        .exitCode,
    ).toBe(0);
  });

  it('SAML:aud comes from the Recipient, not the Audience', async () => {
    const { world, provider, role } = await samlWorld();
    await run(
      world,
      `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject alice --recipient https://example.com/other > a.txt`,
    );
    const r = await world.run(`aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://a.txt`);
    expect(r.stderr).toContain('AccessDenied');
  });

  it('refuses an altered assertion, an expired one, and an unknown provider', async () => {
    const { world, provider, role } = await samlWorld();
    const assertion = (await run(world, `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject alice`)).trim();
    const xml = atob(assertion).replace('>alice<', '>mallory<');
    world.writeFile('forged.txt', btoa(xml));
    const forged = await world.run(
      `aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://forged.txt`,
    );
    expect(forged.stderr).toContain('InvalidIdentityToken');
    world.writeFile('ok.txt', assertion);
    world.clock.advance(301);
    const expired = await world.run(
      `aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://ok.txt`,
    );
    expect(expired.stderr).toContain('ExpiredToken');
    const unknown = await world.run(
      `aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider}X --saml-assertion file://ok.txt`,
    );
    expect(unknown.stderr).toContain("Specified provider doesn't exist");
  });

  it('needs sts:TagSession in the trust policy when the assertion carries principal tags', async () => {
    const { world, provider, role } = await samlWorld();
    await run(world, `saml-idp assertion --role-arn ${role} --provider-arn ${provider} --subject alice --tag team=blue > t.txt`);
    const r = await world.run(`aws sts assume-role-with-saml --role-arn ${role} --principal-arn ${provider} --saml-assertion file://t.txt`);
    expect(r.stderr).toContain('AccessDenied');
  });

  it('signed-only operations called without credentials get MissingAuthenticationToken', async () => {
    const world = createWorld({ seed: 'saml' });
    const r = await world.invoke({ service: 'iam', operation: 'ListUsers', params: {}, credentials: { kind: 'anonymous' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('MissingAuthenticationToken');
  });
});
