// The IAM User Guide example "Allows MFA-authenticated IAM users to manage their own MFA device"
// (reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only): a user with only this
// policy sets up their own device with long-term keys, and needs MFA for anything else.
import { Secret, TOTP } from 'otpauth';
import { expect, test } from 'vitest';
import type { Credentials } from '../../../../src/sim/services/contract.ts';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { readFixtureJson } from '../../../fixtures/read.ts';
import { err, ok, userWithKey } from '../world/helpers.ts';

const doc = readFixtureJson<{ Document: unknown }>('policies/examples/ManageOwnMFA_DenyAllExceptListedIfNoMFA.json');

test('self-service MFA, then MFA-only access', async () => {
  const world = createWorld();
  const alice = await userWithKey(world, 'alice');
  await ok(world, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'self-mfa', PolicyDocument: JSON.stringify(doc.Document) });
  await ok(world, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  // BoolIfExists "false" matches when the key is absent: long-term keys are denied too.
  expect((await err(world, 's3', 'ListBuckets', {}, alice)).message).toContain('with an explicit deny in an identity-based policy');
  const created = await ok(world, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'alice' }, alice);
  const seed = new TextDecoder().decode((created['VirtualMFADevice'] as { Base32StringSeed: Uint8Array }).Base32StringSeed);
  const code = () => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: world.clock.nowMs() });
  const c1 = code();
  world.clock.advance(30);
  await ok(
    world,
    'iam',
    'EnableMFADevice',
    { UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', AuthenticationCode1: c1, AuthenticationCode2: code() },
    alice,
  );
  world.clock.advance(30);
  const out = await ok(world, 'sts', 'GetSessionToken', { SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', TokenCode: code() }, alice);
  const c = out['Credentials'] as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
  const session: Credentials = {
    kind: 'accessKey',
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
  };
  await ok(world, 's3', 'ListBuckets', {}, session);
  // Another user's device is out of reach even with MFA.
  await ok(world, 'iam', 'CreateUser', { UserName: 'bob' });
  expect((await err(world, 'iam', 'ListMFADevices', { UserName: 'bob' }, session)).message).toContain(
    'iam:ListMFADevices on resource: user bob',
  );
});
