/**
 * The world's AWS Organizations organization as a tree: one root, organizational units, member
 * accounts, and SCPs/RCPs attached to any of them. A request's SCPs are the levels on the path
 * root → OUs → account of the *principal's* account, its RCPs those of the *resource's* account;
 * every level must allow (Organizations User Guide, "SCP evaluation", "RCP evaluation").
 * Lessons can still describe a member account as policy levels (`createWorld({ organization })`):
 * level 0 is the root, the last level the world's account, the ones between a chain of OUs.
 */
import type { OrganizationPolicies, PolicySource } from '../evaluate/types.ts';

/** One organization policy as a lesson writes it. */
export interface OrganizationPolicyInput {
  /** Policy name, e.g. `FullAWSAccess` or `DenyLeaveOrg`. */
  name: string;
  /** The JSON document. */
  document: string | Record<string, unknown>;
  /** Policy ID as Organizations shows it (`p-...`); derived from the name when absent. */
  id?: string;
}

/** The organization settings of a world described as policy levels (the world's account is a member). */
export interface OrganizationInput {
  /** Organization ID (`o-...`); default `o-dojo0example`. */
  organizationId?: string;
  /** Management account; default 999999999999 (the world's account is a member account). */
  managementAccountId?: string;
  /** SCPs per level, root first, the account's own level last. */
  serviceControlPolicies: OrganizationPolicyInput[][];
  /** RCPs per level; omitted = RCPs not enabled (only the implicit RCPFullAWSAccess). */
  resourceControlPolicies?: OrganizationPolicyInput[][];
}

/** SCP or RCP. */
export type PolicyKind = 'scp' | 'rcp';

/** A policy of the organization (created with CreatePolicy, AWS managed, or given by a lesson). */
export interface OrganizationPolicyState {
  id: string;
  name: string;
  description: string;
  kind: PolicyKind;
  document: string;
  /** FullAWSAccess and RCPFullAWSAccess: cannot be changed or deleted. */
  awsManaged?: boolean;
}

/** An organizational unit. */
export interface OrganizationalUnitState {
  id: string;
  name: string;
  /** The root or OU it sits in. */
  parentId: string;
}

/** An account of the organization (simulated or not: the world may hold only some accounts' state). */
export interface OrganizationAccountState {
  id: string;
  name: string;
  email: string;
  parentId: string;
  joinedMethod: 'INVITED' | 'CREATED';
  joinedTimestamp: number;
}

/** The outcome of one CreateAccount request (DescribeCreateAccountStatus). */
export interface CreateAccountStatusState {
  id: string;
  accountName: string;
  state: 'SUCCEEDED' | 'FAILED';
  requestedTimestamp: number;
  completedTimestamp: number;
  accountId?: string;
  failureReason?: string;
}

/** The saved organization. */
export interface OrganizationState {
  organizationId: string;
  managementAccountId: string;
  managementAccountEmail: string;
  /** `r-` + 4 to 32 characters. */
  rootId: string;
  /** Policy types enabled on the root (SCPs are on for every organization the world makes). */
  enabledPolicyTypes: PolicyKind[];
  units: Record<string, OrganizationalUnitState>;
  accounts: Record<string, OrganizationAccountState>;
  policies: Record<string, OrganizationPolicyState>;
  /** Target (root, OU or account ID) → IDs of the policies attached to it, in attach order. */
  attachments: Record<string, string[]>;
  createAccountStatuses: Record<string, CreateAccountStatusState>;
  /** Service principal → epoch ms trusted access was enabled (EnableAWSServiceAccess); absent in older snapshots. */
  serviceAccess?: Record<string, number>;
  /** Account ID → service principal → epoch ms it became that service's delegated administrator; absent in older snapshots. */
  delegatedAdministrators?: Record<string, Record<string, number>>;
}

/** Whether `accountId` is a delegated administrator of the organization for `servicePrincipal` (any service when omitted). */
export function isDelegatedAdministrator(org: OrganizationState, accountId: string, servicePrincipal?: string): boolean {
  const services = org.delegatedAdministrators?.[accountId];
  if (!services) return false;
  return servicePrincipal === undefined ? Object.keys(services).length > 0 : Object.hasOwn(services, servicePrincipal);
}

