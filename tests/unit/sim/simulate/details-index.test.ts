// simulatePrincipalPolicy indexes an account-details object once: repeated questions against the
// same details do not scan its users, groups, roles and managed policies again; changed lists are
// indexed again, so an edit is never answered from a stale index.
import { expect, test } from 'vitest';
import { simulatePrincipalPolicy } from '../../../../src/sim/simulate/principal.ts';
import type { AccountAuthorizationDetails } from '../../../../src/sim/simulate/types.ts';

const ACCT = '111122223333';
const allow = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

/** An array whose element reads are counted (a scan reads every element). */
function counted<T>(items: T[], counter: { reads: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function details(counter: { reads: number }): AccountAuthorizationDetails {
  const policies = Array.from({ length: 50 }, (_, i) => ({
    PolicyName: `p${i}`,
    PolicyId: `ANPA${i}`,
    Arn: `arn:aws:iam::${ACCT}:policy/p${i}`,
    DefaultVersionId: 'v1',
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: allow(`s3:Get${i}`) }],
  }));
  const users = Array.from({ length: 50 }, (_, i) => ({
    UserName: `u${i}`,
    UserId: `AIDA${i}`,
    Arn: `arn:aws:iam::${ACCT}:user/u${i}`,
    Path: '/',
    GroupList: [],
    AttachedManagedPolicies: [{ PolicyName: `p${i}`, PolicyArn: `arn:aws:iam::${ACCT}:policy/p${i}` }],
    UserPolicyList: [],
  }));
  return {
    UserDetailList: counted(users, counter),
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: counted(policies, counter),
  } as unknown as AccountAuthorizationDetails;
}

test('repeated simulations against one details object scan it once', () => {
  const counter = { reads: 0 };
  const d = details(counter);
  const ask = (user: number) =>
    simulatePrincipalPolicy(d, {
      PolicySourceArn: `arn:aws:iam::${ACCT}:user/u${user}`,
      ActionNames: [`s3:Get${user}`],
      ResourceArns: ['*'],
    }).EvaluationResults[0]?.EvalDecision;
  expect(ask(49)).toBe('allowed');
  const afterFirst = counter.reads;
  for (let i = 0; i < 20; i += 1) expect(ask(i)).toBe('allowed');
  expect(counter.reads - afterFirst).toBe(0);
});

test('a details object whose lists changed is indexed again', () => {
  const d = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] } as unknown as AccountAuthorizationDetails;
  const input = { PolicySourceArn: `arn:aws:iam::${ACCT}:user/late`, ActionNames: ['s3:GetObject'], ResourceArns: ['*'] };
  expect(() => simulatePrincipalPolicy(d, input)).toThrow();
  (d.UserDetailList as unknown[]).push({
    UserName: 'late',
    Arn: `arn:aws:iam::${ACCT}:user/late`,
    Path: '/',
    UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: allow('s3:GetObject') }],
  });
  expect(simulatePrincipalPolicy(d, input).EvaluationResults[0]?.EvalDecision).toBe('allowed');
});
