/**
 * Roles assumed by services, in the playground's terminal and editor: a policy written in the editor
 * and attached from its file, a function refused without iam:PassRole and then run as its role, an
 * instance acting as its role, and an SSE-KMS object refused until the key policy allows kms:Decrypt.
 */
import { test, expect, expectNoA11yViolations } from './fixtures.ts';
import { filesChecked, runInTerminal, setEditorText, showWidget } from './widgets-helpers.ts';
import type { Page } from '@playwright/test';

const ACCOUNT_ARN = /arn:aws:iam::(\d{12}):user\/dev/;

// One line: typing newlines into Monaco would auto-indent and auto-close (see widgets-helpers.ts).
function policy(actions: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
}

/** Saves `text` as `name` through the Files widget. */
async function saveFile(page: Page, name: string, text: string): Promise<void> {
  const files = page.getByRole('region', { name: 'Files in this world' });
  await showWidget(files);
  await files.getByRole('combobox', { name: 'File name' }).fill(name);
  await setEditorText(page, files, `Text of ${name}`, text);
  await filesChecked(files);
  await files.getByRole('button', { name: `Save ${name}` }).click();
  const status = files.getByRole('status');
  await expect(status).toContainText(/Saved|Replace it/);
  if ((await status.textContent())?.includes('Replace it')) await files.getByRole('button', { name: `Replace ${name}` }).click();
  await expect(status).toContainText(`Saved ${name}. Use it in the terminal as file://${name}.`);
}

/** Types a heredoc line by line, as a learner does: the terminal keeps a `>` prompt until the delimiter. */
async function heredoc(page: Page, first: string, lines: string[]): Promise<void> {
  const terminal = page.getByRole('region', { name: 'AWS terminal' });
  const before = await terminal.locator('.entry').count();
  await terminal.getByRole('textbox', { name: 'Command line' }).fill(first);
  await terminal.getByRole('textbox', { name: 'Command line' }).press('Enter');
  const next = terminal.getByRole('textbox', { name: 'Next line of the here-document' });
  for (const line of [...lines, 'EOF']) {
    await expect(next).toBeVisible();
    await next.fill(line);
    await next.press('Enter');
  }
  await expect(terminal.locator('.entry')).toHaveCount(before + 1);
}

