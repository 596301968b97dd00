/**
 * The principals of one or more accounts as the engine sees them, read from the output of
 * `aws iam get-account-authorization-details` (world.exportAuthorizationDetails()): a user's
 * inline and managed policies plus its groups', a role's, the default version of each managed
 * policy, the permissions boundary, the trust policy, and the context SimulatePrincipalPolicy
 * derives from the principal (aws:username, aws:PrincipalArn, aws:PrincipalTag/*...).
 */
import { parseCached } from '../evaluate/policy-cache.ts';
import type { ContextValue, PolicySource, RequestPrincipal } from '../evaluate/types.ts';
import type { AccountAuthorizationDetails, AttachedPolicy, InlinePolicy, ManagedPolicyDetail, Tag } from '../simulate/types.ts';
import { AnalysisError } from './errors.ts';

/** One account's IAM export and the SCPs on its path (root → OUs → account), if it is in an organization. */
export interface AccountInput {
  accountId?: string;
  details: AccountAuthorizationDetails | object;
  /** SCP documents per level, root first; undefined = not in an organization. */
  scps?: (string | Record<string, unknown>)[][];
}

/** A principal (user, role or group) ready to be decided for. */
export interface AnalyzedPrincipal {
  kind: 'user' | 'role' | 'group';
  arn: string;
  name: string;
  accountId: string;
  /** Who acts: the user, a session of the role, or a member of the group. */
  principal: RequestPrincipal;
  identity: PolicySource[];
  boundary?: PolicySource;
  trust?: PolicySource;
  context: Record<string, ContextValue>;
  /** Customer managed policies attached (directly or through groups), by ARN. */
  managed: ManagedPolicyDetail[];
  /** Group names (users only). */
  groups: string[];
  scps?: PolicySource[][];
}

