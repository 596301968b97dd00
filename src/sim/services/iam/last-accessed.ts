/**
 * Service last accessed data (IAM User Guide, "Refine permissions in AWS using last accessed
 * information": https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html;
 * IAM API Reference, "GenerateServiceLastAccessedDetails" and "GetServiceLastAccessedDetails").
 * The report is computed from the account's CloudTrail records (every attempt counts, denied ones
 * too, as AWS says) and from the entity's permissions policies only (no boundaries, SCPs or resource
 * policies, as the API reference says). The job completes at once and its report is kept in the
 * account so that a later Get answers what was true when the job ran.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { own, type AccountState } from '../../world/state.ts';
import { fault, noSuchEntity } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { managedPolicyDocument, roleIdentitySources, userIdentitySources } from '../policy-sources.ts';
import { SIMULATED_SERVICES } from '../specs/index.ts';

/** How far back IAM reports activity ("at least the last 400 days", API reference). */
const TRACKING_PERIOD_MS = 400 * 24 * 3600 * 1000;

/**
 * Services whose management actions report action last accessed information. AWS's list
 * ("IAM action last accessed information services and actions") began with S3 and grew to EC2, IAM
 * and Lambda (AWS Security Blog, "Review last accessed information to identify unused EC2, IAM, and
 * Lambda permissions", 2023) and keeps growing; the simulator tracks these four of its services.
 */
export const ACTION_TRACKED_SERVICES: ReadonlySet<string> = new Set(['s3', 'ec2', 'iam', 'lambda']);

/** The names the IAM console and API give the simulated services. */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  iam: 'AWS Identity and Access Management',
  sts: 'AWS Security Token Service',
  s3: 'Amazon S3',
  cloudtrail: 'AWS CloudTrail',
  organizations: 'AWS Organizations',
  lambda: 'AWS Lambda',
  ec2: 'Amazon EC2',
  kms: 'AWS Key Management Service',
};

/** One stored job: its request and the report it produced. */
export interface LastAccessedJob {
  /** The ARN of the caller that generated it: only that caller may read it (API reference, "JobId"). */
  callerArn: string;
  granularity: 'SERVICE_LEVEL' | 'ACTION_LEVEL';
  createdMs: number;
  services: Record<string, unknown>[];
}

type Target = { documents: string[]; entityArns: Set<string>; roleArns: Set<string> };

/** The policies and the acting entities (users, roles) of a user, group, role or managed policy ARN. */
function resolveTarget(state: AccountState, arn: string): Target {
  const m = /^arn:aws:iam::(\d{12}|aws):(user|group|role|policy)(\/.*)?\/([^/]+)$/.exec(arn);
  if (!m) throw fault('InvalidInput', `ARN ${arn} is not valid.`);
  const [, account, kind, , name] = m as unknown as [string, string, string, string, string];
  const docsOf = (sources: { document: unknown }[]) => sources.map((s) => (typeof s.document === 'string' ? s.document : ''));
  const users = Object.values(state.users);
  const roles = Object.values(state.roles);
  if (kind === 'policy') {
    const document = managedPolicyDocument(state, arn);
    if (document === undefined || (account !== 'aws' && account !== state.accountId)) throw noSuchEntity(`Policy ${arn} was not found.`);
    const groups = Object.values(state.groups).filter((g) => g.attachedPolicies.includes(arn));
    const memberNames = new Set(groups.flatMap((g) => g.members));
    const entityArns = new Set(users.filter((u) => u.attachedPolicies.includes(arn) || memberNames.has(u.name)).map((u) => u.arn));
    const roleArns = new Set(roles.filter((r) => r.attachedPolicies.includes(arn)).map((r) => r.arn));
    return { documents: [document], entityArns, roleArns };
  }
  if (account !== state.accountId) throw noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  if (kind === 'user') {
    const user = users.find((u) => u.arn === arn);
    if (!user) throw noSuchEntity(`The user with name ${name} cannot be found.`);
    return { documents: docsOf(userIdentitySources(state, user)), entityArns: new Set([user.arn]), roleArns: new Set() };
  }
  if (kind === 'role') {
    const role = roles.find((r) => r.arn === arn);
    if (!role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
    return { documents: docsOf(roleIdentitySources(state, role)), entityArns: new Set(), roleArns: new Set([role.arn]) };
  }
  const group = Object.values(state.groups).find((g) => g.arn === arn);
  if (!group) throw noSuchEntity(`The group with name ${name} cannot be found.`);
  const documents = [
    ...group.inlinePolicies.map((p) => p.document),
    ...group.attachedPolicies.map((a) => managedPolicyDocument(state, a) ?? ''),
  ];
  return { documents, entityArns: new Set(users.filter((u) => group.members.includes(u.name)).map((u) => u.arn)), roleArns: new Set() };
}

/**
 * The service prefixes an Allow statement of the documents names. `*`, a service-wide wildcard
 * such as `*:Get*`, or NotAction reach every service; the simulator then lists the services it
 * implements (AWS would list all of its services).
 */
export function allowedServices(documents: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of documents) {
    let doc: { Statement?: unknown };
    try {
      doc = JSON.parse(text) as { Statement?: unknown };
    } catch {
      continue; // An unreadable document allows nothing (fail closed).
    }
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    for (const s of statements as Record<string, unknown>[]) {
      if (s['Effect'] !== 'Allow') continue;
      if (s['NotAction'] !== undefined) SIMULATED_SERVICES.forEach((p) => out.add(p));
      const actions = ([] as unknown[]).concat(s['Action'] ?? []);
      for (const a of actions) {
        if (typeof a !== 'string') continue;
        const colon = a.indexOf(':');
        const prefix = colon < 0 ? a : a.slice(0, colon).toLowerCase();
        if (/[*?]/.test(prefix)) SIMULATED_SERVICES.forEach((p) => out.add(p));
        else out.add(prefix);
      }
    }
  }
  return out;
}

