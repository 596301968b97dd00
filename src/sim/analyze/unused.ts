/**
 * Unused access, as IAM Access Analyzer's unused access analyzer reports it (IAM User Guide,
 * "Create an IAM Access Analyzer unused access analyzer":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-unused.html, and
 * "Working with findings": https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-work-with-findings.html):
 * unused roles, unused user access keys and passwords, and the unused services of active users and
 * roles. Only what has existed for the whole tracking period is judged ("only permissions that are
 * at least 90 days old will be analyzed"). Pure: the input is what IAM itself prints.
 */

/** The finding types of Access Analyzer's unused access analyzer. */
export type UnusedFindingType = 'UnusedIAMRole' | 'UnusedIAMUserAccessKey' | 'UnusedIAMUserPassword' | 'UnusedPermission';

/** One unused access finding. */
export interface UnusedAccessFinding {
  FindingType: UnusedFindingType;
  /** The user or role ARN. */
  Resource: string;
  ResourceType: 'AWS::IAM::User' | 'AWS::IAM::Role';
  ResourceOwnerAccount: string;
  /** The last use before the window (ISO), absent when never used. */
  LastAccessed?: string;
  /** The key, for UnusedIAMUserAccessKey. */
  AccessKeyId?: string;
  /** For UnusedPermission: each granted service not used in the window, with its last use. */
  UnusedServices?: { ServiceNamespace: string; LastAccessed?: string }[];
}

/** One service row of a service last accessed report (GetServiceLastAccessedDetails). */
export interface ServiceUse {
  ServiceNamespace: string;
  LastAuthenticated?: string;
}

/** What the analysis reads about one user or role (all as IAM prints it). */
export interface EntityUsage {
  arn: string;
  kind: 'user' | 'role';
  accountId: string;
  createDate: string;
  /** Roles: RoleLastUsed.LastUsedDate. */
  roleLastUsed?: string;
  /** Users: the console password, when there is one. */
  password?: { createDate: string; lastUsed?: string };
  /** Users: the access keys. */
  accessKeys?: { id: string; status: string; createDate: string; lastUsed?: string }[];
  /** The entity's service last accessed report. */
  services: ServiceUse[];
}

/** The tracking period Access Analyzer allows (1 to 365 days; 90 unless set). */
export const UNUSED_DAYS = { min: 1, max: 365, default: 90 } as const;

/** Every unused access finding for the entities, over `days` days before `nowMs`. */
export function findUnusedAccess(
  entities: readonly EntityUsage[],
  nowMs: number,
  days: number = UNUSED_DAYS.default,
): UnusedAccessFinding[] {
  if (!Number.isInteger(days) || days < UNUSED_DAYS.min || days > UNUSED_DAYS.max)
    throw new RangeError(`The tracking period must be a whole number of days from ${UNUSED_DAYS.min} to ${UNUSED_DAYS.max} (got ${days}).`);
  const start = nowMs - days * 86_400_000;
  const old = (iso: string) => Date.parse(iso) <= start;
  const unused = (iso: string | undefined) => iso === undefined || Date.parse(iso) < start;
  const out: UnusedAccessFinding[] = [];
  for (const e of entities) {
    const base = {
      Resource: e.arn,
      ResourceType: e.kind === 'user' ? ('AWS::IAM::User' as const) : ('AWS::IAM::Role' as const),
      ResourceOwnerAccount: e.accountId,
    };
    const last = (iso: string | undefined) => (iso !== undefined ? { LastAccessed: iso } : {});
    let active = true;
    if (e.kind === 'role' && old(e.createDate) && unused(e.roleLastUsed)) {
      out.push({ FindingType: 'UnusedIAMRole', ...base, ...last(e.roleLastUsed) });
      active = false;
    }
    if (e.kind === 'user') {
      // A user is active when some credential of it was used in the window.
      const uses = [e.password?.lastUsed, ...(e.accessKeys ?? []).map((k) => k.lastUsed)];
      active = uses.some((u) => !unused(u));
      if (e.password && old(e.password.createDate) && unused(e.password.lastUsed))
        out.push({ FindingType: 'UnusedIAMUserPassword', ...base, ...last(e.password.lastUsed) });
      for (const k of e.accessKeys ?? []) {
        if (k.status === 'Active' && old(k.createDate) && unused(k.lastUsed))
          out.push({ FindingType: 'UnusedIAMUserAccessKey', ...base, AccessKeyId: k.id, ...last(k.lastUsed) });
      }
    }
    // Unused permissions are reported for active users and roles only; an unused role is its own finding.
    if (active && old(e.createDate)) {
      const services = e.services
        .filter((s) => unused(s.LastAuthenticated))
        .map((s) => ({ ServiceNamespace: s.ServiceNamespace, ...last(s.LastAuthenticated) }));
      if (services.length > 0) out.push({ FindingType: 'UnusedPermission', ...base, UnusedServices: services });
    }
  }
  return out;
}
