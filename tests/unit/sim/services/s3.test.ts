// S3 scenarios: bucket policies as resource-based policies, s3:prefix, 404 vs 403
// (S3 User Guide, "Bucket policies", "Troubleshoot access denied (403 Forbidden) errors").
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok, policy, userWithKey } from '../world/helpers.ts';

describe('S3', () => {
  test('buckets and objects round-trip; ETag is the MD5 of the body', async () => {
    const world = createWorld();
    expect(await ok(world, 's3', 'CreateBucket', { Bucket: 'reports' })).toEqual({ Location: '/reports' });
    const put = await ok(world, 's3', 'PutObject', { Bucket: 'reports', Key: 'q1/report.csv', Body: 'hello' });
    expect(put['ETag']).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const got = await ok(world, 's3', 'GetObject', { Bucket: 'reports', Key: 'q1/report.csv' });
    expect(new TextDecoder().decode(got['Body'] as Uint8Array)).toBe('hello');
    expect(got['ContentLength']).toBe(5);
    const listed = await ok(world, 's3', 'ListObjectsV2', { Bucket: 'reports', Prefix: 'q1/' });
    expect((listed['Contents'] as { Key: string }[]).map((c) => c.Key)).toEqual(['q1/report.csv']);
    expect((await err(world, 's3', 'DeleteBucket', { Bucket: 'reports' })).code).toBe('BucketNotEmpty');
    await ok(world, 's3', 'DeleteObject', { Bucket: 'reports', Key: 'q1/report.csv' });
    await ok(world, 's3', 'DeleteBucket', { Bucket: 'reports' });
    expect(await err(world, 's3', 'GetObject', { Bucket: 'reports', Key: 'x' })).toEqual({
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      httpStatus: 404,
    });
    expect((await err(world, 's3', 'CreateBucket', { Bucket: 'Bad_Name' })).code).toBe('InvalidBucketName');
  });

  test('a bucket policy naming the user grants access on its own; S3 quotes the resource in denials', async () => {
    const world = createWorld();
    const bob = await userWithKey(world, 'bob');
    await ok(world, 's3', 'CreateBucket', { Bucket: 'shared' });
    await ok(world, 's3', 'PutObject', { Bucket: 'shared', Key: 'a.txt', Body: 'A' });
    expect((await err(world, 's3', 'GetObject', { Bucket: 'shared', Key: 'a.txt' }, bob)).message).toBe(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::shared/a.txt" because no identity-based policy allows the s3:GetObject action',
    );
    await ok(world, 's3', 'PutBucketPolicy', {
      Bucket: 'shared',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::123456789012:user/bob' },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::shared/*',
          },
        ],
      }),
    });
    await ok(world, 's3', 'GetObject', { Bucket: 'shared', Key: 'a.txt' }, bob);
    expect(
      (
        await err(world, 's3', 'PutBucketPolicy', {
          Bucket: 'shared',
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }],
          }),
        })
      ).message,
    ).toBe('Policy has invalid resource');
    expect((await ok(world, 's3', 'GetBucketPolicy', { Bucket: 'shared' }))['Policy']).toContain('user/bob');
  });

  test('a missing key is 404 only for callers allowed to list the bucket', async () => {
    const world = createWorld();
    const bob = await userWithKey(world, 'bob');
    await ok(world, 's3', 'CreateBucket', { Bucket: 'data' });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'get',
      PolicyDocument: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }),
    });
    const denied = await err(world, 's3', 'GetObject', { Bucket: 'data', Key: 'missing' }, bob);
    expect(denied.message).toContain('s3:ListBucket on resource: "arn:aws:s3:::data"');
    expect(await err(world, 's3', 'HeadObject', { Bucket: 'data', Key: 'missing' }, bob)).toEqual({
      code: '403',
      message: 'Forbidden',
      httpStatus: 403,
    });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'list',
      PolicyDocument: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::data' }),
    });
    expect((await err(world, 's3', 'GetObject', { Bucket: 'data', Key: 'missing' }, bob)).code).toBe('NoSuchKey');
    expect((await err(world, 's3', 'HeadObject', { Bucket: 'data', Key: 'missing' }, bob)).code).toBe('404');
  });

  test('s3:prefix is in the context of ListObjectsV2 (S3 User Guide, condition key examples)', async () => {
    const world = createWorld();
    const bob = await userWithKey(world, 'bob');
    await ok(world, 's3', 'CreateBucket', { Bucket: 'home' });
    await ok(world, 's3', 'PutObject', { Bucket: 'home', Key: 'bob/notes.txt', Body: 'x' });
    await ok(world, 's3', 'PutObject', { Bucket: 'home', Key: 'alice/notes.txt', Body: 'y' });
    await ok(world, 'iam', 'PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'own-prefix',
      PolicyDocument: policy({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::home',
        Condition: { StringLike: { 's3:prefix': ['${aws:username}/*'] } },
      }),
    });
    const mine = await ok(world, 's3', 'ListObjectsV2', { Bucket: 'home', Prefix: 'bob/' }, bob);
    expect((mine['Contents'] as { Key: string }[]).map((c) => c.Key)).toEqual(['bob/notes.txt']);
    expect((await err(world, 's3', 'ListObjectsV2', { Bucket: 'home', Prefix: 'alice/' }, bob)).code).toBe('AccessDenied');
    expect((await err(world, 's3', 'ListObjectsV2', { Bucket: 'home' }, bob)).code).toBe('AccessDenied');
    const delimited = await ok(world, 's3', 'ListObjectsV2', { Bucket: 'home', Delimiter: '/' });
    expect(delimited['CommonPrefixes']).toEqual([{ Prefix: 'alice/' }, { Prefix: 'bob/' }]);
  });
});

