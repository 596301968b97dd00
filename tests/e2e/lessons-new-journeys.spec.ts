/**
 * Learner journeys through the lessons added in the second edition (13 roles for services, 14 KMS
 * key policies, 15 privilege escalation, 16 reviewing access with the credential report), in Chromium: every exercise is started, its reference
 * solution is typed into the terminal that follows it — values the learner would copy from an
 * output (an instance ID, a key ARN) are read from that output — and its checks must all turn ✓.
 * One wrong answer per lesson shows its check's words first.
 */
import { test, expect } from './fixtures.ts';
import { completeLesson, run, startExercise } from './lesson-helpers.ts';
import { filesChecked, setEditorText, showWidget } from './widgets-helpers.ts';
import lesson13 from '../../content/lessons/13-roles-for-services/exercises.ts';
import lesson14 from '../../content/lessons/14-kms-key-policies/exercises.ts';
import lesson15 from '../../content/lessons/15-privilege-escalation/exercises.ts';
import lesson16 from '../../content/lessons/16-reviewing-access/exercises.ts';

test('lesson 13: execution role, PassRole by path and service, an instance acting as its role', async ({ page }) => {
  test.setTimeout(120_000);
  await completeLesson(page, '13-roles-for-services', lesson13);
});

test('lesson 13: a function role that trusts EC2 is refused, and the check says why in words', async ({ page }) => {
  await page.goto('/lessons/13-roles-for-services/');
  const card = await startExercise(page, 'execution-role');
  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  const trust =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  await run(terminal, `aws iam create-role --role-name report-fn-role --assume-role-policy-document '${trust}'`);
  const item = card.getByRole('listitem').filter({ hasText: 'trusts the Lambda service' });
  await expect(item).toContainText('names other principals than lambda.amazonaws.com');
});

test('lesson 14: decrypt through IAM, a key policy that must allow, administrators who cannot read', async ({ page }) => {
  test.setTimeout(120_000);
  await completeLesson(page, '14-kms-key-policies', lesson14, async (id, terminal, vars) => {
    // The learner finds the HR key's ARN from its alias.
    if (id === 'must-allow')
      vars['HR_KEY'] = (await run(terminal, 'aws kms describe-key --key-id alias/hr --query KeyMetadata.Arn --output text')).out.trim();
  });
});

test('lesson 15: break in through PassRole and a policy version, then close both paths', async ({ page }) => {
  test.setTimeout(150_000);
  await completeLesson(page, '15-privilege-escalation', lesson15);
});

test('lesson 16: password policy, retiring unused keys, the credential report, MFA before anything else', async ({ page }) => {
  test.setTimeout(150_000);
  await completeLesson(page, '16-reviewing-access', lesson16, async (id, terminal, vars) => {
    if (id === 'credential-report') {
      // The learner decodes the report in the terminal and reads password_enabled and mfa_active.
      expect((await run(terminal, 'aws iam generate-credential-report --query State --output text')).out.trim()).toBe('STARTED');
      const csv = await run(terminal, 'aws iam get-credential-report --query Content --output text | base64 -d');
      expect(csv.exit).toBe('0');
      const rows = csv.out.split('\n').map((line) => line.split(','));
      const [header] = rows;
      const cell = (user: string, column: string) => rows.find((r) => r[0] === user)?.[header?.indexOf(column) ?? -1];
      expect(rows[1]?.[0]).toBe('<root_account>');
      expect([cell('carl', 'password_enabled'), cell('carl', 'mfa_active')]).toEqual(['true', 'false']);
      expect([cell('erin', 'password_enabled'), cell('erin', 'mfa_active')]).toEqual(['true', 'false']);
      expect([cell('ana', 'password_enabled'), cell('ana', 'mfa_active')]).toEqual(['true', 'true']);
      expect(cell('deploy-bot', 'password_enabled')).toBe('false');
      return;
    }
    if (id !== 'unused-keys') return;
    // The learner reads each user's key ID from list-access-keys.
    for (const [user, name] of [
      ['build', 'BUILD_KEY'],
      ['reporter', 'REPORTER_KEY'],
      ['old-tool', 'OLD_TOOL_KEY'],
    ] as const) {
      vars[name] = (
        await run(terminal, `aws iam list-access-keys --user-name ${user} --query AccessKeyMetadata[0].AccessKeyId --output text`)
      ).out.trim();
    }
    const never = await run(terminal, `aws iam get-access-key-last-used --access-key-id ${vars['REPORTER_KEY']}`);
    expect(never.out).not.toContain('LastUsedDate');
  });
});

test('lesson 11: an SCP written in the editor, first on the root (refused, in words), then on the Workloads OU', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/lessons/11-guardrails/');
  const card = await startExercise(page, 'write-an-scp');
  const files = page.getByRole('region', { name: 'Your SCP' });
  await showWidget(files);
  const scp = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["iam:CreateUser","iam:CreateAccessKey"],"Resource":"*"}]}';
  await setEditorText(page, files, 'Text of no-iam-users.json', scp);
  await filesChecked(files);
  await files.getByRole('button', { name: 'Save no-iam-users.json' }).click();
  await expect(files.getByRole('status')).toContainText('Saved no-iam-users.json. Use it in the terminal as file://no-iam-users.json.');

  const terminal = card.locator('xpath=following::section[contains(@class, "terminal")][1]');
  await showWidget(terminal);
  const rootId = (await run(terminal, 'aws organizations list-roots --query Roots[0].Id --output text')).out.trim();
  const ouId = (
    await run(
      terminal,
      `aws organizations list-organizational-units-for-parent --parent-id ${rootId} --query OrganizationalUnits[0].Id --output text`,
    )
  ).out.trim();
  expect(ouId).toMatch(/^ou-/);
  const created = await run(
    terminal,
    'aws organizations create-policy --name NoIamUsers --type SERVICE_CONTROL_POLICY --description "People sign in through Identity Center" --content file://no-iam-users.json --query Policy.PolicySummary.Id --output text',
  );
  expect(created.exit, created.out).toBe('0');
  const policyId = created.out.trim();

  // The tempting shortcut binds every account: the check says so in words, and the exercise goes on.
  expect((await run(terminal, `aws organizations attach-policy --policy-id ${policyId} --target-id ${rootId}`)).exit).toBe('0');
  await expect(card.getByRole('listitem').filter({ hasText: 'the audit account, outside Workloads' })).toContainText(
    'attach the SCP to the Workloads OU, not to the root',
    { timeout: 20_000 },
  );
  expect((await run(terminal, `aws organizations detach-policy --policy-id ${policyId} --target-id ${rootId}`)).exit).toBe('0');
  expect((await run(terminal, `aws organizations attach-policy --policy-id ${policyId} --target-id ${ouId}`)).exit).toBe('0');
  const refused = await run(terminal, 'aws iam create-user --user-name shortcut --profile sandbox-admin');
  expect(refused.out).toContain('with an explicit deny in a service control policy');
  await expect(card.getByRole('status')).toHaveText('All 5 checks pass — exercise complete.', { timeout: 20_000 });
});
