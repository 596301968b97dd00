/**
 * Virtual MFA devices (IAM API Reference, "CreateVirtualMFADevice", "EnableMFADevice"): a device is
 * a TOTP seed; enabling it for a user takes two consecutive codes; up to 8 devices per user.
 */
import { cliTimestamp } from '../../world/dates.ts';
import { qrCodePng } from '../../world/qr-png.ts';
import { own, nameKey, type MfaDevice } from '../../world/state.ts';
import { matchConsecutiveCodes, otpauthUri } from '../../world/totp.ts';
import { deleteConflict, entityAlreadyExists, fault, limitExceeded, noSuchEntity } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { impliedUser, impliedUserArn, impliedUserDisplay, requireUserAuthorized } from './users.ts';
import { userOut } from './shapes.ts';
import { mergeTags, tagsParam } from './tags.ts';

const invalidCode = () => fault('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);

function requireDevice(ctx: OperationContext, serial: string): MfaDevice {
  const device = own(ctx.state.mfaDevices, serial);
  if (!device) throw noSuchEntity(`MFA Device with serial number ${serial} does not exist.`);
  return device;
}

function createVirtualMfaDevice(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'VirtualMFADeviceName');
  const path = optStr(ctx, 'Path') ?? '/';
  const tags = tagsParam(ctx.params['Tags']);
  const serial = `arn:aws:iam::${ctx.state.accountId}:mfa${path}${name}`;
  ctx.authorize('iam:CreateVirtualMFADevice', serial, { context: requestTagContext(tags) });
  if (own(ctx.state.mfaDevices, serial)) throw entityAlreadyExists('MFADevice entity at the same path and name already exists.');
  const seed = ctx.ids.mfaSeedBase32();
  ctx.state.mfaDevices[serial] = { serialNumber: serial, name, path, seedBase32: seed, createDate: ctx.nowMs, tags: mergeTags([], tags) };
  const png = qrCodePng(otpauthUri(seed, name, ctx.state.accountAlias ?? ctx.state.accountId));
  ctx.trail.responseElements = { virtualMFADevice: { serialNumber: serial } };
  return {
    VirtualMFADevice: {
      SerialNumber: serial,
      Base32StringSeed: new TextEncoder().encode(seed),
      QRCodePNG: png,
      ...(tags.length ? { Tags: tags } : {}),
    },
  };
}

function enableMfaDevice(ctx: OperationContext): Record<string, unknown> {
  // "You cannot enable an MFA device for the AWS account root user with the AWS CLI, AWS API … However,
  // you can use the AWS Management Console" (IAM User Guide, "Enable a virtual MFA device for the root
  // user (console)", https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html):
  // only a console session of the root user assigns a device to the root user. The console names the
  // user `root` (the API requires a UserName; the CloudTrail guide's "Root user, MFA changed" example
  // logs a userName): our choice, used only when no IAM user has that name.
  if (
    ctx.caller.type === 'Root' &&
    ctx.caller.session?.kind === 'Console' &&
    optStr(ctx, 'UserName') === 'root' &&
    !ctx.state.users[nameKey('root')]
  )
    return enableRootMfaDevice(ctx);
  const user = requireUserAuthorized(ctx, 'iam:EnableMFADevice');
  const device = requireDevice(ctx, str(ctx, 'SerialNumber'));
  if (device.user !== undefined) throw entityAlreadyExists('MFA Device is already in use.');
  if (user.mfaSerials.length >= 8) throw limitExceeded('Cannot exceed quota for MFADevicesPerUser: 8');
  const step = matchConsecutiveCodes(device.seedBase32, str(ctx, 'AuthenticationCode1'), str(ctx, 'AuthenticationCode2'), ctx.nowMs);
  if (step === undefined) throw invalidCode();
  device.user = user.name;
  device.enableDate = ctx.nowMs;
  device.lastUsedStep = step;
  user.mfaSerials.push(device.serialNumber);
  return {};
}

