import { describe, expect, it } from 'vitest';
import { commonPrefix, isIpAddress, shellQuote } from '../../../src/widgets/Terminal.svelte.ts';
import { COMMAND_FORMS, buildCommand } from '../../../src/widgets/terminal/command-forms.ts';

describe('terminal helpers', () => {
  it.each([
    ['alice', 'alice'],
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ['two words', "'two words'"],
    ["it's", `'it'"'"'s'`],
    ['', "''"],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
  ])('quotes %j as %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it('finds the common prefix of completion candidates', () => {
    expect(commonPrefix(['list-users', 'list-user-tags', 'list-user-policies'])).toBe('list-user');
    expect(commonPrefix([])).toBe('');
  });

  it('builds the command a form describes, leaving out empty optional fields', () => {
    const form = COMMAND_FORMS.find((f) => f.id === 'create-user')!;
    expect(buildCommand(form, { user: 'bob smith' })).toBe("aws iam create-user --user-name 'bob smith'");
    expect(buildCommand(form, { user: 'bob', profile: 'alice' })).toBe('aws iam create-user --user-name bob --profile alice');
  });
});

describe('isIpAddress (the terminal source IP)', () => {
  it.each(['203.0.113.10', '198.51.100.7', '0.0.0.0', '255.255.255.255', '2001:db8::1', '::1', '2001:0db8:0000:0000:0000:0000:0000:0001'])(
    'accepts %s',
    (ip) => expect(isIpAddress(ip)).toBe(true),
  );
  it.each(['', 'office', '256.1.1.1', '1.2.3', '01.2.3.4', '203.0.113.0/24', '2001:db8::1::2', '12345::1', '1:2:3:4:5:6:7'])(
    'refuses %j',
    (ip) => expect(isIpAddress(ip)).toBe(false),
  );
});

describe('command forms run as built (learners review m9: forms for lessons 7–12)', () => {
  it('every form with its placeholders is a command the CLI accepts; the new ones succeed in a prepared world', async () => {
    const { createWorld } = await import('../../../src/sim/world/index.ts');
    const world = createWorld({ seed: 'forms' });
    const policy = (statement: Record<string, unknown>) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });
    world.writeFile('trust.json', policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }));
    world.writeFile('policy.json', policy({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::dojo-shared/*' }));
    world.writeFile(
      'bucket-policy.json',
      policy({
        Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::dojo-shared/*',
      }),
    );
    for (const setup of ['aws iam create-user --user-name alice', 'aws s3api create-bucket --bucket dojo-shared'])
      expect((await world.run(setup)).exitCode).toBe(0);
    const fresh = ['create-role', 'put-user-policy', 'put-bucket-policy', 'create-mfa', 'lookup-events'];
    for (const form of COMMAND_FORMS) {
      const line = buildCommand(form, {});
      const result = await world.run(line);
      expect(result.exitCode, `${line}: ${result.stderr}`).not.toBe(252);
      if (fresh.includes(form.id)) expect(result.exitCode, `${line}: ${result.stderr}`).toBe(0);
    }
    expect(world.readFile('ana-seed.txt')).toBeDefined();
    expect(
      buildCommand(
        COMMAND_FORMS.find((f) => f.id === 'lookup-events')!,
        { who: 'ana' },
      ),
    ).toBe('aws cloudtrail lookup-events --max-items 20 --lookup-attributes AttributeKey=Username,AttributeValue=ana');
  });
});
