// SimulateCustomPolicy / SimulatePrincipalPolicy input rules:
// - CallerArn: "You can specify only the ARN of an IAM user. You cannot specify the ARN of an assumed role,
//   federated user, or a service principal." (IAM API Reference, SimulateCustomPolicy,
//   https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html)
// - Caller-supplied lists are read by index: an array whose prototype was tampered with is still a list
//   (ECMAScript: Array.isArray does not look at the prototype), never a TypeError.
import { describe, expect, test } from 'vitest';
import { simulateCustomPolicy, simulatePrincipalPolicy } from '../../../../src/sim/simulate/index.ts';
import { SimulationError } from '../../../../src/sim/simulate/errors.ts';

const ALLOW = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const RESOURCE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
});

describe('CallerArn', () => {
  test.each([
    ['an assumed-role session', 'arn:aws:sts::123456789012:assumed-role/Admin/session'],
    ['a federated user', 'arn:aws:sts::123456789012:federated-user/bob'],
    ['a service principal', 'ec2.amazonaws.com'],
  ])('%s cannot be the simulated caller', (_what, callerArn) => {
    const run = () =>
      simulateCustomPolicy({
        PolicyInputList: [ALLOW],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::b/k'],
        ResourcePolicy: RESOURCE,
        CallerArn: callerArn,
      });
    expect(run).toThrow(SimulationError);
    expect(run).toThrow(/CallerArn/);
  });

  test('an IAM user is accepted', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [ALLOW],
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      ResourcePolicy: RESOURCE,
      CallerArn: 'arn:aws:iam::123456789012:user/alice',
    });
    expect(out.EvaluationResults[0]?.EvalDecision).toBe('allowed');
  });
});

describe('lists are read by index', () => {
  function tampered<T>(items: T[]): T[] {
    const list = [...items];
    Object.setPrototypeOf(list, { map: undefined, forEach: undefined, [Symbol.iterator]: undefined });
    return list;
  }

  test('SimulateCustomPolicy with tampered arrays answers as with ordinary ones', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: tampered([ALLOW]),
      ActionNames: tampered(['s3:GetObject', 's3:PutObject']),
      ResourceArns: tampered(['*']),
    });
    expect(out.EvaluationResults.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
  });

  test('SimulatePrincipalPolicy with a tampered details file answers as with an ordinary one', () => {
    const details = {
      UserDetailList: tampered([
        {
          UserName: 'alice',
          Arn: 'arn:aws:iam::123456789012:user/alice',
          UserPolicyList: tampered([{ PolicyName: 'p', PolicyDocument: ALLOW }]),
          GroupList: tampered([]),
          AttachedManagedPolicies: tampered([]),
        },
      ]),
    };
    const out = simulatePrincipalPolicy(details, {
      PolicySourceArn: 'arn:aws:iam::123456789012:user/alice',
      ActionNames: tampered(['s3:GetObject']),
    });
    expect(out.EvaluationResults[0]?.EvalDecision).toBe('allowed');
  });
});

describe('principalFromArn', () => {
  test('gives each caller a principal of its own, and refuses a bad ARN every time', async () => {
    const { principalFromArn } = await import('../../../../src/sim/simulate/run.ts');
    const arn = 'arn:aws:iam::111122223333:user/alice';
    const first = principalFromArn(arn);
    (first as { accountId: string }).accountId = '999999999999';
    expect(principalFromArn(arn)).toEqual({ type: 'IAMUser', arn, accountId: '111122223333' });
    expect(principalFromArn(arn)).not.toBe(principalFromArn(arn));
    for (let i = 0; i < 2; i++) expect(() => principalFromArn('arn:aws:iam::1:user/x')).toThrow(SimulationError);
  });
});
