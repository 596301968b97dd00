/**
 * The simulated GitHub Actions OIDC issuer (`https://token.actions.githubusercontent.com`): mints the
 * ID token a workflow job gets, with GitHub's claims and subject formats (GitHub Docs, "OpenID Connect
 * reference": "Understanding the OIDC token" and "Example subject claims",
 * https://docs.github.com/en/actions/reference/security/oidc). Pure: the caller passes the clock.
 */
import { sha256 } from '../services/sha256.ts';
import { signJwt } from './jwt.ts';

/** The issuer URL, the `iss` claim of every token. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The simulated issuer's signing secret (see jwt.ts: what stands in for GitHub's RSA key). */
export const GITHUB_ACTIONS_SIGNING_SECRET = 'iam-dojo simulated token.actions.githubusercontent.com signing key 1';

/** The key id in the token header; GitHub publishes its keys at the issuer's JWKS URL. */
const KEY_ID = 'iam-dojo-simulated-github-actions-key-1';

/** GitHub's example token is valid for 5 minutes after `iat`, and from 10 minutes before it (`nbf`). */
export const GITHUB_TOKEN_LIFETIME_SECONDS = 300;
const NOT_BEFORE_SECONDS = 600;

/** What the learner says about the workflow job that asks for a token. */
export interface GitHubJob {
  /** `OWNER/REPO`. */
  repository: string;
  /** The git ref the workflow runs on (`refs/heads/main`, `refs/tags/v1`); pull requests default to `refs/pull/1/merge`. */
  ref?: string;
  /** The deployment environment of the job, if any: it then names the subject. */
  environment?: string;
  /** The event that triggered the workflow (`push`, `pull_request`, `workflow_dispatch` …); default `push`. */
  eventName?: string;
  /** The audience requested; default `sts.amazonaws.com`, as aws-actions/configure-aws-credentials asks. */
  audience?: string;
  /** The user who triggered the run; default `octocat`. */
  actor?: string;
  /** The workflow file; default `.github/workflows/deploy.yml`. */
  workflowFile?: string;
}

/** Why a job description cannot get a token (the words are in the CLI command that asks). */
export type GitHubJobProblem = 'BAD_REPOSITORY' | 'BAD_REF';

/** The subject claim GitHub builds: environment first, then pull_request, then the ref (GitHub Docs, "Example subject claims"). */
export function githubSubject(job: GitHubJob): string {
  const repo = `repo:${job.repository}`;
  if (job.environment !== undefined && job.environment !== '') return `${repo}:environment:${job.environment}`;
  if (job.eventName === 'pull_request') return `${repo}:pull_request`;
  return `${repo}:ref:${refOf(job)}`;
}

/** Checks a job description; undefined when a token can be minted for it. */
export function githubJobProblem(job: GitHubJob): GitHubJobProblem | undefined {
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(job.repository)) return 'BAD_REPOSITORY';
  if (job.ref !== undefined && !/^refs\/(heads|tags|pull)\/\S+$/.test(job.ref)) return 'BAD_REF';
  return undefined;
}

/** Mints the token a job of `job` would get at `nowMs`. */
export function mintGitHubActionsToken(job: GitHubJob, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const [owner = '', name = ''] = job.repository.split('/');
  const ref = refOf(job);
  const eventName = job.eventName ?? 'push';
  const pullRequest = eventName === 'pull_request';
  const workflowFile = job.workflowFile ?? '.github/workflows/deploy.yml';
  const digits = (salt: string, length: number): string =>
    [...sha256(new TextEncoder().encode(`${salt}:${job.repository}:${iat}`))]
      .map((b) => String(b % 10))
      .join('')
      .slice(0, length)
      .replace(/^0/, '1');
  const hex = (salt: string): string =>
    [...sha256(new TextEncoder().encode(`${salt}:${job.repository}:${ref}:${iat}`))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const jti = hex('jti').slice(0, 32);
  const claims: Record<string, unknown> = {
    jti: `${jti.slice(0, 8)}-${jti.slice(8, 12)}-${jti.slice(12, 16)}-${jti.slice(16, 20)}-${jti.slice(20, 32)}`,
    sub: githubSubject(job),
    ...(job.environment ? { environment: job.environment } : {}),
    aud: job.audience ?? 'sts.amazonaws.com',
    ref,
    sha: hex('sha').slice(0, 40),
    repository: job.repository,
    repository_owner: owner,
    actor_id: digits('actor', 7),
    repository_visibility: 'private',
    repository_id: digits(`repo:${name}`, 9),
    repository_owner_id: digits(`owner:${owner}`, 8),
    run_id: digits('run', 10),
    run_number: '1',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    actor: job.actor ?? 'octocat',
    workflow: workflowFile.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    head_ref: pullRequest ? 'feature' : '',
    base_ref: pullRequest ? 'main' : '',
    event_name: eventName,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    workflow_ref: `${job.repository}/${workflowFile}@${ref}`,
    job_workflow_ref: `${job.repository}/${workflowFile}@${ref}`,
    iss: GITHUB_ACTIONS_ISSUER,
    nbf: iat - NOT_BEFORE_SECONDS,
    exp: iat + GITHUB_TOKEN_LIFETIME_SECONDS,
    iat,
  };
  return signJwt({ typ: 'JWT', alg: 'RS256', x5t: KEY_ID, kid: KEY_ID }, claims, GITHUB_ACTIONS_SIGNING_SECRET);
}

function refOf(job: GitHubJob): string {
  return job.ref ?? (job.eventName === 'pull_request' ? 'refs/pull/1/merge' : 'refs/heads/main');
}
