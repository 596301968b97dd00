/**
 * Who may call Organizations (API Reference, "Reference: API operations by account"): most
 * operations only from the management account; DescribeOrganization from any account of the
 * organization; accounts outside any organization get AWSOrganizationsNotInUseException.
 */
import { isDelegatedAdministrator, type OrganizationState } from '../../world/organization.ts';
import { fault } from '../errors.ts';
import type { OperationContext } from '../operation.ts';

/**
 * The caller's organization, or AWSOrganizationsNotInUseException (the CLI prints "Your account is
 * not a member of an organization.", as in duo-labs/cloudmapper issue 733).
 */
export function organizationOf(ctx: OperationContext): OrganizationState {
  const org = ctx.world.organization;
  if (!org || !Object.hasOwn(org.accounts, ctx.state.accountId))
    throw fault('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  return org;
}

/**
 * The organization when the caller is its management account; a member account is answered
 * AccessDeniedException "You don't have permissions to access this resource." (the text real
 * ListRoots/ListAccounts calls from member accounts print, e.g. awslabs/aws-innovation-sandbox issue 6).
 */
export function managementOrganization(ctx: OperationContext): OrganizationState {
  const org = organizationOf(ctx);
  if (ctx.state.accountId !== org.managementAccountId)
    throw fault('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  return org;
}

/**
 * The organization when the caller may read its data: the management account, or a member account
 * that is a delegated administrator for some AWS service (API Reference, e.g. ListAccounts: "You can
 * only call this operation from the organization's management account or by a member account that
 * is a delegated administrator."). Others get the management-only AccessDeniedException.
 */
export function readableOrganization(ctx: OperationContext): OrganizationState {
  const org = organizationOf(ctx);
  if (isDelegatedAdministrator(org, ctx.state.accountId)) return org;
  return managementOrganization(ctx);
}
