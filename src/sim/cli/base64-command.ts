/**
 * The terminal's `base64` (GNU coreutils, "base64 invocation":
 * https://www.gnu.org/software/coreutils/manual/html_node/base64-invocation.html): encodes its input,
 * or with `-d`/`--decode` decodes it, reading a FILE or, with none or `-`, its stdin (a pipe or a
 * heredoc). Encoded output wraps at 76 columns unless `-w N`/`--wrap=N` says otherwise (0: never).
 * `-i`/`--ignore-garbage` drops characters outside the alphabet when decoding. Its use here:
 * `aws iam get-credential-report --query Content --output text | base64 -d`.
 */
import type { CliHost, RunResult } from './host.ts';
import { toBase64 } from './output/normalize.ts';

interface Base64Options {
  decode: boolean;
  ignoreGarbage: boolean;
  wrap: number;
  files: string[];
}

/** Runs `base64 ARGS` over `stdin` (undefined when nothing is piped in). */
export function runBase64(host: CliHost, args: readonly string[], stdin: string | undefined): RunResult {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail(`${parsed}\nTry 'base64 --help' for more information.\n`);
  if (parsed.files.length > 1) return fail(`base64: extra operand '${parsed.files[1]}'\nTry 'base64 --help' for more information.\n`);
  const name = parsed.files[0] ?? '-';
  const input = name === '-' ? stdin : host.readFile(name);
  if (input === undefined) {
    // The terminal has no keyboard stdin to wait on: say where input can come from instead of hanging.
    return fail(
      name === '-'
        ? 'base64: no input: pipe a command into it (aws ... | base64 -d) or name a FILE\n'
        : `base64: ${name}: No such file or directory\n`,
    );
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (!parsed.decode) return { exitCode: 0, stdout: wrapped(toBase64(bytes), parsed.wrap), stderr: '' };
  let text = new TextDecoder().decode(bytes).replace(/\n/g, '');
  if (parsed.ignoreGarbage) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return fail('base64: invalid input\n');
  const binary = atob(text);
  const decoded = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  // The terminal shows text; bytes that are not UTF-8 show as U+FFFD, as a terminal would draw them.
  return { exitCode: 0, stdout: new TextDecoder('utf-8', { fatal: false }).decode(decoded), stderr: '' };
}

function parseArgs(args: readonly string[]): Base64Options | string {
  const out: Base64Options = { decode: false, ignoreGarbage: false, wrap: 76, files: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-d' || arg === '--decode') out.decode = true;
    else if (arg === '-i' || arg === '--ignore-garbage') out.ignoreGarbage = true;
    else if (arg === '-w' || arg === '--wrap' || arg.startsWith('--wrap=') || /^-w\d/.test(arg)) {
      const value = arg.startsWith('--wrap=') ? arg.slice(7) : /^-w\d/.test(arg) ? arg.slice(2) : args[++i];
      if (value === undefined) return `base64: option requires an argument -- 'w'`;
      if (!/^\d+$/.test(value)) return `base64: invalid wrap size: '${value}'`;
      out.wrap = Number(value);
    } else if (/^-[di]+$/.test(arg)) {
      // Short options combine (`-di`).
      if (arg.includes('d')) out.decode = true;
      if (arg.includes('i')) out.ignoreGarbage = true;
    } else if (arg.startsWith('--')) return `base64: unrecognized option '${arg}'`;
    else if (arg.startsWith('-') && arg !== '-') return `base64: invalid option -- '${arg.slice(1, 2)}'`;
    else out.files.push(arg);
  }
  return out;
}

/** Lines of `width` characters with a final newline; nothing at all for empty input, as GNU base64. */
function wrapped(text: string, width: number): string {
  if (text === '') return '';
  if (width === 0) return `${text}\n`;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return `${lines.join('\n')}\n`;
}

function fail(stderr: string): RunResult {
  return { exitCode: 1, stdout: '', stderr };
}
