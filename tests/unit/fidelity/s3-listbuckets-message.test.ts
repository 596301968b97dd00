// A regression guard.
// S3 ListBuckets denials name no resource: real record (eventVersion 1.11, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html)
// `User: … is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the
// s3:ListAllMyBuckets action`; object/bucket denials quote the ARN (S3 User Guide, "Troubleshoot access denied").
import { expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';

test('S3 ListBuckets implicit deny: no "on resource"', async () => {
  const w = createWorld({ accountId: '111122223333' });
  const root = w.rootCredentials();
  await w.invoke({ service: 'iam', operation: 'CreateUser', params: { UserName: 'alice' }, credentials: root });
  const k = await w.invoke({ service: 'iam', operation: 'CreateAccessKey', params: { UserName: 'alice' }, credentials: root });
  if (!k.ok) throw new Error('no key');
  const key = k.output['AccessKey'] as { AccessKeyId: string; SecretAccessKey: string };
  const r = await w.invoke({
    service: 's3',
    operation: 'ListBuckets',
    params: {},
    credentials: { kind: 'accessKey', accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey },
  });
  expect(r.ok ? '' : r.error.message).toBe(
    'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action',
  );
  const record = w.trail().Records.at(-1) as Record<string, unknown>;
  expect(record['errorMessage']).toBe(r.ok ? '' : r.error.message);
});
