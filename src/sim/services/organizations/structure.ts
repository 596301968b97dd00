/**
 * The organization's structure: CreateOrganization, accounts (CreateAccount with its
 * OrganizationAccountAccessRole, DescribeCreateAccountStatus, ListAccounts, DescribeAccount,
 * MoveAccount, RemoveAccountFromOrganization) and OUs (CreateOrganizationalUnit, ListChildren,
 * ListParents …). Texts and shapes: Organizations API Reference, each operation's page and "Errors";
 * the exception texts are the API Reference's own descriptions of each error type.
 */
import { newAccountState } from '../../world/create.ts';
import { cliTimestamp } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import { newOrganization, type OrganizationState } from '../../world/organization.ts';
import { nameKey, own } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { managementOrganization, organizationOf, readableOrganization } from './access.ts';
import { accountOut, attachFullAccess, findParent, findTarget, organizationOut, orgArns, ouOut } from './model.ts';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ACCOUNT_NOT_FOUND =
  "We can't find an Amazon Web Services account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.";

/**
 * CreateOrganization: the caller's account becomes the management account (API Reference,
 * CreateOrganization). No policy type is enabled yet: SCPs need EnablePolicyType first
 * (Organizations User Guide, "Enabling a policy type").
 */
function createOrganization(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:CreateOrganization', '*');
  const current = ctx.world.organization;
  if (current && Object.hasOwn(current.accounts, ctx.state.accountId)) {
    throw fault(
      'AlreadyInOrganizationException',
      'This account is already a member of an organization. An account can belong to only one organization at a time.',
      400,
    );
  }
  // The world holds one organization; a second one (from an account that left) is not modelled.
  if (current)
    throw fault(
      'ConstraintViolationException',
      'The simulator holds one organization per world; this account cannot create a second one.',
      400,
    );
  if ((optStr(ctx, 'FeatureSet') ?? 'ALL') !== 'ALL')
    throw fault('InvalidInputException', 'The simulator models only organizations with all features (FeatureSet ALL).', 400);
  const organizationId = `o-${ctx.ids.chars(LOWER_ALNUM, 10)}`;
  const org = newOrganization(organizationId, ctx.state.accountId, `root@${ctx.state.accountId}.example.com`, ctx.nowMs);
  org.rootId = `r-${ctx.ids.chars(LOWER_ALNUM, 4)}`;
  org.enabledPolicyTypes = [];
  org.policies = {};
  org.attachments = {};
  const management = org.accounts[ctx.state.accountId];
  if (management) management.parentId = org.rootId;
  ctx.world.organization = org;
  return { Organization: organizationOut(org) };
}

/** A new 12-digit account ID from the seed, used by no account of the world or organization. */
function newAccountId(ctx: OperationContext, org: OrganizationState): string {
  for (;;) {
    const id = String(1 + (ctx.ids.next() % 9)) + ctx.ids.chars('0123456789', 11);
    if (!Object.hasOwn(ctx.world.accounts, id) && !Object.hasOwn(org.accounts, id)) return id;
  }
}

/**
 * CreateAccount. The request completes at once in the simulator: the answer is IN_PROGRESS as AWS
 * first answers, and DescribeCreateAccountStatus then shows SUCCEEDED. The new account's role
 * (default OrganizationAccountAccessRole) trusts the management account and carries an inline
 * policy AdministratorAccess allowing everything (Organizations User Guide, "Accessing a member
 * account that has a management account access role"). Its root user has no password or key.
 */
