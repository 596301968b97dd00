/**
 * The journal entry for what a person does in the AWS access portal (world/portal.ts): sign in,
 * generate a one-time password (the Identity Center console's "Reset password"), approve an
 * `aws sso login` code, open the console of an assigned account. IDs come from the world's seed, so
 * replaying the entries issues the same tokens and console sessions again.
 */
import { z } from 'zod';
import type { World } from '../world/world-interface.ts';

/** One portal action. */
export const portalOpSchema = z
  .object({
    /** Always `portal`. */
    kind: z.literal('portal'),
    /** signIn, oneTimePassword, approveDevice or openConsole. */
    action: z.enum(['signIn', 'oneTimePassword', 'approveDevice', 'openConsole']),
    /** The Identity Center user name (signIn, oneTimePassword). */
    userName: z.string().max(128).optional(),
    /** The password typed (signIn). */
    password: z.string().max(128).optional(),
    /** The new password chosen after a one-time password (signIn). */
    newPassword: z.string().max(128).optional(),
    /** The portal session's access token (approveDevice, openConsole). */
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
  | { ok: true; password: string }
  | { ok: false; reason: 'NO_SUCH_USER' };

/** Does one portal action to a world. */
export async function applyPortalOp(world: World, op: PortalOp): Promise<PortalOpResult> {
  switch (op.action) {
    case 'signIn':
      return world.portalSignIn({
        userName: op.userName ?? '',
        password: op.password ?? '',
        ...(op.newPassword !== undefined ? { newPassword: op.newPassword } : {}),
      });
    case 'oneTimePassword': {
      const password = world.portalOneTimePassword(op.userName ?? '');
      return password === undefined ? { ok: false, reason: 'NO_SUCH_USER' } : { ok: true, password };
    }
    case 'approveDevice':
      return world.portalApproveDevice(op.accessToken ?? '', op.userCode ?? '');
    case 'openConsole':
      return world.portalOpenConsole({ accessToken: op.accessToken ?? '', accountId: op.accountId ?? '', roleName: op.roleName ?? '' });
  }
}
