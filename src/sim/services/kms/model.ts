/**
 * KMS's per-account state: keys by key ID with their key policy and grants, aliases by name (KMS
 * Developer Guide, "AWS KMS keys", "Aliases", "Grants").
 */
import type { Tag } from '../../world/state.ts';

/** A grant on a key. */
export interface KmsGrant {
  grantId: string;
  grantToken: string;
  name?: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  issuingAccount: string;
  operations: string[];
  constraints?: { EncryptionContextSubset?: Record<string, string>; EncryptionContextEquals?: Record<string, string> };
  creationDate: number;
}

/** A symmetric encryption KMS key (the simulator's only kind). */
export interface KmsKey {
  keyId: string;
  arn: string;
  region: string;
  description: string;
  keyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  creationDate: number;
  deletionDate?: number;
  policy: string;
  grants: KmsGrant[];
  tags: Tag[];
  /** Secret material for the simulated cipher (hex); never leaves the world's state. */
  material: string;
  /** An AWS managed key (`aws/s3`), created by a service on first use. */
  awsManaged?: boolean;
}

/** An alias (`alias/name`). */
export interface KmsAlias {
  aliasName: string;
  aliasArn: string;
  targetKeyId: string;
  creationDate: number;
  lastUpdatedDate: number;
}

/** The account's keys (created on first use). */
export function keysOf(state: { kmsKeys?: Record<string, KmsKey> }): Record<string, KmsKey> {
  state.kmsKeys ??= {};
  return state.kmsKeys;
}

/** The account's aliases (created on first use). */
export function aliasesOf(state: { kmsAliases?: Record<string, KmsAlias> }): Record<string, KmsAlias> {
  state.kmsAliases ??= {};
  return state.kmsAliases;
}
