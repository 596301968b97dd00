/**
 * Worlds saved before SAML providers and Identity Center existed (no `samlProviders`, no
 * `identityCenter` in their accounts) still load, and the new services answer as for an account
 * that never used them.
 */
import { expect, test } from 'vitest';
import v1 from '../../../../fixtures/worlds/v1-world.json';
import { createWorld } from '../../../../../src/sim/world/index.ts';
import { aliceWithPassword, identityCenterWorld, json, PASSWORD, roleDetails } from './helpers.ts';

test('an older snapshot has no SAML providers and no Identity Center instance', async () => {
  const world = createWorld({ snapshot: v1 });
  expect(await json(world, 'aws iam list-saml-providers')).toEqual({ SAMLProviderList: [] });
  const r = await world.run('aws sso-admin list-instances');
  expect(r.stderr).not.toContain('ServiceFailure');
  // The portal answers as AWS does with no instance behind it.
  const portal = await world.run('aws sso list-accounts --access-token aoaX');
  expect(portal.stderr).toContain('UnauthorizedException');
});

test('a world with Identity Center saves and loads with its instance, store, assignments and roles', async () => {
  const { world, member, instanceArn } = await identityCenterWorld();
  const copy = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
  expect(await json(copy, 'aws sso-admin list-instances')).toMatchObject({ Instances: [{ InstanceArn: instanceArn }] });
  expect(roleDetails(copy, member).some((role) => role.RoleName.startsWith('AWSReservedSSO_'))).toBe(true);
});

// Identity Center MFA settings (sso-admin/model.ts) came later within format version 2; older instances get
// a new instance's defaults (User Guide, mfa-getting-started.html, how-to-configure-mfa-device-enforcement.html).
test('a snapshot saved before MFA was simulated loads with the default settings, and its users must register', async () => {
  const world = await aliceWithPassword();
  const saved = JSON.parse(JSON.stringify(world.save())) as { accounts: Record<string, { identityCenter?: Record<string, unknown> }> };
  for (const account of Object.values(saved.accounts)) delete account.identityCenter?.['mfa'];
  expect(Object.values(saved.accounts).some((a) => a.identityCenter && !('mfa' in a.identityCenter))).toBe(true);
  const old = createWorld({ snapshot: saved });
  expect(old.portalMfaSettings()).toEqual({ mode: 'ALWAYS_ON', authenticatorApps: true, noDevice: 'REGISTER' });
  expect(old.portalSignIn({ userName: 'alice', password: PASSWORD })).toMatchObject({ ok: false, reason: 'MFA_REGISTRATION_REQUIRED' });
  expect(await json(old, 'aws sso-admin list-instances')).toMatchObject({ Instances: [{ Status: 'ACTIVE' }] });
});
