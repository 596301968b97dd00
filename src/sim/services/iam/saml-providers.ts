/**
 * IAM SAML identity providers: CreateSAMLProvider, GetSAMLProvider, ListSAMLProviders,
 * UpdateSAMLProvider, DeleteSAMLProvider (IAM API Reference; IAM User Guide, "Create a SAML identity
 * provider in IAM", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html).
 * Resource ARN `arn:aws:iam::<account>:saml-provider/<name>`; tags need iam:TagSAMLProvider too.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { own, type AccountState } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import type { SamlProvider } from './saml-model.ts';
import { readSamlMetadata } from './saml-metadata.ts';
import { mergeTags, tagsParam } from './tags.ts';

/** The SAML provider ARN of `name` in `accountId`. */
export function samlProviderArn(accountId: string, name: string): string {
  return `arn:aws:iam::${accountId}:saml-provider/${name}`;
}

/** The account's SAML providers (created on first write). */
export function samlProvidersOf(state: AccountState): Record<string, SamlProvider> {
  state.samlProviders ??= {};
  return state.samlProviders;
}

// IAM keeps a provider valid for 100 years when its metadata states no validUntil (our choice: the API
// reference says only that ValidUntil is read from the metadata).
const HUNDRED_YEARS_MS = 100 * 365 * 24 * 3600 * 1000;

/** Stores a provider (also used by Identity Center, which creates `AWSSSO_<hex>_DO_NOT_DELETE` in each account). */
export function putSamlProvider(
  state: AccountState,
  name: string,
  metadataDocument: string,
  uuid: string,
  nowMs: number,
  tags: SamlProvider['tags'] = [],
): SamlProvider {
  const metadata = readSamlMetadata(metadataDocument);
  if (!metadata) throw fault('InvalidInput', 'Could not parse metadata', 400);
  const provider: SamlProvider = {
    name,
    arn: samlProviderArn(state.accountId, name),
    uuid,
    metadataDocument,
    entityId: metadata.entityId,
    createDate: nowMs,
    validUntil: metadata.validUntil ?? nowMs + HUNDRED_YEARS_MS,
    tags,
  };
  samlProvidersOf(state)[provider.arn] = provider;
  return provider;
}

function createSamlProvider(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'Name');
  const tags = tagsParam(ctx.params['Tags']);
  const arn = samlProviderArn(ctx.state.accountId, name);
  ctx.authorize('iam:CreateSAMLProvider', arn, { context: requestTagContext(tags) });
  if (tags.length > 0) ctx.authorize('iam:TagSAMLProvider', arn, { context: requestTagContext(tags) });
  const existing = Object.values(samlProvidersOf(ctx.state)).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (existing) throw fault('EntityAlreadyExists', `SAMLProvider ${name} already exists.`, 409);
  const provider = putSamlProvider(ctx.state, name, str(ctx, 'SAMLMetadataDocument'), ctx.ids.uuid(), ctx.nowMs, mergeTags([], tags));
  return { SAMLProviderArn: provider.arn, ...(provider.tags.length ? { Tags: provider.tags } : {}) };
}

/** Authorizes `action` on the provider named by SAMLProviderArn, then finds it. */
function requireProvider(ctx: OperationContext, action: string): SamlProvider {
  const arn = str(ctx, 'SAMLProviderArn');
  ctx.authorize(action, arn);
  const provider = own(samlProvidersOf(ctx.state), arn);
  // The message real IAM answers for an unknown provider ARN.
  if (!provider) throw fault('NoSuchEntity', `Manifest not found for arn ${arn}`, 404);
  return provider;
}

function getSamlProvider(ctx: OperationContext): Record<string, unknown> {
  const p = requireProvider(ctx, 'iam:GetSAMLProvider');
  return {
    SAMLProviderUUID: p.uuid,
    SAMLMetadataDocument: p.metadataDocument,
    CreateDate: cliTimestamp(p.createDate),
    ValidUntil: cliTimestamp(p.validUntil),
    ...(p.tags.length ? { Tags: p.tags } : {}),
    AssertionEncryptionMode: 'Allowed',
  };
}

function listSamlProviders(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListSAMLProviders', '*');
  const list = Object.values(samlProvidersOf(ctx.state))
    .sort((a, b) => a.arn.localeCompare(b.arn))
    .map((p) => ({ Arn: p.arn, ValidUntil: cliTimestamp(p.validUntil), CreateDate: cliTimestamp(p.createDate) }));
  return { SAMLProviderList: list };
}

function updateSamlProvider(ctx: OperationContext): Record<string, unknown> {
  const p = requireProvider(ctx, 'iam:UpdateSAMLProvider');
  const document = optStr(ctx, 'SAMLMetadataDocument');
  if (document !== undefined) {
    const metadata = readSamlMetadata(document);
    if (!metadata) throw fault('InvalidInput', 'Could not parse metadata', 400);
    p.metadataDocument = document;
    p.entityId = metadata.entityId;
    if (metadata.validUntil !== undefined) p.validUntil = metadata.validUntil;
  }
  return { SAMLProviderArn: p.arn };
}

function deleteSamlProvider(ctx: OperationContext): Record<string, unknown> {
  const p = requireProvider(ctx, 'iam:DeleteSAMLProvider');
  delete samlProvidersOf(ctx.state)[p.arn];
  return {};
}

/** The SAML provider operations. */
export const SAML_PROVIDER_OPERATIONS: Record<string, OperationDefinition> = {
  CreateSAMLProvider: { handler: createSamlProvider, readOnly: false },
  GetSAMLProvider: { handler: getSamlProvider, readOnly: true },
  ListSAMLProviders: { handler: listSamlProviders, readOnly: true },
  UpdateSAMLProvider: { handler: updateSamlProvider, readOnly: false },
  DeleteSAMLProvider: { handler: deleteSamlProvider, readOnly: false },
};
