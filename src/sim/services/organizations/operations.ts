/**
 * AWS Organizations, as far as a guardrails lesson needs it: the organization, its root, and SCP/RCP
 * management (create, describe, list, attach, detach, delete). The world's organization data
 * (world/organization.ts) is the single source of truth: attaching a policy to a level changes what
 * every later decision sees. Organizations is a global service logged in us-east-1
 * (Organizations User Guide, "Logging AWS Organizations API calls with AWS CloudTrail").
 */
import { parsePolicy } from '../../policy/parse.ts';
import { type OrganizationPolicyState, type OrganizationState } from '../../world/organization.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { managementOrganization, organizationOf, readableOrganization } from './access.ts';
import { DELEGATION_OPERATIONS } from './delegation.ts';
import {
  attachedPolicies,
  attachFullAccess,
  findPolicy,
  findTarget,
  organizationOut,
  orgArns,
  policyKind,
  rootPolicyTypes,
  TYPE_NAME,
  type PolicyKind,
} from './model.ts';
import { STRUCTURE_OPERATIONS } from './structure.ts';

function summary(org: OrganizationState, p: OrganizationPolicyState): Record<string, unknown> {
  return {
    Id: p.id,
    Arn: orgArns(org).policy(p),
    Name: p.name,
    Description: p.description,
    Type: TYPE_NAME[p.kind],
    AwsManaged: p.awsManaged === true,
  };
}

/** The policy a request names, authorized on its ARN (Service Authorization Reference: resource type policy). */
function authorizedPolicy(
  ctx: OperationContext,
  action: string,
  read = false,
): { org: OrganizationState; policy: OrganizationPolicyState } {
  const org = organizationOf(ctx);
  const id = str(ctx, 'PolicyId');
  const known = Object.hasOwn(org.policies, id) ? org.policies[id] : undefined;
  const arn = known ? orgArns(org).policy(known) : `arn:aws:organizations::${org.managementAccountId}:policy/${org.organizationId}/*/${id}`;
  ctx.authorize(action, arn, known ? { context: { 'organizations:PolicyType': TYPE_NAME[known.kind] } } : {});
  const managed = read ? readableOrganization(ctx) : managementOrganization(ctx);
  return { org: managed, policy: findPolicy(managed, id) };
}

function describeOrganization(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:DescribeOrganization', '*');
  // Any account of the organization may call DescribeOrganization (API Reference, DescribeOrganization).
  return { Organization: organizationOut(organizationOf(ctx)) };
}

function listRoots(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListRoots', '*');
  const org = readableOrganization(ctx);
  const root = findTarget(org, org.rootId);
  return { Roots: [{ Id: root.id, Arn: root.arn, Name: 'Root', PolicyTypes: rootPolicyTypes(org) }] };
}

function kindOfFilter(ctx: OperationContext): PolicyKind {
  const filter = str(ctx, 'Filter');
  const kind = policyKind(filter);
  if (!kind)
    throw fault(
      'PolicyTypeNotEnabledException',
      `The simulator models only SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY, not ${filter}.`,
      400,
    );
  return kind;
}

function listPolicies(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListPolicies', '*');
  const org = readableOrganization(ctx);
  const kind = kindOfFilter(ctx);
  return {
    Policies: Object.values(org.policies)
      .filter((p) => p.kind === kind)
      .map((p) => summary(org, p)),
  };
}

function createPolicy(ctx: OperationContext): Record<string, unknown> {
  const type = str(ctx, 'Type');
  ctx.authorize('organizations:CreatePolicy', '*', { context: { 'organizations:PolicyType': type } });
  const org = managementOrganization(ctx);
  const kind = kindOfFilter({ ...ctx, params: { Filter: type } });
  const name = str(ctx, 'Name');
  const content = str(ctx, 'Content');
  if (Object.values(org.policies).some((p) => p.name === name && p.kind === kind))
    throw fault('DuplicatePolicyException', 'A policy with the same name already exists.', 400);
  // The content must be a valid policy of the declared type (Organizations User Guide, "SCP syntax", "RCP syntax").
  if (!parsePolicy(content, { policyType: kind }).ok) {
    throw fault(
      'MalformedPolicyDocumentException',
      "The provided policy document doesn't meet the requirements of the specified policy type.",
      400,
    );
  }
  let id = `p-${ctx.ids.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`;
  while (Object.hasOwn(org.policies, id)) id = `p-${ctx.ids.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`;
  const policy: OrganizationPolicyState = { id, name, description: optStr(ctx, 'Description') ?? '', kind, document: content };
  org.policies[id] = policy;
  return { Policy: { PolicySummary: summary(org, policy), Content: policy.document } };
}

function describePolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy } = authorizedPolicy(ctx, 'organizations:DescribePolicy', true);
  return { Policy: { PolicySummary: summary(org, policy), Content: policy.document } };
}

function deletePolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy } = authorizedPolicy(ctx, 'organizations:DeletePolicy');
  const attached = Object.values(org.attachments).some((ids) => ids.includes(policy.id));
  if (policy.awsManaged) throw fault('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  if (attached) {
    throw fault(
      'PolicyInUseException',
      'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
      400,
    );
  }
  delete org.policies[policy.id];
  return {};
}

function attachment(
  ctx: OperationContext,
  action: string,
): { org: OrganizationState; policy: OrganizationPolicyState; attached: string[] } {
  const { org, policy } = authorizedPolicy(ctx, action);
  const target = findTarget(org, str(ctx, 'TargetId'));
  // AttachPolicy and DetachPolicy authorize on the target too (Service Authorization Reference).
  ctx.authorize(action, target.arn);
  if (!org.enabledPolicyTypes.includes(policy.kind)) {
    throw fault(
      'PolicyTypeNotEnabledException',
      "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
      400,
    );
  }
  return { org, policy, attached: (org.attachments[target.id] ??= []) };
}

function attachPolicy(ctx: OperationContext): Record<string, unknown> {
  const { policy, attached } = attachment(ctx, 'organizations:AttachPolicy');
  if (attached.includes(policy.id))
    throw fault('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.', 400);
  attached.push(policy.id);
  return {};
}

function detachPolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy, attached } = attachment(ctx, 'organizations:DetachPolicy');
  const index = attached.indexOf(policy.id);
  if (index < 0) throw fault('PolicyNotAttachedException', "The policy isn't attached to the specified target in the specified root.", 400);
  // Every root, OU and account must keep at least one SCP (Organizations User Guide, "Detaching an SCP").
  if (policy.kind === 'scp' && attached.filter((id) => org.policies[id]?.kind === 'scp').length === 1) {
    throw fault(
      'ConstraintViolationException',
      'You have attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.',
      400,
    );
  }
  attached.splice(index, 1);
  return {};
}

function listPoliciesForTarget(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const target = findTarget(org, str(ctx, 'TargetId'));
  ctx.authorize('organizations:ListPoliciesForTarget', target.arn);
  const managed = readableOrganization(ctx);
  const kind = kindOfFilter(ctx);
  return { Policies: attachedPolicies(managed, target.id, kind).map((p) => summary(managed, p)) };
}

function listTargetsForPolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy } = authorizedPolicy(ctx, 'organizations:ListTargetsForPolicy', true);
  const targets = Object.entries(org.attachments)
    .filter(([, ids]) => ids.includes(policy.id))
    .map(([id]) => findTarget(org, id));
  return { Targets: targets.map((t) => ({ TargetId: t.id, Arn: t.arn, Name: t.name, Type: t.type })) };
}

function enablePolicyType(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const rootId = str(ctx, 'RootId');
  const rootArn = orgArns(org).root;
  ctx.authorize(
    'organizations:EnablePolicyType',
    rootId === org.rootId ? rootArn : `arn:aws:organizations::${org.managementAccountId}:root/${org.organizationId}/${rootId}`,
    { context: { 'organizations:PolicyType': str(ctx, 'PolicyType') } },
  );
  managementOrganization(ctx);
  if (rootId !== org.rootId) throw fault('RootNotFoundException', "We can't find a root with the RootId that you specified.", 400);
  const kind = kindOfFilter({ ...ctx, params: { Filter: str(ctx, 'PolicyType') } });
  if (org.enabledPolicyTypes.includes(kind))
    throw fault('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled in the specified root.', 400);
  org.enabledPolicyTypes.push(kind);
  // Enabling a type attaches its full-access policy to the root, every OU and every account (Organizations User Guide, "Enabling a policy type").
  for (const target of [org.rootId, ...Object.keys(org.units), ...Object.keys(org.accounts)]) attachFullAccess(org, target, [kind]);
  return { Root: { Id: org.rootId, Arn: rootArn, Name: 'Root', PolicyTypes: rootPolicyTypes(org) } };
}

/** Organizations operations by API name. */
export const ORGANIZATIONS_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  DescribeOrganization: { handler: describeOrganization, readOnly: true },
  ListRoots: { handler: listRoots, readOnly: true },
  ListPolicies: { handler: listPolicies, readOnly: true },
  CreatePolicy: { handler: createPolicy, readOnly: false },
  DescribePolicy: { handler: describePolicy, readOnly: true },
  DeletePolicy: { handler: deletePolicy, readOnly: false },
  AttachPolicy: { handler: attachPolicy, readOnly: false },
  DetachPolicy: { handler: detachPolicy, readOnly: false },
  ListPoliciesForTarget: { handler: listPoliciesForTarget, readOnly: true },
  ListTargetsForPolicy: { handler: listTargetsForPolicy, readOnly: true },
  EnablePolicyType: { handler: enablePolicyType, readOnly: false },
  ...STRUCTURE_OPERATIONS,
  ...DELEGATION_OPERATIONS,
};
