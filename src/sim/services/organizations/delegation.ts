/**
 * Trusted access and delegated administrators (Organizations User Guide, "Using AWS Organizations with
 * other AWS services" and "Delegated administrator for AWS services that work with Organizations";
 * API Reference, EnableAWSServiceAccess, RegisterDelegatedAdministrator, ListDelegatedAdministrators,
 * ListDelegatedServicesForAccount). Only the management account changes either. A delegated
 * administrator gets read-only access to the organization's data (RegisterDelegatedAdministrator:
 * "It grants read-only access to AWS Organizations service data"), which access.ts honours.
 */
import { cliTimestamp } from '../../world/dates.ts';
import type { OrganizationState } from '../../world/organization.ts';
import { fault } from '../errors.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { managementOrganization, readableOrganization } from './access.ts';
import { accountOut, orgArns } from './model.ts';

/** Service principals look like `sso.amazonaws.com` (API Reference: pattern `[\w+=,.@-]*`, up to 128). */
function servicePrincipal(ctx: OperationContext): string {
  const principal = str(ctx, 'ServicePrincipal');
  if (!/^[\w+=,.@-]{1,128}$/.test(principal) || !principal.endsWith('.amazonaws.com'))
    throw fault(
      'InvalidInputException',
      `You provided a value that does not match the required pattern: ServicePrincipal ${principal}.`,
      400,
    );
  return principal;
}

function enableServiceAccess(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:EnableAWSServiceAccess', '*', {
    context: { 'organizations:ServicePrincipal': str(ctx, 'ServicePrincipal') },
  });
  const org = managementOrganization(ctx);
  (org.serviceAccess ??= {})[servicePrincipal(ctx)] ??= ctx.nowMs;
  return {};
}

function disableServiceAccess(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:DisableAWSServiceAccess', '*', {
    context: { 'organizations:ServicePrincipal': str(ctx, 'ServicePrincipal') },
  });
  const org = managementOrganization(ctx);
  const principal = servicePrincipal(ctx);
  if (org.serviceAccess) delete org.serviceAccess[principal];
  return {};
}

function listServiceAccess(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListAWSServiceAccessForOrganization', '*');
  const org = readableOrganization(ctx);
  return {
    EnabledServicePrincipals: Object.entries(org.serviceAccess ?? {}).map(([principal, ms]) => ({
      ServicePrincipal: principal,
      DateEnabled: cliTimestamp(ms),
    })),
  };
}

/** The member account a request names, or the errors AWS answers for a missing or management account. */
function memberAccount(ctx: OperationContext, org: OrganizationState): string {
  const id = str(ctx, 'AccountId');
  if (!Object.hasOwn(org.accounts, id))
    throw fault('AccountNotFoundException', "We can't find an Amazon Web Services account with the AccountId that you specified.", 400);
  return id;
}

function registerDelegatedAdministrator(ctx: OperationContext): Record<string, unknown> {
  const org = readableOrganization(ctx);
  const id = str(ctx, 'AccountId');
  ctx.authorize('organizations:RegisterDelegatedAdministrator', orgArns(org).account(id), {
    context: { 'organizations:ServicePrincipal': str(ctx, 'ServicePrincipal') },
  });
  managementOrganization(ctx);
  const principal = servicePrincipal(ctx);
  memberAccount(ctx, org);
  // ConstraintViolationException reason CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR (API Reference, error types).
  if (id === org.managementAccountId)
    throw fault(
      'ConstraintViolationException',
      'You attempted to register the management account of the organization as a delegated administrator for an AWS service integrated with Organizations. You can designate only a member account as a delegated administrator.',
      400,
    );
  const services = ((org.delegatedAdministrators ??= {})[id] ??= {});
  if (Object.hasOwn(services, principal))
    throw fault(
      'AccountAlreadyRegisteredException',
      'The specified account is already a delegated administrator for this AWS service.',
      400,
    );
  services[principal] = ctx.nowMs;
  return {};
}

function deregisterDelegatedAdministrator(ctx: OperationContext): Record<string, unknown> {
  const org = readableOrganization(ctx);
  const id = str(ctx, 'AccountId');
  ctx.authorize('organizations:DeregisterDelegatedAdministrator', orgArns(org).account(id), {
    context: { 'organizations:ServicePrincipal': str(ctx, 'ServicePrincipal') },
  });
  managementOrganization(ctx);
  const principal = servicePrincipal(ctx);
  memberAccount(ctx, org);
  const services = org.delegatedAdministrators?.[id];
  if (!services || !Object.hasOwn(services, principal))
    throw fault('AccountNotRegisteredException', 'The specified account is not a delegated administrator for this AWS service.', 400);
  delete services[principal];
  if (Object.keys(services).length === 0) delete org.delegatedAdministrators?.[id];
  return {};
}

function listDelegatedAdministrators(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListDelegatedAdministrators', '*');
  const org = readableOrganization(ctx);
  const wanted = ctx.params['ServicePrincipal'] === undefined ? undefined : servicePrincipal(ctx);
  const admins = Object.entries(org.delegatedAdministrators ?? {}).filter(
    ([, services]) => wanted === undefined || Object.hasOwn(services, wanted),
  );
  return {
    DelegatedAdministrators: admins.map(([id, services]) => ({
      ...accountOut(org, id),
      DelegationEnabledDate: cliTimestamp(
        Math.min(
          ...Object.entries(services)
            .filter(([p]) => wanted === undefined || p === wanted)
            .map(([, ms]) => ms),
        ),
      ),
    })),
  };
}

function listDelegatedServicesForAccount(ctx: OperationContext): Record<string, unknown> {
  const org = readableOrganization(ctx);
  const id = str(ctx, 'AccountId');
  ctx.authorize('organizations:ListDelegatedServicesForAccount', orgArns(org).account(id));
  memberAccount(ctx, org);
  const services = org.delegatedAdministrators?.[id];
  if (!services)
    throw fault('AccountNotRegisteredException', 'The specified account is not a delegated administrator for this AWS service.', 400);
  return {
    DelegatedServices: Object.entries(services).map(([principal, ms]) => ({
      ServicePrincipal: principal,
      DelegationEnabledDate: cliTimestamp(ms),
    })),
  };
}

/** Trusted access and delegated administrator operations by API name. */
export const DELEGATION_OPERATIONS: Record<string, OperationDefinition> = {
  EnableAWSServiceAccess: { handler: enableServiceAccess, readOnly: false },
  DisableAWSServiceAccess: { handler: disableServiceAccess, readOnly: false },
  ListAWSServiceAccessForOrganization: { handler: listServiceAccess, readOnly: true },
  RegisterDelegatedAdministrator: { handler: registerDelegatedAdministrator, readOnly: false },
  DeregisterDelegatedAdministrator: { handler: deregisterDelegatedAdministrator, readOnly: false },
  ListDelegatedAdministrators: { handler: listDelegatedAdministrators, readOnly: true },
  ListDelegatedServicesForAccount: { handler: listDelegatedServicesForAccount, readOnly: true },
};
