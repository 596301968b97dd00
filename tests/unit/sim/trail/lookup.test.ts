// CloudTrail LookupEvents over management events (CloudTrail API Reference, "LookupEvents").
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { ok, userWithKey } from '../world/helpers.ts';

describe('LookupEvents', () => {
  test('newest first, one attribute filter, management events only', async () => {
    const world = createWorld();
    const alice = await userWithKey(world, 'alice');
    await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    world.clock.advance(5);
    await ok(world, 'iam', 'CreateUser', { UserName: 'bob' }, alice);
    await ok(world, 's3', 'CreateBucket', { Bucket: 'b12' });
    await ok(world, 's3', 'PutObject', { Bucket: 'b12', Key: 'k', Body: 'x' });
    const all = (await ok(world, 'cloudtrail', 'LookupEvents'))['Events'] as {
      EventName: string;
      Username?: string;
      CloudTrailEvent: string;
    }[];
    expect(all.map((e) => e.EventName)).toEqual(['CreateBucket', 'CreateUser', 'AttachUserPolicy', 'CreateAccessKey', 'CreateUser']);
    const byAlice = (
      await ok(world, 'cloudtrail', 'LookupEvents', { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] })
    )['Events'] as { EventName: string; EventTime: string }[];
    expect(byAlice.map((e) => e.EventName)).toEqual(['CreateUser']);
    expect(byAlice[0]?.EventTime).toBe('2026-03-02T09:00:05+00:00');
    const byName = (
      await ok(world, 'cloudtrail', 'LookupEvents', {
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }],
        MaxResults: 1,
      })
    )['Events'] as unknown[];
    expect(byName.length).toBe(1);
    expect(JSON.parse(all[0]?.CloudTrailEvent ?? '{}')['eventSource']).toBe('s3.amazonaws.com');
  });

  test('GetEventSelectors shows what PutEventSelectors set', async () => {
    const world = createWorld();
    await ok(world, 's3', 'CreateBucket', { Bucket: 'logs' });
    await ok(world, 'cloudtrail', 'CreateTrail', { Name: 'main', S3BucketName: 'logs' });
    const selectors = [
      {
        ReadWriteType: 'WriteOnly',
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::logs/'] }],
        ExcludeManagementEventSources: [],
      },
    ];
    await ok(world, 'cloudtrail', 'PutEventSelectors', { TrailName: 'main', EventSelectors: selectors });
    expect((await ok(world, 'cloudtrail', 'GetEventSelectors', { TrailName: 'main' }))['EventSelectors']).toEqual(selectors);
    const before = world.trail().Records.length;
    await ok(world, 's3', 'PutObject', { Bucket: 'logs', Key: 'a', Body: 'x' });
    await ok(world, 's3', 'GetObject', { Bucket: 'logs', Key: 'a' });
    // WriteOnly: PutObject is recorded as a data event, GetObject is not.
    const added = world.trail().Records.slice(before) as Record<string, unknown>[];
    expect(added.map((r) => [r['eventName'], r['eventCategory'], r['managementEvent']])).toEqual([['PutObject', 'Data', false]]);
  });
});

test('CloudTrail denials are AccessDeniedException (a JSON-protocol service)', async () => {
  const world = createWorld();
  const bob = await userWithKey(world, 'bob');
  const r = await world.invoke({ service: 'cloudtrail', operation: 'LookupEvents', params: {}, credentials: bob });
  expect(r.ok ? undefined : r.error.code).toBe('AccessDeniedException');
});
