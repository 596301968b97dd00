import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { ok, userWithKey } from './helpers.ts';

// A learner's world stays responsive: hundreds of calls, with ReadOnlyAccess attached, in well under a second each.
test('500 calls with ReadOnlyAccess attached stay fast', async () => {
  const world = createWorld();
  const alice = await userWithKey(world, 'alice');
  await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  for (let i = 0; i < 20; i++) await ok(world, 'iam', 'CreateUser', { UserName: `user${i}` });
  const start = performance.now();
  for (let i = 0; i < 500; i++) await ok(world, 'iam', 'ListUsers', {}, alice);
  const perCall = (performance.now() - start) / 500;
  expect(perCall).toBeLessThan(50);
});
