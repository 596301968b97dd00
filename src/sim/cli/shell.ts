/**
 * The few shell commands the terminal offers besides `aws`, over the world's files: `cat`, `ls`,
 * `rm`, `echo`, `base64`, `help`; and the shell syntax around them: `A | B` pipes A's stdout into B,
 * `> FILE` / `>> FILE` redirect stdout,
 * `cat > FILE <<'EOF'` heredocs give a command its stdin (bash, "Redirections", "Here Documents").
 * Variables are not expanded, quoted or not: the terminal keeps no environment between commands.
 */
import type { CliHost, RunResult } from './host.ts';
import { runBase64 } from './base64-command.ts';
import { CliFailure } from './messages.ts';
import { toBase64 } from './output/normalize.ts';

/** Shell commands available in the terminal. */
export const SHELL_BUILTINS = ['cat', 'ls', 'rm', 'echo', 'base64', 'help'] as const;

/** The help text of the terminal (`help`). */
export const SHELL_HELP =
  'This terminal runs AWS CLI v2 commands against the simulated world:\n' +
  '  aws help                     services and global options\n' +
  '  aws <service> help           operations of a service\n' +
  '  aws <service> <op> help      parameters of an operation\n' +
  'Files (shared with the policy editor; file:// and fileb:// read them):\n' +
  '  ls                           list the files\n' +
  '  cat FILE...                  show files\n' +
  '  rm FILE...                   delete files\n' +
  "  echo TEXT > FILE             write a file (>> appends); any command's output can be redirected\n" +
  "  cat > FILE <<'EOF'           write the lines that follow, up to a line EOF\n" +
  '  A | B                        pipe the output of A into B (cat, base64)\n' +
  '  base64 [-d] [FILE]           encode, or with -d decode, a file or what is piped in\n' +
  'Acting as a service:\n' +
  '  on-instance ID aws ...       run an aws command on an EC2 instance, with its instance profile role\n' +
  '  (a Lambda function is a file of aws command lines: see aws lambda create-function help)\n' +
  'Acting as an identity provider:\n' +
  '  saml-idp metadata            the example SAML IdP metadata (for aws iam create-saml-provider)\n' +
  '  saml-idp assertion ...       a signed SAML response (for aws sts assume-role-with-saml)\n';

/** A command line split into its first line and the heredoc body it carries, if any. */
export interface HeredocLine {
  /** The command with the `<<DELIM` operator removed. */
  command: string;
  /** The body (stdin); undefined while the closing delimiter line has not arrived yet. */
  body?: string;
  delimiter: string;
}

/**
 * Finds a heredoc (`<<EOF`, `<<'EOF'`, `<<"EOF"`, `<<-EOF`) on the first line of `text`. Answers
 * undefined when the line has none; `body` is undefined while the terminator is still missing.
 */
export function splitHeredoc(text: string): HeredocLine | undefined {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  const m = /^((?:[^'"<]|'[^']*'|"[^"]*")*)<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|([A-Za-z0-9_.-]+))(.*)$/.exec(first);
  if (!m) return undefined;
  const delimiter = m[3] ?? m[4] ?? m[5] ?? '';
  const stripTabs = m[2] === '-';
  const command = `${m[1] ?? ''} ${m[6] ?? ''}`.trim();
  const lines = newline < 0 ? [] : text.slice(newline + 1).split('\n');
  const body: string[] = [];
  for (const raw of lines) {
    const line = stripTabs ? raw.replace(/^\t+/, '') : raw;
    if (line === delimiter) return { command, delimiter, body: body.map((l) => `${l}\n`).join('') };
    body.push(line);
  }
  return { command, delimiter };
}

/** Runs a shell builtin; `stdin` is the heredoc body or the output piped in, if any. */
export function runShellBuiltin(host: CliHost, command: string, args: readonly string[], stdin?: string): RunResult {
  switch (command) {
    case 'help':
      return ok(SHELL_HELP);
    case 'ls':
      return listFiles(host, args);
    case 'rm':
      return removeFiles(host, args);
    case 'echo':
      return echo(args);
    case 'base64':
      return runBase64(host, args, stdin);
    default:
      return cat(host, args, stdin);
  }
}

function listFiles(host: CliHost, args: readonly string[]): RunResult {
  const files = [...host.listFiles()].sort();
  const wanted = args.filter((a) => !a.startsWith('-'));
  if (wanted.length === 0) return ok(files.map((f) => `${f}\n`).join(''));
  let stdout = '';
  let stderr = '';
  for (const name of wanted) {
    if (files.includes(name)) stdout += `${name}\n`;
    else stderr += `ls: cannot access '${name}': No such file or directory\n`;
  }
  return { exitCode: stderr === '' ? 0 : 2, stdout, stderr };
}

function removeFiles(host: CliHost, args: readonly string[]): RunResult {
  const force = args.some((a) => /^-[a-z]*f/.test(a));
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    if (force) return ok('');
    return { exitCode: 1, stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n" };
  }
  let stderr = '';
  for (const name of names) {
    if (name === '/') {
      // GNU rm's --preserve-root failsafe (coreutils manual, "rm invocation").
      stderr += /^-[a-z]*r/i.test(args.join(' '))
        ? "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"
        : "rm: cannot remove '/': Is a directory\n";
      continue;
    }
    const existed = host.deleteFile(name);
    if (!existed && !force) stderr += `rm: cannot remove '${name}': No such file or directory\n`;
  }
  return { exitCode: stderr === '' ? 0 : 1, stdout: '', stderr };
}

function echo(args: readonly string[]): RunResult {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  return ok(`${words.join(' ')}${noNewline ? '' : '\n'}`);
}

function cat(host: CliHost, args: readonly string[], stdin: string | undefined): RunResult {
  if (args.length === 0) {
    if (stdin !== undefined) return ok(stdin);
    throw new CliFailure('CAT_USAGE', {});
  }
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const name of args) {
    const content = name === '-' ? stdin : host.readFile(name);
    if (content === undefined) {
      stderr += `cat: ${name}: No such file or directory\n`;
      exitCode = 1;
    } else {
      stdout += typeof content === 'string' ? content : showBytes(content);
    }
  }
  return { exitCode, stdout, stderr };
}

function ok(stdout: string): RunResult {
  return { exitCode: 0, stdout, stderr: '' };
}

/** Text files print as text; binary ones (a QR code PNG) as a note with their base64, since a terminal cannot show them. */
function showBytes(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a file as binary
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  if (printable) return text;
  return `(binary file, ${bytes.length} bytes; base64:)\n${toBase64(bytes)}\n`;
}
