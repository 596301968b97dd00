/**
 * The AWS access portal's half of the worker api (src/console/portal): every action is a journal
 * entry (src/sim/scenario/portal-op.ts) so a reload rebuilds the same portal and console sessions.
 */
import type { PortalOp, PortalOpResult } from '../../sim/scenario/portal-op.ts';
import type { IdcMfaSettings } from '../../sim/services/sso-admin/model.ts';
import type { PortalMfaDeviceView } from '../../sim/world/portal-mfa.ts';
import type { Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';
import { worlds } from '../worlds.ts';

/** The accounts a portal user sees, with the permission sets of each, and the codes waiting for approval. */
export type PortalListing =
  | {
      ok: true;
      accounts: { accountId: string; accountName: string; emailAddress: string; roles: string[] }[];
      pending: { userCode: string; expiresAt: number }[];
      /** The user's authenticator apps ("MFA devices"). */
      mfaDevices: PortalMfaDeviceView[];
    }
  | { ok: false; code: string; message: string };

/** The portal half of the worker api. */
export const portalApi = {
  /** Does one portal action (sign in, one-time password, approve a device code, open the console). */
  portalAction(world: string, op: Omit<PortalOp, 'kind'>): Promise<Result<PortalOpResult>> {
    return attempt(() => worlds.portal(world, { kind: 'portal', ...op }));
  },

  /**
   * What the portal shows a signed-in user: their accounts and the permission sets in each, read with
   * the portal API (ListAccounts, ListAccountRoles) on a throw-away copy of the world, so drawing the
   * page records nothing (as consoleRead does).
   */
  portalRead(world: string, accessToken: string): Promise<Result<PortalListing>> {
    return attempt(async () => {
      const copy = (await worlds.get(world)).fork();
      const call = (operation: string, params: Record<string, unknown>) =>
        copy.invoke({ service: 'sso', operation, params: { accessToken, ...params }, credentials: { kind: 'anonymous' } });
      const listed = await call('ListAccounts', {});
      if (!listed.ok) return { ok: false as const, code: listed.error.code, message: listed.error.message };
      const accounts = [];
      for (const a of listed.output['accountList'] as { accountId: string; accountName: string; emailAddress: string }[]) {
        const roles = await call('ListAccountRoles', { accountId: a.accountId });
        accounts.push({ ...a, roles: roles.ok ? (roles.output['roleList'] as { roleName: string }[]).map((r) => r.roleName) : [] });
      }
      const devices = copy.portalMfaDevices(accessToken, { kind: 'list' });
      return { ok: true as const, accounts, pending: copy.portalPendingCodes(), mfaDevices: devices.ok ? devices.devices : [] };
    });
  },

  /** The Identity Center instance's MFA settings (null when Identity Center is not enabled). */
  portalMfaSettings(world: string): Promise<Result<IdcMfaSettings | null>> {
    return attempt(async () => (await worlds.get(world)).portalMfaSettings() ?? null);
  },

  /**
   * The sandbox's simulated phone: the code of each authenticator app of an Identity Center user (and
   * of the one being registered), `lagMs` after the world's clock (a world that follows real time
   * catches up on its next change).
   */
  portalAuthenticator(
    world: string,
    userName: string,
    lagMs = 0,
  ): Promise<Result<{ name: string; code: string; secondsLeft: number; pending: boolean }[]>> {
    return attempt(async () => (await worlds.get(world)).portalAuthenticator(userName, Math.min(lagMs, 366 * 24 * 3600 * 1000)));
  },

  /** The `aws sso login` codes waiting for approval. */
  portalPendingCodes(world: string): Promise<Result<{ userCode: string; expiresAt: number }[]>> {
    return attempt(() => worlds.portalPendingCodes(world));
  },
};
