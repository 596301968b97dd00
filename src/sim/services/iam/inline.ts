/** Inline policies of users, groups and roles (IAM API Reference, "PutUserPolicy" and friends). */
import { noSuchEntity } from '../errors.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requireInlineDocument } from './documents.ts';
import { requireGroupAuthorized } from './groups.ts';
import { requireRoleAuthorized } from './roles.ts';
import { documentOut } from './shapes.ts';
import { requireUserAuthorized } from './users.ts';
import type { Group, Role, User } from '../../world/state.ts';

type Kind = 'User' | 'Group' | 'Role';

function target(ctx: OperationContext, kind: Kind, action: string): User | Group | Role {
  if (kind === 'User') return requireUserAuthorized(ctx, action);
  if (kind === 'Group') return requireGroupAuthorized(ctx, action);
  return requireRoleAuthorized(ctx, action);
}

function put(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:Put${kind}Policy`);
    const name = str(ctx, 'PolicyName');
    const document = str(ctx, 'PolicyDocument');
    const others = entity.inlinePolicies.filter((p) => p.name !== name);
    requireInlineDocument(document, kind === 'User' ? 'user' : kind === 'Group' ? 'group' : 'role', entity.name, others);
    const existing = entity.inlinePolicies.find((p) => p.name === name);
    if (existing) existing.document = document;
    else entity.inlinePolicies.push({ name, document });
    return {};
  };
}

function notFound(kind: Kind, name: string): Error {
  return noSuchEntity(`The ${kind.toLowerCase()} policy with name ${name} cannot be found.`);
}

function get(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:Get${kind}Policy`);
    const name = str(ctx, 'PolicyName');
    const policy = entity.inlinePolicies.find((p) => p.name === name);
    if (!policy) throw notFound(kind, name);
    return { [`${kind}Name`]: entity.name, PolicyName: policy.name, PolicyDocument: documentOut(policy.document) };
  };
}

function list(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:List${kind}Policies`);
    return { PolicyNames: entity.inlinePolicies.map((p) => p.name).sort() };
  };
}

function remove(kind: Kind) {
  return (ctx: OperationContext): Record<string, unknown> => {
    const entity = target(ctx, kind, `iam:Delete${kind}Policy`);
    const name = str(ctx, 'PolicyName');
    if (!entity.inlinePolicies.some((p) => p.name === name)) throw notFound(kind, name);
    entity.inlinePolicies = entity.inlinePolicies.filter((p) => p.name !== name);
    return {};
  };
}

/** The inline policy operations. */
export const INLINE_OPERATIONS: Record<string, OperationDefinition> = Object.fromEntries(
  (['User', 'Group', 'Role'] as const).flatMap((kind) => [
    [`Put${kind}Policy`, { handler: put(kind), readOnly: false }],
    [`Get${kind}Policy`, { handler: get(kind), readOnly: true }],
    [`List${kind}Policies`, { handler: list(kind), readOnly: true }],
    [`Delete${kind}Policy`, { handler: remove(kind), readOnly: false }],
  ]),
);
