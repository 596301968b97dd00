/**
 * findExternalAccess: grants outside the zone of trust in trust and bucket policies, each with a
 * witness the engine allows (IAM Access Analyzer User Guide, "Findings for external access":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html).
 */
import { describe, expect, it } from 'vitest';
import { findExternalAccess } from '../../../../src/sim/analyze/findings.ts';
import { simulateCustomPolicy } from '../../../../src/sim/simulate/custom.ts';

const role = (name: string, trust: object): object => ({
  RoleName: name,
  Arn: `arn:aws:iam::123456789012:role/${name}`,
  AssumeRolePolicyDocument: trust,
});
const trust = (Principal: unknown, Condition?: object): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) }],
});

describe('findExternalAccess', () => {
  it('a role trusted by another account is a finding; one trusted by its own account or a service is not', async () => {
    const details = {
      RoleDetailList: [
        role('Partner', trust({ AWS: 'arn:aws:iam::444455556666:root' })),
        role('Own', trust({ AWS: 'arn:aws:iam::123456789012:root' })),
        role('Ec2', trust({ Service: 'ec2.amazonaws.com' })),
      ],
    };
    const f = await findExternalAccess([{ accountId: '123456789012', details }], []);
    expect(f.map((x) => [x.Resource, x.Principal, x.IsPublic, x.Actions])).toEqual([
      ['arn:aws:iam::123456789012:role/Partner', 'arn:aws:iam::444455556666:user/dojo-witness', false, ['sts:AssumeRole']],
    ]);
  });

  it('the organization as zone of trust; a conditional public bucket grant carries its condition', async () => {
    const details = { RoleDetailList: [role('Sister', trust({ AWS: '444455556666' }))] };
    expect(await findExternalAccess([{ accountId: '123456789012', details }], [], ['123456789012', '444455556666'])).toEqual([]);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::dojo-public/*',
          Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
        },
      ],
    });
    const [finding, ...rest] = await findExternalAccess([], [{ bucket: 'dojo-public', accountId: '123456789012', policy }]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ResourceType: 'AWS::S3::Bucket', IsPublic: true, Actions: ['s3:GetObject'] });
    expect(finding?.Condition[0]?.ContextKeyName).toBe('aws:SourceIp');
    const w = finding?.Witness;
    const replay = simulateCustomPolicy({
      PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'],
      ActionNames: [w?.Action ?? ''],
      ResourceArns: [w?.Resource ?? ''],
      ContextEntries: w?.ContextEntries ?? [],
      CallerArn: w?.CallerArn ?? '',
      ResourcePolicy: policy,
      ResourceOwner: '123456789012',
    });
    expect(replay.EvaluationResults[0]?.EvalDecision).toBe('allowed');
  });
});
