/**
 * The few shell commands the terminal offers besides `aws`: `cat FILE` shows a file a command
 * wrote, `ls` lists them, `help` points at `aws help`.
 */
import type { CliHost, RunResult } from './host.ts';
import { CliFailure } from './messages.ts';
import { toBase64 } from './output/normalize.ts';

/** Shell commands available in the terminal. */
export const SHELL_BUILTINS = ['cat', 'ls', 'help'] as const;

/** Runs a shell builtin. */
export function runShellBuiltin(host: CliHost, command: string, args: readonly string[]): RunResult {
  if (command === 'help') {
    return {
      exitCode: 0,
      stdout: 'This terminal runs AWS CLI v2 commands against the simulated account:\n  aws help                     services and global options\n  aws <service> help           operations of a service\n  aws <service> <op> help      parameters of an operation\n  cat FILE                     show a file a command wrote (--outfile, get-object)\n  ls                           list those files\n',
      stderr: '',
    };
  }
  if (command === 'ls') {
    const files = [...(host.listFiles?.() ?? [])].sort();
    return { exitCode: 0, stdout: files.map((f) => `${f}\n`).join(''), stderr: '' };
  }
  if (args.length === 0) throw new CliFailure('CAT_USAGE', {});
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const name of args) {
    const content = host.readFile?.(name);
    if (content === undefined) {
      stderr += `cat: ${name}: No such file or directory\n`;
      exitCode = 1;
    } else {
      stdout += typeof content === 'string' ? content : showBytes(content);
    }
  }
  return { exitCode, stdout, stderr };
}

/** Text files print as text; binary ones (a QR code PNG) as a note with their base64, since a terminal cannot show them. */
function showBytes(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a file as binary
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  if (printable) return text;
  return `(binary file, ${bytes.length} bytes; base64:)\n${toBase64(bytes)}\n`;
}
