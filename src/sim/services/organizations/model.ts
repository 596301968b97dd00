/**
 * The organization's parts as the Organizations API shows them: ARNs, targets (root, OU, account),
 * policies, and the errors Organizations answers when one is missing (API Reference, error types).
 */
import {
  FULL_AWS_ACCESS,
  orgPathOf,
  pathOf,
  RCP_FULL_AWS_ACCESS,
  type OrganizationPolicyState,
  type OrganizationState,
  type PolicyKind,
} from '../../world/organization.ts';
import { cliTimestamp } from '../../world/dates.ts';
import { fault, type ServiceFault } from '../errors.ts';

export type { PolicyKind };

/** Organizations policy type name of a policy kind. */
export const TYPE_NAME: Record<PolicyKind, string> = { scp: 'SERVICE_CONTROL_POLICY', rcp: 'RESOURCE_CONTROL_POLICY' };

/** The policy kind of an Organizations policy type name, or undefined when the world does not model it. */
export function policyKind(type: string): PolicyKind | undefined {
  return type === 'SERVICE_CONTROL_POLICY' ? 'scp' : type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : undefined;
}

/** A root, OU or account. */
export interface OrgTarget {
  id: string;
  arn: string;
  type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';
  name: string;
}

/** ARNs of the organization's parts (Service Authorization Reference, "Resource types defined by AWS Organizations"). */
export function orgArns(org: OrganizationState) {
  const base = `arn:aws:organizations::${org.managementAccountId}`;
  return {
    rootId: org.rootId,
    organization: `${base}:organization/${org.organizationId}`,
    root: `${base}:root/${org.organizationId}/${org.rootId}`,
    ou: (id: string) => `${base}:ou/${org.organizationId}/${id}`,
    account: (id: string) => `${base}:account/${org.organizationId}/${id}`,
    // AWS managed policies live in the aws account: arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess.
    policy: (p: Pick<OrganizationPolicyState, 'id' | 'kind' | 'awsManaged'>) =>
      p.awsManaged
        ? `arn:aws:organizations::aws:policy/${p.kind === 'scp' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`
        : `${base}:policy/${org.organizationId}/${p.kind === 'scp' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`,
  };
}

const TARGET_NOT_FOUND = "We can't find a root, OU, account, or policy with the TargetId that you specified.";

/** The target a TargetId names, or `error` (TargetNotFoundException by default). */
export function findTarget(
  org: OrganizationState,
  targetId: string,
  error: ServiceFault = fault('TargetNotFoundException', TARGET_NOT_FOUND, 400),
): OrgTarget {
  const arns = orgArns(org);
  if (targetId === org.rootId) return { id: targetId, arn: arns.root, type: 'ROOT', name: 'Root' };
  const ou = Object.hasOwn(org.units, targetId) ? org.units[targetId] : undefined;
  if (ou) return { id: ou.id, arn: arns.ou(ou.id), type: 'ORGANIZATIONAL_UNIT', name: ou.name };
  const account = Object.hasOwn(org.accounts, targetId) ? org.accounts[targetId] : undefined;
  if (account) return { id: account.id, arn: arns.account(account.id), type: 'ACCOUNT', name: account.name };
  throw error;
}

/** A root or OU named as a parent, or ParentNotFoundException (API Reference, ListChildren "Errors"). */
export function findParent(
  org: OrganizationState,
  parentId: string,
  error = fault('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified.", 400),
): OrgTarget {
  const target = findTarget(org, parentId, error);
  if (target.type === 'ACCOUNT') throw error;
  return target;
}

/** A policy by ID, or PolicyNotFoundException. */
export function findPolicy(org: OrganizationState, id: string): OrganizationPolicyState {
  const policy = Object.hasOwn(org.policies, id) ? org.policies[id] : undefined;
  if (!policy) throw fault('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.", 400);
  return policy;
}

/** The policies of one kind attached to a target, in attach order. */
export function attachedPolicies(org: OrganizationState, targetId: string, kind: PolicyKind): OrganizationPolicyState[] {
  return (org.attachments[targetId] ?? [])
    .map((id) => org.policies[id])
    .filter((p): p is OrganizationPolicyState => p !== undefined && p.kind === kind);
}

/** An account as the API prints it (API Reference, "Account" data type, members in botocore's order). */
export function accountOut(org: OrganizationState, accountId: string): Record<string, unknown> {
  const a = org.accounts[accountId];
  if (!a) return {};
  return {
    Id: a.id,
    Arn: orgArns(org).account(a.id),
    Email: a.email,
    Name: a.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: cliTimestamp(a.joinedTimestamp),
  };
}

/** An OU as the API prints it, with its path (`o-…/r-…/ou-…/`). */
export function ouOut(org: OrganizationState, ouId: string): Record<string, unknown> {
  const ou = org.units[ouId];
  if (!ou) return {};
  return { Id: ou.id, Arn: orgArns(org).ou(ou.id), Name: ou.name, Path: `${org.organizationId}/${pathOf(org, ou.id).join('/')}/` };
}

/** The policy types enabled on the root, as ListRoots prints them. */
export function rootPolicyTypes(org: OrganizationState): { Type: string; Status: string }[] {
  return org.enabledPolicyTypes.map((k) => ({ Type: TYPE_NAME[k], Status: 'ENABLED' }));
}

/** Attaches FullAWSAccess / RCPFullAWSAccess (per enabled type) to a target, as AWS does for new OUs and accounts. */
export function attachFullAccess(org: OrganizationState, targetId: string, kinds: readonly PolicyKind[] = org.enabledPolicyTypes): void {
  for (const kind of kinds) {
    const p = { ...(kind === 'scp' ? FULL_AWS_ACCESS : RCP_FULL_AWS_ACCESS) };
    org.policies[p.id] ??= p;
    const list = (org.attachments[targetId] ??= []);
    if (!list.includes(p.id)) list.push(p.id);
  }
}

/** The Organization data type (API Reference), members in botocore's order. */
export function organizationOut(org: OrganizationState): Record<string, unknown> {
  const arns = orgArns(org);
  return {
    Id: org.organizationId,
    Arn: arns.organization,
    FeatureSet: 'ALL',
    MasterAccountArn: arns.account(org.managementAccountId),
    MasterAccountId: org.managementAccountId,
    MasterAccountEmail: org.managementAccountEmail,
    AvailablePolicyTypes: rootPolicyTypes(org),
  };
}

export { orgPathOf };
