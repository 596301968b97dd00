/**
 * Virtual MFA: RFC 6238 TOTP with IAM's parameters (SHA1, 6 digits, 30-second steps; IAM User Guide,
 * "Assign a virtual MFA device"), computed by the `otpauth` library against the world's clock.
 */
import { Secret, TOTP } from 'otpauth';

/** TOTP time step length in seconds. */
export const TOTP_PERIOD_SECONDS = 30;

/** The TOTP time step that contains `ms`. */
export function totpStep(ms: number): number {
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

/** The 6-digit code of a seed for one time step. */
export function totpCodeAtStep(seedBase32: string, step: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(seedBase32), timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** The 6-digit code an authenticator shows at time `ms`. */
export function totpCode(seedBase32: string, ms: number): string {
  return totpCodeAtStep(seedBase32, totpStep(ms));
}

/** Seconds until the code shown at `ms` changes (for a live authenticator widget). */
export function totpSecondsRemaining(ms: number): number {
  return TOTP_PERIOD_SECONDS - (Math.floor(ms / 1000) % TOTP_PERIOD_SECONDS);
}

/**
 * The step a one-time code belongs to, looking one step either side of now (clock drift), or
 * undefined. Steps at or before `lastUsedStep` are refused: a code is never accepted twice.
 */
export function matchTotpCode(seedBase32: string, code: string, ms: number, lastUsedStep?: number): number | undefined {
  const now = totpStep(ms);
  for (const step of [now, now - 1, now + 1]) {
    if (lastUsedStep !== undefined && step <= lastUsedStep) continue;
    if (totpCodeAtStep(seedBase32, step) === code) return step;
  }
  return undefined;
}

/**
 * EnableMFADevice's check: the two codes are consecutive (code 2 is the step after code 1), and
 * recent — code 2 may be the current step, the one before, or (if typed early) the next one.
 * Returns the step of code 2, or undefined.
 */
export function matchConsecutiveCodes(seedBase32: string, code1: string, code2: string, ms: number): number | undefined {
  const now = totpStep(ms);
  for (const step2 of [now, now - 1, now + 1, now - 2]) {
    if (totpCodeAtStep(seedBase32, step2 - 1) === code1 && totpCodeAtStep(seedBase32, step2) === code2) return step2;
  }
  return undefined;
}

/**
 * The otpauth URI the QR code carries. Observed real codes label the device as
 * `Amazon Web Services:<device name>@<account alias, else account ID>` with issuer
 * `Amazon Web Services` (IAM User Guide, "Assign a virtual MFA device in the AWS Management Console",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html).
 */
export function otpauthUri(seedBase32: string, deviceName: string, accountLabel: string): string {
  const issuer = 'Amazon Web Services';
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(`${deviceName}@${accountLabel}`)}?secret=${seedBase32}&issuer=${encodeURIComponent(issuer)}`;
}