/** Reads every principal of the accounts. Throws AnalysisError for documents that do not parse. */
export function readPrincipals(
  accounts: readonly AccountInput[],
  documentOf: (arn: string) => string | undefined = () => undefined,
): AnalyzedPrincipal[] {
  const out: AnalyzedPrincipal[] = [];
  for (const account of accounts) {
    const d = account.details as AccountAuthorizationDetails;
    const managed = new Map((d.Policies ?? []).map((p) => [p.Arn, p]));
    const accountOf = (arn: string): string => /^arn:[a-z-]+:iam::(\d{12}):/.exec(arn)?.[1] ?? account.accountId ?? '';
    const scps = account.scps?.map((level, i) =>
      level.map((doc, j) => source(`scp-${i + 1}-${j + 1}`, 'scp', text(doc, `SCP ${i + 1}.${j + 1}`))),
    );
    const managedSource = (a: AttachedPolicy, type: 'identity' | 'boundary'): PolicySource => {
      const m = managed.get(a.PolicyArn);
      const version =
        m?.PolicyVersionList?.find((v) => v.IsDefaultVersion) ??
        m?.PolicyVersionList?.find((v) => v.VersionId === m.DefaultVersionId) ??
        m?.PolicyVersionList?.[0];
      const doc = version ? text(version.Document, a.PolicyArn) : documentOf(a.PolicyArn);
      if (doc === undefined)
        throw new AnalysisError('BAD_INPUT', {
          detail: `The managed policy ${a.PolicyArn} is attached but its document is not in the details (Policies).`,
        });
      return { ...source(a.PolicyArn, type, doc), arn: a.PolicyArn, name: a.PolicyName ?? a.PolicyArn.split('/').pop() ?? a.PolicyArn };
    };
    const inline = (list: InlinePolicy[] | undefined, owner: string): PolicySource[] =>
      (list ?? []).map((p) => ({
        ...source(`${owner}/${p.PolicyName}`, 'identity', text(p.PolicyDocument, p.PolicyName)),
        name: p.PolicyName,
      }));
    const customer = (list: AttachedPolicy[] | undefined): ManagedPolicyDetail[] =>
      (list ?? [])
        .map((a) => managed.get(a.PolicyArn))
        .filter((m): m is ManagedPolicyDetail => m !== undefined && !m.Arn.startsWith('arn:aws:iam::aws:'));
    const groups = new Map((d.GroupDetailList ?? []).map((g) => [g.GroupName, g]));
    for (const g of d.GroupDetailList ?? []) {
      const accountId = accountOf(g.Arn);
      out.push({
        kind: 'group',
        arn: g.Arn,
        name: g.GroupName,
        accountId,
        principal: { type: 'IAMUser', arn: `arn:aws:iam::${accountId}:user/SimulatedGroupMember`, accountId },
        identity: [
          ...inline(g.GroupPolicyList, `group/${g.GroupName}`),
          ...(g.AttachedManagedPolicies ?? []).map((a) => managedSource(a, 'identity')),
        ],
        context: {},
        managed: customer(g.AttachedManagedPolicies),
        groups: [],
        ...(scps ? { scps } : {}),
      });
    }
    for (const u of d.UserDetailList ?? []) {
      const accountId = accountOf(u.Arn);
      const identity = [
        ...inline(u.UserPolicyList, `user/${u.UserName}`),
        ...(u.AttachedManagedPolicies ?? []).map((a) => managedSource(a, 'identity')),
      ];
      const mine = customer(u.AttachedManagedPolicies);
      for (const name of u.GroupList ?? []) {
        const g = groups.get(name);
        if (!g) continue;
        identity.push(
          ...inline(g.GroupPolicyList, `group/${g.GroupName}`),
          ...(g.AttachedManagedPolicies ?? []).map((a) => managedSource(a, 'identity')),
        );
        mine.push(...customer(g.AttachedManagedPolicies));
      }
      const p: AnalyzedPrincipal = {
        kind: 'user',
        arn: u.Arn,
        name: u.UserName,
        accountId,
        principal: { type: 'IAMUser', arn: u.Arn, accountId },
        identity,
        context: principalContext(
          { 'aws:username': u.UserName, ...(u.UserId ? { 'aws:userid': u.UserId } : {}) },
          u.Arn,
          accountId,
          'User',
          u.Tags,
        ),
        managed: mine,
        groups: u.GroupList ?? [],
        ...(scps ? { scps } : {}),
      };
      if (u.PermissionsBoundary) p.boundary = managedSource({ PolicyArn: u.PermissionsBoundary.PermissionsBoundaryArn }, 'boundary');
      out.push(p);
    }
    for (const r of d.RoleDetailList ?? []) {
      const accountId = accountOf(r.Arn);
      const session = `arn:aws:sts::${accountId}:assumed-role/${r.RoleName}/escalation`;
      const p: AnalyzedPrincipal = {
        kind: 'role',
        arn: r.Arn,
        name: r.RoleName,
        accountId,
        principal: {
          type: 'AssumedRole',
          arn: session,
          sessionArn: session,
          roleArn: r.Arn,
          accountId,
          ...(r.Path?.startsWith('/aws-service-role/') ? { isServiceLinkedRole: true } : {}),
        },
        identity: [
          ...inline(r.RolePolicyList, `role/${r.RoleName}`),
          ...(r.AttachedManagedPolicies ?? []).map((a) => managedSource(a, 'identity')),
        ],
        context: principalContext({}, r.Arn, accountId, 'AssumedRole', r.Tags),
        managed: customer(r.AttachedManagedPolicies),
        groups: [],
        ...(scps ? { scps } : {}),
      };
      if (r.AssumeRolePolicyDocument !== undefined)
        p.trust = source(`trust/${r.RoleName}`, 'trust', text(r.AssumeRolePolicyDocument, `${r.RoleName} trust policy`));
      if (r.PermissionsBoundary) p.boundary = managedSource({ PolicyArn: r.PermissionsBoundary.PermissionsBoundaryArn }, 'boundary');
      out.push(p);
    }
  }
  return out;
}

function principalContext(
  base: Record<string, ContextValue>,
  arn: string,
  accountId: string,
  type: string,
  tags: Tag[] | undefined,
): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {
    ...base,
    'aws:PrincipalArn': arn,
    'aws:PrincipalAccount': accountId,
    'aws:PrincipalType': type,
  };
  for (const t of tags ?? []) out[`aws:PrincipalTag/${t.Key}`] = t.Value;
  return out;
}

/** A document as the CLI prints it (object), as the API sends it (URL-encoded), or as text. */
export function text(doc: unknown, what: string): string {
  if (typeof doc === 'string') {
    const t = doc.trim();
    if (/^%7b/i.test(t)) {
      try {
        return decodeURIComponent(t);
      } catch {
        throw new AnalysisError('BAD_INPUT', { detail: `The document of ${what} is not JSON or URL-encoded JSON.` });
      }
    }
    return doc;
  }
  if (typeof doc === 'object' && doc !== null) return JSON.stringify(doc);
  throw new AnalysisError('BAD_INPUT', { detail: `The document of ${what} is missing.` });
}

function source(id: string, policyType: PolicySource['policyType'], document: string): PolicySource {
  const parsed = parseCached(document, policyType);
  if (!parsed.ok)
    throw new AnalysisError('POLICY_INVALID', {
      side: 'world',
      index: '',
      policyType,
      detail: `${id}: ${parsed.errors[0]?.message ?? 'invalid'}`,
    });
  return { id, policyType, document: parsed.policy };
}