test('a learner passes roles to Lambda and EC2 and meets a KMS key policy, in the terminal and the editor', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground/');

  // The editor writes policy.json; the terminal attaches it from the file.
  await saveFile(page, 'policy.json', policy(['lambda:*', 's3:*', 'ec2:*', 'kms:GenerateDataKey', 'iam:Get*', 'iam:List*']));
  await runInTerminal(page, 'aws iam create-user --user-name dev');
  await runInTerminal(page, 'aws iam create-access-key --user-name dev');
  const attached = await runInTerminal(
    page,
    'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://policy.json',
  );
  await expect(attached).toContainText('exit code 0');
  const who = await runInTerminal(page, 'aws iam get-user --user-name dev --query User.Arn --output text');
  const account = ACCOUNT_ARN.exec((await who.textContent()) ?? '')?.[1] ?? '';
  expect(account).toMatch(/^\d{12}$/);

  // A role for Lambda, written with a heredoc in the terminal.
  await heredoc(page, "cat > trust.json <<'EOF'", [
    '{"Version": "2012-10-17", "Statement": [',
    '  {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}',
    ']}',
  ]);
  await runInTerminal(page, 'aws iam create-role --role-name reader-role --assume-role-policy-document file://trust.json');
  await runInTerminal(
    page,
    'aws iam attach-role-policy --role-name reader-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  );
  await runInTerminal(page, 'aws s3api create-bucket --bucket reports');
  await runInTerminal(page, 'echo aws sts get-caller-identity --query Arn --output text > reader.txt');

  // Without iam:PassRole the function is refused with Lambda's AccessDeniedException.
  const create = `aws lambda create-function --function-name reader --runtime provided.al2023 --handler run --role arn:aws:iam::${account}:role/reader-role --zip-file fileb://reader.txt --profile dev`;
  const refused = await runInTerminal(page, create);
  await expect(refused).toContainText('(AccessDeniedException) when calling the CreateFunction operation');
  await expect(refused).toContainText('is not authorized to perform: iam:PassRole');

  // The learner adds PassRole in the editor, attaches it again, and the function runs as its role.
  await saveFile(
    page,
    'policy.json',
    policy(['lambda:*', 's3:*', 'ec2:*', 'kms:GenerateDataKey', 'iam:Get*', 'iam:List*', 'iam:PassRole']),
  );
  await runInTerminal(page, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://policy.json');
  await expect(await runInTerminal(page, create)).toContainText('"FunctionName": "reader"');
  await expect(await runInTerminal(page, 'aws lambda invoke --function-name reader out.json --profile dev')).toContainText(
    '"StatusCode": 200',
  );
  await expect(await runInTerminal(page, 'cat out.json')).toContainText(`arn:aws:sts::${account}:assumed-role/reader-role/reader`);

  // An instance with an instance profile, and a command on it as the instance role.
  await saveFile(
    page,
    'ec2-trust.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  );
  await runInTerminal(page, 'aws iam create-role --role-name app-role --assume-role-policy-document file://ec2-trust.json');
  await runInTerminal(page, 'aws iam create-instance-profile --instance-profile-name app-profile');
  await runInTerminal(page, 'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role');
  const launched = await runInTerminal(
    page,
    'aws ec2 run-instances --image-id ami-0123456789abcdef0 --iam-instance-profile Name=app-profile --query Instances[0].InstanceId --output text --profile dev',
  );
  const instanceId = ((await launched.locator('pre.out').textContent()) ?? '').trim();
  expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
  await expect(await runInTerminal(page, `on-instance ${instanceId} aws sts get-caller-identity`)).toContainText(
    `assumed-role/app-role/${instanceId}`,
  );

  // A KMS key: the object goes in with SSE-KMS, and comes out only once the key policy allows kms:Decrypt.
  const key = await runInTerminal(page, 'aws kms create-key --query KeyMetadata.KeyId --output text');
  const keyId = ((await key.locator('pre.out').textContent()) ?? '').trim();
  await runInTerminal(page, 'echo quarterly numbers > q1.txt');
  await expect(
    await runInTerminal(
      page,
      `aws s3api put-object --bucket reports --key q1.txt --body q1.txt --server-side-encryption aws:kms --ssekms-key-id ${keyId} --profile dev`,
    ),
  ).toContainText('"ServerSideEncryption": "aws:kms"');
  const denied = await runInTerminal(page, 'aws s3api get-object --bucket reports --key q1.txt q1.out --profile dev');
  await expect(denied).toContainText('(AccessDenied) when calling the GetObject operation');
  await expect(denied).toContainText('kms:Decrypt');
  await saveFile(
    page,
    'key-policy.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'dev may decrypt',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${account}:user/dev` },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
      ],
    }),
  );
  await runInTerminal(page, `aws kms put-key-policy --key-id ${keyId} --policy file://key-policy.json`);
  await expect(await runInTerminal(page, 'aws s3api get-object --bucket reports --key q1.txt q1.out --profile dev')).toContainText(
    '"SSEKMSKeyId"',
  );
  await expect(await runInTerminal(page, 'cat q1.out')).toContainText('quarterly numbers');

  await expectNoA11yViolations(page);
});

test('the editor opens a file the terminal wrote, and saving over a file it did not open asks first', async ({ page }) => {
  await page.goto('/playground/');
  await runInTerminal(page, 'echo \'{"Version": "2012-10-17", "Statement": []}\' > notes.json');
  const files = page.getByRole('region', { name: 'Files in this world' });
  await showWidget(files);
  await files.getByRole('combobox', { name: 'File name' }).fill('notes.json');
  await setEditorText(page, files, 'Text of notes.json', '{"replaced": true}');
  await filesChecked(files);
  await files.getByRole('button', { name: 'Save notes.json' }).click();
  await expect(files.getByRole('status')).toContainText('notes.json already exists in this world. Replace it with the text in the editor?');
  await files.getByRole('button', { name: 'Keep the file' }).click();
  await expect(files.getByRole('status')).toContainText('Nothing was replaced.');
  await expect(await runInTerminal(page, 'cat notes.json')).toContainText('"Statement": []');
  await files.getByRole('button', { name: 'Open' }).click();
  await expect(files.getByRole('status')).toContainText('Opened notes.json.');
  await filesChecked(files);
  await files.getByRole('button', { name: 'Save notes.json' }).click();
  await expect(files.getByRole('status')).toContainText('Saved notes.json.');
});
