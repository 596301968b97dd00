/**
 * Runs AWS CLI lines for a service acting in the world — a Lambda function's code, a command on an
 * EC2 instance — with the credentials the service holds. The lines get their own scratch files
 * (a function's /tmp), never the learner's, and no CLI profiles: the credentials come as environment
 * variables, as a runtime or an instance's metadata service provides them.
 */
import { runCommandLine } from '../cli/index.ts';
import type { CliHost } from '../cli/host.ts';
import type { ServiceRequest, ServiceResponse } from '../services/contract.ts';
import type { ScriptLineResult, ScriptRunner } from '../services/operation.ts';

/** How deep services may call services that run lines (a function invoking a function…). */
export const MAX_SERVICE_DEPTH = 4;

/** A runner whose calls go to `invoke` (the world's endpoint, at the next depth). */
export function serviceRunner(
  invoke: (request: ServiceRequest) => Promise<ServiceResponse>,
  clock: CliHost['clock'],
  depth: number,
): ScriptRunner {
  return async (lines, credentials, facts) => {
    const files = new Map<string, string | Uint8Array>();
    const host: CliHost = {
      invoke,
      readFile: (name) => files.get(name),
      writeFile: (name, data) => void files.set(name, data),
      listFiles: () => [...files.keys()].sort(),
      deleteFile: (name) => files.delete(name),
      clock,
    };
    const env = {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
      AWS_REGION: facts.region,
    };
    const results: ScriptLineResult[] = [];
    for (const command of lines) {
      if (depth > MAX_SERVICE_DEPTH) {
        results.push({
          command,
          exitCode: 255,
          stdout: '',
          stderr: `\nThe simulator stops services calling services more than ${MAX_SERVICE_DEPTH} levels deep.\n`,
        });
        continue;
      }
      const out = await runCommandLine(host, command, { env, sourceIp: facts.sourceIp, userAgent: facts.userAgent });
      results.push({ command, exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr });
    }
    return results;
  };
}