function enableRootMfaDevice(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:EnableMFADevice', ctx.caller.arn);
  const device = requireDevice(ctx, str(ctx, 'SerialNumber'));
  if (device.user !== undefined) throw entityAlreadyExists('MFA Device is already in use.');
  if (ctx.state.root.mfaSerials.length >= 8) throw limitExceeded('Cannot exceed quota for MFADevicesPerUser: 8');
  const step = matchConsecutiveCodes(device.seedBase32, str(ctx, 'AuthenticationCode1'), str(ctx, 'AuthenticationCode2'), ctx.nowMs);
  if (step === undefined) throw invalidCode();
  device.user = '<root>';
  device.enableDate = ctx.nowMs;
  device.lastUsedStep = step;
  ctx.state.root.mfaSerials.push(device.serialNumber);
  return {};
}

function resyncMfaDevice(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:ResyncMFADevice');
  const device = requireDevice(ctx, str(ctx, 'SerialNumber'));
  if (device.user !== user.name) throw noSuchEntity(`MFA Device with serial number ${device.serialNumber} does not exist.`);
  const step = matchConsecutiveCodes(device.seedBase32, str(ctx, 'AuthenticationCode1'), str(ctx, 'AuthenticationCode2'), ctx.nowMs);
  if (step === undefined) throw invalidCode();
  device.lastUsedStep = step;
  return {};
}

function listMfaDevices(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListMFADevices', impliedUserArn(ctx), impliedUserDisplay(ctx));
  if (optStr(ctx, 'UserName') === undefined && ctx.caller.type === 'Root') {
    return {
      MFADevices: ctx.state.root.mfaSerials.map((s) => ({
        SerialNumber: s,
        EnableDate: cliTimestamp(own(ctx.state.mfaDevices, s)?.enableDate ?? 0),
      })),
    };
  }
  const user = impliedUser(ctx);
  return {
    MFADevices: user.mfaSerials.map((serial) => ({
      UserName: user.name,
      SerialNumber: serial,
      EnableDate: cliTimestamp(own(ctx.state.mfaDevices, serial)?.enableDate ?? 0),
    })),
  };
}

function listVirtualMfaDevices(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListVirtualMFADevices', `arn:aws:iam::${ctx.state.accountId}:mfa/`);
  const status = optStr(ctx, 'AssignmentStatus') ?? 'Any';
  const devices = Object.values(ctx.state.mfaDevices)
    .filter((d) => status === 'Any' || (status === 'Assigned') === (d.user !== undefined))
    .sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : 1));
  return {
    VirtualMFADevices: devices.map((d) => {
      const user = d.user !== undefined ? ctx.state.users[nameKey(d.user)] : undefined;
      return {
        SerialNumber: d.serialNumber,
        ...(user ? { User: userOut(user, false) } : {}),
        ...(d.enableDate !== undefined ? { EnableDate: cliTimestamp(d.enableDate) } : {}),
      };
    }),
  };
}

function deactivateMfaDevice(ctx: OperationContext): Record<string, unknown> {
  const user = requireUserAuthorized(ctx, 'iam:DeactivateMFADevice');
  const serial = str(ctx, 'SerialNumber');
  const device = own(ctx.state.mfaDevices, serial);
  if (!device || device.user !== user.name) throw noSuchEntity(`MFA Device with serial number ${serial} does not exist.`);
  delete device.user;
  delete device.enableDate;
  user.mfaSerials = user.mfaSerials.filter((s) => s !== serial);
  return {};
}

function deleteVirtualMfaDevice(ctx: OperationContext): Record<string, unknown> {
  const serial = str(ctx, 'SerialNumber');
  ctx.authorize('iam:DeleteVirtualMFADevice', serial);
  const device = requireDevice(ctx, serial);
  if (device.user !== undefined) throw deleteConflict('MFA Device is still in use');
  delete ctx.state.mfaDevices[serial];
  return {};
}

/** The MFA operations. */
export const MFA_OPERATIONS: Record<string, OperationDefinition> = {
  CreateVirtualMFADevice: { handler: createVirtualMfaDevice, readOnly: false },
  EnableMFADevice: { handler: enableMfaDevice, readOnly: false },
  ResyncMFADevice: { handler: resyncMfaDevice, readOnly: false },
  ListMFADevices: { handler: listMfaDevices, readOnly: true },
  ListVirtualMFADevices: { handler: listVirtualMfaDevices, readOnly: true },
  DeactivateMFADevice: { handler: deactivateMfaDevice, readOnly: false },
  DeleteVirtualMFADevice: { handler: deleteVirtualMfaDevice, readOnly: false },
};
