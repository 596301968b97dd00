/**
 * The AWS access portal's half of the worker api (src/console/portal): every action is a journal
 * entry (src/sim/scenario/portal-op.ts) so a reload rebuilds the same portal and console sessions.
 */
import type { PortalOp, PortalOpResult } from '../../sim/scenario/portal-op.ts';
import type { Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';
import { worlds } from '../worlds.ts';

/** The accounts a portal user sees, with the permission sets of each, and the codes waiting for approval. */
export type PortalListing =
  | {
      ok: true;
      accounts: { accountId: string; accountName: string; emailAddress: string; roles: string[] }[];
      pending: { userCode: string; expiresAt: number }[];
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
      return { ok: true as const, accounts, pending: copy.portalPendingCodes() };
    });
  },

  /** The `aws sso login` codes waiting for approval. */
  portalPendingCodes(world: string): Promise<Result<{ userCode: string; expiresAt: number }[]>> {
    return attempt(() => worlds.portalPendingCodes(world));
  },
};