describe('S3 data events and ranges', () => {
  test('object calls are recorded exactly when a trail selects them (CloudTrail User Guide, "Logging data events")', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.constantFrom('PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'ListObjectsV2'), { maxLength: 8 }),
        async (selected, ops) => {
          const world = createWorld();
          await ok(world, 's3', 'CreateBucket', { Bucket: 'logs' });
          await ok(world, 'cloudtrail', 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
          if (selected)
            await ok(world, 'cloudtrail', 'PutEventSelectors', {
              TrailName: 'main',
              EventSelectors: [{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::logs/'] }] }],
            });
          for (const op of ops) {
            const before = world.trail().Records.length;
            await world.invoke({
              service: 's3',
              operation: op,
              params:
                op === 'ListObjectsV2' ? { Bucket: 'logs' } : { Bucket: 'logs', Key: 'k', ...(op === 'PutObject' ? { Body: 'x' } : {}) },
              credentials: world.rootCredentials(),
            });
            expect(world.trail().Records.length).toBe(before + (selected ? 1 : 0));
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  test('GetObject honours a byte range', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'data' });
    await ok(world, 's3', 'PutObject', { Bucket: 'data', Key: 'k', Body: 'hello world' });
    const part = await ok(world, 's3', 'GetObject', { Bucket: 'data', Key: 'k', Range: 'bytes=0-4' });
    expect(new TextDecoder().decode(part['Body'] as Uint8Array)).toBe('hello');
    expect(part['ContentRange']).toBe('bytes 0-4/11');
    expect((await err(world, 's3', 'GetObject', { Bucket: 'data', Key: 'k', Range: 'bytes=50-' })).code).toBe('InvalidRange');
  });
});

test('a bucket policy naming a user that does not exist is refused', async () => {
  const world = createWorld();
  await ok(world, 's3', 'CreateBucket', { Bucket: 'data' });
  const doc = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:user/ghost' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::data/*',
      },
    ],
  });
  expect(await err(world, 's3', 'PutBucketPolicy', { Bucket: 'data', Policy: doc })).toEqual({
    code: 'MalformedPolicy',
    message: 'Invalid principal in policy',
    httpStatus: 400,
  });
});

test('ListBuckets denials name no resource (real ListBuckets record, CloudTrail record contents)', async () => {
  const world = createWorld();
  const alice = await userWithKey(world, 'alice');
  expect((await err(world, 's3', 'ListBuckets', {}, alice)).message).toBe(
    'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action',
  );
});

// S3 Block Public Access: on by default for new buckets since April 2023 (AWS News Blog, "Heads-Up:
// Amazon S3 Security Changes Are Coming in April of 2023",
// https://aws.amazon.com/blogs/aws/heads-up-amazon-s3-security-changes-are-coming-in-april-of-2023/);
// the four settings and their defaults (Amazon S3 API Reference, "PublicAccessBlockConfiguration",
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html); what counts
// as public (S3 User Guide, "Blocking public access to your Amazon S3 storage", "The meaning of public",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
describe('S3 Block Public Access', () => {
  const publicRead = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
  });

  test('a new bucket has all four settings on', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'site' });
    expect(await ok(world, 's3', 'GetPublicAccessBlock', { Bucket: 'site' })).toEqual({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  test('a public bucket policy is refused with 403 while BlockPublicPolicy is on, then accepted once it is off', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'site' });
    const denied = await err(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: publicRead });
    expect(denied).toEqual({
      code: 'AccessDenied',
      httpStatus: 403,
      message:
        'User: arn:aws:iam::123456789012:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::site" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.',
    });
    await ok(world, 's3', 'PutPublicAccessBlock', {
      Bucket: 'site',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true },
    });
    // Settings left out are false.
    expect((await ok(world, 's3', 'GetPublicAccessBlock', { Bucket: 'site' }))['PublicAccessBlockConfiguration']).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    await ok(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: publicRead });
  });

  test('wildcard principals narrowed by a fixed-value key, and named principals, are not public', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'site' });
    const orgOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::site/*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        },
      ],
    });
    await ok(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: orgOnly });
    const account = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      ],
    });
    await ok(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: account });
    // A wildcard in the fixed key's value, or a /0 range, leaves the policy public.
    const wildOrg = orgOnly.replace('o-abc123', 'o-*').replace('StringEquals', 'StringLike');
    expect((await err(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: wildOrg })).code).toBe('AccessDenied');
    const anyIp = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::site/*',
          Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
        },
      ],
    });
    expect((await err(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: anyIp })).code).toBe('AccessDenied');
  });

  test('deleting the configuration needs s3:PutBucketPublicAccessBlock and leaves none', async () => {
    const world = createWorld();
    const bob = await userWithKey(world, 'bob');
    await ok(world, 's3', 'CreateBucket', { Bucket: 'site' });
    expect((await err(world, 's3', 'DeletePublicAccessBlock', { Bucket: 'site' }, bob)).message).toContain('s3:PutBucketPublicAccessBlock');
    await ok(world, 's3', 'DeletePublicAccessBlock', { Bucket: 'site' });
    expect(await err(world, 's3', 'GetPublicAccessBlock', { Bucket: 'site' })).toEqual({
      code: 'NoSuchPublicAccessBlockConfiguration',
      message: 'The public access block configuration was not found',
      httpStatus: 404,
    });
    await ok(world, 's3', 'PutBucketPolicy', { Bucket: 'site', Policy: publicRead });
  });
});
