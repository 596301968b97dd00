/** IAM users: create, read, list, update, delete, tag (IAM API Reference, "CreateUser" and friends). */
import type { ContextValue } from '../../evaluate/types.ts';
import { cliTimestamp, iamTrailDate } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import { nameKey, type User } from '../../world/state.ts';
import { deleteConflict, entityAlreadyExists, limitExceeded, validationMessage } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { boundaryContext, requestTagContext, resourceTagContext } from '../request-context.ts';
import { requireAttachable, requireUser } from './lookup.ts';
import { byName, userOut, withPathPrefix } from './shapes.ts';
import { mergeTags, removeTags, tagsParam } from './tags.ts';

/** `arn:aws:iam::<acct>:user/<path><name>`. */
export function userArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:user${path}${name}`;
}

/** The user an operation with an optional UserName targets: the caller itself when omitted. */
export function impliedUser(ctx: OperationContext): User {
  const given = optStr(ctx, 'UserName');
  if (given === undefined && !ctx.caller.user) throw validationMessage('Must specify userName when calling with non-User credentials');
  return requireUser(ctx.state, given ?? ctx.caller.user?.name ?? '');
}

/** AccessDenied wording for an optional-UserName operation on a user (`user bob`). */
export function impliedUserDisplay(ctx: OperationContext): { displayResource?: string } {
  const name = optStr(ctx, 'UserName') ?? ctx.caller.user?.name;
  return name === undefined ? {} : { displayResource: `user ${name}` };
}

/** The ARN to authorize for an optional-UserName operation (the caller's own ARN when omitted). */
export function impliedUserArn(ctx: OperationContext): string {
  const given = optStr(ctx, 'UserName');
  if (given === undefined) return ctx.caller.user?.arn ?? ctx.caller.arn;
  const existing = ctx.state.users[nameKey(given)];
  return existing ? existing.arn : userArn(ctx.state.accountId, '/', given);
}

function createUser(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'UserName');
  const path = optStr(ctx, 'Path') ?? '/';
  const tags = tagsParam(ctx.params['Tags']);
  const boundary = optStr(ctx, 'PermissionsBoundary');
  const arn = userArn(ctx.state.accountId, path, name);
  ctx.authorize('iam:CreateUser', arn, {
    context: { ...requestTagContext(tags), ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}) },
  });
  if (tags.length > 0) ctx.authorize('iam:TagUser', arn, { context: requestTagContext(tags) });
  if (boundary) ctx.authorize('iam:PutUserPermissionsBoundary', arn, { context: { 'iam:PermissionsBoundary': boundary } });
  if (ctx.state.users[nameKey(name)]) throw entityAlreadyExists(`User with name ${name} already exists.`);
  if (Object.keys(ctx.state.users).length >= 5000) throw limitExceeded('Cannot exceed quota for UsersPerAccount: 5000');
  if (boundary) requireAttachable(ctx.state, boundary);
  const user: User = {
    name,
    id: ctx.ids.uniqueId(ID_PREFIX.user),
    path,
    arn,
    createDate: ctx.nowMs,
    tags: mergeTags([], tags),
    inlinePolicies: [],
    attachedPolicies: [],
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    accessKeys: [],
    mfaSerials: [],
  };
  ctx.state.users[nameKey(name)] = user;
  // CloudTrail's CreateUser response lists the user with these keys in this order (reference record 01).
  ctx.trail.responseElements = {
    user: {
      createDate: iamTrailDate(ctx.nowMs),
      userName: name,
      arn,
      path,
      userId: user.id,
      ...(tags.length ? { tags: tags.map((t) => ({ key: t.Key, value: t.Value })) } : {}),
    },
  };
  return { User: userOut(user, true) };
}

function getUser(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetUser', impliedUserArn(ctx), impliedUserDisplay(ctx));
  if (ctx.caller.type === 'Root' && optStr(ctx, 'UserName') === undefined) {
    // GetUser without a name, called by the root user, describes the root user.
    return { User: { UserId: ctx.state.accountId, Arn: ctx.caller.arn, CreateDate: cliTimestamp(ctx.state.root.createDate) } };
  }
  return { User: userOut(impliedUser(ctx), true) };
}

function listUsers(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListUsers', `arn:aws:iam::${ctx.state.accountId}:user/`);
  const users = withPathPrefix(byName(Object.values(ctx.state.users)), optStr(ctx, 'PathPrefix'));
  return { Users: users.map((u) => userOut(u, false)) };
}

function updateUser(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:UpdateUser');
  const newName = optStr(ctx, 'NewUserName');
  const newPath = optStr(ctx, 'NewPath');
  if (newName !== undefined && nameKey(newName) !== nameKey(user.name) && ctx.state.users[nameKey(newName)]) {
    throw entityAlreadyExists(`User with name ${newName} already exists.`);
  }
  const oldName = user.name;
  delete ctx.state.users[nameKey(oldName)];
  if (newName !== undefined) user.name = newName;
  if (newPath !== undefined) user.path = newPath;
  user.arn = userArn(ctx.state.accountId, user.path, user.name);
  ctx.state.users[nameKey(user.name)] = user;
  for (const group of Object.values(ctx.state.groups)) group.members = group.members.map((m) => (m === oldName ? user.name : m));
  for (const device of Object.values(ctx.state.mfaDevices)) if (device.user === oldName) device.user = user.name;
  for (const session of Object.values(ctx.state.sessions)) if (session.userId === user.id) session.userName = user.name;
  return {};
}

function deleteUser(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:DeleteUser');
  // The order of these checks follows what IAM reports first (IAM User Guide, "Deleting an IAM user").
  if (user.loginProfile) throw deleteConflict('Cannot delete entity, must delete login profile first.');
  if (user.accessKeys.length > 0) throw deleteConflict('Cannot delete entity, must delete access keys first.');
  if (user.mfaSerials.length > 0) throw deleteConflict('Cannot delete entity, must delete MFA device first.');
  if (user.inlinePolicies.length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (user.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  if (Object.values(ctx.state.groups).some((g) => g.members.includes(user.name)))
    throw deleteConflict('Cannot delete entity, must remove user from all groups first.');
  delete ctx.state.users[nameKey(user.name)];
  for (const [id, s] of Object.entries(ctx.state.sessions)) if (s.userName === user.name) delete ctx.state.sessions[id];
  return {};
}

function tagUser(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx.params['Tags']);
  const user = requireUserAuthorized(ctx, 'iam:TagUser', requestTagContext(tags));
  user.tags = mergeTags(user.tags, tags);
  return {};
}

function untagUser(ctx: OperationContext): Record<string, unknown> {
  const keys = (ctx.params['TagKeys'] as string[] | undefined) ?? [];
  const user = requireUserAuthorized(ctx, 'iam:UntagUser', { 'aws:TagKeys': keys });
  user.tags = removeTags(user.tags, keys);
  return {};
}

function listUserTags(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:ListUserTags');
  return { Tags: user.tags.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated: false };
}

/** Authorizes `action` on the named user (its ARN if it exists), then finds it. */
export function requireUserAuthorized(ctx: OperationContext, action: string, context: Record<string, ContextValue> = {}): User {
  const name = str(ctx, 'UserName');
  const existing = ctx.state.users[nameKey(name)];
  ctx.authorize(action, existing ? existing.arn : userArn(ctx.state.accountId, '/', name), {
    context: { ...resourceTagContext(existing?.tags), ...boundaryContext(existing), ...context },
    displayResource: `user ${name}`,
  });
  return requireUser(ctx.state, name);
}

/** The user operations. */
export const USER_OPERATIONS: Record<string, OperationDefinition> = {
  CreateUser: { handler: createUser, readOnly: false },
  GetUser: { handler: getUser, readOnly: true },
  ListUsers: { handler: listUsers, readOnly: true },
  UpdateUser: { handler: updateUser, readOnly: false },
  DeleteUser: { handler: deleteUser, readOnly: false },
  TagUser: { handler: tagUser, readOnly: false },
  UntagUser: { handler: untagUser, readOnly: false },
  ListUserTags: { handler: listUserTags, readOnly: true },
};