/** FullAWSAccess, which AWS attaches to every root, OU and account when SCPs are enabled. */
export const FULL_AWS_ACCESS: OrganizationPolicyState = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  description: 'Allows access to every operation',
  kind: 'scp',
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
  awsManaged: true,
};

/** RCPFullAWSAccess, which AWS attaches to every root, OU and account (Organizations User Guide, "Resource control policies"). */
export const RCP_FULL_AWS_ACCESS: OrganizationPolicyState = {
  id: 'p-RCPFullAWSAccess',
  name: 'RCPFullAWSAccess',
  description: 'Allows access to every operation',
  kind: 'rcp',
  document: JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    null,
    2,
  ),
  awsManaged: true,
};

const AWS_MANAGED_NAMES = new Set(['FullAWSAccess', 'RCPFullAWSAccess']);

/** The root ID derived from an organization ID (`o-dojo0example` → `r-dojo`). */
export function rootIdOf(organizationId: string): string {
  return `r-${organizationId
    .replace(/^o-/, '')
    .replace(/[^0-9a-z]/g, '')
    .slice(0, 4)
    .padEnd(4, '0')}`;
}

/** An empty organization with `managementAccountId` as its management account, directly under the root. */
export function newOrganization(organizationId: string, managementAccountId: string, email: string, nowMs: number): OrganizationState {
  const rootId = rootIdOf(organizationId);
  return {
    organizationId,
    managementAccountId,
    managementAccountEmail: email,
    rootId,
    enabledPolicyTypes: ['scp'],
    units: {},
    accounts: {
      [managementAccountId]: {
        id: managementAccountId,
        name: 'Management',
        email,
        parentId: rootId,
        joinedMethod: 'INVITED',
        joinedTimestamp: nowMs,
      },
    },
    policies: { [FULL_AWS_ACCESS.id]: { ...FULL_AWS_ACCESS } },
    attachments: { [rootId]: [FULL_AWS_ACCESS.id], [managementAccountId]: [FULL_AWS_ACCESS.id] },
    createAccountStatuses: {},
  };
}

function text(document: string | Record<string, unknown>): string {
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}

/**
 * Builds the tree from policy levels: root (level 0), OUs `ou-<root>-0000000i` (levels 1 … n−2)
 * nested in order, the world's account under the last one. A one-level description attaches
 * FullAWSAccess to the account, as AWS does for every account (a target never has no SCP).
 */
export function organizationState(input: OrganizationInput, accountId: string, nowMs: number): OrganizationState {
  if (!input || !Array.isArray(input.serviceControlPolicies))
    throw new Error('organization.serviceControlPolicies must be a list of levels (root first), each a list of policies');
  const organizationId = input.organizationId ?? 'o-dojo0example';
  const managementAccountId = input.managementAccountId ?? '999999999999';
  const org = newOrganization(organizationId, managementAccountId, `management@${organizationId}.example.com`, nowMs);
  org.policies = {};
  org.attachments = {};
  const levelsIn = (list: OrganizationPolicyInput[][], field: string): OrganizationPolicyState[][] =>
    list.map((level, i) => {
      if (!Array.isArray(level)) throw new Error(`organization.${field}[${i}] must be a list of policies`);
      return level.map((p, j) => {
        if (!p || typeof p.name !== 'string' || p.document === undefined)
          throw new Error(`organization.${field}[${i}][${j}] needs a name and a document`);
        const id =
          p.id ??
          `p-${p.name
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
            .slice(0, 8)
            .padEnd(8, '0')}`;
        return {
          id,
          name: p.name,
          description: '',
          kind: field === 'serviceControlPolicies' ? 'scp' : 'rcp',
          document: text(p.document),
          ...(AWS_MANAGED_NAMES.has(p.name) ? { awsManaged: true } : {}),
        };
      });
    });
  const scps = levelsIn(input.serviceControlPolicies, 'serviceControlPolicies');
  const rcps = input.resourceControlPolicies ? levelsIn(input.resourceControlPolicies, 'resourceControlPolicies') : undefined;
  if (rcps) org.enabledPolicyTypes.push('rcp');
  applyLevels(org, accountId, scps, rcps, nowMs);
  return org;
}

