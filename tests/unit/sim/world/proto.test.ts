// Names that are also JavaScript object internals stay ordinary names.
import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { err, ok } from './helpers.ts';

test('a user, group or role named __proto__ or constructor is an ordinary entity', async () => {
  const world = createWorld();
  for (const name of ['__proto__', 'constructor', 'toString']) {
    await ok(world, 'iam', 'CreateUser', { UserName: name });
    await ok(world, 'iam', 'CreateGroup', { GroupName: name });
    expect((await ok(world, 'iam', 'GetUser', { UserName: name }))['User']).toMatchObject({ UserName: name });
  }
  expect(((await ok(world, 'iam', 'ListUsers'))['Users'] as unknown[]).length).toBe(3);
  expect((await err(world, 'iam', 'GetUser', { UserName: 'hasOwnProperty' })).code).toBe('NoSuchEntity');
  const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
  expect(((await ok(restored, 'iam', 'ListUsers'))['Users'] as unknown[]).length).toBe(3);
  expect((await err(world, 'iam', 'ListUsers', { __proto__: 'x', constructor: 1 } as Record<string, unknown>)).code).toBe(
    'InvalidParameter',
  );
  world.writeFile('__proto__', 'x');
  expect(world.readFile('__proto__')).toBe('x');
  expect(world.readFile('constructor')).toBeUndefined();
});

test('access key IDs that name object internals never authenticate', async () => {
  const world = createWorld();
  for (const accessKeyId of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const r = await world.invoke({
      service: 'sts',
      operation: 'GetCallerIdentity',
      params: {},
      credentials: { kind: 'accessKey', accessKeyId, secretAccessKey: undefined as unknown as string },
    });
    expect(r.ok ? 'allowed' : r.error.code).toBe('InvalidClientTokenId');
  }
  const console = await world.invoke({
    service: 'sts',
    operation: 'GetCallerIdentity',
    params: {},
    credentials: { kind: 'console', sessionId: 'constructor' },
  });
  expect(console.ok).toBe(false);
});
