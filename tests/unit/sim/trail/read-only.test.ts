// CloudTrail `readOnly` per operation: reads are true, writes false; STS AssumeRole and
// GetCallerIdentity are logged readOnly true ("CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html, real records).
import { describe, expect, test } from 'vitest';
import { OPERATIONS } from '../../../../src/sim/services/handlers.ts';

const READ = /^(Get|List|Simulate|Lookup|Describe|Head)/;
/**
 * Calls whose names do not start with a read verb but that CloudTrail logs readOnly true: STS's
 * credential calls and DecodeAuthorizationMessage; KMS's cryptographic operations (KMS Developer
 * Guide, "Logging AWS KMS API calls with AWS CloudTrail", Encrypt/Decrypt/GenerateDataKey examples:
 * https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html).
 */
const READ_ONLY_WRITES: Record<string, string[]> = {
  sts: [
    'AssumeRole',
    'AssumeRoleWithSAML',
    'AssumeRoleWithWebIdentity',
    'GetSessionToken',
    'GetCallerIdentity',
    'DecodeAuthorizationMessage',
  ],
  kms: ['Encrypt', 'Decrypt', 'GenerateDataKey'],
};

describe('readOnly flags', () => {
  const rows = Object.entries(OPERATIONS).flatMap(([service, ops]) =>
    Object.entries(ops).map(([name, def]) => [service, name, def.readOnly] as const),
  );
  test.each(rows)('%s %s', (service, name, readOnly) => {
    const expected = READ.test(name) || (Object.hasOwn(READ_ONLY_WRITES, service) && (READ_ONLY_WRITES[service] ?? []).includes(name));
    expect(readOnly).toBe(expected);
  });
  // Lambda Invoke is a data event too (CloudTrail User Guide, "Logging data events", AWS::Lambda::Function).
  test('only S3 object-level operations and Lambda Invoke are data events', () => {
    const data = Object.entries(OPERATIONS).flatMap(([service, ops]) =>
      Object.entries(ops)
        .filter(([, d]) => d.dataEvent)
        .map(([n]) => `${service}:${n}`),
    );
    expect(data.sort()).toEqual(['lambda:Invoke', 's3:DeleteObject', 's3:GetObject', 's3:HeadObject', 's3:ListObjectsV2', 's3:PutObject']);
  });
});