interface Attempt {
  service: string;
  action: string;
  entity: string;
  region: string;
  ms: number;
  data: boolean;
}

/** The entity ARN behind a record (the user, or the role of a role session), or undefined. */
function actingEntity(identity: Record<string, unknown> | undefined): string | undefined {
  if (!identity) return undefined;
  if (identity['type'] === 'IAMUser') return identity['arn'] as string;
  const issuer = (identity['sessionContext'] as { sessionIssuer?: { type?: string; arn?: string } } | undefined)?.sessionIssuer;
  return identity['type'] === 'AssumedRole' && issuer?.type === 'Role' ? issuer.arn : undefined;
}

function attempts(state: AccountState, target: Target, sinceMs: number): Attempt[] {
  const out: Attempt[] = [];
  for (const r of state.records) {
    const entity = actingEntity(r['userIdentity'] as Record<string, unknown> | undefined);
    if (entity === undefined || !(target.entityArns.has(entity) || target.roleArns.has(entity))) continue;
    const ms = Date.parse(String(r['eventTime']));
    if (!(ms >= sinceMs)) continue;
    const source = String(r['eventSource'] ?? '');
    out.push({
      service: source.replace(/\.amazonaws\.com$/, ''),
      action: String(r['eventName']),
      entity,
      region: String(r['awsRegion']),
      ms,
      data: r['eventCategory'] === 'Data',
    });
  }
  return out;
}

/** The report rows for a target, as GetServiceLastAccessedDetails prints them. */
export function lastAccessedReport(
  state: AccountState,
  arn: string,
  granularity: LastAccessedJob['granularity'],
  nowMs: number,
): Record<string, unknown>[] {
  const target = resolveTarget(state, arn);
  const seen = attempts(state, target, nowMs - TRACKING_PERIOD_MS);
  const rows = [...allowedServices(target.documents)].map((prefix) => {
    const mine = seen.filter((a) => a.service === prefix);
    const row: Record<string, unknown> = { ServiceName: SERVICE_NAMES[prefix] ?? prefix, ServiceNamespace: prefix };
    const last = mine.reduce<Attempt | undefined>((best, a) => (best === undefined || a.ms >= best.ms ? a : best), undefined);
    if (last) {
      row['LastAuthenticated'] = cliTimestamp(last.ms);
      row['LastAuthenticatedEntity'] = last.entity;
      row['LastAuthenticatedRegion'] = last.region;
    }
    row['TotalAuthenticatedEntities'] = new Set(mine.map((a) => a.entity)).size;
    if (granularity === 'ACTION_LEVEL' && ACTION_TRACKED_SERVICES.has(prefix)) {
      // Only management actions report (the user guide's "Things to know"); data events do not.
      const management = mine.filter((a) => !a.data);
      const byAction = new Map<string, Attempt>();
      for (const a of management) if ((byAction.get(a.action)?.ms ?? -1) <= a.ms) byAction.set(a.action, a);
      if (byAction.size > 0) {
        row['TrackedActionsLastAccessed'] = [...byAction.values()]
          .sort((x, y) => x.action.localeCompare(y.action))
          .map((a) => ({
            ActionName: a.action,
            LastAccessedEntity: a.entity,
            LastAccessedTime: cliTimestamp(a.ms),
            LastAccessedRegion: a.region,
          }));
      }
    }
    return row;
  });
  return rows.sort((a, b) => String(a['ServiceName']).localeCompare(String(b['ServiceName'])));
}

function generate(ctx: OperationContext): Record<string, unknown> {
  const arn = str(ctx, 'Arn');
  ctx.authorize('iam:GenerateServiceLastAccessedDetails', arn);
  const granularity = optStr(ctx, 'Granularity') === 'ACTION_LEVEL' ? 'ACTION_LEVEL' : 'SERVICE_LEVEL';
  const services = lastAccessedReport(ctx.state, arn, granularity, ctx.nowMs);
  const jobId = ctx.ids.uuid();
  ctx.state.serviceLastAccessedJobs = {
    ...(ctx.state.serviceLastAccessedJobs ?? {}),
    [jobId]: { callerArn: ctx.caller.arn, granularity, createdMs: ctx.nowMs, services },
  };
  return { JobId: jobId };
}

function get(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetServiceLastAccessedDetails', '*');
  const jobId = str(ctx, 'JobId');
  const job = own(ctx.state.serviceLastAccessedJobs ?? {}, jobId);
  // The same user or role must read the job it generated (API reference, "JobId"); AWS does not
  // document the error, so another caller's job answers as an unknown one.
  if (!job || job.callerArn !== ctx.caller.arn) throw noSuchEntity(`The job with ID ${jobId} cannot be found.`);
  return {
    JobStatus: 'COMPLETED',
    JobType: job.granularity,
    JobCreationDate: cliTimestamp(job.createdMs),
    ServicesLastAccessed: job.services,
    JobCompletionDate: cliTimestamp(job.createdMs),
    IsTruncated: false,
  };
}

/** The last accessed operations. */
export const LAST_ACCESSED_OPERATIONS: Record<string, OperationDefinition> = {
  GenerateServiceLastAccessedDetails: { handler: generate, readOnly: false },
  GetServiceLastAccessedDetails: { handler: get, readOnly: true },
};
