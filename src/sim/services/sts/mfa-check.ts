/**
 * MFA-protected API access (IAM User Guide, "Configuring MFA-protected API access", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html):
 * STS checks the serial number and one-time code a caller passes; the texts are the ones real STS
 * answers return (AWS documents the checks, not the wording).
 */
import type { Caller } from '../../world/caller.ts';
import { own, type AccountState } from '../../world/state.ts';
import { matchTotpCode } from '../../world/totp.ts';
import { accessDenied } from '../errors.ts';

/** The outcome: no MFA passed, or MFA verified at a time. */
export type MfaOutcome = { used: false } | { used: true; serialNumber: string; authTime: number };

/** Verifies SerialNumber + TokenCode for the caller; throws AccessDenied with STS's wording. */
export function verifyMfa(
  state: AccountState,
  caller: Caller,
  serial: string | undefined,
  code: string | undefined,
  nowMs: number,
): MfaOutcome {
  if (serial === undefined && code === undefined) return { used: false };
  if (serial === undefined || code === undefined)
    throw accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  const device = own(state.mfaDevices, serial);
  const owner = caller.type === 'Root' ? '<root>' : caller.user?.name;
  const assigned =
    device !== undefined &&
    device.user !== undefined &&
    (caller.type === 'Root' ? state.root.mfaSerials.includes(serial) : device.user === owner);
  if (!device || !assigned) {
    throw accessDenied(
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    );
  }
  const step = matchTotpCode(device.seedBase32, code, nowMs, device.lastUsedStep);
  if (step === undefined) throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  device.lastUsedStep = step;
  return { used: true, serialNumber: serial, authTime: nowMs };
}
