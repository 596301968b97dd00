/**
 * Cross-account switch role in the console, on the playground's world: the management account's IAM
 * user switches into OrganizationAccountAccessRole of a member account (its trust names the management
 * account), acts there, switches back, switches again from Role history, and is refused a member role
 * whose trust policy names only the member account. The member account's Event history shows the
 * console's SwitchRole sign-in event. (IAM User Guide, "Switch from a user to an IAM role (console)",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html.)
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { runInTerminal } from './widgets-helpers.ts';

const PASSWORD = 'Ops-Passw0rd!2345';

async function memberAccount(page: Page): Promise<{ management: string; member: string }> {
  await page.goto('/playground/');
  await runInTerminal(page, 'aws organizations create-organization --feature-set ALL');
  const created = await runInTerminal(
    page,
    'aws organizations create-account --email dev@example.com --account-name dev --query CreateAccountStatus.Id --output text',
  );
  const requestId = /car-[0-9a-f]{32}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
  const status = await runInTerminal(
    page,
    `aws organizations describe-create-account-status --create-account-request-id ${requestId} --query CreateAccountStatus.AccountId --output text`,
  );
  const member = [...((await status.textContent()) ?? '').matchAll(/\b\d{12}\b/g)].at(-1)?.[0] ?? '';
  expect(member).toMatch(/^\d{12}$/);
  const who = await runInTerminal(page, 'aws sts get-caller-identity --query Account --output text');
  const management = [...((await who.textContent()) ?? '').matchAll(/\b\d{12}\b/g)].at(-1)?.[0] ?? '';
  await runInTerminal(page, 'aws iam create-user --user-name ops');
  await runInTerminal(page, 'aws iam attach-user-policy --user-name ops --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await runInTerminal(page, `aws iam create-login-profile --user-name ops --password '${PASSWORD}' --no-password-reset-required`);
  await runInTerminal(page, 'aws iam create-access-key --user-name ops');
  await runInTerminal(page, `aws configure set role_arn arn:aws:iam::${member}:role/OrganizationAccountAccessRole --profile dev-admin`);
  await runInTerminal(page, 'aws configure set source_profile ops --profile dev-admin');
  // A role in the member account that trusts only the member account itself.
  const localOnly = await runInTerminal(
    page,
    `aws iam create-role --role-name LocalOnly --profile dev-admin --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${member}:root"},"Action":"sts:AssumeRole"}]}'`,
  );
  await expect(localOnly).toContainText(`arn:aws:iam::${member}:role/LocalOnly`);
  return { management, member };
}

async function openConsole(page: Page): Promise<Locator> {
  await page.goto('/console/');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console).toHaveAttribute('aria-busy', 'false');
  return console;
}

test('switch role into another account of the organization and back; a role that does not trust us is refused', async ({ page }) => {
  test.setTimeout(180_000);
  const { management, member } = await memberAccount(page);
  const console = await openConsole(page);
  await console.getByRole('radio', { name: 'IAM user' }).check();
  await console.getByRole('textbox', { name: 'Account ID or alias' }).fill(management);
  await console.getByRole('textbox', { name: 'IAM user name' }).fill('ops');
  await console.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await expect(console.getByText(`ops @ ${management}`)).toBeVisible();

  // Refused: LocalOnly's trust policy names only the member account.
  await console.getByRole('button', { name: 'Switch role', exact: true }).click();
  await console.getByRole('textbox', { name: 'Account ID' }).fill(member);
  await console.getByRole('textbox', { name: 'IAM role name' }).fill('LocalOnly');
  await console.getByRole('button', { name: 'Switch Role', exact: true }).click();
  await expect(console.getByRole('alert')).toContainText(
    `User: arn:aws:iam::${management}:user/ops is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${member}:role/LocalOnly`,
  );

  // Allowed: OrganizationAccountAccessRole trusts the management account, and ops may call sts:AssumeRole.
  await console.getByRole('textbox', { name: 'IAM role name' }).fill('OrganizationAccountAccessRole');
  await console.getByRole('textbox', { name: 'Display name - optional' }).fill('Dev admin');
  await console.getByRole('radio', { name: 'orange' }).check();
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Switch Role', exact: true }).click();
  await expect(console.getByTitle(`arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/ops`)).toHaveText(
    'Acting as role Dev admin',
  );
  // Now acting in the member account: its IAM has the role, and not the management account's user ops.
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Roles' }).click();
  await expect(console.getByRole('button', { name: 'LocalOnly', exact: true })).toBeVisible();
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Users' }).click();
  await expect(console.getByRole('heading', { name: /Users/ })).toBeVisible();
  await expect(console.getByRole('button', { name: 'ops', exact: true })).toHaveCount(0);

  // The member account's Event history has the console's SwitchRole event, from the management account's user.
  await console.getByRole('navigation', { name: 'Services' }).getByRole('button', { name: 'CloudTrail' }).click();
  const table = console.getByRole('table', { name: 'Event history' });
  await table.getByRole('button', { name: /^SwitchRole at/ }).click();
  const record = JSON.parse(await console.getByLabel('Event record of SwitchRole').innerText()) as Record<string, unknown>;
  expect(record).toMatchObject({
    eventSource: 'signin.amazonaws.com',
    eventType: 'AwsConsoleSignIn',
    recipientAccountId: member,
    userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/ops`, accountId: member },
    responseElements: { SwitchRole: 'Success' },
    additionalEventData: { SwitchFrom: `arn:aws:iam::${management}:user/ops` },
  });

  // Back to ops in the management account, then into the role again from Role history.
  await console.getByRole('button', { name: /^Switch back/ }).click();
  await expect(console.getByText(`ops @ ${management}`)).toBeVisible();
  const history = console.getByRole('combobox', { name: 'Role history' });
  await expect(history.getByRole('option', { name: 'Dev admin' })).toHaveCount(1);
  await history.selectOption({ label: 'Dev admin' });
  await expect(console.getByTitle(`arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/ops`)).toBeVisible();
  await console.getByRole('button', { name: /^Switch back/ }).click();
  await expect(console.getByText(`ops @ ${management}`)).toBeVisible();
});
