/**
 * Keys: CreateKey (with AWS's default key policy), DescribeKey, ListKeys, EnableKey, DisableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion, GetKeyPolicy, PutKeyPolicy with the lockout-safety check
 * (KMS API Reference; KMS Developer Guide, "Default key policy").
 */
import { parsePolicy } from '../../policy/parse.ts';
import { cliTimestamp } from '../../world/dates.ts';
import type { Tag } from '../../world/state.ts';
import { authorizeWith } from '../deny.ts';
import { fault } from '../errors.ts';
import { optBool, optList, optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { authorizeKey, keyPolicyInput, keyResource, kmsContext, resolveKey } from './access.ts';
import { keyNotPendingDeletion, keyPendingDeletion, kmsAccessDenied, lockout, malformedKeyPolicy } from './errors.ts';
import { keysOf, type KmsKey } from './model.ts';

/**
 * The key policy KMS gives a key created through the API without one: the account principal gets
 * `kms:*`, so IAM policies decide (KMS Developer Guide, "Default key policy", "Allows access to the
 * AWS account and enables IAM policies"). KMS returns it pretty-printed in this layout.
 */
export function defaultKeyPolicy(accountId: string): string {
  return [
    '{',
    '  "Version" : "2012-10-17",',
    '  "Id" : "key-default-1",',
    '  "Statement" : [ {',
    '    "Sid" : "Enable IAM User Permissions",',
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "arn:aws:iam::${accountId}:root"`,
    '    },',
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    '  } ]',
    '}',
  ].join('\n');
}

/** `KeyMetadata` in botocore's member order. */
export function keyMetadata(key: KmsKey, accountId: string): Record<string, unknown> {
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: cliTimestamp(key.creationDate),
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.keyState,
    ...(key.deletionDate !== undefined ? { DeletionDate: cliTimestamp(key.deletionDate) } : {}),
    Origin: 'AWS_KMS',
    KeyManager: key.awsManaged === true ? 'AWS' : 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}

/** A policy that does not parse as a key policy is refused before anything else looks at it. */
function requireKeyPolicy(text: string): void {
  if (!parsePolicy(text, { policyType: 'resource' }).ok) throw malformedKeyPolicy();
}

/**
 * Lockout safety: the new policy must let the caller call PutKeyPolicy again, unless
 * BypassPolicyLockoutSafetyCheck (KMS API Reference, "PutKeyPolicy", BypassPolicyLockoutSafetyCheck).
 */
function checkLockout(ctx: OperationContext, key: KmsKey, policy: string): void {
  if (optBool(ctx, 'BypassPolicyLockoutSafetyCheck') === true) return;
  const next = { ...key, policy };
  const result = ctx.check('kms:PutKeyPolicy', key.arn, { context: kmsContext(ctx, next, {}), resourcePolicy: keyPolicyInput(next) });
  if (result.decision !== 'allowed') throw lockout();
}

function createKey(ctx: OperationContext): Record<string, unknown> {
  const tags = (optList<{ TagKey?: string; TagValue?: string }>(ctx, 'Tags') ?? []).map((t): Tag => ({
    Key: t.TagKey ?? '',
    Value: t.TagValue ?? '',
  }));
  // CreateKey is allowed by IAM policies alone: there is no key policy yet (KMS Developer Guide, "kms:CreateKey").
  authorizeWith(
    ctx,
    'kms:CreateKey',
    '*',
    {
      context: {
        ...requestTagContext(tags),
        'kms:KeySpec': optStr(ctx, 'KeySpec') ?? 'SYMMETRIC_DEFAULT',
        'kms:KeyUsage': 'ENCRYPT_DECRYPT',
        'kms:KeyOrigin': 'AWS_KMS',
      },
    },
    (m) => kmsAccessDenied(m),
  );
  const keyId = ctx.ids.uuid();
  const given = optStr(ctx, 'Policy');
  const key: KmsKey = {
    keyId,
    arn: `arn:aws:kms:${ctx.region}:${ctx.state.accountId}:key/${keyId}`,
    region: ctx.region,
    description: optStr(ctx, 'Description') ?? '',
    keyState: 'Enabled',
    creationDate: ctx.nowMs,
    policy: given ?? defaultKeyPolicy(ctx.state.accountId),
    grants: [],
    tags,
    material: ctx.ids
      .bytes(32)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(''),
  };
  if (given !== undefined) {
    requireKeyPolicy(given);
    checkLockout(ctx, key, given);
  }
  keysOf(ctx.state)[keyId] = key;
  ctx.trail.resources = keyResource(ctx, key);
  return { KeyMetadata: keyMetadata(key, ctx.state.accountId) };
}

function describeKey(ctx: OperationContext): Record<string, unknown> {
  const { key, alias } = resolveKey(ctx, str(ctx, 'KeyId'), true);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:DescribeKey', key, { grantOperation: 'DescribeKey', ...(alias !== undefined ? { alias } : {}) });
  return { KeyMetadata: keyMetadata(key, ctx.state.accountId) };
}

function listKeys(ctx: OperationContext): Record<string, unknown> {
  authorizeWith(ctx, 'kms:ListKeys', '*', {}, (m) => kmsAccessDenied(m));
  const keys = Object.values(keysOf(ctx.state)).filter((k) => k.region === ctx.region);
  return { Keys: keys.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), Truncated: false };
}

function setEnabled(enabled: boolean): (ctx: OperationContext) => Record<string, unknown> {
  return (ctx) => {
    const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
    ctx.trail.resources = keyResource(ctx, key);
    authorizeKey(ctx, enabled ? 'kms:EnableKey' : 'kms:DisableKey', key);
    if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn);
    key.keyState = enabled ? 'Enabled' : 'Disabled';
    return {};
  };
}

function scheduleKeyDeletion(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:ScheduleKeyDeletion', key);
  if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn);
  const days = optNum(ctx, 'PendingWindowInDays') ?? 30;
  // KMS accepts 7–30 days (KMS API Reference, "ScheduleKeyDeletion", PendingWindowInDays); botocore allows 1–365.
  if (days < 7 || days > 30) {
    const bound = days < 7 ? 'greater than or equal to 7' : 'less than or equal to 30';
    throw fault(
      'ValidationException',
      `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`,
      400,
    );
  }
  key.keyState = 'PendingDeletion';
  key.deletionDate = ctx.nowMs + days * 86_400_000;
  return { KeyId: key.arn, DeletionDate: cliTimestamp(key.deletionDate), KeyState: 'PendingDeletion', PendingWindowInDays: days };
}

function cancelKeyDeletion(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:CancelKeyDeletion', key);
  if (key.keyState !== 'PendingDeletion') throw keyNotPendingDeletion(key.arn);
  // A key whose deletion is canceled comes back disabled (KMS Developer Guide, "Canceling key deletion").
  key.keyState = 'Disabled';
  delete key.deletionDate;
  return { KeyId: key.arn };
}

function getKeyPolicy(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:GetKeyPolicy', key);
  return { Policy: key.policy, PolicyName: 'default' };
}

function putKeyPolicy(ctx: OperationContext): Record<string, unknown> {
  const { key } = resolveKey(ctx, str(ctx, 'KeyId'), false);
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:PutKeyPolicy', key);
  const policy = str(ctx, 'Policy');
  requireKeyPolicy(policy);
  checkLockout(ctx, key, policy);
  key.policy = policy;
  return {};
}

/** The key operations. */
export const KEY_OPERATIONS: Record<string, OperationDefinition> = {
  CreateKey: { handler: createKey, readOnly: false },
  DescribeKey: { handler: describeKey, readOnly: true },
  ListKeys: { handler: listKeys, readOnly: true },
  EnableKey: { handler: setEnabled(true), readOnly: false },
  DisableKey: { handler: setEnabled(false), readOnly: false },
  ScheduleKeyDeletion: { handler: scheduleKeyDeletion, readOnly: false },
  CancelKeyDeletion: { handler: cancelKeyDeletion, readOnly: false },
  GetKeyPolicy: { handler: getKeyPolicy, readOnly: true },
  PutKeyPolicy: { handler: putKeyPolicy, readOnly: false },
};
