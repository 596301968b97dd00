/**
 * `github-actions token --repo OWNER/REPO [--ref REF] [--environment NAME] [--event EVENT]
 * [--audience AUD] [--actor LOGIN]`: prints the OIDC ID token a GitHub Actions job of that repository
 * would get from `https://token.actions.githubusercontent.com` (what `ACTIONS_ID_TOKEN_REQUEST_URL`
 * answers inside a real workflow), minted by the simulated issuer on the world's clock. Redirect it to
 * a file (`> token.jwt`) and pass it as `--web-identity-token file://token.jwt`, or name the file in a
 * profile's `web_identity_token_file`. This command stands in for the workflow run; it is not AWS CLI.
 */
import { githubJobProblem, GITHUB_TOKEN_LIFETIME_SECONDS, mintGitHubActionsToken, type GitHubJob } from '../idp/github-actions.ts';
import { nowMs } from './credentials.ts';
import type { CliHost, RunResult } from './host.ts';

const USAGE = [
  'usage: github-actions token --repo OWNER/REPO [--ref refs/heads/BRANCH|refs/tags/TAG] [--environment NAME]',
  '                            [--event push|pull_request|workflow_dispatch|...] [--audience AUDIENCE] [--actor LOGIN]',
  '',
  'Prints the OIDC ID token a GitHub Actions job of OWNER/REPO gets from https://token.actions.githubusercontent.com',
  `(simulated; valid for ${GITHUB_TOKEN_LIFETIME_SECONDS / 60} minutes on the world clock). Its subject is`,
  '  repo:OWNER/REPO:environment:NAME   when the job has an environment,',
  '  repo:OWNER/REPO:pull_request       for the pull_request event,',
  '  repo:OWNER/REPO:ref:REF            otherwise (default ref refs/heads/main).',
  'The audience defaults to sts.amazonaws.com, as aws-actions/configure-aws-credentials requests it.',
  'Example: github-actions token --repo octo/app --ref refs/heads/main > token.jwt',
  '',
].join('\n');

const OPTIONS: Readonly<Record<string, keyof GitHubJob>> = {
  '--repo': 'repository',
  '--ref': 'ref',
  '--environment': 'environment',
  '--event': 'eventName',
  '--audience': 'audience',
  '--actor': 'actor',
};

/** The option names, for tab completion. */
export const GITHUB_ACTIONS_OPTIONS: readonly string[] = Object.keys(OPTIONS);

/** Runs `github-actions …`. */
export function runGitHubActions(host: CliHost, args: readonly string[]): RunResult {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === 'help' || subcommand === '--help' || subcommand === '-h')
    return {
      exitCode: subcommand === undefined ? 2 : 0,
      stdout: subcommand === undefined ? '' : USAGE,
      stderr: subcommand === undefined ? USAGE : '',
    };
  if (subcommand !== 'token') return usageError(`unknown subcommand "${subcommand}" (the only one is token)`);
  const job: Partial<Record<keyof GitHubJob, string>> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i] as string;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const field = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (field === undefined) return usageError(`unknown option ${name}`);
    const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') return usageError(`${name} needs a value`);
    job[field] = value;
  }
  if (job.repository === undefined) return usageError('--repo OWNER/REPO is required');
  const full: GitHubJob = { ...job, repository: job.repository };
  const problem = githubJobProblem(full);
  if (problem === 'BAD_REPOSITORY') return usageError(`--repo ${full.repository}: write the repository as OWNER/REPO, e.g. octo/app`);
  if (problem === 'BAD_REF') return usageError(`--ref ${full.ref ?? ''}: a ref starts with refs/heads/, refs/tags/ or refs/pull/`);
  return { exitCode: 0, stdout: `${mintGitHubActionsToken(full, nowMs(host))}\n`, stderr: '' };
}

function usageError(message: string): RunResult {
  return { exitCode: 2, stdout: '', stderr: `github-actions: ${message}\n${USAGE}` };
}
