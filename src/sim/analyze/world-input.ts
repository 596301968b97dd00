/**
 * The analyses over a simulated world, through its public API only (accountIds,
 * exportAuthorizationDetails, organization, trail, decisionsFor, fork): the CLI and the worker
 * both call these, so they answer alike.
 */
import { awsManagedDocument, loadAwsManagedDocuments } from '../managed/index.ts';
import { organizationPolicies } from '../world/organization.ts';
import type { World } from '../world/index.ts';
import { findEscalationPaths, type EscalationOptions, type EscalationPath } from './escalation.ts';
import { findExternalAccess, type AccessFinding, type BucketPolicyInput, type ResourcePolicyTarget } from './findings.ts';
import { generatePolicyFromTrail, type GeneratedPolicy } from './generate.ts';
import { readPrincipals, type AccountInput } from './principals.ts';
import { AnalysisError } from './errors.ts';
import { findUnusedAccess, type EntityUsage, type ServiceUse, type UnusedAccessFinding } from './unused.ts';

const AWS_MANAGED = /arn:aws[a-z-]*:iam::aws:policy\/[\w+=,.@/-]+/g;

/** Every account of the world with its IAM export and the SCPs on its path; AWS managed documents loaded. */
export async function worldAccounts(world: World): Promise<AccountInput[]> {
  const org = world.organization();
  const accounts = world.accountIds().map((accountId) => {
    const scps = organizationPolicies(org, accountId, accountId)?.scps?.map((level) =>
      level.map((p) => (typeof p.document === 'string' ? p.document : p.document.text)),
    );
    return { accountId, details: world.exportAuthorizationDetails(accountId), ...(scps ? { scps } : {}) };
  });
  await loadAwsManagedDocuments(new Set(JSON.stringify(accounts).match(AWS_MANAGED) ?? []));
  return accounts;
}

/** Escalation paths over every account of the world. */
export async function worldEscalationPaths(world: World, options: Pick<EscalationOptions, 'target'> = {}): Promise<EscalationPath[]> {
  const accounts = await worldAccounts(world);
  const org = world.organization();
  return findEscalationPaths(accounts, {
    ...options,
    managedPolicyDocument: (arn) => awsManagedDocument(arn),
    ...(org ? { managementAccountId: org.managementAccountId } : {}),
  });
}

/** The least-privilege policy the world's trail proves for a user or role. */
export async function worldGeneratedPolicy(world: World, principalArn: string, since?: string, until?: string): Promise<GeneratedPolicy> {
  const accountId = /^arn:[a-z-]+:iam::(\d{12}):(user|role)\//.exec(principalArn)?.[1];
  if (accountId === undefined || !world.accountIds().includes(accountId))
    throw new AnalysisError('BAD_INPUT', { detail: `${principalArn} is not a user or role ARN of an account in this world.` });
  const details = world.exportAuthorizationDetails(accountId);
  await loadAwsManagedDocuments(new Set(JSON.stringify(details).match(AWS_MANAGED) ?? []));
  const principal = readPrincipals([{ accountId, details }], (arn) => awsManagedDocument(arn)).find(
    (p) => p.arn === principalArn && p.kind !== 'group',
  );
  if (!principal) throw new AnalysisError('BAD_INPUT', { detail: `There is no user or role ${principalArn} in this world.` });
  const currentPolicies = principal.identity.map((s) => (typeof s.document === 'string' ? s.document : s.document.text));
  return generatePolicyFromTrail({
    records: world.trail(accountId).Records,
    principalArn,
    currentPolicies,
    decisionsFor: (id) => world.decisionsFor(id),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  });
}

/**
 * External and public access findings of the world (zone of trust: the organization, or each
 * account): role trust policies, bucket policies (with their Block Public Access setting), KMS key
 * policies and Lambda function policies of the primary account.
 */
export async function worldAccessFindings(world: World): Promise<AccessFinding[]> {
  const accounts = world.accountIds().map((accountId) => ({ accountId, details: world.exportAuthorizationDetails(accountId) }));
  // Resource policies are read as the root user on a copy, so the analysis leaves no trail records.
  const copy = world.fork();
  const accountId = world.accountIds()[0] ?? '';
  const json = async <T>(line: string): Promise<T | undefined> => {
    const r = await copy.run(`${line} --output json`);
    return r.exitCode === 0 ? (JSON.parse(r.stdout || '{}') as T) : undefined;
  };
  const resources: (BucketPolicyInput | ResourcePolicyTarget)[] = [];
  for (const { Name: bucket } of (await json<{ Buckets?: { Name: string }[] }>('aws s3api list-buckets'))?.Buckets ?? []) {
    const policy = (await json<{ Policy?: string }>(`aws s3api get-bucket-policy --bucket ${bucket}`))?.Policy;
    if (!policy) continue;
    const block = await json<{ PublicAccessBlockConfiguration?: { RestrictPublicBuckets?: boolean } }>(
      `aws s3api get-public-access-block --bucket ${bucket}`,
    );
    const restrict = block?.PublicAccessBlockConfiguration?.RestrictPublicBuckets === true;
    resources.push({ bucket, accountId, policy, ...(restrict ? { restrictPublicBuckets: true } : {}) });
  }
  for (const { KeyArn, KeyId } of (await json<{ Keys?: { KeyId: string; KeyArn: string }[] }>('aws kms list-keys'))?.Keys ?? []) {
    const policy = (await json<{ Policy?: string }>(`aws kms get-key-policy --key-id ${KeyId} --policy-name default`))?.Policy;
    if (policy) resources.push({ ResourceType: 'AWS::KMS::Key', arn: KeyArn, accountId, policy });
  }
  const functions = (await json<{ Functions?: { FunctionName: string; FunctionArn: string }[] }>('aws lambda list-functions'))?.Functions;
  for (const { FunctionName, FunctionArn } of functions ?? []) {
    const policy = (await json<{ Policy?: string }>(`aws lambda get-policy --function-name ${FunctionName}`))?.Policy;
    if (policy) resources.push({ ResourceType: 'AWS::Lambda::Function', arn: FunctionArn, accountId, policy });
  }
  const org = world.organization();
  const zone = org ? [...new Set([...Object.keys(org.accounts), org.managementAccountId])] : undefined;
  return findExternalAccess(accounts, resources, zone);
}

