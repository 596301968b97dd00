/**
 * How KMS decides: the key policy must allow, directly or by delegating to IAM through the account
 * principal (`arn:aws:iam::ACCOUNT:root`), in which case the caller's IAM policies must allow too; an
 * IAM policy alone never suffices (KMS Developer Guide, "Key policies in AWS KMS", "Default key
 * policy"). A grant allows the operations it lists to its grantee, within its constraints, when no
 * policy explicitly denies (KMS Developer Guide, "Grants in AWS KMS"; the simulator lets an explicit
 * deny win over a grant, and says so in the README).
 */
import type { AuthorizationResult, ContextValue } from '../../evaluate/types.ts';
import { denial } from '../deny.ts';
import type { OperationContext } from '../operation.ts';
import type { AccountState } from '../../world/state.ts';
import { resourceTagContext } from '../request-context.ts';
import { aliasNotFound, keyDisabled, keyNotFound, keyPendingDeletion, kmsAccessDenied } from './errors.ts';
import { aliasesOf, keysOf, type KmsGrant, type KmsKey } from './model.ts';

/** The key a `KeyId` names (key ID, key ARN, alias name or alias ARN), and whether an alias was used. */
export interface KeyTarget {
  key: KmsKey;
  alias?: string;
}

/** Resolves `KeyId`; aliases only where the operation accepts them. */
export function resolveKey(ctx: OperationContext, value: string, allowAlias: boolean): KeyTarget {
  const prefix = `arn:aws:kms:${ctx.region}:${ctx.state.accountId}:`;
  const aliasName = value.startsWith('alias/') ? value : value.startsWith(`${prefix}alias/`) ? value.slice(prefix.length) : undefined;
  if (aliasName !== undefined) {
    const aliases = aliasesOf(ctx.state);
    const alias = allowAlias && Object.hasOwn(aliases, aliasName) ? aliases[aliasName] : undefined;
    if (!alias) throw aliasNotFound(`${prefix}${aliasName}`);
    const key = lookup(ctx, alias.targetKeyId);
    if (!key) throw aliasNotFound(`${prefix}${aliasName}`);
    return { key, alias: aliasName };
  }
  // A key of another account is named by its key ARN (KMS Developer Guide, "Allowing users in other accounts to use a KMS key").
  const foreign = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/.exec(value);
  const owner = foreign && foreign[2] !== ctx.state.accountId ? ctx.accountState(foreign[2] as string) : ctx.state;
  const id = foreign ? (foreign[3] as string) : value;
  const key = owner && (!foreign || foreign[1] === ctx.region) ? lookup(ctx, id, owner) : undefined;
  if (!key) throw keyNotFound(value.startsWith('arn:') ? value : `${prefix}key/${value}`);
  return { key };
}

function lookup(ctx: OperationContext, keyId: string, owner: AccountState = ctx.state): KmsKey | undefined {
  const keys = keysOf(owner);
  const key = Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
  return key && key.region === ctx.region ? key : undefined;
}

/** The account that owns a key (from its ARN). */
export function keyAccountId(key: KmsKey): string {
  return /^arn:aws:kms:[^:]+:(\d{12}):/.exec(key.arn)?.[1] ?? '';
}

/** The key a ciphertext names, in whichever account of the world holds it. */
export function keyById(ctx: OperationContext, keyId: string): KmsKey | undefined {
  for (const account of [ctx.state, ...Object.values(ctx.world.accounts)]) {
    const key = lookup(ctx, keyId, account);
    if (key) return key;
  }
  return undefined;
}

/** Options of one KMS check. */
export interface KeyCheck {
  /** The grant operation name this action corresponds to (`Decrypt`), when grants may allow it. */
  grantOperation?: string;
  encryptionContext?: Record<string, string>;
  /** `kms:ViaService` when another service calls on the caller's behalf (`s3.us-east-1.amazonaws.com`). */
  viaService?: string;
  alias?: string;
  context?: Record<string, ContextValue>;
}

