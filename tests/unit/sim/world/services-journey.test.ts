// The "Done when" journey of roles assumed by services, as a learner types it in the terminal
// (world.run) with files the editor saved (world.writeFile). Each rule is cited in the service tests:
// tests/unit/sim/services/{lambda,ec2,kms}/ and tests/unit/sim/cli/shell.test.ts.
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';

const ACCOUNT = '123456789012';

async function must(world: World, line: string): Promise<string> {
  const r = await world.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
  return r.stdout;
}

function doc(...statements: Record<string, unknown>[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

describe('roles assumed by services, end to end', () => {
  it('editor policy → PassRole refused then fixed → function reads a bucket as its role → instance acts as its role → SSE-KMS get refused until the key policy allows kms:Decrypt', async () => {
    const world = createWorld({ seed: 'journey', now: '2026-03-02T09:00:00Z' });
    await must(world, 'aws iam create-user --user-name dev');
    await must(world, 'aws iam create-access-key --user-name dev');

    // 1. The editor saves policy.json; the terminal attaches it from the file.
    world.writeFile(
      'policy.json',
      doc({ Effect: 'Allow', Action: ['lambda:*', 's3:*', 'ec2:*', 'kms:*', 'iam:Get*', 'iam:List*'], Resource: '*' }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://policy.json');

    // The function's role and the bucket it reads, with a trail that records S3 data events.
    await must(
      world,
      `cat > lambda-trust.json <<'EOF'\n${doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })}EOF`,
    );
    await must(world, 'aws iam create-role --role-name reader-role --assume-role-policy-document file://lambda-trust.json');
    await must(world, 'aws iam attach-role-policy --role-name reader-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await must(world, 'aws s3api create-bucket --bucket reports');
    await must(world, 'echo quarterly numbers > q1.txt');
    await must(world, 'aws s3api put-object --bucket reports --key q1.txt --body q1.txt');
    await must(world, 'aws cloudtrail create-trail --name main --s3-bucket-name reports');
    world.writeFile(
      'selectors.json',
      JSON.stringify([
        { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
      ]),
    );
    await must(world, 'aws cloudtrail put-event-selectors --trail-name main --event-selectors file://selectors.json');

    // 2. Without iam:PassRole, Lambda refuses the function.
    await must(
      world,
      `cat > reader.txt <<'EOF'\n# read the bucket as the execution role\naws s3api get-object --bucket reports --key q1.txt /tmp/q1.txt\nEOF`,
    );
    const create = `aws lambda create-function --function-name reader --runtime provided.al2023 --handler run --role arn:aws:iam::${ACCOUNT}:role/reader-role --zip-file fileb://reader.txt --profile dev`;
    const refused = await world.run(create);
    expect(refused.stderr).toContain(
      '(AccessDeniedException) when calling the CreateFunction operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole',
    );
    world.writeFile(
      'pass.json',
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: `arn:aws:iam::${ACCOUNT}:role/*`,
        Condition: { StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'ec2.amazonaws.com'] } },
      }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name pass --policy-document file://pass.json');
    await must(world, create);

    // Invoke: the function reads the bucket; CloudTrail shows its GetObject under the role session.
    await must(world, 'aws lambda invoke --function-name reader out.json --profile dev');
    const [line] = JSON.parse(world.readFile('out.json') as string) as { exitCode: number; stdout: string }[];
    expect(line?.exitCode).toBe(0);
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/reader-role/reader`;
    const lookup = JSON.parse(
      await must(world, 'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole'),
    );
    expect(lookup.Events.length).toBeGreaterThan(0);
    const get = world
      .trail()
      .Records.find((r) => r['eventName'] === 'GetObject' && (r['userIdentity'] as Record<string, unknown>)['arn'] === session);
    expect(get).toMatchObject({
      eventSource: 's3.amazonaws.com',
      eventCategory: 'Data',
      requestParameters: { bucketName: 'reports', key: 'q1.txt' },
    });

    // 3. An instance with an instance profile, and a command on it as the instance role.
    await must(
      world,
      `cat > ec2-trust.json <<'EOF'\n${doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })}EOF`,
    );
    await must(world, 'aws iam create-role --role-name app-role --assume-role-policy-document file://ec2-trust.json');
    await must(world, 'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    await must(world, 'aws iam create-instance-profile --instance-profile-name app-profile');
    await must(world, 'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role');
    const instanceId = (
      await must(
        world,
        'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile --query Instances[0].InstanceId --output text --profile dev',
      )
    ).trim();
    const listed = await must(
      world,
      `on-instance ${instanceId} aws s3api list-objects-v2 --bucket reports --query Contents[].Key --output text`,
    );
    expect(listed).toBe('q1.txt\n');
    expect(
      world
        .trail()
        .Records.some(
          (r) =>
            r['eventName'] === 'ListObjects' &&
            (r['userIdentity'] as Record<string, unknown>)['arn'] === `arn:aws:sts::${ACCOUNT}:assumed-role/app-role/${instanceId}`,
        ),
    ).toBe(true);

    // 4. A KMS key, an SSE-KMS object, and get-object refused until the key policy allows kms:Decrypt.
    world.writeFile(
      'policy.json',
      doc({
        Effect: 'Allow',
        Action: ['lambda:*', 's3:*', 'ec2:*', 'kms:GenerateDataKey', 'kms:DescribeKey', 'iam:Get*', 'iam:List*'],
        Resource: '*',
      }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://policy.json');
    const keyId = (await must(world, 'aws kms create-key --description reports --query KeyMetadata.KeyId --output text')).trim();
    await must(world, `aws kms create-alias --alias-name alias/reports --target-key-id ${keyId}`);
    await must(
      world,
      'aws s3api put-object --bucket reports --key secret.txt --body q1.txt --server-side-encryption aws:kms --ssekms-key-id alias/reports --profile dev',
    );
    const denied = await world.run('aws s3api get-object --bucket reports --key secret.txt secret.out --profile dev');
    expect(denied.stderr).toContain(
      '(AccessDenied) when calling the GetObject operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/',
    );
    world.writeFile(
      'key-policy.json',
      doc(
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'dev may decrypt',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dev` },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
      ),
    );
    await must(world, `aws kms put-key-policy --key-id ${keyId} --policy file://key-policy.json`);
    await must(world, 'aws s3api get-object --bucket reports --key secret.txt secret.out --profile dev');
    expect(world.readFile('secret.out')).toBe('quarterly numbers\n');
  });
});
