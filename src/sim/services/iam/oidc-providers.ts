/**
 * IAM OpenID Connect identity providers (IAM API Reference, "CreateOpenIDConnectProvider" and
 * friends, https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html;
 * IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html). A provider
 * is named by its URL without `https://`; STS AssumeRoleWithWebIdentity trusts tokens whose `iss` is
 * that URL and whose audience is one of its client IDs.
 */
import type { Tag } from '../../world/state.ts';
import { own, type AccountState } from '../../world/state.ts';
import { cliTimestamp } from '../../world/dates.ts';
import { sha256 } from '../sha256.ts';
import { entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from '../errors.ts';
import { optList, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { mergeTags, removeTags, tagsParam } from './tags.ts';

/** One IAM OIDC provider. */
export interface OidcProvider {
  arn: string;
  /** The issuer URL without its `https://` scheme, as GetOpenIDConnectProvider answers it. */
  url: string;
  /** Audiences (client IDs) the provider accepts, in the order they were added. */
  clientIds: string[];
  /** Server certificate thumbprints (40 hex digits each); recorded, see README on how they are used. */
  thumbprints: string[];
  createDate: number;
  tags: Tag[];
}

/** IAM quotas for OIDC providers (IAM User Guide, "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). */
export const OIDC_QUOTAS = { providersPerAccount: 100, clientIdsPerProvider: 100, thumbprintsPerProvider: 5 } as const;

/**
 * The thumbprint IAM records when none is given: since 2024 IAM retrieves it itself ("ThumbprintList"
 * is optional). For GitHub's issuer the well-known intermediate CA thumbprint; for any other URL a
 * stable stand-in digest of the URL (the simulation fetches no certificate).
 */
const GITHUB_THUMBPRINT = '6938fd4d98bab03faadb97b34396831e3780aea1';

/** The account's providers (created on first use: older saved worlds have none). */
export function oidcProvidersOf(state: AccountState): Record<string, OidcProvider> {
  state.oidcProviders ??= {};
  return state.oidcProviders;
}

/** The provider whose URL is `issuer` (with or without `https://`), if the account registered one. */
export function oidcProviderForIssuer(state: Readonly<AccountState>, issuer: string): OidcProvider | undefined {
  const url = urlKey(issuer.replace(/^https:\/\//i, ''));
  return Object.values(state.oidcProviders ?? {}).find((p) => urlKey(p.url) === url);
}

/** The ARN of the provider for an issuer URL in `accountId`. */
export function oidcProviderArn(accountId: string, url: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${url.replace(/^https:\/\//i, '')}`;
}

/** Host names are case-insensitive; a trailing slash names the same issuer. */
function urlKey(url: string): string {
  const slash = url.indexOf('/');
  const host = slash < 0 ? url : url.slice(0, slash);
  return (host.toLowerCase() + (slash < 0 ? '' : url.slice(slash))).replace(/\/+$/, '');
}

function providerOut(p: OidcProvider): Record<string, unknown> {
  return {
    Url: p.url,
    ClientIDList: [...p.clientIds],
    ThumbprintList: [...p.thumbprints],
    CreateDate: cliTimestamp(p.createDate),
    Tags: p.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

/** Authorizes `action` on the provider the request names, then finds it (authorize first: no existence leak). */
function requireProviderAuthorized(ctx: OperationContext, action: string, context?: Record<string, string | string[]>): OidcProvider {
  const arn = str(ctx, 'OpenIDConnectProviderArn');
  ctx.authorize(action, arn, context ? { context } : {});
  const provider = own(oidcProvidersOf(ctx.state), arn);
  if (!provider) throw noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
  return provider;
}

function checkThumbprints(thumbprints: readonly string[]): void {
  if (thumbprints.length > OIDC_QUOTAS.thumbprintsPerProvider)
    throw limitExceeded(`Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: ${OIDC_QUOTAS.thumbprintsPerProvider}`);
  const bad = thumbprints.find((t) => !/^[0-9a-fA-F]{40}$/.test(t));
  if (bad !== undefined) throw invalidInput(`Thumbprint ${bad} is not valid: a thumbprint is 40 hexadecimal characters.`);
}

function checkClientIds(clientIds: readonly string[]): void {
  if (clientIds.length > OIDC_QUOTAS.clientIdsPerProvider)
    throw limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${OIDC_QUOTAS.clientIdsPerProvider}`);
}

function createProvider(ctx: OperationContext): Record<string, unknown> {
  const rawUrl = str(ctx, 'Url');
  const tags = tagsParam(ctx.params['Tags']);
  const url = rawUrl.replace(/^https:\/\//i, '');
  const arn = oidcProviderArn(ctx.state.accountId, url);
  ctx.authorize('iam:CreateOpenIDConnectProvider', arn, { context: requestTagContext(tags) });
  if (tags.length > 0) ctx.authorize('iam:TagOpenIDConnectProvider', arn, { context: requestTagContext(tags) });
  // The URL must use https and name a host; it may have a path but no query or fragment (IAM User Guide, "Create an OIDC identity provider").
  if (!/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[^?#\s]*)?$/i.test(rawUrl))
    throw invalidInput(`The URL ${rawUrl} is not valid: it must begin with https:// and contain no query or fragment.`);
  const providers = oidcProvidersOf(ctx.state);
  if (oidcProviderForIssuer(ctx.state, url)) throw entityAlreadyExists(`Provider with url ${rawUrl} already exists.`);
  if (Object.keys(providers).length >= OIDC_QUOTAS.providersPerAccount)
    throw limitExceeded(`Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_QUOTAS.providersPerAccount}`);
  const clientIds = [...new Set(optList<string>(ctx, 'ClientIDList') ?? [])];
  checkClientIds(clientIds);
  const given = optList<string>(ctx, 'ThumbprintList') ?? [];
  checkThumbprints(given);
  const thumbprints = given.length > 0 ? [...new Set(given.map((t) => t.toLowerCase()))] : [defaultThumbprint(url)];
  providers[arn] = { arn, url, clientIds, thumbprints, createDate: ctx.nowMs, tags: mergeTags([], tags) };
  return { OpenIDConnectProviderArn: arn, ...(tags.length > 0 ? { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {}) };
}

function defaultThumbprint(url: string): string {
  if (urlKey(url) === 'token.actions.githubusercontent.com') return GITHUB_THUMBPRINT;
  return [...sha256(new TextEncoder().encode(urlKey(url)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 40);
}

function getProvider(ctx: OperationContext): Record<string, unknown> {
  return providerOut(requireProviderAuthorized(ctx, 'iam:GetOpenIDConnectProvider'));
}

function listProviders(ctx: OperationContext): Record<string, unknown> {
  // ListOpenIDConnectProviders has no resource type (Service Authorization Reference, IAM): it is authorized on "*".
  ctx.authorize('iam:ListOpenIDConnectProviders', '*');
  const arns = Object.keys(ctx.state.oidcProviders ?? {}).sort();
  return { OpenIDConnectProviderList: arns.map((Arn) => ({ Arn })) };
}

function deleteProvider(ctx: OperationContext): Record<string, unknown> {
  const arn = str(ctx, 'OpenIDConnectProviderArn');
  ctx.authorize('iam:DeleteOpenIDConnectProvider', arn);
  // Deleting a provider that does not exist is not an error (IAM API Reference, "DeleteOpenIDConnectProvider").
  if (ctx.state.oidcProviders && own(ctx.state.oidcProviders, arn)) delete ctx.state.oidcProviders[arn];
  return {};
}

function addClientId(ctx: OperationContext): Record<string, unknown> {
  const provider = requireProviderAuthorized(ctx, 'iam:AddClientIDToOpenIDConnectProvider');
  const clientId = str(ctx, 'ClientID');
  // Adding a client ID the provider already has succeeds and changes nothing (IAM API Reference).
  if (!provider.clientIds.includes(clientId)) {
    checkClientIds([...provider.clientIds, clientId]);
    provider.clientIds = [...provider.clientIds, clientId];
  }
  return {};
}

function removeClientId(ctx: OperationContext): Record<string, unknown> {
  const provider = requireProviderAuthorized(ctx, 'iam:RemoveClientIDFromOpenIDConnectProvider');
  const clientId = str(ctx, 'ClientID');
  // Removing a client ID that is not there succeeds (IAM API Reference, "RemoveClientIDFromOpenIDConnectProvider").
  provider.clientIds = provider.clientIds.filter((c) => c !== clientId);
  return {};
}

function updateThumbprints(ctx: OperationContext): Record<string, unknown> {
  const provider = requireProviderAuthorized(ctx, 'iam:UpdateOpenIDConnectProviderThumbprint');
  const thumbprints = optList<string>(ctx, 'ThumbprintList') ?? [];
  checkThumbprints(thumbprints);
  // The list replaces the existing one (IAM API Reference, "UpdateOpenIDConnectProviderThumbprint").
  provider.thumbprints = [...new Set(thumbprints.map((t) => t.toLowerCase()))];
  return {};
}

function tagProvider(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx.params['Tags']);
  const provider = requireProviderAuthorized(ctx, 'iam:TagOpenIDConnectProvider', requestTagContext(tags) as Record<string, string>);
  provider.tags = mergeTags(provider.tags, tags);
  return {};
}

function untagProvider(ctx: OperationContext): Record<string, unknown> {
  const keys = optList<string>(ctx, 'TagKeys') ?? [];
  const provider = requireProviderAuthorized(ctx, 'iam:UntagOpenIDConnectProvider', { 'aws:TagKeys': keys });
  provider.tags = removeTags(provider.tags, keys);
  return {};
}

function listProviderTags(ctx: OperationContext): Record<string, unknown> {
  const provider = requireProviderAuthorized(ctx, 'iam:ListOpenIDConnectProviderTags');
  return { Tags: provider.tags.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated: false };
}

/** The OIDC provider operations. */
export const OIDC_PROVIDER_OPERATIONS: Record<string, OperationDefinition> = {
  CreateOpenIDConnectProvider: { handler: createProvider, readOnly: false },
  GetOpenIDConnectProvider: { handler: getProvider, readOnly: true },
  ListOpenIDConnectProviders: { handler: listProviders, readOnly: true },
  DeleteOpenIDConnectProvider: { handler: deleteProvider, readOnly: false },
  AddClientIDToOpenIDConnectProvider: { handler: addClientId, readOnly: false },
  RemoveClientIDFromOpenIDConnectProvider: { handler: removeClientId, readOnly: false },
  UpdateOpenIDConnectProviderThumbprint: { handler: updateThumbprints, readOnly: false },
  TagOpenIDConnectProvider: { handler: tagProvider, readOnly: false },
  UntagOpenIDConnectProvider: { handler: untagProvider, readOnly: false },
  ListOpenIDConnectProviderTags: { handler: listProviderTags, readOnly: true },
};
