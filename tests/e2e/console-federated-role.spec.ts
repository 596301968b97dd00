/**
 * The GitHub Actions OIDC role, made in the console and used from the terminal: register GitHub's
 * provider in the terminal, create the role with the wizard's Web identity type (provider, audience,
 * organization, repository, branch), then mint a main-branch token and a pull-request token with the
 * simulated issuer: only the first gets credentials. The SAML 2.0 type says when there is no provider.
 * (IAM User Guide, "Create a role for OpenID Connect federation (console)",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html.)
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { runInTerminal } from './widgets-helpers.ts';

test('Create role → Web identity for octo/app main; the main-branch token gets in, a pull request does not', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/playground/');
  await expect(
    await runInTerminal(
      page,
      'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com',
    ),
  ).toContainText('oidc-provider/token.actions.githubusercontent.com');

  await page.goto('/console/');
  const console = page.getByRole('region', { name: 'AWS Management Console (simulated)' });
  await expect(console).toHaveAttribute('aria-busy', 'false');
  const card = async (term: string): Promise<string> =>
    (
      await console
        .getByRole('complementary', { name: 'This simulated account' })
        .locator('dt', { hasText: term })
        .locator('xpath=following-sibling::dd[1]')
        .innerText()
    ).trim();
  const accountId = await card('Account ID');
  await console.getByRole('radio', { name: 'Root user' }).check();
  await console.getByRole('textbox', { name: 'Root user email address' }).fill(await card('Root user email'));
  await console.getByLabel('Password', { exact: true }).fill(await card('Root user password'));
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.getByRole('navigation', { name: /IAM/ }).getByRole('button', { name: 'Roles' }).click();
  await console.getByRole('button', { name: 'Create role' }).click();

  await console.getByRole('radio', { name: 'SAML 2.0 federation' }).check();
  await expect(console.getByText(/No SAML providers/)).toBeVisible();

  await console.getByRole('radio', { name: 'Web identity' }).check();
  await expect(console.getByRole('combobox', { name: 'Identity provider' })).toHaveValue(
    `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com`,
  );
  await expect(console.getByRole('combobox', { name: 'Audience' })).toHaveValue('sts.amazonaws.com');
  await console.getByRole('textbox', { name: 'GitHub organization' }).fill('octo');
  await console.getByRole('textbox', { name: 'GitHub repository - optional' }).fill('app');
  await console.getByRole('textbox', { name: 'GitHub branch - optional' }).fill('main');
  const trust = JSON.parse(await console.getByLabel('Trust policy to be created').innerText()) as { Statement: Record<string, unknown>[] };
  expect(trust.Statement[0]).toEqual({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main' },
    },
  });
  await expectNoA11yViolations(page, '.aws-console');
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('button', { name: 'Next' }).click();
  await console.getByRole('textbox', { name: 'Role name' }).fill('gha-deploy');
  await console.getByRole('button', { name: 'Create role' }).click();
  await expect(console.getByRole('heading', { name: 'gha-deploy' })).toBeVisible();

  await page.goto('/playground/');
  await runInTerminal(page, 'github-actions token --repo octo/app --ref refs/heads/main > main.jwt');
  const ok = await runInTerminal(
    page,
    `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::${accountId}:role/gha-deploy --role-session-name gha --web-identity-token file://main.jwt --query SubjectFromWebIdentityToken --output text`,
  );
  await expect(ok).toContainText('repo:octo/app:ref:refs/heads/main');
  await runInTerminal(page, 'github-actions token --repo octo/app --event pull_request > pr.jwt');
  const denied = await runInTerminal(
    page,
    `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::${accountId}:role/gha-deploy --role-session-name gha --web-identity-token file://pr.jwt`,
  );
  await expect(denied).toContainText(
    'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
  );
});
