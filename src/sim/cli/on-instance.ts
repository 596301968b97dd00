/**
 * `on-instance i-… aws …`: runs one AWS CLI command as a program on that EC2 instance would, with
 * the credentials the instance metadata service gives it — the instance profile role's session,
 * named after the instance (EC2 User Guide, "Retrieve security credentials from instance
 * metadata"). The real CLI on an instance finds them through its credential chain; here the
 * terminal hands them over the same way, as environment credentials, and the calls leave from the
 * instance's address. An instance without a role has no credentials: the CLI says so (exit 253).
 */
import type { CliHost, RunOptions, RunResult } from './host.ts';
import { CliFailure } from './messages.ts';
import { runAws } from './run-aws.ts';

/** A user agent as the CLI on an Amazon Linux instance sends it. */
const INSTANCE_USER_AGENT =
  'aws-cli/2.31.0 md/awscrt#0.27.6 ua/2.1 os/linux#6.1.150-174.273.amzn2023.x86_64 md/arch#x86_64 lang/python#3.9.23 md/pyimpl#CPython m/E cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off';

/** Runs `aws …` on an instance. */
export async function runOnInstance(host: CliHost, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const [instanceId, command, ...rest] = args;
  if (instanceId === undefined || command !== 'aws') {
    return { exitCode: 2, stdout: '', stderr: 'usage: on-instance INSTANCE_ID aws <command> <subcommand> [parameters]\n' };
  }
  if (host.instanceCredentials === undefined)
    return { exitCode: 1, stdout: '', stderr: 'on-instance: this terminal has no EC2 instances\n' };
  const answer = host.instanceCredentials(instanceId);
  if (!answer.ok) {
    if (answer.reason === 'NO_INSTANCE')
      return {
        exitCode: 1,
        stdout: '',
        stderr: `on-instance: ${instanceId}: no such instance in this account (aws ec2 describe-instances lists them)\n`,
      };
    if (answer.reason === 'NOT_RUNNING')
      return { exitCode: 1, stdout: '', stderr: `on-instance: ${instanceId} is ${answer.state ?? 'not running'}; start it first\n` };
    // No instance profile (or a role EC2 may not assume): the metadata service has no credentials.
    throw new CliFailure('NO_CREDENTIALS', {});
  }
  const env = {
    AWS_ACCESS_KEY_ID: answer.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: answer.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: answer.credentials.sessionToken,
    AWS_REGION: answer.region,
  };
  const hasProfile = rest.some((w) => w === '--profile' || w.startsWith('--profile='));
  return runAws(host, rest, {
    ...options,
    env: hasProfile ? (options.env ?? {}) : env,
    sourceIp: answer.sourceIp,
    userAgent: INSTANCE_USER_AGENT,
  });
}
