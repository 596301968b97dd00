/**
 * AWS managed policies (`arn:aws:iam::aws:policy/...`): metadata always available, documents of the
 * small ones always loaded, big ones (ReadOnlyAccess, ~150 KB) fetched by a dynamic import the first
 * time a request needs them, so the browser does not carry them until then.
 */
import { AWS_MANAGED_POLICIES } from './catalog.generated.ts';
import { EAGER_DOCUMENTS } from './eager-documents.generated.ts';
import type { AwsManagedPolicyInfo } from './types.ts';

export type { AwsManagedPolicyInfo } from './types.ts';

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [p.Arn, p]));
const loaded = new Map<string, string>(Object.entries(EAGER_DOCUMENTS));

/** Lazy loaders of the big documents, by ARN. Each is a separate chunk for the bundler. */
const LAZY: Readonly<Record<string, () => Promise<string>>> = {
  'arn:aws:iam::aws:policy/ReadOnlyAccess': async () => (await import('./read-only-access.generated.ts')).DOCUMENT,
};

/** Every AWS managed policy the simulator knows, in name order. */
export function listAwsManagedPolicies(): readonly AwsManagedPolicyInfo[] {
  return AWS_MANAGED_POLICIES;
}

/** True for ARNs in the AWS managed namespace (`arn:aws:iam::aws:policy/...`), known or not. */
export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith('arn:aws:iam::aws:policy/');
}

/** Metadata of one known AWS managed policy. */
export function awsManagedPolicy(arn: string): AwsManagedPolicyInfo | undefined {
  return BY_ARN.get(arn);
}

/** The default version's document text if it is loaded; undefined for unknown or not-yet-loaded ones. */
export function awsManagedDocument(arn: string): string | undefined {
  return loaded.get(arn);
}

/** Loads the documents of the given AWS managed policies that are not loaded yet (unknown ARNs are ignored). */
export async function loadAwsManagedDocuments(arns: Iterable<string>): Promise<void> {
  for (const arn of arns) {
    if (loaded.has(arn)) continue;
    const loader = LAZY[arn];
    if (loader) loaded.set(arn, await loader());
  }
}
