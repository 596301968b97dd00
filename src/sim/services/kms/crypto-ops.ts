/**
 * Encrypt, Decrypt, GenerateDataKey (KMS API Reference). CloudTrail logs them as read-only
 * management events with the key in `resources` and never the plaintext (KMS Developer Guide,
 * "Logging AWS KMS API calls with AWS CloudTrail").
 */
import { optList, optNum, optStr, type OperationContext, type OperationDefinition } from '../operation.ts';
import { fault } from '../errors.ts';
import { authorizeKey, keyById, keyResource, requireUsable, resolveKey } from './access.ts';
import { seal, open, keyIdOf } from './cipher.ts';
import { incorrectKey, invalidCiphertext, keyNotFound } from './errors.ts';
import type { KmsKey } from './model.ts';

const ALGORITHM = 'SYMMETRIC_DEFAULT';

function contextParam(ctx: OperationContext): Record<string, string> {
  const v = ctx.params['EncryptionContext'];
  return v && typeof v === 'object' ? { ...(v as Record<string, string>) } : {};
}

function trailParams(ctx: OperationContext, extra: Record<string, unknown>): void {
  const ec = contextParam(ctx);
  const grantTokens = optList<string>(ctx, 'GrantTokens');
  ctx.trail.requestParameters = {
    ...extra,
    ...(Object.keys(ec).length > 0 ? { encryptionContext: ec } : {}),
    ...(grantTokens ? { grantTokens } : {}),
  };
}

/** Encrypts for a key the caller may use (also S3's data keys, see via-service.ts). */
export function sealFor(ctx: OperationContext, key: KmsKey, context: Record<string, string>, plaintext: Uint8Array): Uint8Array {
  return seal(key.keyId, key.material, ctx.ids.bytes(12), context, plaintext);
}

function encrypt(ctx: OperationContext): Record<string, unknown> {
  const given = optStr(ctx, 'KeyId') ?? '';
  trailParams(ctx, { keyId: given, encryptionAlgorithm: ALGORITHM });
  const { key, alias } = resolveKey(ctx, given, true);
  ctx.trail.resources = keyResource(ctx, key);
  const context = contextParam(ctx);
  authorizeKey(ctx, 'kms:Encrypt', key, {
    grantOperation: 'Encrypt',
    encryptionContext: context,
    ...(alias !== undefined ? { alias } : {}),
  });
  requireUsable(key);
  const plaintext = ctx.params['Plaintext'];
  if (!(plaintext instanceof Uint8Array)) throw fault('ValidationException', 'Plaintext must be 1 to 4096 bytes.', 400);
  return { CiphertextBlob: sealFor(ctx, key, context, plaintext), KeyId: key.arn, EncryptionAlgorithm: ALGORITHM };
}

/** Opens a blob for the caller: the key comes from the blob, and the caller must be allowed kms:Decrypt on it. */
export function openFor(
  ctx: OperationContext,
  blob: Uint8Array,
  context: Record<string, string>,
  check: { viaService?: string } = {},
  expectedKey?: KmsKey,
): { key: KmsKey; plaintext: Uint8Array } {
  const keyId = keyIdOf(blob);
  if (keyId === undefined) throw invalidCiphertext();
  const key = keyById(ctx, keyId);
  if (!key) throw keyNotFound(`arn:aws:kms:${ctx.region}:${ctx.state.accountId}:key/${keyId}`);
  if (expectedKey && expectedKey.keyId !== key.keyId) throw incorrectKey();
  ctx.trail.resources = keyResource(ctx, key);
  authorizeKey(ctx, 'kms:Decrypt', key, { grantOperation: 'Decrypt', encryptionContext: context, ...check });
  requireUsable(key);
  const plaintext = open(key.material, context, blob);
  if (!plaintext) throw invalidCiphertext();
  return { key, plaintext };
}

function decrypt(ctx: OperationContext): Record<string, unknown> {
  const given = optStr(ctx, 'KeyId');
  trailParams(ctx, { encryptionAlgorithm: ALGORITHM, ...(given !== undefined ? { keyId: given } : {}) });
  const blob = ctx.params['CiphertextBlob'];
  if (!(blob instanceof Uint8Array)) throw invalidCiphertext();
  const expected = given !== undefined ? resolveKey(ctx, given, true).key : undefined;
  const { key, plaintext } = openFor(ctx, blob, contextParam(ctx), {}, expected);
  return { KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: ALGORITHM };
}

/** A fresh data key and its ciphertext under the KMS key. */
export function dataKeyFor(
  ctx: OperationContext,
  key: KmsKey,
  context: Record<string, string>,
  bytes: number,
): { plaintext: Uint8Array; ciphertext: Uint8Array } {
  const plaintext = Uint8Array.from(ctx.ids.bytes(bytes));
  return { plaintext, ciphertext: sealFor(ctx, key, context, plaintext) };
}

function generateDataKey(ctx: OperationContext): Record<string, unknown> {
  const given = optStr(ctx, 'KeyId') ?? '';
  const keySpec = optStr(ctx, 'KeySpec');
  const numberOfBytes = optNum(ctx, 'NumberOfBytes');
  trailParams(ctx, {
    keyId: given,
    ...(keySpec !== undefined ? { keySpec } : {}),
    ...(numberOfBytes !== undefined ? { numberOfBytes } : {}),
  });
  if ((keySpec === undefined) === (numberOfBytes === undefined))
    throw fault('ValidationException', 'Please specify either number of bytes or key spec.', 400);
  const { key, alias } = resolveKey(ctx, given, true);
  ctx.trail.resources = keyResource(ctx, key);
  const context = contextParam(ctx);
  authorizeKey(ctx, 'kms:GenerateDataKey', key, {
    grantOperation: 'GenerateDataKey',
    encryptionContext: context,
    ...(alias !== undefined ? { alias } : {}),
  });
  requireUsable(key);
  const { plaintext, ciphertext } = dataKeyFor(ctx, key, context, numberOfBytes ?? (keySpec === 'AES_128' ? 16 : 32));
  return { CiphertextBlob: ciphertext, Plaintext: plaintext, KeyId: key.arn };
}

/** The cryptographic operations: logged readOnly true. */
export const CRYPTO_OPERATIONS: Record<string, OperationDefinition> = {
  Encrypt: { handler: encrypt, readOnly: true },
  Decrypt: { handler: decrypt, readOnly: true },
  GenerateDataKey: { handler: generateDataKey, readOnly: true },
};
