// @vitest-environment happy-dom
/**
 * The MFA widget's "Use this code" copies the code as the world shows it now: clicked right after
 * "Skip 30 s", it gets the next code (not the one still on screen), so enabling with the two codes
 * works however quickly the buttons are pressed. The worker's real api runs in this thread.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { worldApi } from '../../../src/worker/api/world.ts';
import { policyApi } from '../../../src/worker/api/policy.ts';

vi.mock('../../../src/worker/client.ts', () => {
  const api = { ping: () => 'pong', ...worldApi, ...policyApi };
  return { withSimulator: (task: (a: typeof api) => unknown) => Promise.resolve(task(api)), onRestart: () => () => undefined };
});

const { MfaDeviceState } = await import('../../../src/widgets/MfaDevice.svelte.ts');

beforeEach(() => localStorage.clear());

it('a second "Use this code" right after "Skip 30 s" copies the next code, and the pair enables the device', async () => {
  const mfa = new MfaDeviceState('mfa-unit', 'dojo-phone', 'alice');
  await mfa.session.run('aws iam create-user --user-name alice');
  await mfa.create();
  await mfa.useCurrentCode();
  const first = mfa.code1;
  expect(first).toMatch(/^\d{6}$/);
  // Not awaited, as two quick clicks are: the copy must still see the clock after the skip.
  void mfa.skip(30);
  await mfa.useCurrentCode();
  expect(mfa.code2).toMatch(/^\d{6}$/);
  expect(mfa.code2).not.toBe(first);
  await mfa.enable();
  expect(mfa.output?.exitCode).toBe(0);
});

it('from a "Skip 30 s" click until the new time is read back, the code on screen is marked stale', async () => {
  const mfa = new MfaDeviceState('mfa-unit-skip', 'dojo-phone', 'alice');
  await mfa.session.run('aws iam create-user --user-name alice');
  await mfa.create();
  const before = mfa.codes?.code;
  expect(before).toMatch(/^\d{6}$/);
  expect(mfa.skipping).toBe(false);
  const skipped = mfa.skip(30);
  // Synchronously after the click: the codes still hold the time before the skip, so the widget hides them.
  expect(mfa.skipping).toBe(true);
  expect(mfa.codes?.code).toBe(before);
  await skipped;
  expect(mfa.skipping).toBe(false);
  expect(mfa.codes?.code).toMatch(/^\d{6}$/);
  expect(mfa.codes?.code).not.toBe(before);
});