/** Places `accountId` at the bottom of a chain of OUs and attaches the levels' policies. */
export function applyLevels(
  org: OrganizationState,
  accountId: string,
  scps: OrganizationPolicyState[][],
  rcps: OrganizationPolicyState[][] | undefined,
  nowMs: number,
): void {
  const depth = Math.max(scps.length, rcps?.length ?? 0, 2);
  const targets = [org.rootId];
  let parent = org.rootId;
  for (let level = 1; level < depth - 1; level++) {
    const id = `ou-${org.rootId.slice(2)}-${String(level).padStart(8, '0')}`;
    org.units[id] = { id, name: `Level ${level}`, parentId: parent };
    targets.push(id);
    parent = id;
  }
  targets.push(accountId);
  if (accountId !== org.managementAccountId) {
    org.accounts[accountId] = {
      id: accountId,
      name: `Account ${accountId}`,
      email: `account-${accountId}@example.com`,
      parentId: parent,
      joinedMethod: 'INVITED',
      joinedTimestamp: nowMs,
    };
  } else {
    const management = org.accounts[accountId];
    if (management) management.parentId = parent;
  }
  if (scps.length === 1) scps = [scps[0] ?? [], ...targets.slice(1).map(() => [{ ...FULL_AWS_ACCESS }])];
  for (const levels of [scps, rcps ?? []]) {
    levels.forEach((level, i) => {
      const target = targets[i];
      if (target === undefined) return;
      for (const p of level) {
        org.policies[p.id] ??= p;
        const list = (org.attachments[target] ??= []);
        if (!list.includes(p.id)) list.push(p.id);
      }
    });
  }
  for (const target of targets) org.attachments[target] ??= [];
}

/** Root first: the IDs of the root and OUs above a target, then the target itself. */
export function pathOf(org: OrganizationState, targetId: string): string[] {
  const path: string[] = [];
  let id: string | undefined = targetId;
  for (let guard = 0; id !== undefined && guard < 10; guard++) {
    path.unshift(id);
    if (id === org.rootId) return path;
    id = Object.hasOwn(org.units, id) ? org.units[id]?.parentId : Object.hasOwn(org.accounts, id) ? org.accounts[id]?.parentId : undefined;
  }
  return path[0] === org.rootId ? path : [];
}

/** The ARN under which the engine and explanations name an organization policy. */
export function policySourceArn(org: OrganizationState, p: Pick<OrganizationPolicyState, 'id' | 'kind'>): string {
  return `arn:aws:organizations::${org.managementAccountId}:policy/${org.organizationId}/${p.kind === 'scp' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`;
}

function levelsOf(org: OrganizationState, accountId: string, kind: PolicyKind): PolicySource[][] | undefined {
  if (!Object.hasOwn(org.accounts, accountId) || !org.enabledPolicyTypes.includes(kind)) return undefined;
  const path = pathOf(org, accountId);
  if (path.length === 0) return undefined;
  return path.map((target) =>
    (org.attachments[target] ?? [])
      .map((id) => (Object.hasOwn(org.policies, id) ? org.policies[id] : undefined))
      .filter((p): p is OrganizationPolicyState => p !== undefined && p.kind === kind)
      .map((p) => {
        const arn = policySourceArn(org, p);
        return { id: arn, policyType: kind, arn, name: p.name, document: p.document };
      }),
  );
}

/**
 * What the engine needs for one request: the SCPs of the principal's account and the RCPs of the
 * resource's account, when each is a member of the organization.
 */
export function organizationPolicies(
  org: OrganizationState | undefined,
  principalAccountId: string,
  resourceAccountId: string,
): OrganizationPolicies | undefined {
  if (!org) return undefined;
  const scps = levelsOf(org, principalAccountId, 'scp');
  const rcps = levelsOf(org, resourceAccountId, 'rcp');
  if (!scps && !rcps) return undefined;
  return { ...(scps ? { scps } : {}), ...(rcps ? { rcps } : {}), managementAccountId: org.managementAccountId };
}

/** The path of an account in the organization as `aws:PrincipalOrgPaths` writes it (`o-x/r-y/ou-z/`), or undefined. */
export function orgPathOf(org: OrganizationState | undefined, accountId: string): string | undefined {
  if (!org || !Object.hasOwn(org.accounts, accountId)) return undefined;
  const path = pathOf(org, accountId);
  if (path.length === 0) return undefined;
  return `${org.organizationId}/${path.slice(0, -1).join('/')}/`;
}
