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
  return simulate(() => simulatePrincipalPolicy(details as never, input, { managedPolicyDocument: (arn) => managedPolicyDocument(ctx.stateForReading, arn) }));
}

function simulateCustom(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:SimulateCustomPolicy', '*');
  const input = { ...ctx.params } as unknown as SimulateCustomPolicyInput;
  return simulate(() => simulateCustomPolicy(input));
}

/** The account-wide operations. */
export const ACCOUNT_OPERATIONS: Record<string, OperationDefinition> = {
  CreateAccountAlias: { handler: createAccountAlias, readOnly: false },
  ListAccountAliases: { handler: listAccountAliases, readOnly: true },
  DeleteAccountAlias: { handler: deleteAccountAlias, readOnly: false },
  GetAccountAuthorizationDetails: { handler: getAccountAuthorizationDetails, readOnly: true },
  SimulatePrincipalPolicy: { handler: simulatePrincipal, readOnly: true },
  SimulateCustomPolicy: { handler: simulateCustom, readOnly: true },
};
