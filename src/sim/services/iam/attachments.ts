/**
 * Attaching managed policies to users, groups and roles, and permissions boundaries (IAM API
 * Reference, "AttachUserPolicy", "PutUserPermissionsBoundary" and friends). The condition key
 * `iam:PolicyARN` / `iam:PermissionsBoundary` carries the policy being attached.
 */
import { awsManagedPolicy, isAwsManagedArn } from '../../managed/index.ts';
import { byName } from './shapes.ts';
import { own, type Group, type Role, type User } from '../../world/state.ts';
import { limitExceeded, noSuchEntity } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requireGroupAuthorized } from './groups.ts';
import { requireAttachable } from './lookup.ts';
import { requireRoleAuthorized } from './roles.ts';
import { requireUserAuthorized } from './users.ts';

type Kind = 'User' | 'Group' | 'Role';

function target(ctx: OperationContext, kind: Kind, action: string, context: Record<string, string> = {}): User | Group | Role {
  if (kind === 'User') return requireUserAuthorized(ctx, action, context);
  if (kind === 'Group') return requireGroupAuthorized(ctx, action, context);
  return requireRoleAuthorized(ctx, action, context);
}

/** The name IAM shows for an attached policy. */
function policyName(ctx: OperationContext, arn: string): string {
  if (isAwsManagedArn(arn)) return awsManagedPolicy(arn)?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1);
  return own(ctx.state.policies, arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1);
}

function attach(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const arn = str(ctx, 'PolicyArn');
    const entity = target(ctx, kind, `iam:Attach${kind}Policy`, { 'iam:PolicyARN': arn });
    requireAttachable(ctx.state, arn);
    if (entity.attachedPolicies.includes(arn)) return {};
    // Default quota for users, groups and roles ("IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
    const quota = 10;
    if (entity.attachedPolicies.length >= quota) throw limitExceeded(`Cannot exceed quota for PoliciesPer${kind}: ${quota}`);
    entity.attachedPolicies.push(arn);
    return {};
  };
}

function detach(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const arn = str(ctx, 'PolicyArn');
    const entity = target(ctx, kind, `iam:Detach${kind}Policy`, { 'iam:PolicyARN': arn });
    if (!entity.attachedPolicies.includes(arn)) throw noSuchEntity(`Policy ${arn} was not found.`);
    entity.attachedPolicies = entity.attachedPolicies.filter((a) => a !== arn);
    return {};
  };
}

function listAttached(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:ListAttached${kind}Policies`);
    const prefix = optStr(ctx, 'PathPrefix');
    const arns = entity.attachedPolicies.filter((arn) => !prefix || arn.split(':policy')[1]?.startsWith(prefix));
    return { AttachedPolicies: arns.map((arn) => ({ PolicyName: policyName(ctx, arn), PolicyArn: arn })) };
  };
}

function listEntitiesForPolicy(ctx: OperationContext): Record<string, unknown> {
  const arn = str(ctx, 'PolicyArn');
  ctx.authorize('iam:ListEntitiesForPolicy', arn);
  requireAttachable(ctx.state, arn);
  const filter = optStr(ctx, 'EntityFilter');
  const want = (k: string): boolean => filter === undefined || filter === k;
  return {
    PolicyGroups: want('Group')
      ? byName(Object.values(ctx.state.groups).filter((g) => g.attachedPolicies.includes(arn))).map((g) => ({
          GroupName: g.name,
          GroupId: g.id,
        }))
      : [],
    PolicyUsers: want('User')
      ? byName(Object.values(ctx.state.users).filter((u) => u.attachedPolicies.includes(arn))).map((u) => ({
          UserName: u.name,
          UserId: u.id,
        }))
      : [],
    PolicyRoles: want('Role')
      ? byName(Object.values(ctx.state.roles).filter((r) => r.attachedPolicies.includes(arn))).map((r) => ({
          RoleName: r.name,
          RoleId: r.id,
        }))
      : [],
  };
}

function putBoundary(kind: 'User' | 'Role') {
  return (ctx: OperationContext): Record<string, unknown> => {
    const arn = str(ctx, 'PermissionsBoundary');
    const entity = target(ctx, kind, `iam:Put${kind}PermissionsBoundary`, { 'iam:PermissionsBoundary': arn }) as User | Role;
    requireAttachable(ctx.state, arn);
    entity.permissionsBoundary = arn;
    return {};
  };
}

function deleteBoundary(kind: 'User' | 'Role') {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:Delete${kind}PermissionsBoundary`) as User | Role;
    delete entity.permissionsBoundary;
    return {};
  };
}

/** The attachment and boundary operations. */
export const ATTACHMENT_OPERATIONS: Record<string, OperationDefinition> = {
  AttachUserPolicy: { handler: attach('User'), readOnly: false },
  DetachUserPolicy: { handler: detach('User'), readOnly: false },
  ListAttachedUserPolicies: { handler: listAttached('User'), readOnly: true },
  AttachGroupPolicy: { handler: attach('Group'), readOnly: false },
  DetachGroupPolicy: { handler: detach('Group'), readOnly: false },
  ListAttachedGroupPolicies: { handler: listAttached('Group'), readOnly: true },
  AttachRolePolicy: { handler: attach('Role'), readOnly: false },
  DetachRolePolicy: { handler: detach('Role'), readOnly: false },
  ListAttachedRolePolicies: { handler: listAttached('Role'), readOnly: true },
  ListEntitiesForPolicy: { handler: listEntitiesForPolicy, readOnly: true },
  PutUserPermissionsBoundary: { handler: putBoundary('User'), readOnly: false },
  DeleteUserPermissionsBoundary: { handler: deleteBoundary('User'), readOnly: false },
  PutRolePermissionsBoundary: { handler: putBoundary('Role'), readOnly: false },
  DeleteRolePermissionsBoundary: { handler: deleteBoundary('Role'), readOnly: false },
};
