/**
 * The world's account as a member of an AWS Organizations organization: the SCPs and RCPs on its
 * path (root → OUs → account), each level a list of policies, every level must allow
 * (Organizations User Guide, "SCP evaluation", "RCP evaluation"). Set with
 * `createWorld({ organization })` or `world.setOrganization(...)`; the Organizations API (services/organizations) works on the same data.
 */
import type { OrganizationPolicies } from '../evaluate/types.ts';

/** One organization policy as a lesson writes it. */
export interface OrganizationPolicyInput {
  /** Policy name, e.g. `FullAWSAccess` or `DenyLeaveOrg`. */
  name: string;
  /** The JSON document. */
  document: string | Record<string, unknown>;
  /** Policy ID as Organizations shows it (`p-...`); derived from the name when absent. */
  id?: string;
}

/** The organization settings of a world. */
export interface OrganizationInput {
  /** Organization ID (`o-...`); default `o-dojo0example`. */
  organizationId?: string;
  /** Management account; default 999999999999 (the world's account is a member account). */
  managementAccountId?: string;
  /** SCPs per level, root first, the account's own level last. */
  serviceControlPolicies: OrganizationPolicyInput[][];
  /** RCPs per level; omitted = only the implicit RCPFullAWSAccess. */
  resourceControlPolicies?: OrganizationPolicyInput[][];
}

/** A policy created with the Organizations API (CreatePolicy), attached or not. */
export interface OrganizationPolicyState {
  id: string;
  name: string;
  description: string;
  kind: 'scp' | 'rcp';
  document: string;
}

/** The saved form: documents as text. */
export interface OrganizationState {
  organizationId: string;
  managementAccountId: string;
  scps: { name: string; id: string; document: string }[][];
  rcps?: { name: string; id: string; document: string }[][];
  /** Policies created through the API (CreatePolicy); attachments live in `scps`/`rcps`. */
  library?: OrganizationPolicyState[];
}

/** Validates and normalizes organization input; throws a clear Error on bad input. */
export function organizationState(input: OrganizationInput): OrganizationState {
  if (!input || !Array.isArray(input.serviceControlPolicies)) throw new Error('organization.serviceControlPolicies must be a list of levels (root first), each a list of policies');
  const organizationId = input.organizationId ?? 'o-dojo0example';
  const levels = (list: OrganizationPolicyInput[][], field: string) =>
    list.map((level, i) => {
      if (!Array.isArray(level)) throw new Error(`organization.${field}[${i}] must be a list of policies`);
      return level.map((p, j) => {
        if (!p || typeof p.name !== 'string' || p.document === undefined) throw new Error(`organization.${field}[${i}][${j}] needs a name and a document`);
        const id = p.id ?? `p-${p.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8).padEnd(8, '0')}`;
        return { name: p.name, id, document: typeof p.document === 'string' ? p.document : JSON.stringify(p.document, null, 2) };
      });
    });
  return {
    organizationId,
    managementAccountId: input.managementAccountId ?? '999999999999',
    scps: levels(input.serviceControlPolicies, 'serviceControlPolicies'),
    ...(input.resourceControlPolicies ? { rcps: levels(input.resourceControlPolicies, 'resourceControlPolicies') } : {}),
  };
}

/** What the engine needs for a request from (and to) the world's account. */
export function organizationPolicies(org: OrganizationState | undefined): OrganizationPolicies | undefined {
  if (!org) return undefined;
  const arn = (kind: string, id: string) => `arn:aws:organizations::${org.managementAccountId}:policy/${org.organizationId}/${kind}/${id}`;
  return {
    scps: org.scps.map((level) => level.map((p) => ({ id: arn('service_control_policy', p.id), policyType: 'scp' as const, arn: arn('service_control_policy', p.id), name: p.name, document: p.document }))),
    ...(org.rcps ? { rcps: org.rcps.map((level) => level.map((p) => ({ id: arn('resource_control_policy', p.id), policyType: 'rcp' as const, arn: arn('resource_control_policy', p.id), name: p.name, document: p.document }))) } : {}),
    managementAccountId: org.managementAccountId,
  };
}
