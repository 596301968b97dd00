/**
 * Aliases: CreateAlias, DeleteAlias, ListAliases (KMS Developer Guide, "Aliases in AWS KMS";
 * "Controlling access to aliases": creating or deleting an alias is authorized on the alias, by IAM
 * policies, and on its key, by the key policy).
 */
import { cliTimestamp } from '../../world/dates.ts';
import { authorizeWith } from '../deny.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { authorizeKey, keyResource, resolveKey } from './access.ts';
import { aliasExists, aliasNotFound, invalidAliasName, kmsAccessDenied } from './errors.ts';
import { aliasesOf, type KmsAlias } from './model.ts';

function aliasArn(ctx: OperationContext, name: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.state.accountId}:${name}`;
}

function createAlias(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'AliasName');
  if (!name.startsWith('alias/') || name === 'alias/')
    throw invalidAliasName(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  if (name.startsWith('alias/aws/')) throw invalidAliasName('Alias names that begin with "alias/aws/" are reserved for AWS managed keys.');
  const { key } = resolveKey(ctx, str(ctx, 'TargetKeyId'), false);
  ctx.trail.resources = [...keyResource(ctx, key), { accountId: ctx.state.accountId, type: 'AWS::KMS::Key', ARN: aliasArn(ctx, name) }];
  authorizeWith(ctx, 'kms:CreateAlias', aliasArn(ctx, name), {}, (m) => kmsAccessDenied(m));
  authorizeKey(ctx, 'kms:CreateAlias', key);
  const aliases = aliasesOf(ctx.state);
  if (Object.hasOwn(aliases, name)) throw aliasExists(aliasArn(ctx, name));
  const alias: KmsAlias = {
    aliasName: name,
    aliasArn: aliasArn(ctx, name),
    targetKeyId: key.keyId,
    creationDate: ctx.nowMs,
    lastUpdatedDate: ctx.nowMs,
  };
  Object.defineProperty(aliases, name, { value: alias, enumerable: true, writable: true, configurable: true });
  return {};
}

function deleteAlias(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'AliasName');
  const aliases = aliasesOf(ctx.state);
  authorizeWith(ctx, 'kms:DeleteAlias', aliasArn(ctx, name), {}, (m) => kmsAccessDenied(m));
  const alias = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
  if (!alias) throw aliasNotFound(aliasArn(ctx, name));
  const { key } = resolveKey(ctx, alias.targetKeyId, false);
  authorizeKey(ctx, 'kms:DeleteAlias', key);
  delete aliases[name];
  return {};
}

function listAliases(ctx: OperationContext): Record<string, unknown> {
  authorizeWith(ctx, 'kms:ListAliases', '*', {}, (m) => kmsAccessDenied(m));
  const keyFilter = ctx.params['KeyId'];
  let rows = Object.values(aliasesOf(ctx.state)).filter((a) => a.aliasArn.startsWith(`arn:aws:kms:${ctx.region}:`));
  if (typeof keyFilter === 'string') {
    const { key } = resolveKey(ctx, keyFilter, false);
    rows = rows.filter((a) => a.targetKeyId === key.keyId);
  }
  rows.sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0));
  return {
    Aliases: rows.map((a) => ({
      AliasName: a.aliasName,
      AliasArn: a.aliasArn,
      TargetKeyId: a.targetKeyId,
      CreationDate: cliTimestamp(a.creationDate),
      LastUpdatedDate: cliTimestamp(a.lastUpdatedDate),
    })),
    Truncated: false,
  };
}

/** The alias operations. */
export const ALIAS_OPERATIONS: Record<string, OperationDefinition> = {
  CreateAlias: { handler: createAlias, readOnly: false },
  DeleteAlias: { handler: deleteAlias, readOnly: false },
  ListAliases: { handler: listAliases, readOnly: true },
};
