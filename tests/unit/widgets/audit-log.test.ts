// Review m1: lesson 9 teaches "pivot on the access key, the source IP address"; the event history
// widget filters on both (as the CloudTrail console filters Event history on "AWS access key"), and a
// record's pivot shows every event with its key or IP, other filters cleared.
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/world/index.ts';
import { passes, toRow, type TrailFilters, type TrailRow } from '../../../src/widgets/AuditLog.svelte.ts';

const none: TrailFilters = { identity: '', eventName: '', errorsOnly: false, access: 'all', accessKey: '', sourceIp: '' };

async function rows(): Promise<{ rows: TrailRow[]; anaKey: string }> {
  const world = createWorld({ seed: 'pivot' });
  await world.run('aws iam create-user --user-name ana');
  const key = JSON.parse((await world.run('aws iam create-access-key --user-name ana')).stdout) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  const { AccessKeyId, SecretAccessKey } = key.AccessKey;
  await world.run(`aws configure set aws_access_key_id ${AccessKeyId} --profile ana`);
  await world.run(`aws configure set aws_secret_access_key ${SecretAccessKey} --profile ana`);
  await world.run('aws iam list-users --profile ana', { sourceIp: '198.51.100.7' });
  await world.run('aws s3api list-buckets --profile ana', { sourceIp: '198.51.100.7' });
  await world.run('aws sts get-caller-identity', { sourceIp: '192.0.2.1' });
  return { rows: world.trail().Records.map((r, i) => toRow(r, i)), anaKey: AccessKeyId };
}

describe('AuditLog pivots', () => {
  test('a row carries the access key and the source IP of its record', async () => {
    const { rows: all, anaKey } = await rows();
    const denied = all.find((r) => r.event === 'ListUsers');
    expect(denied?.accessKey).toBe(anaKey);
    expect(denied?.sourceIp).toBe('198.51.100.7');
  });

  test("filtering on ana's key keeps her two calls only; on an IP, every call from it", async () => {
    const { rows: all, anaKey } = await rows();
    expect(all.filter((r) => passes(r, { ...none, accessKey: anaKey })).map((r) => r.event)).toEqual(['ListUsers', 'ListBuckets']);
    expect(all.filter((r) => passes(r, { ...none, accessKey: ` ${anaKey} ` })).length).toBe(2);
    expect(all.filter((r) => passes(r, { ...none, sourceIp: '192.0.2.1' })).map((r) => r.event)).toEqual(['GetCallerIdentity']);
    expect(all.filter((r) => passes(r, { ...none, accessKey: 'AKIANOTAKEY' }))).toEqual([]);
    // The key filter combines with the others.
    expect(all.filter((r) => passes(r, { ...none, accessKey: anaKey, eventName: 'buckets' })).map((r) => r.event)).toEqual(['ListBuckets']);
  });
});
