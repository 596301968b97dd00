/**
 * External and public access findings, as IAM Access Analyzer's external access analyzer reports
 * them: resource-based policies (role trust policies, bucket policies) that grant access to a
 * principal outside the zone of trust (the account, or the organization's accounts), each with a
 * witness principal and request that the engine allows. Exact: the policy is compared
 * (comparePolicies) with one that grants nothing, so every grant it makes is found, including those
 * under conditions (the witness carries the context that satisfies them).
 */
import { comparePolicies, type Witness, type WitnessContextEntry } from './report.ts';
import type { AccountInput } from './principals.ts';
import { text } from './principals.ts';
import { OTHER_ACCOUNT, HOME_ACCOUNT } from './sides.ts';

/** One external grant. */
export interface AccessFinding {
  ResourceType: 'AWS::IAM::Role' | 'AWS::S3::Bucket';
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

/** A bucket and its policy. */
export interface BucketPolicyInput {
  bucket: string;
  accountId: string;
  policy: string;
}

const NOTHING_TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}';
const NOTHING_RESOURCE = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}';

/** Every grant outside the zone of trust (default: each resource's own account). */
export async function findExternalAccess(
  accounts: readonly AccountInput[],
  buckets: readonly BucketPolicyInput[],
  zoneOfTrust?: readonly string[],
): Promise<AccessFinding[]> {
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
    const r = await comparePolicies(NOTHING_RESOURCE, b.policy, { policyType: 'resource', resourceAccountId: b.accountId });
    collect('AWS::S3::Bucket', `arn:aws:s3:::${b.bucket}`, b.accountId, r.NewlyAllowed);
  }
  return out;
}
