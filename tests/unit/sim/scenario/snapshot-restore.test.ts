// A reload restores the world from its saved snapshot text without a defensive deep copy (the
// decoded state belongs to nobody else): the restored world must be the same as the one
// `createWorld({ snapshot })` builds from a copy, for today's format and for format version 1, and
// the copying door must still leave its input untouched.
import { describe, expect, test } from 'vitest';
import v1 from '../../../fixtures/worlds/v1-world.json';
import { decodeSnapshot, encodeSnapshot, replayScenario, worldFromSnapshot } from '../../../../src/sim/scenario/replay.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { migrateSnapshot } from '../../../../src/sim/world/migrate.ts';

async function grown() {
  const world = createWorld({ seed: 'restore-test' });
  for (const line of [
    'aws iam create-group --group-name devs',
    'aws iam create-user --user-name alice',
    'aws iam add-user-to-group --user-name alice --group-name devs',
    'aws iam tag-user --user-name alice --tags Key=team,Value=blue',
  ])
    expect((await world.run(line)).exitCode).toBe(0);
  world.writeFile('notes.txt', 'kept across the reload\n');
  return world;
}

describe('restoring a snapshot text', () => {
  test('gives the same world as createWorld({ snapshot }) and carries on the same way', async () => {
    const saved = (await grown()).save();
    const text = encodeSnapshot(saved);
    const restored = worldFromSnapshot(text);
    const copied = createWorld({ snapshot: decodeSnapshot(text) });
    expect(restored.save()).toEqual(saved);
    expect(restored.save()).toEqual(copied.save());
    const [a, b] = [await restored.run('aws iam create-user --user-name bob'), await copied.run('aws iam create-user --user-name bob')];
    expect(a).toEqual(b);
    expect(restored.save()).toEqual(copied.save());
    expect(restored.readFile('notes.txt')).toBe('kept across the reload\n');
  });

  test('a journal with a snapshot replays through the same restore', async () => {
    const saved = (await grown()).save();
    const world = await replayScenario({ version: 2, start: { seed: 'restore-test' }, snapshot: encodeSnapshot(saved), ops: [] });
    expect(world.save()).toEqual(saved);
  });

  test('a version-1 snapshot text still migrates', () => {
    const restored = worldFromSnapshot(encodeSnapshot(v1));
    expect(restored.save().formatVersion).toBe(2);
    expect(restored.save()).toEqual(createWorld({ snapshot: v1 }).save());
    expect(restored.trail().Records).toEqual(v1.records);
  });

  test('only an owned snapshot is used as is; the copying door leaves its input alone', () => {
    const decoded = decodeSnapshot(encodeSnapshot(createWorld({ seed: 'owned' }).save())) as Record<string, unknown>;
    expect(migrateSnapshot(decoded, { owned: true })).toBe(decoded);
    const copy = migrateSnapshot(decoded);
    expect(copy).not.toBe(decoded);
    expect(copy).toEqual(decoded);
    const world = createWorld({ snapshot: decoded });
    world.writeFile('after.txt', 'x');
    expect((decoded['files'] as Record<string, unknown>)['after.txt']).toBeUndefined();
  });
});
