/**
 * Grants: CreateGrant, ListGrants, RevokeGrant (KMS Developer Guide, "Grants in AWS KMS"). A grant
 * lets its grantee principal use the key for the operations it lists, within its constraints.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { authorizeKey, keyResource, resolveKey } from './access.ts';
import { grantNotFound } from './errors.ts';
import type { KmsGrant } from './model.ts';

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function createGrant(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  const operations = (ctx.params['Operations'] as string[] | undefined) ?? [];
  const grantee = str(ctx, 'GranteePrincipal');
  const retiring = optStr(ctx, 'RetiringPrincipal');
  // The grant's own condition keys (KMS Developer Guide, "kms:GrantOperations", "kms:GranteePrincipal").
  authorizeKey(ctx, 'kms:CreateGrant', key, {
    grantOperation: 'CreateGrant',
    context: {
      'kms:GrantOperations': operations,
      'kms:GranteePrincipal': grantee,
      'kms:GrantIsForAWSResource': false,
      ...(retiring !== undefined ? { 'kms:RetiringPrincipal': retiring } : {}),
    },
  });
  const constraints = ctx.params['Constraints'] as KmsGrant['constraints'] | undefined;
  const name = optStr(ctx, 'Name');
  const grant: KmsGrant = {
    grantId: ctx.ids.chars(HEX, 64),
    grantToken: ctx.ids.chars(B64, 120),
    ...(name !== undefined ? { name } : {}),
    granteePrincipal: grantee,
    ...(retiring !== undefined ? { retiringPrincipal: retiring } : {}),
    issuingAccount: `arn:aws:iam::${ctx.state.accountId}:root`,
    operations,
    ...(constraints ? { constraints } : {}),
    creationDate: ctx.nowMs,
  };
  key.grants.push(grant);
  return { GrantToken: grant.grantToken, GrantId: grant.grantId };
}

function listGrants(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:ListGrants', key);
  return {
    Grants: key.grants.map((g) => ({
      KeyId: key.arn,
      GrantId: g.grantId,
      ...(g.name !== undefined ? { Name: g.name } : {}),
      CreationDate: cliTimestamp(g.creationDate),
      GranteePrincipal: g.granteePrincipal,
      ...(g.retiringPrincipal !== undefined ? { RetiringPrincipal: g.retiringPrincipal } : {}),
      IssuingAccount: g.issuingAccount,
      Operations: g.operations,
      ...(g.constraints ? { Constraints: g.constraints } : {}),
    })),
    Truncated: false,
  };
}

function revokeGrant(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:RevokeGrant', key);
  const id = str(ctx, 'GrantId');
  const index = key.grants.findIndex((g) => g.grantId === id);
  if (index < 0) throw grantNotFound(id);
  key.grants.splice(index, 1);
  return {};
}

/** The grant operations. */
export const GRANT_OPERATIONS: Record<string, OperationDefinition> = {
  CreateGrant: { handler: createGrant, readOnly: false },
  ListGrants: { handler: listGrants, readOnly: true },
  RevokeGrant: { handler: revokeGrant, readOnly: false },
};