function createAccount(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:CreateAccount', '*');
  const org = managementOrganization(ctx);
  const name = str(ctx, 'AccountName');
  const email = str(ctx, 'Email');
  const roleName = optStr(ctx, 'RoleName') ?? 'OrganizationAccountAccessRole';
  const requestId = `car-${ctx.ids.chars('0123456789abcdef', 32)}`;
  const status = { id: requestId, accountName: name, requestedTimestamp: ctx.nowMs, completedTimestamp: ctx.nowMs };
  if (Object.values(org.accounts).some((a) => a.email.toLowerCase() === email.toLowerCase())) {
    // An email already used by an account fails the request asynchronously (CreateAccountStatus FailureReason).
    org.createAccountStatuses[requestId] = { ...status, state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' };
  } else {
    const accountId = newAccountId(ctx, org);
    const account = newAccountState(ctx.ids, accountId, ctx.nowMs, '', false);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${org.managementAccountId}:root` }, Action: 'sts:AssumeRole' }],
    });
    account.roles[nameKey(roleName)] = {
      name: roleName,
      id: ctx.ids.uniqueId(ID_PREFIX.role),
      path: '/',
      arn: `arn:aws:iam::${accountId}:role/${roleName}`,
      createDate: ctx.nowMs,
      maxSessionDuration: 3600,
      assumeRolePolicyDocument: trust,
      tags: [],
      inlinePolicies: [
        {
          name: 'AdministratorAccess',
          document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
        },
      ],
      attachedPolicies: [],
    };
    ctx.world.accounts[accountId] = account;
    org.accounts[accountId] = { id: accountId, name, email, parentId: org.rootId, joinedMethod: 'CREATED', joinedTimestamp: ctx.nowMs };
    attachFullAccess(org, accountId);
    org.createAccountStatuses[requestId] = { ...status, state: 'SUCCEEDED', accountId };
  }
  return { CreateAccountStatus: { Id: requestId, AccountName: name, State: 'IN_PROGRESS', RequestedTimestamp: cliTimestamp(ctx.nowMs) } };
}

function describeCreateAccountStatus(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:DescribeCreateAccountStatus', '*');
  const org = readableOrganization(ctx);
  const s = own(org.createAccountStatuses, str(ctx, 'CreateAccountRequestId'));
  if (!s)
    throw fault(
      'CreateAccountStatusNotFoundException',
      "We can't find an create account request with the CreateAccountRequestId that you specified.",
      400,
    );
  return {
    CreateAccountStatus: {
      Id: s.id,
      AccountName: s.accountName,
      State: s.state,
      RequestedTimestamp: cliTimestamp(s.requestedTimestamp),
      CompletedTimestamp: cliTimestamp(s.completedTimestamp),
      ...(s.accountId !== undefined ? { AccountId: s.accountId } : {}),
      ...(s.failureReason !== undefined ? { FailureReason: s.failureReason } : {}),
    },
  };
}

function listAccounts(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('organizations:ListAccounts', '*');
  const org = readableOrganization(ctx);
  return { Accounts: Object.keys(org.accounts).map((id) => accountOut(org, id)) };
}

function describeAccount(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const id = str(ctx, 'AccountId');
  ctx.authorize('organizations:DescribeAccount', orgArns(org).account(id));
  readableOrganization(ctx);
  if (!Object.hasOwn(org.accounts, id)) throw fault('AccountNotFoundException', ACCOUNT_NOT_FOUND, 400);
  return { Account: accountOut(org, id) };
}

function createOrganizationalUnit(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const parentId = str(ctx, 'ParentId');
  const parent = findParent(org, parentId);
  ctx.authorize('organizations:CreateOrganizationalUnit', parent.arn);
  managementOrganization(ctx);
  const name = str(ctx, 'Name');
  if (Object.values(org.units).some((u) => u.parentId === parent.id && u.name === name))
    throw fault('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.', 400);
  let id = `ou-${org.rootId.slice(2)}-${ctx.ids.chars(LOWER_ALNUM, 8)}`;
  while (Object.hasOwn(org.units, id)) id = `ou-${org.rootId.slice(2)}-${ctx.ids.chars(LOWER_ALNUM, 8)}`;
  org.units[id] = { id, name, parentId: parent.id };
  attachFullAccess(org, id);
  return { OrganizationalUnit: ouOut(org, id) };
}

function describeOrganizationalUnit(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const id = str(ctx, 'OrganizationalUnitId');
  ctx.authorize('organizations:DescribeOrganizationalUnit', orgArns(org).ou(id));
  readableOrganization(ctx);
  if (!Object.hasOwn(org.units, id))
    throw fault('OrganizationalUnitNotFoundException', "We can't find an OU with the OrganizationalUnitId that you specified.", 400);
  return { OrganizationalUnit: ouOut(org, id) };
}

function children(org: OrganizationState, parentId: string): { ous: string[]; accounts: string[] } {
  return {
    ous: Object.values(org.units)
      .filter((u) => u.parentId === parentId)
      .map((u) => u.id),
    accounts: Object.values(org.accounts)
      .filter((a) => a.parentId === parentId)
      .map((a) => a.id),
  };
}

/** The parent named by ParentId, authorized on its ARN; the caller must be the management account. */
function listedParent(ctx: OperationContext, action: string): { org: OrganizationState; parentId: string } {
  const org = organizationOf(ctx);
  const parentId = str(ctx, 'ParentId');
  const parent = findParent(org, parentId);
  ctx.authorize(action, parent.arn);
  readableOrganization(ctx);
  return { org, parentId: parent.id };
}

function listOrganizationalUnitsForParent(ctx: OperationContext): Record<string, unknown> {
  const { org, parentId } = listedParent(ctx, 'organizations:ListOrganizationalUnitsForParent');
  return { OrganizationalUnits: children(org, parentId).ous.map((id) => ouOut(org, id)) };
}

function listAccountsForParent(ctx: OperationContext): Record<string, unknown> {
  const { org, parentId } = listedParent(ctx, 'organizations:ListAccountsForParent');
  return { Accounts: children(org, parentId).accounts.map((id) => accountOut(org, id)) };
}

function listChildren(ctx: OperationContext): Record<string, unknown> {
  const { org, parentId } = listedParent(ctx, 'organizations:ListChildren');
  const type = str(ctx, 'ChildType');
  const c = children(org, parentId);
  const ids = type === 'ACCOUNT' ? c.accounts : c.ous;
  return { Children: ids.map((id) => ({ Id: id, Type: type })) };
}

function listParents(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const childId = str(ctx, 'ChildId');
  const notFound = fault(
    'ChildNotFoundException',
    "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.",
    400,
  );
  const child = findTarget(org, childId, notFound);
  if (child.type === 'ROOT') throw notFound;
  ctx.authorize('organizations:ListParents', child.arn);
  readableOrganization(ctx);
  const parentId = child.type === 'ACCOUNT' ? org.accounts[child.id]?.parentId : org.units[child.id]?.parentId;
  const parent = findTarget(org, parentId ?? '');
  return { Parents: [{ Id: parent.id, Type: parent.type }] };
}

function moveAccount(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const accountId = str(ctx, 'AccountId');
  ctx.authorize('organizations:MoveAccount', orgArns(org).account(accountId));
  managementOrganization(ctx);
  const account = own(org.accounts, accountId);
  if (!account) throw fault('AccountNotFoundException', ACCOUNT_NOT_FOUND, 400);
  const source = findParent(
    org,
    str(ctx, 'SourceParentId'),
    fault('SourceParentNotFoundException', "We can't find a source root or OU with the ParentId that you specified.", 400),
  );
  const destination = findParent(
    org,
    str(ctx, 'DestinationParentId'),
    fault(
      'DestinationParentNotFoundException',
      "We can't find the destination container (a root or OU) with the ParentId that you specified.",
      400,
    ),
  );
  if (account.parentId !== source.id)
    throw fault('SourceParentNotFoundException', "We can't find a source root or OU with the ParentId that you specified.", 400);
  if (destination.id === source.id)
    throw fault('DuplicateAccountException', 'That account is already present in the specified destination.', 400);
  ctx.authorize('organizations:MoveAccount', destination.arn);
  account.parentId = destination.id;
  return {};
}

/**
 * RemoveAccountFromOrganization: the account leaves, with its own state, as a standalone account.
 * The management account cannot leave (API Reference, MasterCannotLeaveOrganizationException).
 */
function removeAccountFromOrganization(ctx: OperationContext): Record<string, unknown> {
  const org = organizationOf(ctx);
  const accountId = str(ctx, 'AccountId');
  ctx.authorize('organizations:RemoveAccountFromOrganization', orgArns(org).account(accountId));
  managementOrganization(ctx);
  if (accountId === org.managementAccountId) {
    throw fault(
      'MasterCannotLeaveOrganizationException',
      "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
      400,
    );
  }
  if (!Object.hasOwn(org.accounts, accountId)) throw fault('AccountNotFoundException', ACCOUNT_NOT_FOUND, 400);
  delete org.accounts[accountId];
  delete org.attachments[accountId];
  return {};
}

/** Organizations structure operations by API name. */
export const STRUCTURE_OPERATIONS: Record<string, OperationDefinition> = {
  CreateOrganization: { handler: createOrganization, readOnly: false },
  CreateAccount: { handler: createAccount, readOnly: false },
  DescribeCreateAccountStatus: { handler: describeCreateAccountStatus, readOnly: true },
  ListAccounts: { handler: listAccounts, readOnly: true },
  DescribeAccount: { handler: describeAccount, readOnly: true },
  CreateOrganizationalUnit: { handler: createOrganizationalUnit, readOnly: false },
  DescribeOrganizationalUnit: { handler: describeOrganizationalUnit, readOnly: true },
  ListOrganizationalUnitsForParent: { handler: listOrganizationalUnitsForParent, readOnly: true },
  ListAccountsForParent: { handler: listAccountsForParent, readOnly: true },
  ListChildren: { handler: listChildren, readOnly: true },
  ListParents: { handler: listParents, readOnly: true },
  MoveAccount: { handler: moveAccount, readOnly: false },
  RemoveAccountFromOrganization: { handler: removeAccountFromOrganization, readOnly: false },
};
