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
