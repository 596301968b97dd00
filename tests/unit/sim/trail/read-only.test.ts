// CloudTrail `readOnly` per operation: reads are true, writes false; STS AssumeRole and
// GetCallerIdentity are logged readOnly true ("CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html, real records).
import { describe, expect, test } from 'vitest';
import { OPERATIONS } from '../../../../src/sim/services/handlers.ts';

const READ = /^(Get|List|Simulate|Lookup|Describe|Head)/;

describe('readOnly flags', () => {
  const rows = Object.entries(OPERATIONS).flatMap(([service, ops]) => Object.entries(ops).map(([name, def]) => [service, name, def.readOnly] as const));
  test.each(rows)('%s %s', (service, name, readOnly) => {
    const expected = READ.test(name) || (service === 'sts' && ['AssumeRole', 'GetSessionToken', 'GetCallerIdentity'].includes(name));
    expect(readOnly).toBe(expected);
  });
  test('only S3 object-level operations are data events', () => {
    const data = Object.entries(OPERATIONS).flatMap(([service, ops]) => Object.entries(ops).filter(([, d]) => d.dataEvent).map(([n]) => `${service}:${n}`));
    expect(data.sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:HeadObject', 's3:ListObjectsV2', 's3:PutObject']);
  });
});
