/**
 * The worker's api modules, called directly (no Worker needed): policy checks with the engine's
 * explanation, errors as data, and named worlds rebuilt exactly from their journals.
 */
import { describe, expect, it } from 'vitest';
import { policyApi } from '../../../src/worker/api/policy.ts';
import { worldApi } from '../../../src/worker/api/world.ts';

const allowRead = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo/*' }],
});

describe('policyApi.simulate', () => {
  it('allows with the deciding statement and an explanation', async () => {
    const result = await policyApi.simulate({
      identityPolicies: [allowRead],
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::dojo/a.txt',
      context: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decision).toBe('allowed');
    expect(result.value.authorization?.decidingStatements[0]?.sid).toBe('Read');
    expect(result.value.authorization?.explanation.steps.length).toBeGreaterThan(0);
    expect(result.value.accessDeniedMessage).toBeUndefined();
  });

  it('denies implicitly with the AccessDenied text AWS would answer', async () => {
    const result = await policyApi.simulate({
      identityPolicies: [allowRead],
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::dojo/a.txt',
      context: [],
    });
    expect(result.ok && result.value.decision).toBe('implicitDeny');
    expect(result.ok && result.value.accessDeniedMessage).toMatch(/is not authorized to perform: s3:PutObject/);
  });

  it('answers a malformed policy as an error with a code, never as a deny', async () => {
    const result = await policyApi.simulate({ identityPolicies: ['{"Statement": ['], action: 's3:GetObject', resource: '*', context: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toMatch(/^[A-Z_]+$/);
  });

  it('lists validation errors with positions for editor markers', async () => {
    const result = await policyApi.lintPolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}',
      'identity',
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.some((f) => f.code === 'INVALID_EFFECT' && f.span.start.line === 1)).toBe(true);
  });
});

describe('worldApi', () => {
  it('rebuilds a world exactly from its journal', async () => {
    await worldApi.reset('unit-a', { seed: 'unit', now: '2026-03-02T09:00:00Z' });
    await worldApi.run('unit-a', 'aws iam create-user --user-name alice');
    await worldApi.advanceClock('unit-a', 45);
    await worldApi.run('unit-a', 'aws iam create-access-key --user-name alice');
    const journal = await worldApi.journal('unit-a');
    expect(journal.ok).toBe(true);
    if (!journal.ok) return;
    expect(journal.value.ops.map((o) => o.kind)).toEqual(['run', 'advance', 'run']);
    await worldApi.restore('unit-b', journal.value);
    const [a, b] = await Promise.all([worldApi.trail('unit-a'), worldApi.trail('unit-b')]);
    expect(b).toEqual(a);
  });

  it('gives the authenticator codes of a virtual MFA device from the world clock', async () => {
    await worldApi.reset('unit-mfa', { seed: 'mfa', now: '2026-03-02T09:00:00Z' });
    const created = await worldApi.run(
      'unit-mfa',
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name phone --outfile seed.txt --bootstrap-method Base32StringSeed',
    );
    expect(created.ok && created.value.exitCode).toBe(0);
    const first = await worldApi.mfaCodes('unit-mfa', 'seed.txt', 'phone@123456789012');
    await worldApi.advanceClock('unit-mfa', 30);
    const second = await worldApi.mfaCodes('unit-mfa', 'seed.txt', 'phone@123456789012');
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(first.value.code).toMatch(/^\d{6}$/);
      expect(second.value.code).toBe(first.value.nextCode);
      expect(first.value.uri).toMatch(/^otpauth:\/\/totp\//);
    }
  });

  it('refuses a clock step outside 1 s .. 1 year', async () => {
    const result = await worldApi.advanceClock('unit-a', -5);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_CLOCK_STEP' } });
  });
});
