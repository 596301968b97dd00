/**
 * Account-wide IAM operations: the account alias, GetAccountAuthorizationDetails, and the policy
 * simulator (SimulatePrincipalPolicy / SimulateCustomPolicy run the same engine as real calls).
 */
import { SimulationError } from '../../simulate/errors.ts';
import { simulateCustomPolicy } from '../../simulate/custom.ts';
import { simulatePrincipalPolicy } from '../../simulate/principal.ts';
import type { SimulateCustomPolicyInput, SimulatePrincipalPolicyInput } from '../../simulate/types.ts';
import { exportAuthorizationDetails, type EntityFilter } from '../../world/authorization-details.ts';
import { entityAlreadyExists, fault, limitExceeded, noSuchEntity } from '../errors.ts';
import { optList, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { managedPolicyDocument } from '../policy-sources.ts';

function createAccountAlias(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:CreateAccountAlias', '*');
  const alias = str(ctx, 'AccountAlias');
  if (/^\d{12}$/.test(alias)) throw fault('ValidationError', 'The account alias cannot be a 12-digit number.', 400);
  if (ctx.state.accountAlias === alias) throw entityAlreadyExists(`The account alias ${alias} already exists.`);
  if (ctx.state.accountAlias !== undefined) throw limitExceeded('Cannot exceed quota for AccountAliasesPerAccount: 1');
  ctx.state.accountAlias = alias;
  return {};
}

function listAccountAliases(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListAccountAliases', '*');
  return { AccountAliases: ctx.state.accountAlias !== undefined ? [ctx.state.accountAlias] : [] };
}

function deleteAccountAlias(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:DeleteAccountAlias', '*');
  const alias = str(ctx, 'AccountAlias');
  if (ctx.state.accountAlias !== alias) throw noSuchEntity(`The account alias ${alias} cannot be found.`);
  delete ctx.state.accountAlias;
  return {};
}

function getAccountAuthorizationDetails(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetAccountAuthorizationDetails', '*');
  const details = exportAuthorizationDetails(ctx.stateForReading, optList<EntityFilter>(ctx, 'Filter') ?? []);
  return { ...details };
}

/** Runs a simulator entry point, answering its input errors as IAM would. */
function simulate(run: () => unknown): Record<string, unknown> {
  try {
    const out = run() as { EvaluationResults: unknown[] };
    return { EvaluationResults: out.EvaluationResults };
  } catch (e) {
    if (e instanceof SimulationError) throw fault(e.awsCode, e.message, e.awsCode === 'NoSuchEntity' ? 404 : 400);
    throw e;
  }
}

function simulatePrincipal(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:SimulatePrincipalPolicy', str(ctx, 'PolicySourceArn'));
  const details = exportAuthorizationDetails(ctx.stateForReading);
  const input = { ...ctx.params } as unknown as SimulatePrincipalPolicyInput;
  return simulate(() =>
    simulatePrincipalPolicy(details as never, input, { managedPolicyDocument: (arn) => managedPolicyDocument(ctx.stateForReading, arn) }),
  );
}

function simulateCustom(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:SimulateCustomPolicy', '*');
  const input = { ...ctx.params } as unknown as SimulateCustomPolicyInput;
  return simulate(() => simulateCustomPolicy(input));
}

/**
 * GetAccountSummary: entity counts, the quotas they count against, and the two root-user flags the
 * IAM dashboard's security recommendations read (IAM API Reference, "GetAccountSummary"; quotas from
 * IAM User Guide, "IAM and AWS STS quotas"). A subset of AWS's keys: those this world has state for.
 */
function getAccountSummary(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:GetAccountSummary', '*');
  const s = ctx.state;
  const users = Object.values(s.users);
  const devices = Object.values(s.mfaDevices);
  return {
    SummaryMap: {
      Users: users.length,
      UsersQuota: 5000,
      Groups: Object.keys(s.groups).length,
      GroupsQuota: 300,
      Roles: Object.keys(s.roles).length,
      RolesQuota: 1000,
      Policies: Object.keys(s.policies).length,
      PoliciesQuota: 1500,
      InstanceProfiles: Object.keys(s.instanceProfiles).length,
      InstanceProfilesQuota: 1000,
      MFADevices: devices.length,
      MFADevicesInUse: devices.filter((d) => d.user !== undefined).length,
      AccountMFAEnabled: s.root.mfaSerials.length > 0 ? 1 : 0,
      AccountAccessKeysPresent: s.root.accessKeys.length > 0 ? 1 : 0,
      AccountSigningCertificatesPresent: 0,
      AccessKeysPerUserQuota: 2,
      GroupsPerUserQuota: 10,
      AttachedPoliciesPerUserQuota: 10,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      VersionsPerPolicyQuota: 5,
      PolicySizeQuota: 6144,
      UserPolicySizeQuota: 2048,
      GroupPolicySizeQuota: 5120,
    },
  };
}

/** The account-wide operations. */
export const ACCOUNT_OPERATIONS: Record<string, OperationDefinition> = {
  CreateAccountAlias: { handler: createAccountAlias, readOnly: false },
  ListAccountAliases: { handler: listAccountAliases, readOnly: true },
  DeleteAccountAlias: { handler: deleteAccountAlias, readOnly: false },
  GetAccountAuthorizationDetails: { handler: getAccountAuthorizationDetails, readOnly: true },
  SimulatePrincipalPolicy: { handler: simulatePrincipal, readOnly: true },
  SimulateCustomPolicy: { handler: simulateCustom, readOnly: true },
  GetAccountSummary: { handler: getAccountSummary, readOnly: true },
};
