// The one quoting function (terminal and Node CLI) is the inverse of the terminal's tokenizer:
// any word, quoted, comes back as exactly that word.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { shellQuote } from '../../../../src/sim/cli/quote.ts';
import { tokenize } from '../../../../src/sim/cli/tokenize.ts';
import { shellQuote as terminalQuote } from '../../../../src/widgets/Terminal.svelte.ts';

test('tokenize(shellQuote(word)) gives back the word, for any word', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (word) => {
      expect(tokenize(shellQuote(word))).toEqual([word]);
    }),
  );
});

test('words of a real command stay unquoted; the terminal uses the same function', () => {
  expect(['iam', 'get-user', '--user-name', 'alice@example.com', 'arn:aws:s3:::b/k'].map(shellQuote)).toEqual([
    'iam',
    'get-user',
    '--user-name',
    'alice@example.com',
    'arn:aws:s3:::b/k',
  ]);
  expect(shellQuote('{"a": 1}')).toBe(`'{"a": 1}'`);
  expect(terminalQuote).toBe(shellQuote);
});
