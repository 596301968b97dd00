/**
 * AWS Organizations, as far as a guardrails lesson needs it: the organization, its root, and SCP/RCP
 * management (create, describe, list, attach, detach, delete). The world's organization data
 * (world/organization.ts) is the single source of truth: attaching a policy to a level changes what
 * every later decision sees. Organizations is a global service logged in us-east-1
 * (Organizations User Guide, "Logging AWS Organizations API calls with AWS CloudTrail").
 */
import { parsePolicy } from '../../policy/parse.ts';
import type { OrganizationState, OrganizationPolicyState } from '../../world/organization.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { findTarget, orgArns, policyCatalog, policyKind, RCP_FULL_ACCESS, type OrgPolicy, type PolicyKind } from './model.ts';

const TYPE_NAME: Record<PolicyKind, string> = { scp: 'SERVICE_CONTROL_POLICY', rcp: 'RESOURCE_CONTROL_POLICY' };

/**
 * The organization, or AWSOrganizationsNotInUseException (API Reference, e.g. ListRoots "Errors"; the CLI
 * prints "Your account is not a member of an organization.", as in duo-labs/cloudmapper issue 733).
 */
function organizationOf(ctx: OperationContext): OrganizationState {
  const org = ctx.state.organization;
  if (!org) throw fault('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  return org;
}

/**
 * Policy operations "can be called only from the organization's management account" (API Reference,
 * "Reference: API operations by account"); a member account is answered AccessDeniedException
 * "You don't have permissions to access this resource." (the text real ListRoots/ListAccounts calls
 * from member accounts print, e.g. awslabs/aws-innovation-sandbox issue 6).
 */
function managementOrganization(ctx: OperationContext): OrganizationState {
  const org = organizationOf(ctx);
  if (ctx.state.accountId !== org.managementAccountId) throw fault('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  return org;
}

function summary(org: OrganizationState, p: OrgPolicy): Record<string, unknown> {
  return { Id: p.id, Arn: orgArns(org).policy(p), Name: p.name, Description: p.description, Type: TYPE_NAME[p.kind], AwsManaged: p.awsManaged };
}

function findPolicy(org: OrganizationState, id: string): OrgPolicy {
  const policy = policyCatalog(org).get(id);
  if (!policy) throw fault('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.", 400);
  return policy;
}

/** The policy a request names, authorized on its ARN (Service Authorization Reference: resource type policy). */
function authorizedPolicy(ctx: OperationContext, action: string): { org: OrganizationState; policy: OrgPolicy } {
  const org = organizationOf(ctx);
  const id = str(ctx, 'PolicyId');
  const known = policyCatalog(org).get(id);
  const arn = known ? orgArns(org).policy(known) : `arn:aws:organizations::${org.managementAccountId}:policy/${org.organizationId}/*/${id}`;
  ctx.authorize(action, arn, known ? { context: { 'organizations:PolicyType': TYPE_NAME[known.kind] } } : {});
  const managed = managementOrganization(ctx);
  return { org: managed, policy: findPolicy(managed, id) };
}

function describeOrganization(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:DescribeOrganization', '*');
  // Any account of the organization may call DescribeOrganization (API Reference, DescribeOrganization).
  const org = organizationOf(ctx);
  const arns = orgArns(org);
  const types = [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, ...(org.rcps ? [{ Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] : [])];
  return {
    Organization: {
      Id: org.organizationId,
      Arn: arns.organization,
      FeatureSet: 'ALL',
      MasterAccountArn: arns.account(org.managementAccountId),
      MasterAccountId: org.managementAccountId,
      MasterAccountEmail: `management@${org.organizationId}.example.com`,
      AvailablePolicyTypes: types,
    },
  };
}

function listRoots(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListRoots', '*');
  const org = managementOrganization(ctx);
  const root = findTarget(org, ctx.state.accountId, orgArns(org).rootId);
  const types = [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, ...(org.rcps ? [{ Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] : [])];
  return { Roots: [{ Id: root.id, Arn: root.arn, Name: 'Root', PolicyTypes: types }] };
}

function kindOfFilter(ctx: OperationContext): PolicyKind {
  const filter = str(ctx, 'Filter');
  const kind = policyKind(filter);
  if (!kind) throw fault('PolicyTypeNotEnabledException', `The simulator models only SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY, not ${filter}.`, 400);
  return kind;
}

function listPolicies(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListPolicies', '*');
  const org = managementOrganization(ctx);
  const kind = kindOfFilter(ctx);
  return { Policies: [...policyCatalog(org).values()].filter((p) => p.kind === kind).map((p) => summary(org, p)) };
}

function createPolicy(ctx: OperationContext): Record<string, unknown> {
  const type = str(ctx, 'Type');
  ctx.authorize('organizations:CreatePolicy', '*', { context: { 'organizations:PolicyType': type } });
  const org = managementOrganization(ctx);
  const kind = kindOfFilter({ ...ctx, params: { Filter: type } });
  const name = str(ctx, 'Name');
  const content = str(ctx, 'Content');
  const catalog = policyCatalog(org);
  if ([...catalog.values()].some((p) => p.name === name && p.kind === kind)) throw fault('DuplicatePolicyException', 'A policy with the same name already exists.', 400);
  // The content must be a valid policy of the declared type (Organizations User Guide, "SCP syntax", "RCP syntax").
  if (!parsePolicy(content, { policyType: kind }).ok) {
    throw fault('MalformedPolicyDocumentException', "The provided policy document doesn't meet the requirements of the specified policy type.", 400);
  }
  let id = `p-${ctx.ids.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`;
  while (catalog.has(id)) id = `p-${ctx.ids.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`;
  const stored: OrganizationPolicyState = { id, name, description: optStr(ctx, 'Description') ?? '', kind, document: content };
  org.library = [...(org.library ?? []), stored];
  const policy = findPolicy(org, id);
  return { Policy: { PolicySummary: summary(org, policy), Content: policy.document } };
}

function describePolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy } = authorizedPolicy(ctx, 'organizations:DescribePolicy');
  return { Policy: { PolicySummary: summary(org, policy), Content: policy.document } };
}

function deletePolicy(ctx: OperationContext): Record<string, unknown> {
  const { org, policy } = authorizedPolicy(ctx, 'organizations:DeletePolicy');
  const attached = (policy.kind === 'scp' ? org.scps : (org.rcps ?? [])).some((level) => level.some((p) => p.id === policy.id));
  if (policy.awsManaged) throw fault('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  if (attached) {
    throw fault('PolicyInUseException', 'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.', 400);
  }
  org.library = (org.library ?? []).filter((p) => p.id !== policy.id);
  return {};
}

/** The levels of one policy type; RCP levels are created on first use, each with RCPFullAWSAccess as AWS attaches it. */
function levelsOf(org: OrganizationState, kind: PolicyKind): OrganizationState['scps'] {
  if (kind === 'scp') return org.scps;
  org.rcps ??= org.scps.map(() => [{ ...RCP_FULL_ACCESS }]);
  while (org.rcps.length < org.scps.length) org.rcps.push([{ ...RCP_FULL_ACCESS }]);
  return org.rcps;
}

function attachment(ctx: OperationContext, action: string): { org: OrganizationState; policy: OrgPolicy; level: OrganizationState['scps'][number] } {
  const { org, policy } = authorizedPolicy(ctx, action);
  const target = findTarget(org, ctx.state.accountId, str(ctx, 'TargetId'));
  // AttachPolicy and DetachPolicy authorize on the target too (Service Authorization Reference).
  ctx.authorize(action, target.arn);
  const levels = levelsOf(org, policy.kind);
  while (levels.length <= target.level) levels.push([]);
  const level = levels[target.level];
  if (!level) throw fault('TargetNotFoundException', "We can't find a root, OU, account, or policy with the TargetId that you specified.", 400);
  return { org, policy, level };
}

function attachPolicy(ctx: OperationContext): Record<string, unknown> {
  const { policy, level } = attachment(ctx, 'organizations:AttachPolicy');
  if (level.some((p) => p.id === policy.id)) throw fault('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.', 400);
  level.push({ id: policy.id, name: policy.name, document: policy.document });
  return {};
}

function detachPolicy(ctx: OperationContext): Record<string, unknown> {
  const { policy, level } = attachment(ctx, 'organizations:DetachPolicy');
  const index = level.findIndex((p) => p.id === policy.id);
  if (index < 0) throw fault('PolicyNotAttachedException', "The policy isn't attached to the specified target in the specified root.", 400);
  // Every root, OU and account must keep at least one SCP (Organizations User Guide, "Detaching an SCP").
  if (policy.kind === 'scp' && level.length === 1) {
    throw fault(
      'ConstraintViolationException',
      'You have attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.',
      400,
    );
  }
  level.splice(index, 1);
  return {};
}

function listPoliciesForTarget(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const target = findTarget(org, ctx.state.accountId, str(ctx, 'TargetId'));
  ctx.authorize('organizations:ListPoliciesForTarget', target.arn);
  const managed = managementOrganization(ctx);
  const kind = kindOfFilter(ctx);
  const levels = kind === 'scp' ? managed.scps : (managed.rcps ?? managed.scps.map(() => [RCP_FULL_ACCESS]));
  const catalog = policyCatalog(managed);
  const attached = (levels[target.level] ?? []).map((p) => catalog.get(p.id)).filter((p): p is OrgPolicy => p !== undefined);
  return { Policies: attached.map((p) => summary(managed, p)) };
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
};
