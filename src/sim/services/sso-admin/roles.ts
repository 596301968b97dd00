/**
 * The roles an account assignment provisions (IAM Identity Center User Guide, "Permission sets" and
 * "Referencing permission sets in resource policies, Amazon EKS, and AWS KMS",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html): in each
 * assigned account, the role `AWSReservedSSO_<PermissionSetName>_<16 hex>` under the path
 * `/aws-reserved/sso.amazonaws.com/` (with the instance's region appended when it is not us-east-1),
 * trusting the account's SAML provider `AWSSSO_<16 hex>_DO_NOT_DELETE` for `sts:AssumeRoleWithSAML`
 * and `sts:TagSession` with `SAML:aud` = `https://signin.aws.amazon.com/saml`. The role is rebuilt from
 * the permission set each time it is provisioned; changes to a permission set reach accounts only
 * when it is provisioned again (ProvisionPermissionSet), as in AWS.
 */
import { ID_PREFIX, type IdGenerator } from '../../world/ids.ts';
import { nameKey, own, type AccountState, type Role } from '../../world/state.ts';
import { putSamlProvider, samlProviderArn } from '../iam/saml-providers.ts';
import { samlMetadataDocument } from '../iam/saml-metadata.ts';
import { instanceIdOf, startUrlOf } from './instance.ts';
import type { IdentityCenterState, PermissionSet } from './model.ts';

/** The SAML endpoint Identity Center's assertions are addressed to (the trust policy's SAML:aud). */
export const SAML_SIGN_IN = 'https://signin.aws.amazon.com/saml';

/** The path of reserved roles for an instance in `region`. */
export function reservedRolePath(region: string): string {
  return region === 'us-east-1' ? '/aws-reserved/sso.amazonaws.com/' : `/aws-reserved/sso.amazonaws.com/${region}/`;
}

/** Whether a role is one Identity Center manages (IAM refuses to change or delete it). */
export function isReservedSsoRole(role: Role): boolean {
  return role.path.startsWith('/aws-reserved/sso.amazonaws.com/') && role.name.startsWith('AWSReservedSSO_');
}

/** The signing certificate text of the instance's simulated IdP (stable per instance). */
export function instanceCertificate(instance: IdentityCenterState): string {
  return `MIIDsimulated${instanceIdOf(instance).replace(/-/g, '')}${instance.IdentityStoreId.replace(/-/g, '')}`;
}

/** The IdP entityID of the instance (the Issuer of its assertions). */
export function instanceIssuer(instance: IdentityCenterState): string {
  return `https://portal.sso.${instance.region}.amazonaws.com/saml/assertion/${instanceIdOf(instance)}`;
}

/** The account's `AWSSSO_<hex>_DO_NOT_DELETE` provider ARN, created when the account has none yet. */
export function ensureSamlProvider(instance: IdentityCenterState, account: AccountState, ids: IdGenerator, nowMs: number): string {
  const existing = own(instance.samlProviderOf, account.accountId);
  if (existing !== undefined && own(account.samlProviders ?? {}, existing)) return existing;
  const name = `AWSSSO_${ids.chars('0123456789abcdef', 16)}_DO_NOT_DELETE`;
  const metadata = samlMetadataDocument(instanceIssuer(instance), instanceCertificate(instance), `${startUrlOf(instance)}/saml`);
  putSamlProvider(account, name, metadata, ids.uuid(), nowMs);
  instance.samlProviderOf[account.accountId] = samlProviderArn(account.accountId, name);
  return samlProviderArn(account.accountId, name);
}

/** The trust policy of a reserved role, as Identity Center writes it. */
export function reservedTrustPolicy(providerArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': SAML_SIGN_IN } },
      },
    ],
  });
}

/** ISO 8601 `PT<h>H<m>M` → seconds. */
export function durationSeconds(iso: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 : 3600;
}

/**
 * Creates or rebuilds the permission set's role in `account`; answers a failure reason when the
 * permission set cannot be provisioned there (a customer managed boundary the account lacks).
 */
export function provisionRole(
  instance: IdentityCenterState,
  ps: PermissionSet,
  account: AccountState,
  ids: IdGenerator,
  nowMs: number,
): { ok: true; role: Role } | { ok: false; reason: string } {
  const boundaryRef = ps.permissionsBoundary?.CustomerManagedPolicyReference;
  const boundary = boundaryRef
    ? `arn:aws:iam::${account.accountId}:policy${boundaryRef.Path ?? '/'}${boundaryRef.Name}`
    : ps.permissionsBoundary?.ManagedPolicyArn;
  if (boundaryRef && boundary !== undefined && !own(account.policies, boundary))
    return { ok: false, reason: `Received a 404 status error: Policy ${boundary} does not exist or is not attachable.` };
  const providerArn = ensureSamlProvider(instance, account, ids, nowMs);
  const existing = instance.provisioned.find((p) => p.AccountId === account.accountId && p.PermissionSetArn === ps.PermissionSetArn);
  const path = reservedRolePath(instance.region);
  const name = existing?.roleName ?? `AWSReservedSSO_${ps.Name}_${ids.chars('0123456789abcdef', 16)}`;
  const current = own(account.roles, nameKey(name));
  const role: Role = {
    name,
    id: current?.id ?? ids.uniqueId(ID_PREFIX.role),
    path,
    arn: `arn:aws:iam::${account.accountId}:role${path}${name}`,
    createDate: current?.createDate ?? nowMs,
    maxSessionDuration: durationSeconds(ps.SessionDuration),
    assumeRolePolicyDocument: reservedTrustPolicy(providerArn),
    tags: [],
    // Identity Center names the permission set's inline policy AwsSSOInlinePolicy in the role.
    inlinePolicies: ps.inlinePolicy !== undefined ? [{ name: 'AwsSSOInlinePolicy', document: ps.inlinePolicy }] : [],
    attachedPolicies: [...ps.managedPolicies],
    ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}),
    ...(current?.lastUsed ? { lastUsed: current.lastUsed } : {}),
  };
  account.roles[nameKey(name)] = role;
  if (!existing) instance.provisioned.push({ AccountId: account.accountId, PermissionSetArn: ps.PermissionSetArn, roleName: name });
  return { ok: true, role };
}

/** Removes the permission set's role from `account` (its last assignment there was deleted). */
export function deprovisionRole(instance: IdentityCenterState, permissionSetArn: string, account: AccountState): void {
  const index = instance.provisioned.findIndex((p) => p.AccountId === account.accountId && p.PermissionSetArn === permissionSetArn);
  if (index < 0) return;
  const [entry] = instance.provisioned.splice(index, 1);
  if (entry) delete account.roles[nameKey(entry.roleName)];
}

/** The provisioned role of a permission set in an account. */
export function provisionedRole(instance: IdentityCenterState, permissionSetArn: string, account: AccountState): Role | undefined {
  const entry = instance.provisioned.find((p) => p.AccountId === account.accountId && p.PermissionSetArn === permissionSetArn);
  return entry ? own(account.roles, nameKey(entry.roleName)) : undefined;
}