/**
 * Unused access findings of the world's primary account over `days` days. IAM's own answers are
 * read as the root user on a copy (list-users, get-role, list-access-keys, get-access-key-last-used,
 * get-login-profile, and a service last accessed report per user and role), so the world keeps no
 * trace of the analysis.
 */
export async function worldUnusedAccess(world: World, days?: number): Promise<UnusedAccessFinding[]> {
  const copy = world.fork();
  const accountId = world.accountIds()[0] ?? '';
  const json = async <T>(line: string): Promise<T | undefined> => {
    const r = await copy.run(`${line} --output json`);
    return r.exitCode === 0 ? (JSON.parse(r.stdout || '{}') as T) : undefined;
  };
  const services = async (arn: string): Promise<ServiceUse[]> => {
    const job = await json<{ JobId: string }>(`aws iam generate-service-last-accessed-details --arn ${arn}`);
    if (!job) throw new AnalysisError('BAD_INPUT', { detail: `IAM gave no last accessed report for ${arn}.` });
    return (
      (await json<{ ServicesLastAccessed: ServiceUse[] }>(`aws iam get-service-last-accessed-details --job-id ${job.JobId}`))
        ?.ServicesLastAccessed ?? []
    );
  };
  const entities: EntityUsage[] = [];
  const users =
    (await json<{ Users: { UserName: string; Arn: string; CreateDate: string; PasswordLastUsed?: string }[] }>('aws iam list-users'))
      ?.Users ?? [];
  for (const u of users) {
    const profile = await json<{ LoginProfile: { CreateDate: string } }>(`aws iam get-login-profile --user-name ${u.UserName}`);
    const keys =
      (
        await json<{ AccessKeyMetadata: { AccessKeyId: string; Status: string; CreateDate: string }[] }>(
          `aws iam list-access-keys --user-name ${u.UserName}`,
        )
      )?.AccessKeyMetadata ?? [];
    const accessKeys = [];
    for (const k of keys) {
      const used = await json<{ AccessKeyLastUsed: { LastUsedDate?: string } }>(
        `aws iam get-access-key-last-used --access-key-id ${k.AccessKeyId}`,
      );
      const lastUsed = used?.AccessKeyLastUsed.LastUsedDate;
      accessKeys.push({ id: k.AccessKeyId, status: k.Status, createDate: k.CreateDate, ...(lastUsed !== undefined ? { lastUsed } : {}) });
    }
    const password = profile
      ? { createDate: profile.LoginProfile.CreateDate, ...(u.PasswordLastUsed !== undefined ? { lastUsed: u.PasswordLastUsed } : {}) }
      : undefined;
    entities.push({
      arn: u.Arn,
      kind: 'user',
      accountId,
      createDate: u.CreateDate,
      accessKeys,
      ...(password ? { password } : {}),
      services: await services(u.Arn),
    });
  }
  const roles = (await json<{ Roles: { RoleName: string; Arn: string; Path: string }[] }>('aws iam list-roles'))?.Roles ?? [];
  // Service-linked roles are AWS's to manage; Access Analyzer does not report them.
  for (const r of roles.filter((x) => !x.Path.startsWith('/aws-service-role/'))) {
    const got = await json<{ Role: { CreateDate: string; RoleLastUsed?: { LastUsedDate?: string } } }>(
      `aws iam get-role --role-name ${r.RoleName}`,
    );
    if (!got) continue;
    const roleLastUsed = got.Role.RoleLastUsed?.LastUsedDate;
    entities.push({
      arn: r.Arn,
      kind: 'role',
      accountId,
      createDate: got.Role.CreateDate,
      ...(roleLastUsed !== undefined ? { roleLastUsed } : {}),
      services: await services(r.Arn),
    });
  }
  try {
    return findUnusedAccess(entities, world.clock.nowMs(), days);
  } catch (error) {
    if (error instanceof RangeError) throw new AnalysisError('BAD_INPUT', { detail: error.message });
    throw error;
  }
}
