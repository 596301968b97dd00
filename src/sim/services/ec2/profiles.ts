/**
 * Instance profiles on instances: AssociateIamInstanceProfile, ReplaceIamInstanceProfileAssociation,
 * DisassociateIamInstanceProfile, DescribeIamInstanceProfileAssociations (EC2 API Reference). Giving
 * an instance a profile passes its role to EC2: `iam:PassRole` on the role, with
 * `iam:PassedToService` = ec2.amazonaws.com (IAM User Guide, "Using an IAM role to grant permissions
 * to applications running on Amazon EC2 instances").
 */
import { nameKey, own, type InstanceProfile } from '../../world/state.ts';
import { optList, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { authorizeEc2, authorizeOnInstance, endDryRun } from './access.ts';
import { associationNotFound, existingAssociation, instanceIdMalformed, instanceNotFound, invalidInstanceProfile } from './errors.ts';
import { instanceArn, instancesOf, type Ec2Instance, type ProfileAssociation } from './model.ts';
import { associationOut } from './shapes.ts';

/** The service principal EC2 assumes instance roles as. */
export const EC2_PRINCIPAL = 'ec2.amazonaws.com';

/** The profile a `--iam-instance-profile Name=…|Arn=…` names, or InvalidParameterValue. */
export function requireProfile(ctx: OperationContext, spec: unknown): InstanceProfile {
  const given = (spec && typeof spec === 'object' ? spec : {}) as { Name?: string; Arn?: string };
  if (given.Arn !== undefined) {
    const profile = Object.values(ctx.state.instanceProfiles).find((p) => p.arn === given.Arn);
    if (!profile) throw invalidInstanceProfile(given.Arn, 'arn');
    return profile;
  }
  const profile = own(ctx.state.instanceProfiles, nameKey(given.Name ?? ''));
  if (!profile || profile.name !== given.Name) throw invalidInstanceProfile(given.Name ?? '', 'name');
  return profile;
}

/** `iam:PassRole` on the profile's role (a profile without a role passes nothing). */
export function passProfileRole(ctx: OperationContext, profile: InstanceProfile, instanceResource: string): void {
  const roleName = profile.roles[0];
  const role = roleName !== undefined ? own(ctx.state.roles, nameKey(roleName)) : undefined;
  if (!role) return;
  authorizeEc2(ctx, 'iam:PassRole', role.arn, { 'iam:PassedToService': EC2_PRINCIPAL, 'iam:AssociatedResourceArn': instanceResource });
}

/** A new association record for a profile. */
export function newAssociation(ctx: OperationContext, profile: InstanceProfile): ProfileAssociation {
  return {
    associationId: `iip-assoc-${ctx.ids.chars('0123456789abcdef', 17)}`,
    profileArn: profile.arn,
    profileId: profile.id,
    state: 'associated',
    timestamp: ctx.nowMs,
  };
}

/** The instance an ID names (a malformed ID and a missing instance have EC2's own errors). */
export function requireInstance(ctx: OperationContext, id: string): Ec2Instance {
  if (!/^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) throw instanceIdMalformed(id);
  const all = instancesOf(ctx.state);
  const instance = Object.hasOwn(all, id) ? all[id] : undefined;
  if (!instance || instance.region !== ctx.region) throw instanceNotFound(id);
  return instance;
}

function associate(ctx: OperationContext): Record<string, unknown> {
  const instance = requireInstance(ctx, str(ctx, 'InstanceId'));
  const profile = requireProfile(ctx, ctx.params['IamInstanceProfile']);
  authorizeOnInstance(ctx, 'ec2:AssociateIamInstanceProfile', instance, { 'ec2:InstanceProfile': profile.arn });
  passProfileRole(ctx, profile, instanceArn(instance, ctx.state.accountId));
  if (instance.association && instance.association.state === 'associated') throw existingAssociation(instance.instanceId);
  instance.association = newAssociation(ctx, profile);
  delete instance.credentialsKeyId;
  return { IamInstanceProfileAssociation: { ...associationOut(instance.instanceId, instance.association), State: 'associating' } };
}

function replace(ctx: OperationContext): Record<string, unknown> {
  const id = str(ctx, 'AssociationId');
  const instance = Object.values(instancesOf(ctx.state)).find(
    (i) => i.association?.associationId === id && i.association.state === 'associated',
  );
  if (!instance) throw associationNotFound(id);
  const profile = requireProfile(ctx, ctx.params['IamInstanceProfile']);
  authorizeOnInstance(ctx, 'ec2:ReplaceIamInstanceProfileAssociation', instance, { 'ec2:InstanceProfile': profile.arn });
  passProfileRole(ctx, profile, instanceArn(instance, ctx.state.accountId));
  instance.association = newAssociation(ctx, profile);
  // The metadata service hands out the new role's credentials from now on.
  delete instance.credentialsKeyId;
  return { IamInstanceProfileAssociation: { ...associationOut(instance.instanceId, instance.association), State: 'associating' } };
}

function disassociate(ctx: OperationContext): Record<string, unknown> {
  const id = str(ctx, 'AssociationId');
  const instance = Object.values(instancesOf(ctx.state)).find(
    (i) => i.association?.associationId === id && i.association.state === 'associated',
  );
  if (!instance || !instance.association) throw associationNotFound(id);
  authorizeOnInstance(ctx, 'ec2:DisassociateIamInstanceProfile', instance);
  const out = { IamInstanceProfileAssociation: { ...associationOut(instance.instanceId, instance.association), State: 'disassociating' } };
  delete instance.association;
  delete instance.credentialsKeyId;
  return out;
}

function describeAssociations(ctx: OperationContext): Record<string, unknown> {
  authorizeEc2(ctx, 'ec2:DescribeIamInstanceProfileAssociations', '*');
  endDryRun(ctx);
  const ids = optList<string>(ctx, 'AssociationIds');
  const filters = optList<{ Name?: string; Values?: string[] }>(ctx, 'Filters') ?? [];
  const rows = Object.values(instancesOf(ctx.state))
    .filter((i) => i.region === ctx.region && i.association !== undefined)
    .filter((i) => !ids || ids.includes(i.association?.associationId ?? ''))
    .filter((i) =>
      filters.every((f) =>
        f.Name === 'instance-id'
          ? (f.Values ?? []).includes(i.instanceId)
          : f.Name === 'state'
            ? (f.Values ?? []).includes(i.association?.state ?? '')
            : true,
      ),
    );
  return { IamInstanceProfileAssociations: rows.map((i) => associationOut(i.instanceId, i.association as ProfileAssociation)) };
}

/** The instance-profile association operations. */
export const PROFILE_OPERATIONS: Record<string, OperationDefinition> = {
  AssociateIamInstanceProfile: { handler: associate, readOnly: false },
  ReplaceIamInstanceProfileAssociation: { handler: replace, readOnly: false },
  DisassociateIamInstanceProfile: { handler: disassociate, readOnly: false },
  DescribeIamInstanceProfileAssociations: { handler: describeAssociations, readOnly: true },
};
