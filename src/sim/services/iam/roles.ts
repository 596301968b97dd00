/** IAM roles: trust policies, session duration, tags (IAM API Reference, "CreateRole" and friends). */
import { requireModifiableRole } from './protected-roles.ts';
import type { ContextValue } from '../../evaluate/types.ts';
import type { ParsedPolicy } from '../../policy/types.ts';
import { iamTrailDate } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import { nameKey, type Role, type AccountState } from '../../world/state.ts';
import { deleteConflict, entityAlreadyExists, limitExceeded, malformedPolicyDocument } from '../errors.ts';
import { optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { boundaryContext, requestTagContext, resourceTagContext } from '../request-context.ts';
import { requireTrustDocument } from './documents.ts';
import { requireAttachable, requireRole } from './lookup.ts';
import { byName, roleOut, withPathPrefix } from './shapes.ts';
import { mergeTags, removeTags, tagsParam } from './tags.ts';

/** `arn:aws:iam::<acct>:role/<path><name>`. */
export function roleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

/** Authorizes `action` on the named role, then finds it. */
export function requireRoleAuthorized(ctx: OperationContext, action: string, context: Record<string, ContextValue> = {}): Role {
  const name = str(ctx, 'RoleName');
  const existing = ctx.state.roles[nameKey(name)];
  ctx.authorize(action, existing ? existing.arn : roleArn(ctx.state.accountId, '/', name), {
    context: { ...resourceTagContext(existing?.tags), ...boundaryContext(existing), ...context },
    displayResource: `role ${name}`,
  });
  return requireModifiableRole(action, requireRole(ctx.state, name));
}

/**
 * IAM resolves user and role principals of a trust policy when it is saved; a principal that does
 * not exist makes the policy invalid ("Invalid principal in policy"; IAM User Guide, "AWS JSON policy
 * elements: Principal", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
export function requireExistingPrincipals(
  state: AccountState,
  policy: ParsedPolicy,
  accountState: (accountId: string) => AccountState | undefined = () => undefined,
): void {
  for (const statement of policy.statements) {
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.kind !== 'AWS') continue;
      for (const { value } of entry.values) {
        const m = /^arn:aws:iam::(\d{12}):(user|role)(\/.*)$/.exec(value);
        // Principals of other accounts are checked too when the world simulates that account.
        const owner = !m ? undefined : m[1] === state.accountId ? state : accountState(m[1] ?? '');
        if (!m || !owner) continue;
        const name = (m[3] ?? '').slice((m[3] ?? '').lastIndexOf('/') + 1);
        const table = m[2] === 'user' ? owner.users : owner.roles;
        const found = table[nameKey(name)];
        if (!found || found.arn !== value) throw malformedPolicyDocument(`Invalid principal in policy: "AWS":"${value}"`);
      }
    }
  }
}

function createRole(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'RoleName');
  const path = optStr(ctx, 'Path') ?? '/';
  const tags = tagsParam(ctx.params['Tags']);
  const boundary = optStr(ctx, 'PermissionsBoundary');
  const arn = roleArn(ctx.state.accountId, path, name);
  ctx.authorize('iam:CreateRole', arn, {
    context: { ...requestTagContext(tags), ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}) },
  });
  if (tags.length > 0) ctx.authorize('iam:TagRole', arn, { context: requestTagContext(tags) });
  if (boundary) ctx.authorize('iam:PutRolePermissionsBoundary', arn, { context: { 'iam:PermissionsBoundary': boundary } });
  const trust = str(ctx, 'AssumeRolePolicyDocument');
  requireExistingPrincipals(ctx.state, requireTrustDocument(trust), ctx.accountState);
  if (ctx.state.roles[nameKey(name)]) throw entityAlreadyExists(`Role with name ${name} already exists.`);
  if (Object.keys(ctx.state.roles).length >= 1000) throw limitExceeded('Cannot exceed quota for RolesPerAccount: 1000');
  if (boundary) requireAttachable(ctx.state, boundary);
  const description = optStr(ctx, 'Description');
  const role: Role = {
    name,
    id: ctx.ids.uniqueId(ID_PREFIX.role),
    path,
    arn,
    createDate: ctx.nowMs,
    ...(description !== undefined ? { description } : {}),
    maxSessionDuration: optNum(ctx, 'MaxSessionDuration') ?? 3600,
    assumeRolePolicyDocument: trust,
    tags: mergeTags([], tags),
    inlinePolicies: [],
    attachedPolicies: [],
    ...(boundary ? { permissionsBoundary: boundary } : {}),
  };
  ctx.state.roles[nameKey(name)] = role;
  ctx.trail.responseElements = {
    role: {
      assumeRolePolicyDocument: encodeURIComponent(trust),
      arn,
      roleId: role.id,
      createDate: iamTrailDate(ctx.nowMs),
      roleName: name,
      path,
    },
  };
  const out = roleOut(role, false);
  delete out['MaxSessionDuration'];
  delete out['Description'];
  return {
    Role: {
      ...out,
      ...(boundary
        ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: boundary } }
        : {}),
      ...(tags.length ? { Tags: tags } : {}),
    },
  };
}

function getRole(ctx: OperationContext): Record<string, unknown> {
  return { Role: roleOut(requireRoleAuthorized(ctx, 'iam:GetRole'), true) };
}

function listRoles(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListRoles', `arn:aws:iam::${ctx.state.accountId}:role/`);
  return { Roles: withPathPrefix(byName(Object.values(ctx.state.roles)), optStr(ctx, 'PathPrefix')).map((r) => roleOut(r, false)) };
}

function updateRole(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:UpdateRole');
  const description = optStr(ctx, 'Description');
  const max = optNum(ctx, 'MaxSessionDuration');
  if (description !== undefined) role.description = description;
  if (max !== undefined) role.maxSessionDuration = max;
  return {};
}

function updateRoleDescription(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:UpdateRoleDescription');
  role.description = str(ctx, 'Description');
  return { Role: roleOut(role, true) };
}

function updateAssumeRolePolicy(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:UpdateAssumeRolePolicy');
  const text = str(ctx, 'PolicyDocument');
  requireExistingPrincipals(ctx.state, requireTrustDocument(text), ctx.accountState);
  role.assumeRolePolicyDocument = text;
  return {};
}

function deleteRole(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:DeleteRole');
  if (Object.values(ctx.state.instanceProfiles).some((p) => p.roles.includes(role.name))) {
    throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  if (role.inlinePolicies.length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (role.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  delete ctx.state.roles[nameKey(role.name)];
  return {};
}

function tagRole(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx.params['Tags']);
  const role = requireRoleAuthorized(ctx, 'iam:TagRole', requestTagContext(tags));
  role.tags = mergeTags(role.tags, tags);
  return {};
}

function untagRole(ctx: OperationContext): Record<string, unknown> {
  const keys = (ctx.params['TagKeys'] as string[] | undefined) ?? [];
  const role = requireRoleAuthorized(ctx, 'iam:UntagRole', { 'aws:TagKeys': keys });
  role.tags = removeTags(role.tags, keys);
  return {};
}

function listRoleTags(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:ListRoleTags');
  return { Tags: role.tags.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated: false };
}

/** The role operations. */
export const ROLE_OPERATIONS: Record<string, OperationDefinition> = {
  CreateRole: { handler: createRole, readOnly: false },
  GetRole: { handler: getRole, readOnly: true },
  ListRoles: { handler: listRoles, readOnly: true },
  UpdateRole: { handler: updateRole, readOnly: false },
  UpdateRoleDescription: { handler: updateRoleDescription, readOnly: false },
  UpdateAssumeRolePolicy: { handler: updateAssumeRolePolicy, readOnly: false },
  DeleteRole: { handler: deleteRole, readOnly: false },
  TagRole: { handler: tagRole, readOnly: false },
  UntagRole: { handler: untagRole, readOnly: false },
  ListRoleTags: { handler: listRoleTags, readOnly: true },
};
