/**
 * Reads `aws iam get-account-authorization-details` JSON into what the AccountExplorer shows:
 * principals, their policies (attached, inline, through groups), and who each policy is attached to.
 * Every field is read defensively — an imported file may be anything — and unknown shapes are skipped.
 */

/** A policy as the explorer lists it. */
export interface PolicyView {
  /** Stable key: the managed policy ARN, or `<owner>/inline/<name>`. */
  key: string;
  name: string;
  kind: 'managed' | 'inline';
  /** Pretty-printed document, or a note when it could not be read. */
  document: string;
  /** Who it applies to: `user/alice`, `group/devs`, `role/Admin`. */
  attachedTo: string[];
}

/** A user, group or role. */
export interface PrincipalView {
  key: string;
  kind: 'user' | 'group' | 'role';
  name: string;
  arn: string;
  /** For users: group names. */
  groups: string[];
  /** Keys of policies that apply directly. */
  policies: string[];
  /** Keys of policies that apply through groups (users only). */
  viaGroups: { group: string; policy: string }[];
  boundary: string | null;
  trustPolicy: string | null;
}

/** The explorer's model of one account. */
export interface AccountView {
  principals: PrincipalView[];
  policies: Map<string, PolicyView>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Builds the explorer's model from authorization details. */
export function readAccount(details: unknown): AccountView {
  const root = obj(details);
  const policies = new Map<string, PolicyView>();
  const principals: PrincipalView[] = [];

  for (const p of list(root['Policies']).map(obj)) {
    const arn = str(p['Arn']);
    if (!arn) continue;
    const versions = list(p['PolicyVersionList']).map(obj);
    const current =
      versions.find((v) => v['IsDefaultVersion'] === true) ?? versions.find((v) => str(v['VersionId']) === str(p['DefaultVersionId']));
    policies.set(arn, {
      key: arn,
      name: str(p['PolicyName']) || arn,
      kind: 'managed',
      document: prettyDocument(current?.['Document']),
      attachedTo: [],
    });
  }

  const attach = (owner: string, entity: Obj, inlineField: string): string[] => {
    const keys: string[] = [];
    for (const m of list(entity['AttachedManagedPolicies']).map(obj)) {
      const arn = str(m['PolicyArn']);
      if (!arn) continue;
      if (!policies.has(arn))
        policies.set(arn, {
          key: arn,
          name: str(m['PolicyName']) || arn,
          kind: 'managed',
          document: '(document not included in the details)',
          attachedTo: [],
        });
      policies.get(arn)!.attachedTo.push(owner);
      keys.push(arn);
    }
    for (const inline of list(entity[inlineField]).map(obj)) {
      const key = `${owner}/inline/${str(inline['PolicyName'])}`;
      policies.set(key, {
        key,
        name: str(inline['PolicyName']),
        kind: 'inline',
        document: prettyDocument(inline['PolicyDocument']),
        attachedTo: [owner],
      });
      keys.push(key);
    }
    return keys;
  };

  const groupPolicies = new Map<string, string[]>();
  for (const g of list(root['GroupDetailList']).map(obj)) {
    const name = str(g['GroupName']);
    const keys = attach(`group/${name}`, g, 'GroupPolicyList');
    groupPolicies.set(name, keys);
    principals.push({
      key: `group/${name}`,
      kind: 'group',
      name,
      arn: str(g['Arn']),
      groups: [],
      policies: keys,
      viaGroups: [],
      boundary: null,
      trustPolicy: null,
    });
  }
  for (const u of list(root['UserDetailList']).map(obj)) {
    const name = str(u['UserName']);
    const groups = list(u['GroupList']).map(str).filter(Boolean);
    principals.push({
      key: `user/${name}`,
      kind: 'user',
      name,
      arn: str(u['Arn']),
      groups,
      policies: attach(`user/${name}`, u, 'UserPolicyList'),
      viaGroups: groups.flatMap((group) => (groupPolicies.get(group) ?? []).map((policy) => ({ group, policy }))),
      boundary: str(obj(u['PermissionsBoundary'])['PermissionsBoundaryArn']) || null,
      trustPolicy: null,
    });
  }
  for (const r of list(root['RoleDetailList']).map(obj)) {
    const name = str(r['RoleName']);
    principals.push({
      key: `role/${name}`,
      kind: 'role',
      name,
      arn: str(r['Arn']),
      groups: [],
      policies: attach(`role/${name}`, r, 'RolePolicyList'),
      viaGroups: [],
      boundary: str(obj(r['PermissionsBoundary'])['PermissionsBoundaryArn']) || null,
      trustPolicy: r['AssumeRolePolicyDocument'] === undefined ? null : prettyDocument(r['AssumeRolePolicyDocument']),
    });
  }
  return { principals, policies };
}

/** A policy document as readable JSON: IAM returns URL-encoded text; imports may hold objects. */
export function prettyDocument(doc: unknown): string {
  if (doc === undefined || doc === null) return '(no document)';
  if (typeof doc !== 'string') return JSON.stringify(doc, null, 2);
  let text = doc;
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // not URL-encoded after all: show it as it is
    }
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
