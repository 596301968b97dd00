/**
 * The console's own codes and the words a learner reads for them (AWS's errors keep AWS's words;
 * these are the console's, e.g. the sign-in page's). The sign-in wording follows the AWS sign-in page.
 */
export const CONSOLE_MESSAGES = {
  FAILED_AUTHENTICATION: 'Your authentication information is incorrect. Please try again.',
  NO_SUCH_USER: 'Your authentication information is incorrect. Please try again.',
  NO_SUCH_ACCOUNT:
    'Your authentication information is incorrect. Please try again. (This simulator has one account: check the account ID, alias or root email shown below.)',
  PASSWORD_EXPIRED:
    'Your password has expired and only an administrator can reset it (the account password policy prevents password reuse after expiry).',
  MFA_REQUIRED: 'Enter the code from your MFA device.',
  WORKER_FAILED: 'The simulator did not answer; try again.',
  NOT_SIGNED_IN: 'Sign in first.',
  PASSWORDS_DIFFER: 'The new passwords do not match.',
  NAME_REQUIRED: 'Enter a name.',
  BAD_JSON: 'The policy is not valid JSON; fix the marked problems first.',
  NO_IDENTITY_PROVIDER: 'Choose an identity provider of this account first (add one in the terminal if the list is empty).',
  GITHUB_ORGANIZATION_REQUIRED: 'Enter the GitHub organization: a role that trusts every GitHub repository would let anyone in.',
} as const;

/** A console message code. */
export type ConsoleMessageCode = keyof typeof CONSOLE_MESSAGES;
