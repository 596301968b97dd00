/** Tagging rules shared by users, roles, policies and MFA devices (IAM User Guide, "Tagging IAM resources"). */
import type { Tag } from '../../world/state.ts';
import { invalidInput, limitExceeded } from '../errors.ts';

/** Tags as passed in a request. */
export function tagsParam(value: unknown): Tag[] {
  return Array.isArray(value) ? (value as { Key: string; Value: string }[]).map((t) => ({ Key: t.Key, Value: t.Value ?? '' })) : [];
}

/** Merges new tags into existing ones (same key, ignoring case, replaces), enforcing the 50-tag quota. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const keys = added.map((t) => t.Key.toLowerCase());
  if (new Set(keys).size !== keys.length) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  const result = existing.filter((t) => !keys.includes(t.Key.toLowerCase()));
  result.push(...added);
  if (result.length > 50) throw limitExceeded('The number of tags has reached the maximum limit.');
  return result;
}

/** Removes tags by key (case-insensitive). */
export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const lower = keys.map((k) => k.toLowerCase());
  return existing.filter((t) => !lower.includes(t.Key.toLowerCase()));
}
