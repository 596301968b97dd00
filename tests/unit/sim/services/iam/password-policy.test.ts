// The account password policy (IAM User Guide, "Set an account password policy for IAM users":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html;
// IAM API Reference, "UpdateAccountPasswordPolicy", "GetAccountPasswordPolicy").
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../../src/sim/world/index.ts';
import { err, ok } from '../../world/helpers.ts';

describe('account password policy', () => {
  test('none set: GetAccountPasswordPolicy is NoSuchEntity, and the default rules apply', async () => {
    const world = createWorld();
    expect(await err(world, 'iam', 'GetAccountPasswordPolicy')).toMatchObject({
      code: 'NoSuchEntity',
      message: 'The Password Policy with domain name 123456789012 cannot be found.',
    });
    await ok(world, 'iam', 'CreateUser', { UserName: 'ana' });
    // Default: 8 characters and three of the four character types.
    expect((await err(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'alllowercase' })).code).toBe(
      'PasswordPolicyViolation',
    );
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'Abcdefg1' });
  });

  test('omitted parameters take their defaults, not the previous values; output in the API order', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 3,
    });
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', { RequireNumbers: true });
    const out = await ok(world, 'iam', 'GetAccountPasswordPolicy');
    expect(JSON.stringify(out['PasswordPolicy'])).toBe(
      JSON.stringify({
        MinimumPasswordLength: 6,
        RequireSymbols: false,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
        HardExpiry: false,
      }),
    );
  });

  test('each requirement is enforced, and reuse prevention remembers earlier passwords', async () => {
    const world = createWorld();
    await ok(world, 'iam', 'UpdateAccountPasswordPolicy', {
      MinimumPasswordLength: 10,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      PasswordReusePrevention: 2,
    });
    await ok(world, 'iam', 'CreateUser', { UserName: 'ana' });
    const e = await err(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'short' });
    expect(e.code).toBe('PasswordPolicyViolation');
    expect(e.message).toContain('a minimum length of 10');
    expect(e.message).toContain('at least one number');
    await ok(world, 'iam', 'CreateLoginProfile', { UserName: 'ana', Password: 'First-Passw0rd' });
    await ok(world, 'iam', 'UpdateLoginProfile', { UserName: 'ana', Password: 'Second-Passw0rd' });
    expect((await err(world, 'iam', 'UpdateLoginProfile', { UserName: 'ana', Password: 'First-Passw0rd' })).message).toContain(
      'last 2 passwords',
    );
    await ok(world, 'iam', 'DeleteAccountPasswordPolicy');
    expect((await err(world, 'iam', 'DeleteAccountPasswordPolicy')).code).toBe('NoSuchEntity');
  });
});
