/**
 * "What would allow it?" beside a console AccessDenied: the console answer names its denied check
 * by id, and the analysis api repairs that check — the edit it proposes is decided again by the
 * engine; an id the worker no longer holds answers null.
 */
import { describe, expect, it } from 'vitest';
import { analyzeApi } from '../../../src/worker/api/analyze.ts';
import { consoleApi } from '../../../src/worker/api/console.ts';
import { worldApi } from '../../../src/worker/api/world.ts';

describe('console AccessDenied repair', () => {
  it('a user without iam:ListUsers is denied in the console; the repair proposes an allowing edit', async () => {
    const world = 'console-repair-test';
    for (const line of [
      'aws iam create-user --user-name ana',
      "aws iam create-login-profile --user-name ana --password 'Dojo-Password-1!'",
    ]) {
      const r = await worldApi.run(world, line);
      expect(r.ok && r.value.exitCode).toBe(0);
    }
    const signIn = await consoleApi.consoleSignIn(world, { userName: 'ana', password: 'Dojo-Password-1!' });
    expect(signIn.ok && signIn.value.ok).toBe(true);
    if (!signIn.ok || !signIn.value.ok) return;
    const call = await consoleApi.consoleCall(world, signIn.value.sessionId, { service: 'iam', operation: 'ListUsers', params: {} });
    expect(call.ok).toBe(true);
    if (!call.ok || call.value.ok) throw new Error('ListUsers should be denied');
    expect(call.value.error.code).toBe('AccessDenied');
    const id = call.value.repairId;
    expect(id).toMatch(/^denial-\d+$/);
    const repair = await analyzeApi.repairHeldDenial(id ?? '');
    expect(repair.ok).toBe(true);
    if (!repair.ok || !repair.value) throw new Error('the denial should be held');
    expect(repair.value.plans.length).toBeGreaterThan(0);
    expect(repair.value.plans.every((p) => p.decision === 'allowed')).toBe(true);
    const gone = await analyzeApi.repairHeldDenial('denial-0');
    expect(gone.ok && gone.value).toBeNull();
  });
});
