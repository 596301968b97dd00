/**
 * Portal actions are journal entries: replaying a saved world issues the same portal token and the
 * same console session again, so a reload keeps the learner signed in to the portal and the console.
 */
import { expect, test } from 'vitest';
import { journalOpSchema, replayScenario, type WorldJournal } from '../../../../../src/sim/scenario/index.ts';
import { applyPortalOp } from '../../../../../src/sim/scenario/portal-op.ts';

test('a journal of commands and portal actions replays to the same sessions', async () => {
  const signIn = { kind: 'portal', action: 'signIn', userName: 'alice', password: 'x' } as const;
  expect(journalOpSchema.safeParse(signIn).success).toBe(true);
  expect(journalOpSchema.safeParse({ kind: 'portal', action: 'hack' }).success).toBe(false);
  expect(journalOpSchema.safeParse({ kind: 'portal', action: 'openConsole', accountId: 'not-an-account' }).success).toBe(false);

  const setup = [
    'aws organizations create-organization --feature-set ALL',
    'aws organizations create-account --email dev@example.com --account-name dev',
    'aws sso-admin create-instance',
  ];
  const journal: WorldJournal = { version: 2, start: { seed: 'journal' }, ops: setup.map((line) => ({ kind: 'run' as const, line })) };
  const first = await replayScenario(journal);
  const store = first.save().accounts[first.accountId]?.identityCenter?.IdentityStoreId ?? '';
  expect(store).toMatch(/^d-/);
  const more = [`aws identitystore create-user --identity-store-id ${store} --user-name alice --display-name Alice`].map((line) => ({
    kind: 'run' as const,
    line,
  }));
  const portalOps = [{ kind: 'portal' as const, action: 'oneTimePassword' as const, userName: 'alice' }];
  const full: WorldJournal = { ...journal, ops: [...journal.ops, ...more, ...portalOps] };
  const a = await replayScenario(full);
  const b = await replayScenario(full);
  const otpA = a.save().accounts[a.accountId]?.identityCenter;
  const otpB = b.save().accounts[b.accountId]?.identityCenter;
  const pw = (s: typeof otpA) => Object.values(s?.users ?? {})[0]?.password;
  expect(pw(otpA)).toBeDefined();
  expect(pw(otpA)).toBe(pw(otpB));
  const signedA = await applyPortalOp(a, {
    kind: 'portal',
    action: 'signIn',
    userName: 'alice',
    password: pw(otpA) ?? '',
    newPassword: 'Correct-Horse-7',
  });
  const signedB = await applyPortalOp(b, {
    kind: 'portal',
    action: 'signIn',
    userName: 'alice',
    password: pw(otpB) ?? '',
    newPassword: 'Correct-Horse-7',
  });
  expect(signedA).toEqual(signedB);
});
