/**
 * Every failure the CLI can report: a stable code, its parameters, and — in one place — the exact
 * text and exit code AWS CLI v2 prints for it (awscli/errorhandler.py, awscli/argparser.py;
 * exit codes from the AWS CLI v2 user guide, "Command line return codes": 252 bad command line,
 * 253 bad configuration or credentials, 254 service error, 255 any other failure).
 *
 * The texts follow CLI v2 as learners meet it in the AWS documentation: `\nAn error occurred (...)`.
 * (CLI v2.34, released 2026, prefixes these lines with `aws: [ERROR]: `; the emulation keeps the
 * documented form.)
 */

/** Stable codes of CLI failures. */
export type CliErrorCode =
  | 'SHELL_UNTERMINATED_QUOTE'
  | 'SHELL_UNSUPPORTED_OPERATOR'
  | 'SHELL_LINE_TOO_LONG'
  | 'SHELL_COMMAND_NOT_FOUND'
  | 'SHELL_NO_ENVIRONMENT'
  | 'ARGPARSE'
  | 'UNKNOWN_OPTIONS'
  | 'PARAM_ERROR'
  | 'PARAM_VALIDATION'
  | 'NO_CREDENTIALS'
  | 'PROFILE_NOT_FOUND'
  | 'PARTIAL_CREDENTIALS'
  | 'MFA_CODE_REQUIRED'
  | 'CONFIGURE_USAGE'
  | 'CAT_NO_SUCH_FILE'
  | 'CAT_USAGE'
  | 'GENERAL';

/** A CLI failure in flight: thrown by the parsers, rendered once by `renderFailure`. */
export class CliFailure extends Error {
  readonly code: CliErrorCode;
  readonly params: Readonly<Record<string, string>>;
  /** @param code stable code; @param params the values the message is built from. */
  constructor(code: CliErrorCode, params: Readonly<Record<string, string>>) {
    super(code);
    this.code = code;
    this.params = params;
    this.name = 'CliFailure';
  }
}

/** Exit codes of the AWS CLI v2. */
export const EXIT = {
  OK: 0,
  PARAM_VALIDATION: 252,
  CONFIGURATION: 253,
  CLIENT_ERROR: 254,
  GENERAL: 255,
} as const;

/** `aws [options] ...` usage block of awscli/argparser.py. */
export const USAGE =
  'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

/** The stderr text and exit code of a failure, exactly as the CLI prints it. */
export function renderFailure(failure: CliFailure): { exitCode: number; stderr: string } {
  const p = failure.params;
  switch (failure.code) {
    case 'SHELL_UNTERMINATED_QUOTE':
      return { exitCode: 2, stderr: `-bash: unexpected EOF while looking for matching \`${p.quote}'\n` };
    case 'SHELL_UNSUPPORTED_OPERATOR':
      return {
        exitCode: 2,
        stderr: `-bash: syntax error near unexpected token \`${p.operator}' (this terminal runs one command or a pipeline A | B: no input redirections or command lists, only > FILE, >> FILE at the end and heredocs; quote the character to pass it to aws)\n`,
      };
    case 'SHELL_LINE_TOO_LONG':
      return { exitCode: 2, stderr: `-bash: command line too long (more than ${p.max} characters)\n` };
    case 'SHELL_COMMAND_NOT_FOUND':
      return {
        exitCode: 127,
        stderr: `-bash: ${p.command}: command not found (this terminal runs aws, on-instance, github-actions, cat, ls, rm, echo, base64 and help)\n`,
      };
    case 'SHELL_NO_ENVIRONMENT':
      return {
        exitCode: 1,
        stderr: `-bash: ${p.command}: this terminal does not keep variables between commands; put them before the command instead (AWS_PROFILE=ana aws sts get-caller-identity) or use --profile\n`,
      };
    case 'ARGPARSE':
      // CLIArgParser.error raises `usage + "\n" + "aws: error: msg\n"`; the handler wraps it in newlines.
      return { exitCode: EXIT.PARAM_VALIDATION, stderr: `\nusage: ${USAGE}\n${p.prog ?? 'aws'}: error: ${p.message}\n\n` };
    case 'UNKNOWN_OPTIONS':
      return { exitCode: EXIT.PARAM_VALIDATION, stderr: `\nusage: ${USAGE}\nUnknown options: ${p.options}\n\n` };
    case 'PARAM_ERROR':
      return { exitCode: EXIT.PARAM_VALIDATION, stderr: `\nError parsing parameter '${p.param}': ${p.message}\n` };
    case 'PARAM_VALIDATION':
      return { exitCode: EXIT.PARAM_VALIDATION, stderr: `\nParameter validation failed:\n${p.report}\n` };
    case 'NO_CREDENTIALS':
      return {
        exitCode: EXIT.CONFIGURATION,
        stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
      };
    case 'PROFILE_NOT_FOUND':
      return { exitCode: EXIT.GENERAL, stderr: `\nThe config profile (${p.profile}) could not be found\n` };
    case 'PARTIAL_CREDENTIALS':
      return {
        exitCode: EXIT.GENERAL,
        stderr: `\nPartial credentials found in ${p.provider}, missing: ${p.missing}\n`,
      };
    case 'MFA_CODE_REQUIRED':
      // The real CLI prints this prompt and reads the code; a run without a code (options.mfaCode)
      // ends there, as the real CLI does when its input is closed. The terminal asks and re-runs.
      return { exitCode: EXIT.GENERAL, stderr: `Enter MFA code for ${p.serial}: \n` };
    case 'CONFIGURE_USAGE':
      return {
        exitCode: EXIT.PARAM_VALIDATION,
        stderr: `\nusage: ${USAGE}\naws: error: ${p.message}\n\n`,
      };
    case 'CAT_NO_SUCH_FILE':
      return { exitCode: 1, stderr: `cat: ${p.file}: No such file or directory\n` };
    case 'CAT_USAGE':
      return { exitCode: 1, stderr: 'usage: cat FILE...\n' };
    case 'GENERAL':
      return { exitCode: EXIT.GENERAL, stderr: `\n${p.message}\n` };
  }
}

/** The CLI's rendering of a service error (awscli ClientErrorHandler, botocore ClientError). */
export function renderServiceError(code: string, operation: string, message: string): string {
  return `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`;
}

/** argparse's message for an invalid choice, with the CLI's two-column list and close matches. */
export function invalidChoiceMessage(argument: string, value: string, choices: readonly string[], close: readonly string[]): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  }
  if (close.length > 0) {
    lines.push(`\n\nInvalid choice: '${value}', maybe you meant:\n`);
    for (const word of close) lines.push(`  * ${word}`);
  }
  return `argument ${argument}: ${lines.join('\n')}`;
}
