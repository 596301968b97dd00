/**
 * Learner journey through lesson 18 (IAM Identity Center and federation), in Chromium: every exercise
 * is started and its reference solution typed into the terminal that follows it (the trust policy
 * saved in the lesson's file editor); the IDs a learner would look up (instance, identity store,
 * alice, the accounts) are read from outputs; every check must turn ✓. Between the exercises alice
 * signs in to the access portal on the lesson page (registering an authenticator app at her first
 * sign-in, then signing in again with a code from it), sees Auditor in prod, and approves
 * `aws sso login` for an sso-session profile, whose session is the reserved role's.
 */
import type { Locator } from '@playwright/test';
import jmespath from 'jmespath';
import { test, expect } from './fixtures.ts';
import { run, startExercise, typeSolution } from './lesson-helpers.ts';
import { firstSignIn, signInWithCode } from './portal-helpers.ts';
import { showWidget } from './widgets-helpers.ts';
import type { Exercise } from '../../src/course/exercise.ts';
import lesson18 from '../../content/lessons/18-identity-center/exercises.ts';

async function json(terminal: Locator, command: string): Promise<unknown> {
  const result = await run(terminal, command);
  expect(result.exit, `${command}\n${result.out}`).toBe('0');
  return JSON.parse(result.out) as unknown;
}

/** What a learner looks up before the Identity Center exercises. */
async function lookUp(terminal: Locator, vars: Record<string, string>): Promise<void> {
  const instances = await json(terminal, 'aws sso-admin list-instances');
  vars['INSTANCE'] = String(jmespath.search(instances, 'Instances[0].InstanceArn'));
  vars['STORE'] = String(jmespath.search(instances, 'Instances[0].IdentityStoreId'));
  vars['START_URL'] = `https://${vars['STORE']}.awsapps.com/start`;
  const users = await json(terminal, `aws identitystore list-users --identity-store-id ${vars['STORE']}`);
  vars['ALICE'] = String(jmespath.search(users, "Users[?UserName=='alice'].UserId | [0]"));
  const accounts = await json(terminal, 'aws organizations list-accounts');
  vars['DEV'] = String(jmespath.search(accounts, "Accounts[?Name=='dev'].Id | [0]"));
  vars['PROD'] = String(jmespath.search(accounts, "Accounts[?Name=='prod'].Id | [0]"));
}

async function finish(card: Locator, exercise: Exercise): Promise<void> {
  await expect(card.getByRole('status')).toHaveText(`All ${exercise.checks.length} checks pass — exercise complete.`, { timeout: 30_000 });
  await expect(card.getByText('✓ Completed')).toBeVisible();
}

test('lesson 18: a permission set for a group, the portal and aws sso login, joiner and leaver, a GitHub Actions role', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/lessons/18-identity-center/');
  const [auditor, joiner, github] = lesson18;
  if (!auditor || !joiner || !github) throw new Error('lesson 18 has three exercises');
  const vars: Record<string, string> = {};

  const card = await startExercise(page, auditor.id);
  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  await lookUp(terminal, vars);
  await typeSolution(page, card, terminal, auditor, vars);
  await finish(card, auditor);

  // alice signs in to the access portal on the lesson page and approves aws sso login.
  const portal = page.getByRole('region', { name: 'AWS access portal (simulated)' });
  await showWidget(portal);
  await expect(portal).toHaveAttribute('aria-busy', 'false');
  await firstSignIn(portal, 'alice', 'Correct-Horse-7');
  await portal.getByRole('button', { name: 'Sign out' }).click();
  await signInWithCode(portal, 'alice', 'Correct-Horse-7');
  await expect(portal.getByRole('button', { name: 'Open console: Auditor in prod' })).toBeVisible();

  await showWidget(terminal);
  for (const line of [
    `aws configure set sso-session.corp.sso_start_url ${vars['START_URL']}`,
    'aws configure set sso-session.corp.sso_region us-east-1',
    'aws configure set sso-session.corp.sso_registration_scopes sso:account:access',
    'aws configure set sso_session corp --profile auditor',
    `aws configure set sso_account_id ${vars['PROD']} --profile auditor`,
    'aws configure set sso_role_name Auditor --profile auditor',
  ])
    expect((await run(terminal, line)).exit).toBe('0');
  const login = await run(terminal, 'aws sso login --sso-session corp');
  const userCode = /Then enter the code:\s+(\S+)/.exec(login.out)?.[1] ?? '';
  expect(userCode, login.out).not.toBe('');
  await showWidget(portal);
  await portal.getByRole('textbox', { name: 'Code' }).fill(userCode);
  await portal.getByRole('button', { name: 'Allow access' }).click();
  await showWidget(terminal);
  await expect
    .poll(async () => (await run(terminal, 'aws sso login --sso-session corp')).out, { timeout: 30_000 })
    .toContain('Successfully logged into Start URL');
  const identity = await json(terminal, 'aws sts get-caller-identity --profile auditor');
  expect(String(jmespath.search(identity, 'Arn'))).toMatch(
    new RegExp(`^arn:aws:sts::${vars['PROD']}:assumed-role/AWSReservedSSO_Auditor_[0-9a-f]{16}/alice$`),
  );

  const joinerCard = await startExercise(page, joiner.id);
  await showWidget(terminal);
  await typeSolution(page, joinerCard, terminal, joiner, vars);
  await finish(joinerCard, joiner);

  const githubCard = await startExercise(page, github.id);
  const githubTerminal = githubCard.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(githubTerminal);
  vars['accountId'] = String(jmespath.search(await json(githubTerminal, 'aws sts get-caller-identity'), 'Account'));
  await typeSolution(page, githubCard, githubTerminal, github, vars);
  await finish(githubCard, github);
  // The workflow of another repository is refused, in the terminal as in the check.
  expect((await run(githubTerminal, 'github-actions token --repo octo/tools > tools.jwt')).exit).toBe('0');
  const refused = await run(
    githubTerminal,
    `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::${vars['accountId']}:role/deploy-app --role-session-name gha --web-identity-token file://tools.jwt`,
  );
  expect(refused.out).toContain('AccessDenied');
});
