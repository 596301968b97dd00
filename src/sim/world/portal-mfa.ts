/**
 * Multi-factor authentication for Identity Center users in the AWS access portal (IAM Identity Center
 * User Guide, "Multi-factor authentication for Identity Center users",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/enable-mfa.html): after a correct password
 * a user with an authenticator app enters a code from it; a user without one registers one first
 * ("Require them to register an MFA device at sign in", the default) or is blocked or let in, as the
 * instance's settings say; a signed-in user lists, registers and removes their devices ("MFA devices",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/user-device-registration.html). None of
 * this has a public API: the portal's pages call it here, and each call is a journal entry.
 */
import type { IdcMfaDevice, IdcMfaSettings, IdcUser, IdentityCenterState, PortalToken } from '../services/sso-admin/model.ts';
import type { IdGenerator } from './ids.ts';
import { own } from './state.ts';
import { matchTotpCode, totpCode, totpSecondsRemaining } from './totp.ts';

/**
 * Why the MFA step refused a sign-in. MFA_REQUIRED: the user has a device; sign in again with a code.
 * MFA_REGISTRATION_REQUIRED: no device yet; register the authenticator app shown (`registration`) by
 * signing in again with a code from it. INVALID_MFA_CODE: the code is not the device's now.
 * MFA_CODE_REUSED: the code was already used (wait for the next one). MFA_DEVICE_REQUIRED: no device
 * and the instance blocks such sign-ins (or allows no device type the user could register).
 * INVALID_DEVICE_NAME: the friendly name has characters other than letters, digits, spaces and _+=,.@-.
 */
export type PortalMfaRefusal =
  'MFA_REQUIRED' | 'MFA_REGISTRATION_REQUIRED' | 'INVALID_MFA_CODE' | 'MFA_CODE_REUSED' | 'MFA_DEVICE_REQUIRED' | 'INVALID_DEVICE_NAME';

/** What the portal shows to set up an authenticator app: the secret for manual entry and the QR code's text. */
export interface MfaRegistration {
  secret: string;
  uri: string;
}

/** The outcome of the MFA step: pass (with whether MFA was used) or a refusal. */
export type MfaStepResult = { ok: true; mfa: boolean } | { ok: false; reason: PortalMfaRefusal; registration?: MfaRegistration };

/** A device as the portal lists it (the secret stays in the world). */
export interface PortalMfaDeviceView {
  id: string;
  name: string;
  registeredAt: number;
}

/**
 * "Each user can register up to two virtual authenticator apps" (User Guide, "Multi-factor
 * authentication for Identity Center users", https://docs.aws.amazon.com/singlesignon/latest/userguide/enable-mfa.html).
 */
export const MAX_AUTHENTICATOR_APPS = 2;

const DEVICE_NAME = /^[\w+=,.@ -]{1,64}$/;

/**
 * The MFA step of a portal sign-in, after the password was accepted: decides whether the user is in,
 * and registers the authenticator app being set up when `mfaCode` is a code from it.
 */
export function portalMfaStep(
  instance: IdentityCenterState,
  user: IdcUser,
  ids: IdGenerator,
  nowMs: number,
  input: { mfaCode?: string; deviceName?: string },
): MfaStepResult {
  const settings = instance.mfa;
  if (settings.mode === 'DISABLED') return { ok: true, mfa: false };
  const devices = user.mfaDevices ?? [];
  if (devices.length > 0) {
    if (input.mfaCode === undefined) return { ok: false, reason: 'MFA_REQUIRED' };
    return checkCode(devices, input.mfaCode.trim(), nowMs);
  }
  if (settings.noDevice === 'ALLOW') return { ok: true, mfa: false };
  if (settings.noDevice === 'BLOCK' || !settings.authenticatorApps) return { ok: false, reason: 'MFA_DEVICE_REQUIRED' };
  // Self-enrollment during sign-in "following a successful password authentication" (how-to-configure-mfa-device-enforcement.html).
  if (input.mfaCode === undefined || user.pendingMfaSeed === undefined)
    return { ok: false, reason: 'MFA_REGISTRATION_REQUIRED', registration: startRegistration(instance, user, ids) };
  const seed = user.pendingMfaSeed;
  const registered = finishRegistration(user, ids, nowMs, input.mfaCode.trim(), input.deviceName);
  // With no device yet, only the code or the name can be wrong.
  if (registered !== 'OK')
    return {
      ok: false,
      reason: registered === 'INVALID_DEVICE_NAME' ? registered : 'INVALID_MFA_CODE',
      registration: registrationOf(instance, user, seed),
    };
  return { ok: true, mfa: true };
}

/**
 * Whether a portal session is signed in as the instance's MFA settings require now: with MFA, unless
 * MFA is off or the user has no device and the instance lets such users in. A session from before the
 * setting was turned on (or from before MFA was simulated) must sign in again.
 */
