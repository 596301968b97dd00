/**
 * findExternalAccess: grants outside the zone of trust in trust and bucket policies, each with a
 * witness the engine allows (IAM Access Analyzer User Guide, "Findings for external access":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html).
 */
import { describe, expect, it } from 'vitest';
import { findExternalAccess } from '../../../../src/sim/analyze/findings.ts';
import { simulateCustomPolicy } from '../../../../src/sim/simulate/custom.ts';
import { worldAccessFindings } from '../../../../src/sim/analyze/world-input.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';

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

  // IAM User Guide, "IAM Access Analyzer supported resource types for external and internal access"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html): KMS keys (key
  // policies), Lambda functions (function policies), S3 buckets ("Block Public Access settings override
  // the bucket policies"); S3 User Guide, "Blocking public access to your Amazon S3 storage"
  // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html):
  // RestrictPublicBuckets blocks "public and cross-account access within any public bucket policy".
  it('a KMS key policy and a Lambda function policy that grant another account, each witness on the real ARN', async () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const keyPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:reader';
    const fnPolicy = JSON.stringify({
      Version: '2012-10-17',
      Id: 'default',
      Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: fn }],
    });
    const f = await findExternalAccess(
      [],
      [
        { ResourceType: 'AWS::KMS::Key', arn: key, accountId: '123456789012', policy: keyPolicy },
        { ResourceType: 'AWS::Lambda::Function', arn: fn, accountId: '123456789012', policy: fnPolicy },
      ],
    );
    expect(f.map((x) => [x.ResourceType, x.Resource, x.Principal, x.IsPublic, x.Actions])).toEqual([
      ['AWS::KMS::Key', key, 'arn:aws:iam::444455556666:user/dojo-witness', false, ['kms:Decrypt']],
      // A caller the policy names nowhere (a stranger account) is allowed: public.
      ['AWS::Lambda::Function', fn, 'arn:aws:iam::111122223333:user/dojo-witness', true, ['lambda:InvokeFunction']],
    ]);
    for (const [finding, policy] of [
      [f[0], keyPolicy],
      [f[1], fnPolicy],
    ] as const) {
      const w = finding?.Witness;
      expect(w?.Resource).toBe(finding?.Resource);
      const replay = simulateCustomPolicy({
        PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'],
        ActionNames: [w?.Action ?? ''],
        ResourceArns: [w?.Resource ?? ''],
        CallerArn: w?.CallerArn ?? '',
        ResourcePolicy: policy,
        ResourceOwner: '123456789012',
      });
      expect(replay.EvaluationResults[0]?.EvalDecision).toBe('allowed');
    }
  });

  it('RestrictPublicBuckets: a public bucket policy has no finding, not even for the account it names; a non-public one keeps it', async () => {
    const publicPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-public/*' },
        { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-public/*' },
      ],
    });
    const partnerOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-shared/*' }],
    });
    const blocked = await findExternalAccess(
      [],
      [
        { bucket: 'dojo-public', accountId: '123456789012', policy: publicPolicy, restrictPublicBuckets: true },
        { bucket: 'dojo-shared', accountId: '123456789012', policy: partnerOnly, restrictPublicBuckets: true },
      ],
    );
    expect(blocked.map((x) => [x.Resource, x.IsPublic])).toEqual([['arn:aws:s3:::dojo-shared', false]]);
    // Without the setting the public policy is a public finding (and the partner grant a cross-account one).
    const open = await findExternalAccess([], [{ bucket: 'dojo-public', accountId: '123456789012', policy: publicPolicy }]);
    expect(open.some((x) => x.IsPublic && x.Actions.includes('s3:GetObject'))).toBe(true);
  });

  it('over a world: a key policy and a function permission for another account are found, read on a copy without trail', async () => {
    const world = createWorld({ seed: 'findings-world' });
    const must = async (line: string): Promise<string> => {
      const r = await world.run(line);
      expect(r.exitCode, `${line}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const key = (JSON.parse(await must('aws kms create-key --description shared')) as { KeyMetadata: { KeyId: string; Arn: string } })
      .KeyMetadata;
    world.writeFile(
      'kp.json',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
          { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Encrypt', Resource: '*' },
        ],
      }),
    );
    await must(`aws kms put-key-policy --key-id ${key.KeyId} --policy file://kp.json`);
    world.writeFile(
      'trust.json',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    );
    world.writeFile('code.txt', 'aws sts get-caller-identity\n');
    await must('aws iam create-role --role-name fn-role --assume-role-policy-document file://trust.json');
    await must(
      'aws lambda create-function --function-name reader --runtime provided.al2023 --handler run --role arn:aws:iam::123456789012:role/fn-role --zip-file fileb://code.txt',
    );
    await must(
      'aws lambda add-permission --function-name reader --statement-id partner --action lambda:InvokeFunction --principal 444455556666',
    );
    const records = world.trail().Records.length;
    const f = await worldAccessFindings(world);
    expect(f.map((x) => [x.ResourceType, x.Resource, x.Principal, x.Actions])).toEqual([
      ['AWS::KMS::Key', key.Arn, 'arn:aws:iam::444455556666:user/dojo-witness', ['kms:Encrypt']],
      [
        'AWS::Lambda::Function',
        'arn:aws:lambda:us-east-1:123456789012:function:reader',
        'arn:aws:iam::444455556666:user/dojo-witness',
        ['lambda:InvokeFunction'],
      ],
    ]);
    expect(world.trail().Records.length).toBe(records);
  });
});
