// IAM OpenID Connect providers: shapes, idempotent operations, errors and quotas.
// "CreateOpenIDConnectProvider", IAM API Reference: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html
// "DeleteOpenIDConnectProvider" ("does not fail or return an error if you call the operation for a provider that does not exist"):
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteOpenIDConnectProvider.html
// "AddClientIDToOpenIDConnectProvider" ("if the client ID already exists ... the action does nothing"):
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddClientIDToOpenIDConnectProvider.html
// "IAM and AWS STS quotas": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
import { describe, expect, test } from 'vitest';
import v1 from '../../../../fixtures/worlds/v1-world.json';
import { createWorld } from '../../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../../world/helpers.ts';

const URL = 'https://token.actions.githubusercontent.com';
const ARN = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

describe('IAM OIDC providers', () => {
  test('create, get, list: the ARN drops https://, Get answers the URL without it and the default thumbprint', async () => {
    const world = createWorld();
    const created = await ok(world, 'iam', 'CreateOpenIDConnectProvider', {
      Url: URL,
      ClientIDList: ['sts.amazonaws.com'],
      Tags: [{ Key: 'team', Value: 'ci' }],
    });
    expect(created).toEqual({ OpenIDConnectProviderArn: ARN, Tags: [{ Key: 'team', Value: 'ci' }] });
    const got = await ok(world, 'iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN });
    expect(Object.keys(got)).toEqual(['Url', 'ClientIDList', 'ThumbprintList', 'CreateDate', 'Tags']);
    expect(got).toMatchObject({
      Url: 'token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    });
    expect(await ok(world, 'iam', 'ListOpenIDConnectProviders')).toEqual({ OpenIDConnectProviderList: [{ Arn: ARN }] });
  });

  test('the same URL twice is EntityAlreadyExists; a URL without https:// is InvalidInput', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: URL });
    expect(await err(world, 'iam', 'CreateOpenIDConnectProvider', { Url: `${URL}/` })).toEqual({
      code: 'EntityAlreadyExists',
      message: `Provider with url ${URL}/ already exists.`,
      httpStatus: 409,
    });
    expect((await err(world, 'iam', 'CreateOpenIDConnectProvider', { Url: 'http://example.com' })).code).toBe('InvalidInput');
  });

  test('client IDs: add twice and remove a missing one change nothing and do not fail', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: URL, ClientIDList: ['a'] });
    await ok(world, 'iam', 'AddClientIDToOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN, ClientID: 'b' });
    await ok(world, 'iam', 'AddClientIDToOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN, ClientID: 'b' });
    await ok(world, 'iam', 'RemoveClientIDFromOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN, ClientID: 'zzz' });
    await ok(world, 'iam', 'RemoveClientIDFromOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN, ClientID: 'a' });
    expect((await ok(world, 'iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN }))['ClientIDList']).toEqual(['b']);
  });

  test('thumbprints: the list replaces the old one; more than 5 is LimitExceeded; not 40 hex digits is InvalidInput', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: URL });
    const t = (c: string) => c.repeat(40);
    await ok(world, 'iam', 'UpdateOpenIDConnectProviderThumbprint', { OpenIDConnectProviderArn: ARN, ThumbprintList: [t('a'), t('b')] });
    expect((await ok(world, 'iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN }))['ThumbprintList']).toEqual([
      t('a'),
      t('b'),
    ]);
    const six = ['1', '2', '3', '4', '5', '6'].map(t);
    expect(
      await err(world, 'iam', 'UpdateOpenIDConnectProviderThumbprint', { OpenIDConnectProviderArn: ARN, ThumbprintList: six }),
    ).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: 5',
      httpStatus: 409,
    });
    expect(
      (await err(world, 'iam', 'UpdateOpenIDConnectProviderThumbprint', { OpenIDConnectProviderArn: ARN, ThumbprintList: [t('g')] })).code,
    ).toBe('InvalidInput');
  });

  test('delete is idempotent; get of a missing provider is NoSuchEntity', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'DeleteOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN });
    expect(await err(world, 'iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN })).toEqual({
      code: 'NoSuchEntity',
      message: `OpenIDConnect Provider not found for arn ${ARN}`,
      httpStatus: 404,
    });
  });

  test('tags: tag, untag, list', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: URL });
    await ok(world, 'iam', 'TagOpenIDConnectProvider', {
      OpenIDConnectProviderArn: ARN,
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
    await ok(world, 'iam', 'UntagOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN, TagKeys: ['a'] });
    expect(await ok(world, 'iam', 'ListOpenIDConnectProviderTags', { OpenIDConnectProviderArn: ARN })).toEqual({
      Tags: [{ Key: 'b', Value: '2' }],
      IsTruncated: false,
    });
  });

  test('authorized on the provider ARN before anything is revealed', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'list',
      PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:ListOpenIDConnectProviders', Resource: '*' }),
    });
    await ok(world, 'iam', 'ListOpenIDConnectProviders', {}, alice);
    expect((await err(world, 'iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: ARN }, alice)).message).toBe(
      `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:GetOpenIDConnectProvider on resource: ${ARN} because no identity-based policy allows the iam:GetOpenIDConnectProvider action`,
    );
  });

  test('a world saved before OIDC providers existed loads and has none', async () => {
    const world = createWorld({ snapshot: v1 });
    expect(await ok(world, 'iam', 'ListOpenIDConnectProviders')).toEqual({ OpenIDConnectProviderList: [] });
    await ok(world, 'iam', 'CreateOpenIDConnectProvider', { Url: URL });
    expect(Object.keys(world.save().accounts['123456789012']?.oidcProviders ?? {})).toHaveLength(1);
  });
});
