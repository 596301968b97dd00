/**
 * External and public access findings, as IAM Access Analyzer's external access analyzer reports
 * them: resource-based policies (role trust policies, bucket policies, KMS key policies, Lambda
 * function policies) that grant access to a principal outside the zone of trust (the account, or
 * the organization's accounts), each with a witness principal and request that the engine allows.
 * Exact: the policy is compared (comparePolicies) with one that grants nothing, so every grant it
 * makes is found, including those under conditions (the witness carries the context that satisfies
 * them). A key or function witness is replayed on the resource's own ARN before it is reported.
 *
 * S3 Block Public Access: "Amazon S3 Block Public Access settings override the bucket policies
 * applied to the bucket" (IAM User Guide, "IAM Access Analyzer supported resource types", S3
 * buckets). With RestrictPublicBuckets on, a bucket whose policy is public is reachable only by
 * service principals and users of the owning account — "public and cross-account access within any
 * public bucket policy, including non-public delegation to specific accounts, is blocked" (S3 User
 * Guide, "Blocking public access to your Amazon S3 storage") — so such a bucket has no finding; a
 * non-public policy naming another account keeps its cross-account finding.
 */
import { comparePolicies, type Witness, type WitnessContextEntry } from './report.ts';
import { parsePolicy } from '../policy/parse.ts';
import { isPublicPolicy } from '../services/s3/public-access.ts';
import { simulateCustomPolicy } from '../simulate/custom.ts';
import type { AccountInput } from './principals.ts';
import { text } from './principals.ts';
import { ALLOW_ALL, OTHER_ACCOUNT, HOME_ACCOUNT } from './sides.ts';

/** One external grant. */
export interface AccessFinding {
  ResourceType: 'AWS::IAM::Role' | 'AWS::S3::Bucket' | 'AWS::KMS::Key' | 'AWS::Lambda::Function';
  Resource: string;
  /** The witness caller outside the zone of trust. */
  Principal: string;
  /** True when the caller is a principal the policy does not name: anyone may call. */
  IsPublic: boolean;
  Actions: string[];
  /** The request context the grant needs (conditions), empty when unconditional. */
  Condition: WitnessContextEntry[];
  /** One replayable request (SimulateCustomPolicy names, with CallerArn and the policy as ResourcePolicy). */
  Witness: Witness;
}

/** A bucket and its policy (and its Block Public Access setting, when one is set). */
export interface BucketPolicyInput {
  bucket: string;
  accountId: string;
  policy: string;
  /** The bucket's RestrictPublicBuckets setting (S3 PublicAccessBlockConfiguration). */
  restrictPublicBuckets?: boolean;
}

/** A KMS key or Lambda function and its resource-based policy. */
export interface ResourcePolicyTarget {
  ResourceType: 'AWS::KMS::Key' | 'AWS::Lambda::Function';
  /** The key or function ARN. */
  arn: string;
  accountId: string;
  policy: string;
}

const NOTHING_TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}';
const NOTHING_RESOURCE = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}';

/** Every grant outside the zone of trust (default: each resource's own account). */
export async function findExternalAccess(
  accounts: readonly AccountInput[],
  resources: readonly (BucketPolicyInput | ResourcePolicyTarget)[],
  zoneOfTrust?: readonly string[],
): Promise<AccessFinding[]> {
  const buckets = resources.filter((r): r is BucketPolicyInput => 'bucket' in r);
  const others = resources.filter((r): r is ResourcePolicyTarget => !('bucket' in r));
  const out: AccessFinding[] = [];
  const outside = (owner: string, caller: string): boolean => {
    const account = /::(\d{12}):/.exec(caller)?.[1] ?? '';
    return zoneOfTrust ? !zoneOfTrust.includes(account) : account !== owner;
  };
  const collect = (type: AccessFinding['ResourceType'], resource: string, owner: string, witnesses: Witness[]): void => {
    const byCaller = new Map<string, Witness[]>();
    for (const w of witnesses) {
      if (!w.CallerArn || !outside(owner, w.CallerArn)) continue;
      const key = `${w.CallerArn} ${JSON.stringify(w.ContextEntries)}`;
      byCaller.set(key, [...(byCaller.get(key) ?? []), w]);
    }
    for (const list of byCaller.values()) {
      const first = list[0] as Witness;
      const caller = first.CallerArn ?? '';
      // The comparison tries one caller the policy names nowhere: if it is allowed, so is anyone.
      const stranger = caller === `arn:aws:iam::${owner === OTHER_ACCOUNT ? HOME_ACCOUNT : OTHER_ACCOUNT}:user/dojo-witness`;
      out.push({
        ResourceType: type,
        Resource: resource,
        Principal: caller,
        IsPublic: stranger,
        Actions: [...new Set(list.map((w) => w.Action))].sort(),
        Condition: first.ContextEntries,
        Witness: { ...first, Resource: type === 'AWS::IAM::Role' ? resource : first.Resource },
      });
    }
  };
  for (const account of accounts) {
    const roles =
      (account.details as { RoleDetailList?: { Arn: string; RoleName: string; AssumeRolePolicyDocument?: unknown }[] }).RoleDetailList ??
      [];
    for (const role of roles) {
      if (role.AssumeRolePolicyDocument === undefined) continue;
      const owner = /::(\d{12}):/.exec(role.Arn)?.[1] ?? account.accountId ?? HOME_ACCOUNT;
      const trust = text(role.AssumeRolePolicyDocument, `${role.RoleName} trust policy`);
      const r = await comparePolicies(NOTHING_TRUST, trust, { policyType: 'trust', resourceAccountId: owner });
      collect('AWS::IAM::Role', role.Arn, owner, r.NewlyAllowed);
    }
  }
  for (const b of buckets) {
    const parsed = b.restrictPublicBuckets === true ? parsePolicy(b.policy, { policyType: 'resource' }) : undefined;
    if (parsed?.ok && isPublicPolicy(parsed.policy)) continue;
    const r = await comparePolicies(NOTHING_RESOURCE, b.policy, { policyType: 'resource', resourceAccountId: b.accountId });
    collect('AWS::S3::Bucket', `arn:aws:s3:::${b.bucket}`, b.accountId, r.NewlyAllowed);
  }
  for (const t of others) {
    const r = await comparePolicies(NOTHING_RESOURCE, t.policy, { policyType: 'resource', resourceAccountId: t.accountId });
    const onResource = r.NewlyAllowed.flatMap((w) => {
      const here = { ...w, Resource: t.arn };
      return replaysAllowed(here, t) ? [here] : [];
    });
    collect(t.ResourceType, t.arn, t.accountId, onResource);
  }
  return out;
}

/** True when the witness, moved onto the resource's own ARN, is still allowed by its policy. */
function replaysAllowed(w: Witness, t: ResourcePolicyTarget): boolean {
  const caller = w.CallerArn ?? '';
  const outside = !caller.includes(`::${t.accountId}:`);
  const out = simulateCustomPolicy({
    PolicyInputList: outside ? [ALLOW_ALL] : [],
    ActionNames: [w.Action],
    ResourceArns: [w.Resource],
    ContextEntries: w.ContextEntries,
    ResourcePolicy: t.policy,
    CallerArn: caller,
    ResourceOwner: t.accountId,
  });
  return out.EvaluationResults[0]?.EvalDecision === 'allowed';
}
