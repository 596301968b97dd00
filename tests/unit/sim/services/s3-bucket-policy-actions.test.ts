// S3 refuses a bucket policy statement whose action applies to none of its resources:
// `MalformedPolicy: Action does not apply to any resource(s) in statement` (S3 answers this for
// s3:GetObject on the bucket ARN without `/*`; object actions need `arn:aws:s3:::bucket/*`,
// bucket actions the bucket ARN — S3 User Guide, "Policy resources for Amazon S3").
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok } from '../world/helpers.ts';

const put = (statement: Record<string, unknown>) => ({
  Bucket: 'dojo-shared',
  Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', ...statement }] }),
});

describe('S3 bucket policy: actions must apply to the statement resources', () => {
  test('s3:GetObject on the bucket ARN is refused; on bucket/* it is saved', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'dojo-shared' });
    await ok(world, 's3', 'PutPublicAccessBlock', {
      Bucket: 'dojo-shared',
      PublicAccessBlockConfiguration: {
        BlockPublicPolicy: false,
        BlockPublicAcls: false,
        IgnorePublicAcls: false,
        RestrictPublicBuckets: false,
      },
    });
    expect(await err(world, 's3', 'PutBucketPolicy', put({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-shared' }))).toEqual({
      code: 'MalformedPolicy',
      message: 'Action does not apply to any resource(s) in statement',
      httpStatus: 400,
    });
    // Nothing was saved by the refused call.
    expect((await err(world, 's3', 'GetBucketPolicy', { Bucket: 'dojo-shared' })).code).toBe('NoSuchBucketPolicy');
    await ok(world, 's3', 'PutBucketPolicy', put({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-shared/*' }));
  });

  test('each action must apply to one resource: ListBucket with only objects is refused, with both ARNs saved', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'dojo-shared' });
    await ok(world, 's3', 'PutPublicAccessBlock', {
      Bucket: 'dojo-shared',
      PublicAccessBlockConfiguration: {
        BlockPublicPolicy: false,
        BlockPublicAcls: false,
        IgnorePublicAcls: false,
        RestrictPublicBuckets: false,
      },
    });
    const both = ['s3:GetObject', 's3:ListBucket'];
    expect((await err(world, 's3', 'PutBucketPolicy', put({ Action: both, Resource: 'arn:aws:s3:::dojo-shared/*' }))).message).toBe(
      'Action does not apply to any resource(s) in statement',
    );
    await ok(world, 's3', 'PutBucketPolicy', put({ Action: both, Resource: ['arn:aws:s3:::dojo-shared', 'arn:aws:s3:::dojo-shared/*'] }));
    // Wildcards apply when one action they match applies: s3:Get* has bucket-level actions too.
    await ok(world, 's3', 'PutBucketPolicy', put({ Action: 's3:Get*', Resource: 'arn:aws:s3:::dojo-shared' }));
    await ok(world, 's3', 'PutBucketPolicy', put({ Action: 's3:*', Resource: 'arn:aws:s3:::dojo-shared' }));
    // Deny statements are checked the same way.
    expect(
      (await err(world, 's3', 'PutBucketPolicy', put({ Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::dojo-shared' })))
        .message,
    ).toBe('Action does not apply to any resource(s) in statement');
  });
});
