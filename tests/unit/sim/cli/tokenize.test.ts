// Shell word splitting as POSIX "Shell Command Language" §2.2 (quoting) defines it, which is what
// a learner's terminal does before the AWS CLI sees its arguments.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/sim/cli/tokenize.ts';
import { CliFailure } from '../../../../src/sim/cli/messages.ts';

const cases: Array<[string, string, string[]]> = [
  ['plain words', 'aws iam list-users', ['aws', 'iam', 'list-users']],
  ['runs of blanks', '  aws\tiam   list-users  ', ['aws', 'iam', 'list-users']],
  ['single quotes are literal', `aws x --q 'a "b" \\n'`, ['aws', 'x', '--q', 'a "b" \\n']],
  ['double quotes keep spaces', 'aws x --d "hello world"', ['aws', 'x', '--d', 'hello world']],
  ['backslash escapes in double quotes', 'a "x\\"y\\\\z\\n"', ['a', 'x"y\\z\\n']],
  ['backslash outside quotes', 'a b\\ c', ['a', 'b c']],
  ['line continuation', 'aws iam \\\nlist-users', ['aws', 'iam', 'list-users']],
  ['adjacent quoted parts join', `a 'x'"y"z`, ['a', 'xyz']],
  ['empty quoted word', `a '' ""`, ['a', '', '']],
  ['comment', 'aws iam list-users # all of them', ['aws', 'iam', 'list-users']],
  ['hash inside a word', 'a b#c', ['a', 'b#c']],
  ['JSON in single quotes', `aws x --p '{"Version": "2012-10-17"}'`, ['aws', 'x', '--p', '{"Version": "2012-10-17"}']],
  ['JMESPath pipe quoted', `aws x --query 'Users[].UserName | [0]'`, ['aws', 'x', '--query', 'Users[].UserName | [0]']],
];

describe('tokenize (POSIX §2.2 quoting)', () => {
  it.each(cases)('%s', (_name, line, words) => {
    expect(tokenize(line)).toEqual(words);
  });

  it.each([
    ['unterminated single quote', `aws 'x`, 'SHELL_UNTERMINATED_QUOTE'],
    ['unterminated double quote', 'aws "x', 'SHELL_UNTERMINATED_QUOTE'],
    ['pipe', 'aws iam list-users | jq .', 'SHELL_UNSUPPORTED_OPERATOR'],
    ['redirection', 'aws iam list-users > out.json', 'SHELL_UNSUPPORTED_OPERATOR'],
    ['command list', 'aws iam list-users; ls', 'SHELL_UNSUPPORTED_OPERATOR'],
  ])('refuses %s', (_name, line, code) => {
    try {
      tokenize(line);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliFailure);
      expect((error as CliFailure).code).toBe(code);
    }
  });

  it('refuses a line longer than 1 MiB', () => {
    expect(() => tokenize(`aws ${'x'.repeat(1024 * 1024)}`)).toThrow(CliFailure);
  });
});
