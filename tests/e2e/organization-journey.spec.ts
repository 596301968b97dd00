/**
 * The organization journey in the browser terminal: the playground's standalone root creates an
 * organization and an account, the management account's admin reaches the new account through a
 * role profile into OrganizationAccountAccessRole, and all of it is still there after a reload.
 */
import { test, expect } from './fixtures.ts';
import { runInTerminal } from './widgets-helpers.ts';

test('create-organization, create-account and a role profile into the new account survive a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/playground/');
  await expect(await runInTerminal(page, 'aws organizations create-organization --feature-set ALL')).toContainText('"FeatureSet": "ALL"');
  const created = await runInTerminal(
    page,
    'aws organizations create-account --email dev@example.com --account-name dev --query CreateAccountStatus.Id --output text',
  );
  const requestId = /car-[0-9a-f]{32}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
  expect(requestId).not.toBe('');
  const status = await runInTerminal(
    page,
    `aws organizations describe-create-account-status --create-account-request-id ${requestId} --query CreateAccountStatus.AccountId --output text`,
  );
  const accountId = [...((await status.textContent()) ?? '').matchAll(/\b\d{12}\b/g)].at(-1)?.[0] ?? '';
  expect(accountId).toMatch(/^\d{12}$/);
  await runInTerminal(page, 'aws iam create-user --user-name admin');
  await runInTerminal(page, 'aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await runInTerminal(page, 'aws iam create-access-key --user-name admin');
  await runInTerminal(page, `aws configure set role_arn arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole --profile dev-admin`);
  await runInTerminal(page, 'aws configure set source_profile admin --profile dev-admin');
  await expect(await runInTerminal(page, 'aws sts get-caller-identity --profile dev-admin --query Account --output text')).toContainText(
    accountId,
  );

  await page.reload();
  await expect(await runInTerminal(page, 'aws sts get-caller-identity --profile dev-admin --query Arn --output text')).toContainText(
    `arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/`,
  );
  await expect(await runInTerminal(page, 'aws organizations list-accounts --query "Accounts[].Name" --output text')).toContainText('dev');
});
