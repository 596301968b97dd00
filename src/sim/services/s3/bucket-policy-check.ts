/**
 * What S3 checks in a bucket policy before it saves it, beyond the policy grammar: every resource is
 * the bucket or inside it (S3 User Guide, "Bucket policies"), and every action of a statement applies
 * to one of the statement's resources. `s3:GetObject` on `arn:aws:s3:::bucket` (no `/*`) is refused
 * with `MalformedPolicy: Action does not apply to any resource(s) in statement`, as S3 answers, so a
 * learner meets the mistake when saving instead of as a silent denial later.
 *
 * The learners review saw S3 answer this; the docs do not state the exact rule. The choice here:
 * every named S3 action of a statement (Allow or Deny) must apply to one of its resources, by the
 * resource types the Service Authorization Reference lists for it; a wildcard action applies when one action it matches does;
 * `s3:*`, NotAction and NotResource statements are not judged.
 */
import { getLoadedService } from '../../catalog/services.ts';
import { actionApplies } from '../../policy/lint/catalog-checks.ts';
import { globCovers } from '../../policy/lint/glob.ts';
import type { ParsedPolicy } from '../../policy/types.ts';
import { fault } from '../errors.ts';

/** The reference services the check reads (loaded by the pipeline before the handler runs). */
export const BUCKET_POLICY_CATALOG = ['s3'] as const;

/** Throws MalformedPolicy for a resource outside the bucket or an action that applies to none of its statement's resources. */
export function checkBucketPolicy(policy: ParsedPolicy, bucketName: string): void {
  const bucketArn = `arn:aws:s3:::${bucketName}`;
  for (const s of policy.statements) {
    for (const r of [...(s.resource ?? []), ...(s.notResource ?? [])]) {
      if (r.value !== bucketArn && !r.value.startsWith(`${bucketArn}/`)) throw fault('MalformedPolicy', 'Policy has invalid resource', 400);
    }
  }
  const s3 = getLoadedService('s3');
  // Without the reference the pairing cannot be judged; the pipeline loads it, so this is a host fault.
  if (!s3) throw fault('ServiceFailure', 'The S3 action reference could not be loaded; the bucket policy was not saved.', 500);
  for (const s of policy.statements) {
    if (!s.action || !s.resource) continue;
    const resources = s.resource.map((r) => r.value);
    for (const a of s.action) {
      const [prefix, name] = a.value.toLowerCase().split(':');
      if (prefix !== 's3' || name === undefined || name === '*') continue;
      // A wildcard action applies when one action it matches applies (s3:Get* with only the bucket ARN: GetBucketPolicy).
      const actions = /[*?]/.test(name)
        ? [...s3.actions.entries()].filter(([k]) => globCovers(name, k)).map(([, v]) => v)
        : [s3.actions.get(name)];
      const applies = actions.some(
        (action) => action !== undefined && (action.resourceTypes.length === 0 || actionApplies(s3, action, resources) !== false),
      );
      if (actions.length > 0 && actions.every((action) => action !== undefined) && !applies)
        throw fault('MalformedPolicy', 'Action does not apply to any resource(s) in statement', 400);
    }
  }
}
