import { describe, expect, it } from 'vitest';
import { commonPrefix, shellQuote } from '../../../src/widgets/Terminal.svelte.ts';
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
