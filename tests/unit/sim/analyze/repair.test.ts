/**
 * repairRequest: the blocking layer and edits that allow a denied request, each re-decided by the
 * engine; guardrail edits are labelled. Layers follow IAM User Guide, "Policy evaluation logic":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { describe, expect, it } from 'vitest';
import { repairRequest } from '../../../../src/sim/analyze/repair.ts';
import { authorize } from '../../../../src/sim/evaluate/authorize.ts';
import type { AuthorizationRequest, PolicySource } from '../../../../src/sim/evaluate/types.ts';

const doc = (...Statement: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const src = (id: string, policyType: PolicySource['policyType'], document: string): PolicySource => ({
  id,
  policyType,
  name: id,
  document,
});
const user = { type: 'IAMUser' as const, arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' };
const base = (over: Partial<AuthorizationRequest>): AuthorizationRequest => ({
  principal: user,
  action: 's3:DeleteObject',
  resource: 'arn:aws:s3:::dojo-reports/q1.csv',
  resourceAccountId: '123456789012',
  context: {},
  identityPolicies: [],
  ...over,
});

describe('repairRequest', () => {
  it('a missing allow: a new identity statement for exactly this action and resource', () => {
    const r = repairRequest(
      base({ identityPolicies: [src('ReadOnly', 'identity', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))] }),
    );
    expect(r.reason).toBe('NO_IDENTITY_ALLOW');
    const plan = r.plans.at(-1);
    expect(plan?.decision).toBe('allowed');
    expect(plan?.edits[0]).toMatchObject({
      kind: 'createPolicy',
      layer: 'identity',
      guardrail: false,
      statement: { Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::dojo-reports/q1.csv' },
    });
  });

  it('an explicit deny on a condition: sending the key is offered first, removing the deny is labelled a guardrail', () => {
    const identity = src(
      'Reports',
      'identity',
      doc(
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        {
          Sid: 'NoDeleteWithoutMfa',
          Effect: 'Deny',
          Action: 's3:DeleteObject',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ),
    );
    const r = repairRequest(base({ identityPolicies: [identity] }));
    expect(r.reason).toBe('EXPLICIT_DENY');
    expect(r.plans[0]?.edits[0]).toMatchObject({
      kind: 'changeRequest',
      contextKey: 'aws:MultiFactorAuthPresent',
      contextValue: 'true',
      guardrail: false,
    });
    const policyPlan = r.plans.at(-1);
    expect(policyPlan?.edits[0]).toMatchObject({ kind: 'removeStatement', guardrail: true });
    expect(policyPlan?.edits[0]?.words).toMatch(/removes a guardrail/);
    expect(policyPlan?.decision).toBe('allowed');
  });

  it('boundary and SCP edits are labelled guardrails, and the plan walks layer by layer', () => {
    const req = base({
      identityPolicies: [src('Admin', 'identity', doc({ Effect: 'Allow', Action: '*', Resource: '*' }))],
      permissionsBoundary: src('Boundary', 'boundary', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })),
      organization: {
        scps: [
          [src('FullAWSAccess', 'scp', doc({ Effect: 'Allow', Action: '*', Resource: '*' }))],
          [src('OnlyRead', 'scp', doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }))],
        ],
      },
    });
    const r = repairRequest(req);
    expect(r.reason).toBe('SCP_IMPLICIT_DENY');
    const plan = r.plans.at(-1);
    expect(plan?.edits.map((e) => [e.layer, e.policyId, e.guardrail])).toEqual([
      ['scp', 'OnlyRead', true],
      ['boundary', 'Boundary', true],
    ]);
    expect(plan?.decisions).toEqual(['implicitDeny', 'allowed']);
    // The proposed documents are real: applying them by hand allows the request.
    const [scpEdit, boundaryEdit] = plan?.edits ?? [];
    const fixed = authorize({
      ...req,
      permissionsBoundary: src('Boundary', 'boundary', boundaryEdit?.document ?? ''),
      organization: { scps: [req.organization?.scps?.[0] ?? [], [src('OnlyRead', 'scp', scpEdit?.document ?? '')]] },
    });
    expect(fixed.decision).toBe('allowed');
  });

  it('a trust policy that does not name the caller: a statement naming the caller for sts:AssumeRole', () => {
    const r = repairRequest(
      base({
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::123456789012:role/Deployer',
        identityPolicies: [src('Assume', 'identity', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }))],
        resourcePolicy: {
          kind: 'trust',
          policy: src('trust', 'trust', doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })),
        },
      }),
    );
    expect(r.reason).toBe('TRUST_POLICY_NO_ALLOW');
    expect(r.plans.at(-1)).toMatchObject({
      decision: 'allowed',
      edits: [{ layer: 'trust', statement: { Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' } }],
    });
  });

  it('an allowed request needs no repair', () => {
    const r = repairRequest(base({ identityPolicies: [src('All', 'identity', doc({ Effect: 'Allow', Action: '*', Resource: '*' }))] }));
    expect(r).toMatchObject({ decision: 'allowed', plans: [] });
  });
});
