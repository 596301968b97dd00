/** Instance profiles: one role each (IAM API Reference, "CreateInstanceProfile" and friends). */
import { ID_PREFIX } from '../../world/ids.ts';
import { nameKey, type InstanceProfile } from '../../world/state.ts';
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { requireRole } from './lookup.ts';
import { requireRoleAuthorized } from './roles.ts';
import { byName, instanceProfileOut, withPathPrefix } from './shapes.ts';
import { mergeTags, tagsParam } from './tags.ts';

function profileArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:instance-profile${path}${name}`;
}

function requireProfileAuthorized(ctx: OperationContext, action: string): InstanceProfile {
  const name = str(ctx, 'InstanceProfileName');
  const existing = ctx.state.instanceProfiles[nameKey(name)];
  ctx.authorize(action, existing ? existing.arn : profileArn(ctx.state.accountId, '/', name));
  if (!existing) throw noSuchEntity(`Instance Profile ${name} cannot be found.`);
  return existing;
}

function createInstanceProfile(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'InstanceProfileName');
  const path = optStr(ctx, 'Path') ?? '/';
  const tags = tagsParam(ctx.params['Tags']);
  const arn = profileArn(ctx.state.accountId, path, name);
  ctx.authorize('iam:CreateInstanceProfile', arn, { context: requestTagContext(tags) });
  if (ctx.state.instanceProfiles[nameKey(name)]) throw entityAlreadyExists(`Instance Profile ${name} already exists.`);
  const profile: InstanceProfile = {
    name,
    id: ctx.ids.uniqueId(ID_PREFIX.instanceProfile),
    path,
    arn,
    createDate: ctx.nowMs,
    roles: [],
    tags: mergeTags([], tags),
  };
  ctx.state.instanceProfiles[nameKey(name)] = profile;
  return { InstanceProfile: instanceProfileOut(ctx.state, profile) };
}

function getInstanceProfile(ctx: OperationContext): Record<string, unknown> {
  return { InstanceProfile: instanceProfileOut(ctx.state, requireProfileAuthorized(ctx, 'iam:GetInstanceProfile')) };
}

function listInstanceProfiles(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListInstanceProfiles', `arn:aws:iam::${ctx.state.accountId}:instance-profile/`);
  const profiles = withPathPrefix(byName(Object.values(ctx.state.instanceProfiles)), optStr(ctx, 'PathPrefix'));
  return { InstanceProfiles: profiles.map((p) => instanceProfileOut(ctx.state, p)) };
}

function deleteInstanceProfile(ctx: OperationContext): Record<string, unknown> {
  const profile = requireProfileAuthorized(ctx, 'iam:DeleteInstanceProfile');
  if (profile.roles.length > 0) throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  delete ctx.state.instanceProfiles[nameKey(profile.name)];
  return {};
}

function addRoleToInstanceProfile(ctx: OperationContext): Record<string, unknown> {
  const profile = requireProfileAuthorized(ctx, 'iam:AddRoleToInstanceProfile');
  const role = requireRole(ctx.state, str(ctx, 'RoleName'));
  if (profile.roles.includes(role.name)) return {};
  if (profile.roles.length >= 1) throw limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
  profile.roles.push(role.name);
  return {};
}

function removeRoleFromInstanceProfile(ctx: OperationContext): Record<string, unknown> {
  const profile = requireProfileAuthorized(ctx, 'iam:RemoveRoleFromInstanceProfile');
  const role = requireRole(ctx.state, str(ctx, 'RoleName'));
  if (!profile.roles.includes(role.name)) throw noSuchEntity(`The role with name ${role.name} cannot be found.`);
  profile.roles = profile.roles.filter((r) => r !== role.name);
  return {};
}

function listInstanceProfilesForRole(ctx: OperationContext): Record<string, unknown> {
  const role = requireRoleAuthorized(ctx, 'iam:ListInstanceProfilesForRole');
  const profiles = byName(Object.values(ctx.state.instanceProfiles).filter((p) => p.roles.includes(role.name)));
  return { InstanceProfiles: profiles.map((p) => instanceProfileOut(ctx.state, p)) };
}

/** The instance profile operations. */
export const INSTANCE_PROFILE_OPERATIONS: Record<string, OperationDefinition> = {
  CreateInstanceProfile: { handler: createInstanceProfile, readOnly: false },
  GetInstanceProfile: { handler: getInstanceProfile, readOnly: true },
  ListInstanceProfiles: { handler: listInstanceProfiles, readOnly: true },
  DeleteInstanceProfile: { handler: deleteInstanceProfile, readOnly: false },
  AddRoleToInstanceProfile: { handler: addRoleToInstanceProfile, readOnly: false },
  RemoveRoleFromInstanceProfile: { handler: removeRoleFromInstanceProfile, readOnly: false },
  ListInstanceProfilesForRole: { handler: listInstanceProfilesForRole, readOnly: true },
};
