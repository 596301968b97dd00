/**
 * Splits a terminal line into words the way a POSIX shell does before it starts `aws`: single
 * quotes are literal, double quotes honour `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes
 * escapes the next character, backslash-newline continues the line, `#` starts a comment.
 * `tokenizePipeline` also takes `A | B` pipelines and a final `> FILE`; input redirections and
 * command lists (`;`, `&&`, `||`, `&`) are refused everywhere.
 */
import { CliFailure } from './messages.ts';

/** Longest command line accepted (1 MiB), so hostile input cannot stall the worker. */
export const MAX_LINE_LENGTH = 1024 * 1024;

const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);

/** An output redirection (`> FILE`, `>> FILE`) the terminal applies to a command's stdout. */
export interface Redirect {
  file: string;
  append: boolean;
}

/** The words of one command line, or a CliFailure naming the first problem. */
export function tokenize(line: string): string[] {
  return scan(line, false, false).commands[0] ?? [];
}

/** Like `tokenize`, but a final `> FILE` or `>> FILE` is taken as the redirection of stdout. */
export function tokenizeCommand(line: string): { words: string[]; redirect?: Redirect } {
  const { commands, redirect } = scan(line, true, false);
  return { words: commands[0] ?? [], ...(redirect ? { redirect } : {}) };
}

/**
 * A pipeline: the words of each command between `|`s, and the redirection of the last command's
 * stdout. A redirection before a `|` is refused (bash would send that stdout to the file and
 * nothing down the pipe, which is never what a learner means), and so is an empty command.
 */
export function tokenizePipeline(line: string): { commands: string[][]; redirect?: Redirect } {
  return scan(line, true, true);
}

function scan(line: string, allowRedirect: boolean, allowPipe: boolean): { commands: string[][]; redirect?: Redirect } {
  if (line.length > MAX_LINE_LENGTH) {
    throw new CliFailure('SHELL_LINE_TOO_LONG', { max: String(MAX_LINE_LENGTH) });
  }
  const commands: string[][] = [];
  let words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  let redirect: (Redirect & { at: number }) | undefined;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i += 1;
    } else if (ch === '#' && !inWord) {
      const end = line.indexOf('\n', i);
      i = end < 0 ? line.length : end;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new CliFailure('SHELL_UNTERMINATED_QUOTE', { quote: "'" });
      current += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i = readDoubleQuoted(line, i + 1, (text) => {
        current += text;
      });
      inWord = true;
    } else if (ch === '\\') {
      const next = line[i + 1];
      if (next === undefined) {
        i += 1;
      } else if (next === '\n') {
        i += 2;
      } else {
        current += next;
        inWord = true;
        i += 2;
      }
    } else if (ch === '>' && allowRedirect && redirect === undefined) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      const append = line[i + 1] === '>';
      redirect = { file: '', append, at: words.length };
      i += append ? 2 : 1;
    } else if (ch === '|' && allowPipe && line[i + 1] !== '|') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      if (words.length === 0 || redirect !== undefined) throw new CliFailure('SHELL_UNSUPPORTED_OPERATOR', { operator: '|' });
      commands.push(words);
      words = [];
      i += 1;
    } else if (OPERATORS.has(ch)) {
      if (ch === '|' && line[i + 1] === '|') throw new CliFailure('SHELL_UNSUPPORTED_OPERATOR', { operator: '||' });
      throw new CliFailure('SHELL_UNSUPPORTED_OPERATOR', { operator: ch });
    } else {
      current += ch;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(current);
  if (commands.length > 0 && words.length === 0) throw new CliFailure('SHELL_UNSUPPORTED_OPERATOR', { operator: '|' });
  commands.push(words);
  if (redirect === undefined) return { commands };
  // The word after `>` names the file; any words after it still belong to the command (`> f echo hi`).
  const file = words[redirect.at];
  if (file === undefined || file === '') throw new CliFailure('SHELL_UNSUPPORTED_OPERATOR', { operator: 'newline' });
  words.splice(redirect.at, 1);
  return { commands, redirect: { file, append: redirect.append } };
}

/** Reads a double-quoted span starting after the opening quote; returns the index after the closing one. */
function readDoubleQuoted(line: string, start: number, emit: (text: string) => void): number {
  let text = '';
  let i = start;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '"') {
      emit(text);
      return i + 1;
    }
    if (ch === '\\') {
      const next = line[i + 1];
      // Inside double quotes the backslash only escapes these characters (POSIX 2.2.3).
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        i += 2;
        continue;
      }
      if (next === '\n') {
        i += 2;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  throw new CliFailure('SHELL_UNTERMINATED_QUOTE', { quote: '"' });
}
