/**
 * The AWS CLI emulation: `runCommandLine(host, line)` answers a terminal line as AWS CLI v2 would
 * (plus `cat`, `ls` and `help` for the files commands write), and `completeCommandLine` offers
 * completions for the browser terminal. Pure TypeScript: runs in the worker and in Node.
 */
import { CredentialServiceError, MfaCodeNeeded } from './credentials.ts';
import type { CliHost, RunOptions, RunResult } from './host.ts';
import { CliFailure, EXIT, renderFailure, renderServiceError } from './messages.ts';
import { runGitHubActions } from './github-actions.ts';
import { runOnInstance } from './on-instance.ts';
import { runSamlIdp } from './saml-idp.ts';
import { runAws } from './run-aws.ts';
import { runShellBuiltin, SHELL_BUILTINS, splitHeredoc } from './shell.ts';
import { tokenizePipeline, type Redirect } from './tokenize.ts';

export type { CachedCredentials, CliConfigWithCache, CliHost, RunOptions, RunResult } from './host.ts';
export { completeCommandLine, type Completion } from './complete.ts';
export { tokenize } from './tokenize.ts';
export { kebabName } from './names.ts';

/**
 * Runs one command line against `host` and returns what the terminal shows. Never throws. A line
 * that opens a heredoc without its closing delimiter yet answers `continuation` and changes nothing:
 * the terminal then sends the same text again with the next line appended.
 */
export async function runCommandLine(host: CliHost, line: string, options: RunOptions = {}): Promise<RunResult> {
  let redirect: Redirect | undefined;
  let result: RunResult;
  let anyFailed: boolean;
  try {
    const heredoc = splitHeredoc(line);
    if (heredoc !== undefined && heredoc.body === undefined) return { exitCode: 0, stdout: '', stderr: '', continuation: '> ' };
    const tokens = tokenizePipeline(heredoc === undefined ? line : heredoc.command);
    redirect = tokens.redirect;
    ({ result, anyFailed } = await runPipeline(host, tokens.commands, options, heredoc?.body));
  } catch (error) {
    result = failureResult(error);
    anyFailed = true;
  }
  return redirect === undefined ? result : redirected(host, result, redirect, anyFailed);
}

/**
 * Runs `A | B | C`: each command's stdout is the next one's stdin (a heredoc feeds the first). The
 * commands run one after the other, not side by side as in bash, which nothing here can tell apart:
 * no command reads its input incrementally. The exit code is the last command's (bash without
 * `pipefail`); every command's stderr shows. `anyFailed` says whether any command failed, so that
 * the line's redirection then writes nothing (see `redirected`).
 */
async function runPipeline(
  host: CliHost,
  commands: string[][],
  options: RunOptions,
  heredocBody: string | undefined,
): Promise<{ result: RunResult; anyFailed: boolean }> {
  let input = heredocBody;
  let stderr = '';
  let failed = false;
  let last: RunResult = { exitCode: 0, stdout: '', stderr: '' };
  for (const words of commands) {
    last = await runWords(host, words, options, input);
    // An MFA prompt ends the line: the terminal asks for the code and runs the whole line again.
    if (last.mfaPrompt !== undefined) return { result: { ...last, stderr: stderr + last.stderr }, anyFailed: true };
    stderr += last.stderr;
    failed ||= last.exitCode !== 0;
    input = last.stdout;
  }
  return { result: { ...last, stderr }, anyFailed: failed };
}

/**
 * `> FILE` replaces the file with the command's stdout, `>> FILE` appends. Bash opens (truncates)
 * the file before the command runs; here a command (or any command of a pipeline) that fails writes nothing, so that a failed line
 * never changes the world (the terminal's invariant), and its output shows instead.
 */
function redirected(host: CliHost, result: RunResult, redirect: Redirect, anyFailed: boolean): RunResult {
  if (anyFailed || result.exitCode !== 0 || result.mfaPrompt !== undefined) return result;
  const before = redirect.append ? host.readFile(redirect.file) : undefined;
  const prefix = before === undefined ? '' : typeof before === 'string' ? before : new TextDecoder().decode(before);
  host.writeFile(redirect.file, prefix + result.stdout);
  return { ...result, stdout: '' };
}

async function runWords(host: CliHost, words: string[], options: RunOptions, stdin: string | undefined): Promise<RunResult> {
  try {
    // `NAME=value aws ...` sets environment variables for this one command, as a shell does.
    const env: Record<string, string | undefined> = { ...(options.env ?? {}) };
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) {
      const assignment = words.shift() as string;
      const eq = assignment.indexOf('=');
      env[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
    const [command, ...args] = words;
    if (command === undefined) return { exitCode: 0, stdout: '', stderr: '' };
    if (command === 'aws') return await runAws(host, args, { ...options, env });
    if ((SHELL_BUILTINS as readonly string[]).includes(command)) return runShellBuiltin(host, command, args, stdin);
    if (command === 'on-instance') return await runOnInstance(host, args, { ...options, env });
    if (command === 'saml-idp') return runSamlIdp(host, args);
    if (command === 'github-actions') return runGitHubActions(host, args);
    if (command === 'export' || command === 'unset' || command === 'set') throw new CliFailure('SHELL_NO_ENVIRONMENT', { command });
    throw new CliFailure('SHELL_COMMAND_NOT_FOUND', { command });
  } catch (error) {
    return failureResult(error);
  }
}

function failureResult(error: unknown): RunResult {
  if (error instanceof CliFailure) return { stdout: '', ...renderFailure(error) };
  if (error instanceof MfaCodeNeeded) {
    const rendered = renderFailure(new CliFailure('MFA_CODE_REQUIRED', { serial: error.serialNumber }));
    return { stdout: '', ...rendered, mfaPrompt: `Enter MFA code for ${error.serialNumber}: ` };
  }
  if (error instanceof CredentialServiceError) {
    return { exitCode: EXIT.CLIENT_ERROR, stdout: '', stderr: renderServiceError(error.error.code, error.operation, error.message) };
  }
  // An internal fault: report it as the CLI reports unexpected exceptions, never as success.
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.GENERAL, stdout: '', stderr: `\n${message}\n` };
}
