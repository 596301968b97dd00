/** IAM groups and membership (IAM API Reference, "CreateGroup", "AddUserToGroup" and friends). */
import type { ContextValue } from '../../evaluate/types.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import { nameKey, type Group } from '../../world/state.ts';
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requireGroup, requireUser } from './lookup.ts';
import { byName, groupOut, userOut, withPathPrefix } from './shapes.ts';
import { requireUserAuthorized } from './users.ts';

/** `arn:aws:iam::<acct>:group/<path><name>`. */
export function groupArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:group${path}${name}`;
}

/** Authorizes `action` on the named group, then finds it. */
export function requireGroupAuthorized(ctx: OperationContext, action: string, context: Record<string, ContextValue> = {}): Group {
  const name = str(ctx, 'GroupName');
  const existing = ctx.state.groups[nameKey(name)];
  ctx.authorize(action, existing ? existing.arn : groupArn(ctx.state.accountId, '/', name), { context, displayResource: `group ${name}` });
  return requireGroup(ctx.state, name);
}

function createGroup(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'GroupName');
  const path = optStr(ctx, 'Path') ?? '/';
  const arn = groupArn(ctx.state.accountId, path, name);
  ctx.authorize('iam:CreateGroup', arn);
  if (ctx.state.groups[nameKey(name)]) throw entityAlreadyExists(`Group with name ${name} already exists.`);
  if (Object.keys(ctx.state.groups).length >= 300) throw limitExceeded('Cannot exceed quota for GroupsPerAccount: 300');
  const group: Group = {
    name,
    id: ctx.ids.uniqueId(ID_PREFIX.group),
    path,
    arn,
    createDate: ctx.nowMs,
    inlinePolicies: [],
    attachedPolicies: [],
    members: [],
  };
  ctx.state.groups[nameKey(name)] = group;
  return { Group: groupOut(group) };
}

function getGroup(ctx: OperationContext): Record<string, unknown> {
  const group = requireGroupAuthorized(ctx, 'iam:GetGroup');
  const users = byName(group.members.map((m) => requireUser(ctx.state, m)));
  // Paginated results print the result key first (botocore PageIterator.build_full_result).
  return { Users: users.map((u) => userOut(u, false)), Group: groupOut(group) };
}

function listGroups(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListGroups', `arn:aws:iam::${ctx.state.accountId}:group/`);
  return { Groups: withPathPrefix(byName(Object.values(ctx.state.groups)), optStr(ctx, 'PathPrefix')).map(groupOut) };
}

function updateGroup(ctx: OperationContext): Record<string, unknown> {
  const group = requireGroupAuthorized(ctx, 'iam:UpdateGroup');
  const newName = optStr(ctx, 'NewGroupName');
  const newPath = optStr(ctx, 'NewPath');
  if (newName !== undefined && nameKey(newName) !== nameKey(group.name) && ctx.state.groups[nameKey(newName)]) {
    throw entityAlreadyExists(`Group with name ${newName} already exists.`);
  }
  delete ctx.state.groups[nameKey(group.name)];
  if (newName !== undefined) group.name = newName;
  if (newPath !== undefined) group.path = newPath;
  group.arn = groupArn(ctx.state.accountId, group.path, group.name);
  ctx.state.groups[nameKey(group.name)] = group;
  return {};
}

function deleteGroup(ctx: OperationContext): Record<string, unknown> {
  const group = requireGroupAuthorized(ctx, 'iam:DeleteGroup');
  if (group.members.length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  if (group.inlinePolicies.length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (group.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  delete ctx.state.groups[nameKey(group.name)];
  return {};
}

function addUserToGroup(ctx: OperationContext): Record<string, unknown> {
  const group = requireGroupAuthorized(ctx, 'iam:AddUserToGroup');
  const user = requireUser(ctx.state, str(ctx, 'UserName'));
  if (group.members.includes(user.name)) return {};
  const memberships = Object.values(ctx.state.groups).filter((g) => g.members.includes(user.name)).length;
  if (memberships >= 10) throw limitExceeded('Cannot exceed quota for GroupsPerUser: 10');
  group.members.push(user.name);
  return {};
}

function removeUserFromGroup(ctx: OperationContext): Record<string, unknown> {
  const group = requireGroupAuthorized(ctx, 'iam:RemoveUserFromGroup');
  const user = requireUser(ctx.state, str(ctx, 'UserName'));
  if (!group.members.includes(user.name)) throw noSuchEntity(`The user with name ${user.name} cannot be found.`);
  group.members = group.members.filter((m) => m !== user.name);
  return {};
}

function listGroupsForUser(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:ListGroupsForUser');
  return { Groups: byName(Object.values(ctx.state.groups).filter((g) => g.members.includes(user.name))).map(groupOut) };
}

/** The group operations. */
export const GROUP_OPERATIONS: Record<string, OperationDefinition> = {
  CreateGroup: { handler: createGroup, readOnly: false },
  GetGroup: { handler: getGroup, readOnly: true },
  ListGroups: { handler: listGroups, readOnly: true },
  UpdateGroup: { handler: updateGroup, readOnly: false },
  DeleteGroup: { handler: deleteGroup, readOnly: false },
  AddUserToGroup: { handler: addUserToGroup, readOnly: false },
  RemoveUserFromGroup: { handler: removeUserFromGroup, readOnly: false },
  ListGroupsForUser: { handler: listGroupsForUser, readOnly: true },
};
