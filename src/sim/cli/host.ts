/**
 * What the CLI needs from the world it talks to: a slice of the `World` contract (types only, so
 * the CLI never imports world code and tests can drive it with a small stand-in host).
 */
import type { CliConfig, CredentialLookup, Credentials, OperationSpec } from '../services/contract.ts';
import type { World } from '../world/world-interface.ts';

/** Temporary credentials the CLI cached after assuming a role for a profile (like ~/.aws/cli/cache). */
export interface CachedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** ISO 8601 expiry as STS returned it. */
  Expiration: string;
}

/** The CLI configuration plus the assume-role credential cache, both saved with the world. */
export interface CliConfigWithCache extends CliConfig {
  /** Cache key (profile name and role) → credentials from AssumeRole. */
  cache?: Record<string, CachedCredentials>;
}

/**
 * The world as the CLI sees it: the members of the one `World` contract it uses. A service's
 * scratch host (a function's /tmp, src/sim/world/service-runner.ts) has no saved configuration,
 * profiles or instances, so only those members are optional.
 */
export type CliHost = Pick<World, 'invoke' | 'readFile' | 'writeFile' | 'listFiles' | 'deleteFile'> & {
  /** The world's clock (epoch ms or Date); used for assume-role cache expiry. */
  clock: { now(): number | Date };
  /** `aws configure` settings; created on first write when absent. */
  cliConfig?: CliConfigWithCache;
  /** The long-term access key the CLI signs with for `--profile <IAM user name>`. */
  lookupUserCredentials?(userName: string): CredentialLookup;
  /** The credentials of the `default` profile: the account's root user. */
  rootCredentials?(): Credentials;
  /** What a program on an EC2 instance gets from the metadata service (`on-instance`). */
  instanceCredentials?(instanceId: string): InstanceCredentialsAnswer;
  /** The operations this host serves; defaults to the generated registry. */
  operations?: readonly OperationSpec[];
};

/** What the world answers for `on-instance` (see CliHost.instanceCredentials). */
export type InstanceCredentialsAnswer =
  | { ok: true; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; region: string; sourceIp: string }
  | { ok: false; reason: 'NO_INSTANCE' | 'NOT_RUNNING' | 'NO_ROLE'; state?: string };

/** Options of one run, as a terminal or script supplies them. */
export interface RunOptions {
  /** The code the learner typed when the CLI asked `Enter MFA code for ...:`. */
  mfaCode?: string;
  /**
   * Environment variables the CLI honours: AWS_PROFILE, AWS_DEFAULT_PROFILE, AWS_REGION,
   * AWS_DEFAULT_REGION, AWS_DEFAULT_OUTPUT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
   * AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_SESSION_NAME.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Terminal width for `--output table` (default 80, the CLI's width when stdout is not a terminal). */
  terminalWidth?: number;
  /** Caller IP recorded with every call. */
  sourceIp?: string;
  /** User agent recorded with every call. */
  userAgent?: string;
}

/** What a command line produced. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The CLI's prompt (`Enter MFA code for <serial>: `) when it needed an MFA code it was not given: ask, then run again with `options.mfaCode`. */
  mfaPrompt?: string;
  /** The shell's continuation prompt (`> `) when a heredoc is still open: send the text again with the next line appended. */
  continuation?: string;
}

/** The CLI's default user agent (CLI v2 format, see AWS-FACTS §1.1). */
export const DEFAULT_USER_AGENT =
  'aws-cli/2.31.0 md/awscrt#0.27.6 ua/2.1 os/linux#6.1.0 md/arch#x86_64 lang/python#3.13.7 md/pyimpl#CPython m/E cfg/retry-mode#standard md/installer#exe md/distrib#debian.12 md/prompt#off';