/** The KMS condition keys of a request (KMS Developer Guide, "AWS KMS condition keys"). */
export function kmsContext(ctx: OperationContext, key: KmsKey, check: KeyCheck): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {
    'kms:CallerAccount': ctx.caller.accountId,
    'kms:KeySpec': 'SYMMETRIC_DEFAULT',
    'kms:KeyUsage': 'ENCRYPT_DECRYPT',
    'kms:KeyOrigin': 'AWS_KMS',
    ...resourceTagContext(key.tags),
    ...(check.viaService !== undefined ? { 'kms:ViaService': check.viaService, 'aws:ViaAWSService': true } : {}),
    ...(check.alias !== undefined ? { 'kms:RequestAlias': check.alias } : {}),
    ...(check.context ?? {}),
  };
  const ec = check.encryptionContext ?? {};
  if (Object.keys(ec).length > 0) out['kms:EncryptionContextKeys'] = Object.keys(ec);
  for (const [k, v] of Object.entries(ec)) out[`kms:EncryptionContext:${k}`] = v;
  return out;
}

/** The key policy as the engine takes it: a 'key' resource policy, which must allow explicitly. */
export function keyPolicyInput(key: KmsKey): {
  kind: 'key';
  policy: { id: string; policyType: 'resource'; name: string; document: string };
} {
  return { kind: 'key', policy: { id: `kms/${key.keyId}/key-policy`, policyType: 'resource', name: 'key policy', document: key.policy } };
}

/** Authorizes a KMS action on a key; throws AccessDeniedException when neither policies nor a grant allow. */
export function authorizeKey(ctx: OperationContext, action: string, key: KmsKey, check: KeyCheck = {}): AuthorizationResult {
  const options = { context: kmsContext(ctx, key, check), resourcePolicy: keyPolicyInput(key), resourceAccountId: keyAccountId(key) };
  const result = ctx.check(action, key.arn, options);
  if (result.decision === 'allowed') return result;
  if (
    result.decision === 'implicitDeny' &&
    check.grantOperation !== undefined &&
    grantAllows(ctx, key, check.grantOperation, check.encryptionContext ?? {})
  )
    return result;
  throw denial(ctx, action, key.arn, options, result, (message) => kmsAccessDenied(message));
}

/** Whether a grant on the key gives the caller this operation, within its encryption-context constraints. */
function grantAllows(ctx: OperationContext, key: KmsKey, operation: string, context: Record<string, string>): boolean {
  const names = [ctx.caller.arn, ...(ctx.caller.role ? [ctx.caller.role.arn] : [])];
  return key.grants.some((g) => names.includes(g.granteePrincipal) && g.operations.includes(operation) && constraintsHold(g, context));
}

function constraintsHold(grant: KmsGrant, context: Record<string, string>): boolean {
  const c = grant.constraints;
  if (!c) return true;
  if (c.EncryptionContextEquals) {
    const want = c.EncryptionContextEquals;
    if (Object.keys(want).length !== Object.keys(context).length || Object.entries(want).some(([k, v]) => context[k] !== v)) return false;
  }
  if (c.EncryptionContextSubset) {
    if (Object.entries(c.EncryptionContextSubset).some(([k, v]) => context[k] !== v)) return false;
  }
  return true;
}

/** Cryptographic operations need an enabled key (KMS Developer Guide, "Key states of AWS KMS keys"). */
export function requireUsable(key: KmsKey): void {
  if (key.keyState === 'Disabled') throw keyDisabled(key.arn);
  if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn);
}

/** The trail's `resources` entry for a key; a key of another account also gets the record (CloudTrail delivers to both). */
export function keyResource(ctx: OperationContext, key: KmsKey): { accountId: string; type: string; ARN: string }[] {
  const owner = keyAccountId(key);
  if (owner !== ctx.state.accountId) ctx.trail.alsoDeliverTo = [owner];
  return [{ accountId: owner, type: 'AWS::KMS::Key', ARN: key.arn }];
}
