// Tab completion for the browser terminal, from the operation specs the CLI parses with.
import { describe, expect, it } from 'vitest';
import { completeCommandLine } from '../../../../src/sim/cli/index.ts';

describe('completeCommandLine', () => {
  it.each<[string, string[]]>([
    ['a', ['aws']],
    ['aws i', ['iam', 'identitystore']],
    ['aws s', ['s3api', 's3control', 'sso', 'sso-admin', 'sso-oidc', 'sts']],
    ['aws iam create-u', ['create-user']],
    ['aws sts assume-role --role-s', ['--role-session-name']],
    ['aws iam list-users --output t', ['table', 'text']],
    ['aws iam create-virtual-mfa-device --bootstrap-method ', ['Base32StringSeed', 'QRCodePNG']],
    ['aws configure l', ['list', 'list-profiles']],
    ['aws --reg', ['--region']],
  ])('%s', (line, expected) => {
    expect(completeCommandLine(line, line.length).candidates).toEqual(expected);
  });

  it('does not offer an option already given', () => {
    const line = 'aws iam create-user --user-name bob --';
    expect(completeCommandLine(line, line.length).candidates).not.toContain('--user-name');
  });

  it('gives the range of the word to replace', () => {
    expect(completeCommandLine('aws iam list-us --output json', 15)).toEqual({
      from: 8,
      to: 15,
      candidates: ['list-user-policies', 'list-user-tags', 'list-users'],
    });
  });
});

describe('completeCommandLine with the world as context', () => {
  it('offers profiles, files after cat and after file://', async () => {
    const { FakeHost } = await import('./fake-host.ts');
    const host = new FakeHost();
    host.cliConfig.profiles.admin = { role_arn: 'arn:aws:iam::123456789012:role/admin' };
    host.files.set('policy.json', '{}');
    host.files.set('seed.txt', 'X');
    expect(completeCommandLine('aws iam list-users --profile a', 30, host).candidates).toEqual(['admin']);
    expect(completeCommandLine('cat s', 5, host).candidates).toEqual(['seed.txt']);
    const line = 'aws iam create-policy --policy-name p --policy-document file://p';
    expect(completeCommandLine(line, line.length, host).candidates).toEqual(['file://policy.json']);
  });

  it('completes the command after the last unquoted | of a pipeline', async () => {
    const { FakeHost } = await import('./fake-host.ts');
    const host = new FakeHost();
    host.files.set('seed.txt', 'X');
    const piped = 'aws iam get-credential-report --query Content --output text | ba';
    expect(completeCommandLine(piped, piped.length, host).candidates).toEqual(['base64']);
    expect(completeCommandLine('echo x | base64 -d s', 20, host).candidates).toEqual(['seed.txt']);
    // A | inside quotes is part of a --query, not a pipe.
    const quoted = "aws iam list-users --query 'Users[] | [0]' --out";
    expect(completeCommandLine(quoted, quoted.length, host).candidates).toEqual(['--output']);
  });
});

describe('completion on hostile input', () => {
  it('answers quickly for a very long line', () => {
    const line = `aws ${'a'.repeat(500_000)} `;
    const started = Date.now();
    completeCommandLine(line, line.length);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
