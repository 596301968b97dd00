// KMS in the world, through world.run. Sources:
// - KMS Developer Guide, "Default key policy": https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
// - KMS Developer Guide, "Key policies in AWS KMS" (a key policy must allow; IAM only through the account principal):
//   https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
// - KMS API Reference, "PutKeyPolicy" (BypassPolicyLockoutSafetyCheck): https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
// - KMS Developer Guide, "Grants in AWS KMS": https://docs.aws.amazon.com/kms/latest/developerguide/grants.html
// - KMS Developer Guide, "AWS KMS condition keys" (kms:ViaService, kms:CallerAccount, kms:EncryptionContext:):
//   https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
// - S3 User Guide, "Using server-side encryption with AWS KMS keys (SSE-KMS)":
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';

const ACCOUNT = '123456789012';
const DEV = `arn:aws:iam::${ACCOUNT}:user/dev`;

function doc(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

async function must(world: World, line: string): Promise<string> {
  const r = await world.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
  return r.stdout;
}

const ROOT_STATEMENT = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

async function setup(devActions: string[]): Promise<{ world: World; keyId: string; keyArn: string }> {
  const world = createWorld({ seed: 'kms-test', now: '2026-03-02T09:00:00Z' });
  world.writeFile('dev.json', doc({ Effect: 'Allow', Action: devActions, Resource: '*' }));
  world.writeFile('secret.txt', 'the launch codes\n');
  await must(world, 'aws iam create-user --user-name dev');
  await must(world, 'aws iam create-access-key --user-name dev');
  if (devActions.length > 0)
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
  const meta = JSON.parse(await must(world, 'aws kms create-key --description demo')).KeyMetadata;
  await must(world, `aws kms create-alias --alias-name alias/demo --target-key-id ${meta.KeyId}`);
  return { world, keyId: meta.KeyId, keyArn: meta.Arn };
}

describe('CreateKey and the default key policy', () => {
  it("a key created without a policy gets AWS's default: the account principal may do kms:*", async () => {
    const { world, keyId, keyArn } = await setup([]);
    const policy = JSON.parse(await must(world, `aws kms get-key-policy --key-id ${keyId}`));
    expect(policy.PolicyName).toBe('default');
    expect(JSON.parse(policy.Policy)).toEqual({ Version: '2012-10-17', Id: 'key-default-1', Statement: [ROOT_STATEMENT] });
    const meta = JSON.parse(await must(world, 'aws kms describe-key --key-id alias/demo')).KeyMetadata;
    expect(meta).toMatchObject({
      AWSAccountId: ACCOUNT,
      KeyId: keyId,
      Arn: keyArn,
      Enabled: true,
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyManager: 'CUSTOMER',
      Origin: 'AWS_KMS',
    });
    expect(JSON.parse(await must(world, 'aws kms list-keys')).Keys).toEqual([{ KeyId: keyId, KeyArn: keyArn }]);
    expect(JSON.parse(await must(world, 'aws kms list-aliases')).Aliases[0]).toMatchObject({ AliasName: 'alias/demo', TargetKeyId: keyId });
  });

  it("with the default policy, IAM decides: no IAM allow is KMS's AccessDeniedException naming the identity-based policy", async () => {
    const { world, keyArn } = await setup(['kms:Encrypt']);
    const r = await world.run('aws kms decrypt --ciphertext-blob fileb://secret.txt --profile dev');
    // Not a ciphertext at all: KMS says so before looking at permissions it cannot attribute to a key.
    expect(r.stderr).toBe('\nAn error occurred (InvalidCiphertextException) when calling the Decrypt operation: \n');
    const blob = (
      await must(
        world,
        'aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --query CiphertextBlob --output text --profile dev',
      )
    ).trim();
    const denied = await world.run(`aws kms decrypt --ciphertext-blob ${blob} --profile dev`);
    expect(denied.stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the Decrypt operation: User: ${DEV} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action\n`,
    );
  });

  it('a key policy without the account principal: an IAM policy alone never suffices', async () => {
    const { world, keyId, keyArn } = await setup(['kms:*']);
    world.writeFile(
      'kp.json',
      doc(
        { Sid: 'admins', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:PutKeyPolicy', Resource: '*' },
        {
          Sid: 'root-only',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ['kms:GetKeyPolicy', 'kms:Encrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalType': 'Account' } },
        },
      ),
    );
    await must(world, `aws kms put-key-policy --key-id ${keyId} --policy file://kp.json`);
    const r = await world.run('aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --profile dev');
    expect(r.stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the Encrypt operation: User: ${DEV} is not authorized to perform: kms:Encrypt on resource: ${keyArn} because no resource-based policy allows the kms:Encrypt action\n`,
    );
  });

  it('a key policy naming the user directly is enough without any IAM policy', async () => {
    const { world, keyId } = await setup([]);
    world.writeFile(
      'kp.json',
      doc(ROOT_STATEMENT, { Sid: 'dev', Effect: 'Allow', Principal: { AWS: DEV }, Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' }),
    );
    await must(world, `aws kms put-key-policy --key-id ${keyId} --policy file://kp.json`);
    const blob = (
      await must(
        world,
        `aws kms encrypt --key-id ${keyId} --plaintext fileb://secret.txt --query CiphertextBlob --output text --profile dev`,
      )
    ).trim();
    const out = JSON.parse(await must(world, `aws kms decrypt --ciphertext-blob ${blob} --profile dev`));
    expect(new TextDecoder().decode(Uint8Array.from(atob(out.Plaintext), (c) => c.charCodeAt(0)))).toBe('the launch codes\n');
  });
});

describe('PutKeyPolicy lockout safety', () => {
  it('refuses a policy that would stop the caller from changing it again, unless bypassed', async () => {
    const { world, keyId } = await setup([]);
    world.writeFile('lock.json', doc({ Effect: 'Allow', Principal: { AWS: DEV }, Action: 'kms:Decrypt', Resource: '*' }));
    expect((await world.run(`aws kms put-key-policy --key-id ${keyId} --policy file://lock.json`)).stderr).toBe(
      '\nAn error occurred (MalformedPolicyDocumentException) when calling the PutKeyPolicy operation: The new key policy will not allow you to update the key policy in the future.\n',
    );
    await must(world, `aws kms put-key-policy --key-id ${keyId} --policy file://lock.json --bypass-policy-lockout-safety-check`);
    // Now even the root user cannot read the policy: nothing in it allows GetKeyPolicy.
    expect((await world.run(`aws kms get-key-policy --key-id ${keyId}`)).stderr).toContain(
      'is not authorized to perform: kms:GetKeyPolicy',
    );
  });
});

describe('a key policy that does not parse', () => {
  it('is MalformedPolicyDocumentException with no message, as KMS answers; the terminal names the line and column', async () => {
    const { world, keyId } = await setup([]);
    world.writeFile('kp.json', '{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow" "Principal": "*"} ]\n}');
    const r = await world.run(`aws kms put-key-policy --key-id ${keyId} --policy file://kp.json`);
    const [aws, note] = r.stderr.trim().split('\n');
    expect(aws).toBe('An error occurred (MalformedPolicyDocumentException) when calling the PutKeyPolicy operation: ');
    expect(note).toMatch(/^\[simulator\] kp\.json:3:\d+: /);
  });
});

describe('encryption context and kms: condition keys', () => {
  it('decrypting needs the same encryption context (InvalidCiphertextException otherwise)', async () => {
    const { world } = await setup([]);
    const blob = (
      await must(
        world,
        'aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --encryption-context app=payroll --query CiphertextBlob --output text',
      )
    ).trim();
    expect((await world.run(`aws kms decrypt --ciphertext-blob ${blob}`)).stderr).toBe(
      '\nAn error occurred (InvalidCiphertextException) when calling the Decrypt operation: \n',
    );
    expect((await world.run(`aws kms decrypt --ciphertext-blob ${blob} --encryption-context app=payroll`)).exitCode).toBe(0);
  });

  it('kms:EncryptionContext:app and kms:CallerAccount in an IAM policy', async () => {
    const { world } = await setup([]);
    world.writeFile(
      'dev.json',
      doc({
        Effect: 'Allow',
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:app': 'payroll', 'kms:CallerAccount': ACCOUNT } },
      }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    expect(
      (await world.run('aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --encryption-context app=hr --profile dev'))
        .exitCode,
    ).toBe(254);
    expect(
      (await world.run('aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --encryption-context app=payroll --profile dev'))
        .exitCode,
    ).toBe(0);
  });

  it('kms:ViaService limits a key to use through S3', async () => {
    const { world } = await setup([]);
    world.writeFile(
      'dev.json',
      doc(
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
        },
      ),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    await must(world, 'aws s3api create-bucket --bucket vault');
    expect((await world.run('aws kms generate-data-key --key-id alias/demo --key-spec AES_256 --profile dev')).stderr).toContain(
      'is not authorized to perform: kms:GenerateDataKey',
    );
    expect(
      (
        await world.run(
          'aws s3api put-object --bucket vault --key a.txt --body secret.txt --server-side-encryption aws:kms --ssekms-key-id alias/demo --profile dev',
        )
      ).exitCode,
    ).toBe(0);
  });
});

describe('grants', () => {
  it('a grant lets its grantee use the key for its operations, within its constraints; revoking ends it', async () => {
    const { world, keyId } = await setup(['kms:Encrypt']);
    const blob = (
      await must(
        world,
        'aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --encryption-context app=payroll --query CiphertextBlob --output text --profile dev',
      )
    ).trim();
    expect((await world.run(`aws kms decrypt --ciphertext-blob ${blob} --encryption-context app=payroll --profile dev`)).exitCode).toBe(
      254,
    );
    const grant = JSON.parse(
      await must(
        world,
        `aws kms create-grant --key-id ${keyId} --grantee-principal ${DEV} --operations Decrypt --constraints EncryptionContextSubset={app=payroll}`,
      ),
    );
    expect(grant.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect((await world.run(`aws kms decrypt --ciphertext-blob ${blob} --encryption-context app=payroll --profile dev`)).exitCode).toBe(0);
    const grants = JSON.parse(await must(world, `aws kms list-grants --key-id ${keyId}`)).Grants;
    expect(grants[0]).toMatchObject({
      GrantId: grant.GrantId,
      GranteePrincipal: DEV,
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { app: 'payroll' } },
      IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
    });
    await must(world, `aws kms revoke-grant --key-id ${keyId} --grant-id ${grant.GrantId}`);
    expect((await world.run(`aws kms decrypt --ciphertext-blob ${blob} --encryption-context app=payroll --profile dev`)).exitCode).toBe(
      254,
    );
  });
});

describe('key states', () => {
  it('disabled keys refuse cryptography; scheduled deletion is pending; canceling leaves the key disabled', async () => {
    const { world, keyId, keyArn } = await setup([]);
    await must(world, `aws kms disable-key --key-id ${keyId}`);
    expect((await world.run('aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt')).stderr).toBe(
      `\nAn error occurred (DisabledException) when calling the Encrypt operation: ${keyArn} is disabled.\n`,
    );
    await must(world, `aws kms enable-key --key-id ${keyId}`);
    const scheduled = JSON.parse(await must(world, `aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 7`));
    expect(scheduled).toEqual({
      KeyId: keyArn,
      DeletionDate: '2026-03-09T09:00:00+00:00',
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 7,
    });
    expect((await world.run('aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt')).stderr).toContain(
      `(KMSInvalidStateException) when calling the Encrypt operation: ${keyArn} is pending deletion.`,
    );
    expect(JSON.parse(await must(world, `aws kms cancel-key-deletion --key-id ${keyId}`))).toEqual({ KeyId: keyArn });
    expect(JSON.parse(await must(world, `aws kms describe-key --key-id ${keyId}`)).KeyMetadata.KeyState).toBe('Disabled');
  });

  it("a window outside 7–30 days is KMS's ValidationException; a missing --key-id is the CLI's exit 252", async () => {
    const { world, keyId } = await setup([]);
    const r = await world.run(`aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 3`);
    expect(r.stderr).toBe(
      "\nAn error occurred (ValidationException) when calling the ScheduleKeyDeletion operation: 1 validation error detected: Value '3' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7\n",
    );
    const missing = await world.run('aws kms schedule-key-deletion');
    expect(missing.exitCode).toBe(252);
    expect(missing.stderr).toContain('aws: error: the following arguments are required: --key-id');
  });
});

describe('S3 SSE-KMS', () => {
  it("put-object needs kms:GenerateDataKey, get-object kms:Decrypt; S3 answers AccessDenied with KMS's sentence", async () => {
    const { world, keyArn } = await setup(['s3:*']);
    await must(world, 'aws s3api create-bucket --bucket vault');
    const put =
      'aws s3api put-object --bucket vault --key plans.txt --body secret.txt --server-side-encryption aws:kms --ssekms-key-id alias/demo --profile dev';
    expect((await world.run(put)).stderr).toBe(
      `\nAn error occurred (AccessDenied) when calling the PutObject operation: User: ${DEV} is not authorized to perform: kms:GenerateDataKey on resource: ${keyArn} because no identity-based policy allows the kms:GenerateDataKey action\n`,
    );
    world.writeFile('dev.json', doc({ Effect: 'Allow', Action: ['s3:*', 'kms:GenerateDataKey'], Resource: '*' }));
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    expect(JSON.parse(await must(world, put))).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    const get = 'aws s3api get-object --bucket vault --key plans.txt plans.out --profile dev';
    expect((await world.run(get)).stderr).toBe(
      `\nAn error occurred (AccessDenied) when calling the GetObject operation: User: ${DEV} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action\n`,
    );
    expect(world.readFile('plans.out')).toBeUndefined();
  });

  it("KMS logs S3's calls with the caller's identity, invoked by s3.amazonaws.com, and the object ARN as encryption context", async () => {
    const { world, keyArn } = await setup(['s3:*', 'kms:GenerateDataKey', 'kms:Decrypt']);
    await must(world, 'aws s3api create-bucket --bucket vault');
    await must(
      world,
      'aws s3api put-object --bucket vault --key plans.txt --body secret.txt --server-side-encryption aws:kms --ssekms-key-id alias/demo --profile dev',
    );
    await must(world, 'aws s3api get-object --bucket vault --key plans.txt plans.out --profile dev');
    expect(world.readFile('plans.out')).toBe('the launch codes\n');
    const kms = world
      .trail()
      .Records.filter(
        (r) =>
          r['eventSource'] === 'kms.amazonaws.com' && (r['userIdentity'] as Record<string, unknown>)['invokedBy'] === 's3.amazonaws.com',
      );
    expect(kms.map((r) => r['eventName'])).toEqual(['GenerateDataKey', 'Decrypt']);
    expect(kms[1]).toMatchObject({
      userIdentity: { type: 'IAMUser', arn: DEV, invokedBy: 's3.amazonaws.com' },
      sourceIPAddress: 's3.amazonaws.com',
      readOnly: true,
      managementEvent: true,
      requestParameters: { encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::vault/plans.txt' } },
      resources: [{ type: 'AWS::KMS::Key', ARN: keyArn }],
    });
  });

  it('without --ssekms-key-id S3 uses the AWS managed key aws/s3, usable only through S3', async () => {
    const { world } = await setup(['s3:*']);
    await must(world, 'aws s3api create-bucket --bucket vault');
    const out = JSON.parse(
      await must(world, 'aws s3api put-object --bucket vault --key a.txt --body secret.txt --server-side-encryption aws:kms --profile dev'),
    );
    const meta = JSON.parse(await must(world, 'aws kms describe-key --key-id alias/aws/s3')).KeyMetadata;
    expect(out.SSEKMSKeyId).toBe(meta.Arn);
    expect(meta.KeyManager).toBe('AWS');
    expect((await world.run('aws kms generate-data-key --key-id alias/aws/s3 --key-spec AES_256')).stderr).toContain(
      'is not authorized to perform: kms:GenerateDataKey',
    );
  });
});

describe('CloudTrail', () => {
  it('Encrypt and Decrypt are read-only management events with the key in resources and no plaintext', async () => {
    const { world, keyArn } = await setup([]);
    const blob = (
      await must(world, 'aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --query CiphertextBlob --output text')
    ).trim();
    await must(world, `aws kms decrypt --ciphertext-blob ${blob}`);
    const [enc, dec] = world.trail().Records.filter((r) => r['eventName'] === 'Encrypt' || r['eventName'] === 'Decrypt');
    expect(enc).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      readOnly: true,
      managementEvent: true,
      eventCategory: 'Management',
      requestParameters: { keyId: 'alias/demo', encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      responseElements: null,
      resources: [{ type: 'AWS::KMS::Key', ARN: keyArn }],
    });
    expect(dec).toMatchObject({ readOnly: true, requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }, responseElements: null });
    expect(JSON.stringify(enc)).not.toContain('launch codes');
  });

  it('a saved world keeps keys, aliases and grants', async () => {
    const { world, keyId } = await setup([]);
    const blob = (
      await must(world, 'aws kms encrypt --key-id alias/demo --plaintext fileb://secret.txt --query CiphertextBlob --output text')
    ).trim();
    const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    expect(JSON.parse(await must(restored, `aws kms decrypt --ciphertext-blob ${blob}`)).KeyId).toContain(keyId);
  });
});

describe('cross-account use of a key', () => {
  // KMS Developer Guide, "Allowing users in other accounts to use a KMS key": the key policy must allow
  // the other account, and that account's IAM policies must allow its user.
  // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
  it("needs both the key policy and the caller's IAM policy; the key is named by its ARN", async () => {
    const { world: first, keyId, keyArn } = await setup([]);
    await must(first, 'aws organizations create-organization');
    await must(first, 'aws organizations create-account --email b@example.com --account-name B');
    const other = first.accountIds().find((id) => id !== ACCOUNT) as string;
    const snapshot = first.save();
    const bRoot = { id: 'AKIAEXAMPLEBROOTKEY2', secret: 'c'.repeat(40), status: 'Active' as const, createDate: 0 };
    snapshot.accounts[other]?.root.accessKeys.push(bRoot);
    const world = createWorld({ snapshot });
    const root = { kind: 'accessKey' as const, accessKeyId: bRoot.id, secretAccessKey: bRoot.secret };
    const iam = (operation: string, params: Record<string, unknown>) =>
      world.invoke({ service: 'iam', operation, params, credentials: root, region: 'us-east-1' });
    await iam('CreateUser', { UserName: 'app' });
    const key = await iam('CreateAccessKey', { UserName: 'app' });
    const access = (key.ok ? key.output['AccessKey'] : {}) as { AccessKeyId: string; SecretAccessKey: string };
    const app = { kind: 'accessKey' as const, accessKeyId: access.AccessKeyId, secretAccessKey: access.SecretAccessKey };
    await iam('PutUserPolicy', {
      UserName: 'app',
      PolicyName: 'use',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'kms:Encrypt', Resource: keyArn }),
    });
    const encrypt = () =>
      world.invoke({
        service: 'kms',
        operation: 'Encrypt',
        params: { KeyId: keyArn, Plaintext: new TextEncoder().encode('x') },
        credentials: app,
        region: 'us-east-1',
      });
    const denied = await encrypt();
    expect(denied.ok ? '' : denied.error.code).toBe('AccessDeniedException');
    world.writeFile(
      'kp.json',
      doc(ROOT_STATEMENT, {
        Sid: 'account B',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${other}:root` },
        Action: 'kms:Encrypt',
        Resource: '*',
      }),
    );
    await must(world, `aws kms put-key-policy --key-id ${keyId} --policy file://kp.json`);
    expect((await encrypt()).ok).toBe(true);
    // The key's account receives the record too.
    expect(world.trail(ACCOUNT).Records.some((r) => r['eventName'] === 'Encrypt' && r['recipientAccountId'] === ACCOUNT)).toBe(true);
    await iam('PutUserPolicy', {
      UserName: 'app',
      PolicyName: 'use',
      PolicyDocument: doc({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    });
    expect((await encrypt()).ok).toBe(false);
  });
});