export function sessionMeetsMfa(instance: IdentityCenterState, token: PortalToken): boolean {
  if (token.mfa === true || instance.mfa.mode === 'DISABLED') return true;
  const user = own(instance.users, token.UserId);
  return (user?.mfaDevices ?? []).length === 0 && instance.mfa.noDevice === 'ALLOW';
}

/** The devices a signed-in user sees on "MFA devices". */
export function listMfaDevices(user: IdcUser): PortalMfaDeviceView[] {
  return (user.mfaDevices ?? []).map((d) => ({ id: d.id, name: d.name, registeredAt: d.registeredAt }));
}

/** "Register device" → "Authenticator app" from the portal: a new secret to set up (kept until a code from it is entered). */
export function startRegistration(instance: IdentityCenterState, user: IdcUser, ids: IdGenerator): MfaRegistration {
  user.pendingMfaSeed ??= ids.mfaSeedBase32();
  return registrationOf(instance, user, user.pendingMfaSeed);
}

/** Registers the authenticator app being set up when `code` is its code now; TOO_MANY_DEVICES past the limit. */
export function finishRegistration(
  user: IdcUser,
  ids: IdGenerator,
  nowMs: number,
  code: string,
  deviceName: string | undefined,
): 'OK' | 'NO_REGISTRATION' | 'INVALID_MFA_CODE' | 'INVALID_DEVICE_NAME' | 'TOO_MANY_DEVICES' {
  const seed = user.pendingMfaSeed;
  if (seed === undefined) return 'NO_REGISTRATION';
  const name = (deviceName ?? '').trim() || 'Authenticator app';
  if (!DEVICE_NAME.test(name)) return 'INVALID_DEVICE_NAME';
  const devices = user.mfaDevices ?? [];
  if (devices.length >= MAX_AUTHENTICATOR_APPS) return 'TOO_MANY_DEVICES';
  const step = matchTotpCode(seed, code, nowMs);
  if (step === undefined) return 'INVALID_MFA_CODE';
  user.mfaDevices = [
    ...devices,
    { id: `mfa-${ids.chars('0123456789abcdef', 16)}`, name, seedBase32: seed, registeredAt: nowMs, lastUsedStep: step },
  ];
  delete user.pendingMfaSeed;
  return 'OK';
}

/** Removes a device by id; false when the user has no such device. */
export function removeMfaDevice(user: IdcUser, deviceId: string): boolean {
  const devices = user.mfaDevices ?? [];
  if (!devices.some((d) => d.id === deviceId)) return false;
  const rest = devices.filter((d) => d.id !== deviceId);
  if (rest.length > 0) user.mfaDevices = rest;
  else delete user.mfaDevices;
  return true;
}

/** Changes the instance's MFA settings (the Identity Center console's Configure multi-factor authentication page). */
export function changeMfaSettings(instance: IdentityCenterState, change: Partial<IdcMfaSettings>): IdcMfaSettings {
  instance.mfa = { ...instance.mfa, ...change };
  return { ...instance.mfa };
}

/**
 * What the simulated phone shows for a user: each registered app's code at the world's clock, and the
 * app being registered. A sandbox view of secrets the world holds (a real phone keeps its own copy).
 */
export function authenticatorView(user: IdcUser, nowMs: number): { name: string; code: string; secondsLeft: number; pending: boolean }[] {
  const secondsLeft = totpSecondsRemaining(nowMs);
  const shown = (user.mfaDevices ?? []).map((d) => ({ name: d.name, code: totpCode(d.seedBase32, nowMs), secondsLeft, pending: false }));
  if (user.pendingMfaSeed !== undefined)
    shown.push({ name: 'New authenticator app', code: totpCode(user.pendingMfaSeed, nowMs), secondsLeft, pending: true });
  return shown;
}

function checkCode(devices: IdcMfaDevice[], code: string, nowMs: number): MfaStepResult {
  for (const device of devices) {
    const step = matchTotpCode(device.seedBase32, code, nowMs, device.lastUsedStep);
    if (step !== undefined) {
      device.lastUsedStep = step;
      return { ok: true, mfa: true };
    }
  }
  // Right code, already used: say so, so the learner waits for the next one instead of doubting the app.
  const reused = devices.some((d) => matchTotpCode(d.seedBase32, code, nowMs) !== undefined);
  return { ok: false, reason: reused ? 'MFA_CODE_REUSED' : 'INVALID_MFA_CODE' };
}

/**
 * The QR code's otpauth URI. The User Guide does not say what label Identity Center puts in it; ours
 * is `AWS IAM Identity Center:<user name>@<identity store ID>` (a choice, in the sso README).
 */
function registrationOf(instance: IdentityCenterState, user: IdcUser, seed: string): MfaRegistration {
  const issuer = 'AWS IAM Identity Center';
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(`${user.UserName}@${instance.IdentityStoreId}`)}`;
  return { secret: seed, uri: `otpauth://totp/${label}?secret=${seed}&issuer=${encodeURIComponent(issuer)}` };
}
