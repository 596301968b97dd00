/**
 * KMS called by S3 on the caller's behalf, for SSE-KMS objects (S3 User Guide, "Using server-side
 * encryption with AWS KMS keys (SSE-KMS)"): PutObject needs `kms:GenerateDataKey` and GetObject
 * `kms:Decrypt` on the key, decided for the *caller* with `kms:ViaService` = s3.REGION.amazonaws.com
 * and the encryption context `aws:s3:arn` = the object ARN. KMS logs its own event with the caller's
 * identity, invoked by s3.amazonaws.com. A denial reaches the caller as S3's AccessDenied carrying
 * KMS's sentence. Without a key ID S3 uses the AWS managed key `aws/s3`, created on first use.
 */
import { userIdentityOf } from '../../trail/identity.ts';
import { buildTrailRecord } from '../../trail/record.ts';
import { isoSeconds } from '../../world/dates.ts';
import { accessDenied, ServiceFault } from '../errors.ts';
import type { OperationContext } from '../operation.ts';
import { base64ToBytes, bytesToBase64 } from '../s3/checksums.ts';
import { authorizeKey, keyById, requireUsable, resolveKey } from './access.ts';
import { keyIdOf, open, seal } from './cipher.ts';
import { keysOf, aliasesOf, type KmsKey } from './model.ts';

/** S3's data key for a new object under `keyParam` (or aws/s3), checked and logged as KMS does. */
export function s3EncryptObject(
  ctx: OperationContext,
  keyParam: string | undefined,
  objectArn: string,
): { keyArn: string; dataKeyBlob: string } {
  const key = keyParam === undefined ? awsManagedS3Key(ctx) : resolveKey(ctx, keyParam, true).key;
  const context = { 'aws:s3:arn': objectArn };
  kmsOnBehalf(ctx, 'GenerateDataKey', key, context, { keyId: key.arn, encryptionContext: context, keySpec: 'AES_256' });
  const dataKey = Uint8Array.from(ctx.ids.bytes(32));
  return { keyArn: key.arn, dataKeyBlob: bytesToBase64(seal(key.keyId, key.material, ctx.ids.bytes(12), context, dataKey)) };
}

/** S3 decrypting an object's data key for the caller (GetObject). */
export function s3DecryptObject(ctx: OperationContext, sse: { keyArn: string; dataKeyBlob: string }, objectArn: string): void {
  const blob = base64ToBytes(sse.dataKeyBlob);
  const key = keyById(ctx, keyIdOf(blob) ?? '');
  if (!key)
    throw accessDenied(
      `The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.`,
    );
  const context = { 'aws:s3:arn': objectArn };
  kmsOnBehalf(ctx, 'Decrypt', key, context, { encryptionContext: context, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
  if (!open(key.material, context, blob))
    throw accessDenied(
      'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.',
    );
}

/** One KMS call S3 makes for the caller: authorized, recorded in KMS's name, denials turned into S3's. */
function kmsOnBehalf(
  ctx: OperationContext,
  operation: 'GenerateDataKey' | 'Decrypt',
  key: KmsKey,
  context: Record<string, string>,
  requestParameters: Record<string, unknown>,
): void {
  let failure: ServiceFault | undefined;
  try {
    authorizeKey(ctx, `kms:${operation}`, key, {
      grantOperation: operation,
      encryptionContext: context,
      viaService: `s3.${ctx.region}.amazonaws.com`,
    });
    requireUsable(key);
  } catch (e) {
    if (!(e instanceof ServiceFault)) throw e;
    failure = e;
  }
  ctx.state.records.push(
    buildTrailRecord({
      eventVersion: '1.08',
      userIdentity: { ...userIdentityOf(ctx.state, ctx.caller), invokedBy: 's3.amazonaws.com' },
      eventTime: isoSeconds(ctx.nowMs),
      eventSource: 'kms.amazonaws.com',
      eventName: operation,
      awsRegion: ctx.region,
      sourceIPAddress: 's3.amazonaws.com',
      userAgent: 's3.amazonaws.com',
      ...(failure ? { errorCode: failure.error.code, errorMessage: failure.error.message } : {}),
      requestParameters,
      responseElements: null,
      requestID: ctx.ids.uuid(),
      eventID: ctx.ids.uuid(),
      readOnly: true,
      resources: [{ accountId: ctx.state.accountId, type: 'AWS::KMS::Key', ARN: key.arn }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ctx.state.accountId,
      eventCategory: 'Management',
    }),
  );
  if (failure) {
    // S3 answers AccessDenied (403) with KMS's sentence (S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors", SSE-KMS).
    if (failure.error.code === 'AccessDeniedException') throw accessDenied(failure.error.message);
    throw failure;
  }
}

/**
 * The AWS managed key for S3 (`alias/aws/s3`): its policy lets principals of the account use it
 * through S3 only (KMS Developer Guide, "AWS managed keys"; the aws/s3 key policy).
 */
function awsManagedS3Key(ctx: OperationContext): KmsKey {
  const aliases = aliasesOf(ctx.state);
  const existing = Object.hasOwn(aliases, 'alias/aws/s3') ? aliases['alias/aws/s3'] : undefined;
  const keys = keysOf(ctx.state);
  if (existing && Object.hasOwn(keys, existing.targetKeyId)) return keys[existing.targetKeyId] as KmsKey;
  const keyId = ctx.ids.uuid();
  const account = ctx.state.accountId;
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Id: 'auto-s3-2',
    Statement: [
      {
        Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `s3.${ctx.region}.amazonaws.com` } },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  });
  const key: KmsKey = {
    keyId,
    arn: `arn:aws:kms:${ctx.region}:${account}:key/${keyId}`,
    region: ctx.region,
    description: 'Default key that protects my S3 objects when no other key is defined',
    keyState: 'Enabled',
    creationDate: ctx.nowMs,
    policy,
    grants: [],
    tags: [],
    material: ctx.ids
      .bytes(32)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(''),
    awsManaged: true,
  };
  keys[keyId] = key;
  aliases['alias/aws/s3'] = {
    aliasName: 'alias/aws/s3',
    aliasArn: `arn:aws:kms:${ctx.region}:${account}:alias/aws/s3`,
    targetKeyId: keyId,
    creationDate: ctx.nowMs,
    lastUpdatedDate: ctx.nowMs,
  };
  return key;
}
