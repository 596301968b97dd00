/**
 * The journal entry for what a person does in the AWS access portal (world/portal.ts): sign in (with
 * an MFA code, or registering an authenticator app), generate a one-time password (the Identity Center
 * console's "Reset password"), approve an `aws sso login` code, open the console of an assigned
 * account, register or remove an MFA device, and the administrator's MFA settings (the Identity
 * Center console's Settings → Authentication; no public API, so the sandbox offers it). IDs come from the world's seed, so
 * replaying the entries issues the same tokens and console sessions again.
 */
import { z } from 'zod';
import type { IdcMfaSettings } from '../services/sso-admin/model.ts';
import type { World } from '../world/world-interface.ts';

/** One portal action. */
export const portalOpSchema = z
  .object({
    /** Always `portal`. */
    kind: z.literal('portal'),
    /** signIn, oneTimePassword, approveDevice, openConsole, startMfaRegistration, registerMfaDevice, deleteMfaDevice or setMfaSettings. */
    action: z.enum([
      'signIn',
      'oneTimePassword',
      'approveDevice',
      'openConsole',
      'startMfaRegistration',
      'registerMfaDevice',
      'deleteMfaDevice',
      'setMfaSettings',
    ]),
    /** The Identity Center user name (signIn, oneTimePassword). */
    userName: z.string().max(128).optional(),
    /** The password typed (signIn). */
    password: z.string().max(128).optional(),
    /** The new password chosen after a one-time password (signIn). */
    newPassword: z.string().max(128).optional(),
    /** A code from an authenticator app (signIn, registerMfaDevice). */
    mfaCode: z.string().max(16).optional(),
    /** The friendly name of the authenticator app being registered (signIn, registerMfaDevice). */
    deviceName: z.string().max(64).optional(),
    /** The device to remove (deleteMfaDevice). */
    deviceId: z.string().max(64).optional(),
    /** "Prompt users for MFA": every time, or never (setMfaSettings). */
    mfaMode: z.enum(['ALWAYS_ON', 'DISABLED']).optional(),
    /** "If a user does not yet have a registered MFA device": register, block or allow (setMfaSettings). */
    noDevice: z.enum(['REGISTER', 'BLOCK', 'ALLOW']).optional(),
    /** Whether users may authenticate with authenticator apps (setMfaSettings). */
    authenticatorApps: z.boolean().optional(),
    /** The portal session's access token (approveDevice, openConsole, the MFA device actions). */
    accessToken: z.string().max(256).optional(),
    /** The code `aws sso login` printed (approveDevice). */
    userCode: z.string().max(16).optional(),
    /** The account to open (openConsole). */
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** The permission set to open it as (openConsole). */
    roleName: z.string().max(32).optional(),
  })
  .strict();

/** A portal journal entry. */
export type PortalOp = z.infer<typeof portalOpSchema>;

/** What a portal action answered. */
export type PortalOpResult =
  | ReturnType<World['portalSignIn']>
  | ReturnType<World['portalApproveDevice']>
  | Awaited<ReturnType<World['portalOpenConsole']>>
  | ReturnType<World['portalMfaDevices']>
  | { ok: true; password: string }
  | { ok: true; settings: IdcMfaSettings }
  | { ok: false; reason: 'NO_SUCH_USER' | 'NOT_ENABLED' };

/** Does one portal action to a world. */
export async function applyPortalOp(world: World, op: PortalOp): Promise<PortalOpResult> {
  switch (op.action) {
    case 'signIn':
      return world.portalSignIn({
        userName: op.userName ?? '',
        password: op.password ?? '',
        ...(op.newPassword !== undefined ? { newPassword: op.newPassword } : {}),
        ...(op.mfaCode !== undefined ? { mfaCode: op.mfaCode } : {}),
        ...(op.deviceName !== undefined ? { deviceName: op.deviceName } : {}),
      });
    case 'oneTimePassword': {
      const password = world.portalOneTimePassword(op.userName ?? '');
      return password === undefined ? { ok: false, reason: 'NO_SUCH_USER' } : { ok: true, password };
    }
    case 'approveDevice':
      return world.portalApproveDevice(op.accessToken ?? '', op.userCode ?? '');
    case 'openConsole':
      return world.portalOpenConsole({ accessToken: op.accessToken ?? '', accountId: op.accountId ?? '', roleName: op.roleName ?? '' });
    case 'startMfaRegistration':
      return world.portalMfaDevices(op.accessToken ?? '', { kind: 'start' });
    case 'registerMfaDevice':
      return world.portalMfaDevices(op.accessToken ?? '', {
        kind: 'register',
        code: op.mfaCode ?? '',
        ...(op.deviceName !== undefined ? { name: op.deviceName } : {}),
      });
    case 'deleteMfaDevice':
      return world.portalMfaDevices(op.accessToken ?? '', { kind: 'remove', deviceId: op.deviceId ?? '' });
    case 'setMfaSettings': {
      const settings = world.portalMfaSettings({
        ...(op.mfaMode !== undefined ? { mode: op.mfaMode } : {}),
        ...(op.noDevice !== undefined ? { noDevice: op.noDevice } : {}),
        ...(op.authenticatorApps !== undefined ? { authenticatorApps: op.authenticatorApps } : {}),
      });
      return settings ? { ok: true, settings } : { ok: false, reason: 'NOT_ENABLED' };
    }
  }
}
