/**
 * The organization's structure as the Organizations API shows it, derived from the world's levels
 * (root first, OUs, the account's own level last): target IDs and ARNs, and the policy catalog
 * (every policy attached somewhere plus the ones created and not attached).
 */
import type { OrganizationState } from '../../world/organization.ts';
import { fault } from '../errors.ts';

/** SCP or RCP. */
export type PolicyKind = 'scp' | 'rcp';

/** One policy as Organizations lists it. */
export interface OrgPolicy {
  id: string;
  name: string;
  description: string;
  kind: PolicyKind;
  document: string;
  awsManaged: boolean;
}

/** A root, OU or account, with the index of its level. */
export interface OrgTarget {
  id: string;
  arn: string;
  level: number;
}

/** RCPFullAWSAccess, which AWS attaches to every root, OU and account (Organizations User Guide, "Resource control policies"). */
export const RCP_FULL_ACCESS = {
  id: 'p-RCPFullAWSAccess',
  name: 'RCPFullAWSAccess',
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 2),
};

const AWS_MANAGED = new Set(['FullAWSAccess', 'RCPFullAWSAccess']);

/** The policy kind of an Organizations policy type name, or undefined when the world does not model it. */
export function policyKind(type: string): PolicyKind | undefined {
  return type === 'SERVICE_CONTROL_POLICY' ? 'scp' : type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : undefined;
}

/** ARNs of the organization's parts (Service Authorization Reference, "Resource types defined by AWS Organizations"). */
export function orgArns(org: OrganizationState) {
  const base = `arn:aws:organizations::${org.managementAccountId}`;
  const rootId = `r-${org.organizationId.replace(/^o-/, '').replace(/[^0-9a-z]/g, '').slice(0, 4).padEnd(4, '0')}`;
  return {
    rootId,
    organization: `${base}:organization/${org.organizationId}`,
    root: `${base}:root/${org.organizationId}/${rootId}`,
    ou: (id: string) => `${base}:ou/${org.organizationId}/${id}`,
    account: (id: string) => `${base}:account/${org.organizationId}/${id}`,
    // AWS managed policies live in the aws account: arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess.
    policy: (p: Pick<OrgPolicy, 'id' | 'kind' | 'awsManaged'>) =>
      p.awsManaged
        ? `arn:aws:organizations::aws:policy/${p.kind === 'scp' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`
        : `${base}:policy/${org.organizationId}/${p.kind === 'scp' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`,
  };
}

/** The OU ID of level `level` (1 … n−2). */
function ouId(org: OrganizationState, level: number): string {
  return `ou-${orgArns(org).rootId.slice(2)}-${String(level).padStart(8, '0')}`;
}

/** The target a TargetId names: the root (level 0), an OU between, or the world's account (last level). */
export function findTarget(org: OrganizationState, accountId: string, targetId: string): OrgTarget {
  const arns = orgArns(org);
  const levels = Math.max(org.scps.length, 2);
  if (targetId === arns.rootId) return { id: targetId, arn: arns.root, level: 0 };
  if (targetId === accountId) return { id: targetId, arn: arns.account(accountId), level: levels - 1 };
  for (let level = 1; level < levels - 1; level++) {
    if (targetId === ouId(org, level)) return { id: targetId, arn: arns.ou(targetId), level };
  }
  throw fault('TargetNotFoundException', "We can't find a root, OU, account, or policy with the TargetId that you specified.", 400);
}

/** Every policy of the organization by ID: created ones first, then the ones only attached. */
export function policyCatalog(org: OrganizationState): Map<string, OrgPolicy> {
  const out = new Map<string, OrgPolicy>();
  for (const p of org.library ?? []) out.set(p.id, { ...p, awsManaged: false });
  const add = (kind: PolicyKind, levels: OrganizationState['scps'] | undefined) => {
    for (const level of levels ?? []) {
      for (const p of level) if (!out.has(p.id)) out.set(p.id, { id: p.id, name: p.name, description: '', kind, document: p.document, awsManaged: AWS_MANAGED.has(p.name) });
    }
  };
  add('scp', org.scps);
  add('rcp', org.rcps);
  return out;
}
