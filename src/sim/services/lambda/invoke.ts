/**
 * Invoke: `lambda:InvokeFunction` decided by the caller's policies and the function policy, then the
 * function runs as its execution role.
 *
 * What a function does is a simulation convention (README.md): its code is a text file of AWS CLI
 * command lines, one per line, `#` comments allowed. Lambda assumes the execution role with session
 * name = function name (recorded as the service's AssumeRole), and the lines run in order with that
 * session's credentials; each is authorized and recorded like any call. The payload (the outfile)
 * is a JSON array of `{command, exitCode, stdout, stderr}`, one per line.
 */
import { base64ToBytes } from '../s3/checksums.ts';
import { AFTER_CALL, optStr, str, type OperationContext, type OperationDefinition, type ScriptRunner } from '../operation.ts';
import { nameKey } from '../../world/state.ts';
import { assumeRoleAsService } from '../sts/service-session.ts';
import { authorizeFunction, functionTarget } from './access.ts';
import { fault } from '../errors.ts';
import { functionNotFound, invalidParameter } from './errors.ts';
import { LAMBDA_PRINCIPAL } from './functions.ts';

/** Lambda runtimes call AWS from inside AWS; their calls carry this user agent and a documentation address. */
const FUNCTION_SOURCE_IP = '198.51.100.20';
const FUNCTION_USER_AGENT =
  'aws-cli/2.31.0 md/awscrt#0.27.6 ua/2.1 os/linux#5.10.240 md/arch#x86_64 lang/python#3.13.7 md/pyimpl#CPython exec-env/AWS_Lambda_provided.al2023 m/E cfg/retry-mode#standard md/installer#exe';

/** The command lines of a function's code: blank lines and `#` comments are skipped. */
export function functionLines(code: string): string[] {
  return code
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function invoke(ctx: OperationContext): Record<string, unknown> {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  const invocationType = optStr(ctx, 'InvocationType') ?? 'RequestResponse';
  const logType = optStr(ctx, 'LogType');
  // Lambda's data event for Invoke (CloudTrail User Guide, "Logging data events", AWS::Lambda::Function).
  ctx.trail.requestParameters = { functionName: target.arn, invocationType, ...(logType !== undefined ? { logType } : {}) };
  ctx.trail.responseElements = null;
  ctx.trail.resources = [{ accountId: target.accountId, type: 'AWS::Lambda::Function', ARN: target.arn }];
  ctx.trail.additionalEventData = { functionVersion: `${target.arn}:$LATEST` };
  authorizeFunction(ctx, 'lambda:InvokeFunction', target);
  const fn = target.fn;
  if (!fn) throw functionNotFound(target.arn);
  const qualifier = optStr(ctx, 'Qualifier');
  if (qualifier !== undefined && qualifier !== '$LATEST')
    throw fault('ResourceNotFoundException', `Function not found: ${target.arn}:${qualifier}`, 404);
  const code = new TextDecoder('utf-8', { fatal: false }).decode(base64ToBytes(fn.codeBase64));
  if (code.includes('\u0000'))
    throw invalidParameter('The function code is not a text file of AWS CLI lines; the simulator cannot run a real deployment package.');
  const lines = functionLines(code);
  // A dry run checks permissions and stops before Lambda assumes the role (Lambda API Reference, "Invoke", InvocationType).
  if (invocationType === 'DryRun') return { StatusCode: 204 };
  // The function runs in its own account, as that account's role, whoever invoked it.
  const owner = target.owner ?? ctx.state;
  if (owner.accountId !== ctx.state.accountId) ctx.trail.alsoDeliverTo = [owner.accountId];
  const m = /^arn:aws:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(fn.role);
  const role = m ? owner.roles[nameKey(m[1] ?? '')] : undefined;
  const session =
    role && role.arn === fn.role
      ? assumeRoleAsService(
          { state: owner, ids: ctx.ids, nowMs: ctx.nowMs },
          { role, servicePrincipal: LAMBDA_PRINCIPAL, sessionName: fn.name, region: fn.region, sourceArn: fn.arn },
        )
      : undefined;
  // The role was deleted or its trust changed after the function was created.
  if (!session) throw fault('AccessDeniedException', 'The role defined for the function cannot be assumed by Lambda.', 403);
  const credentials = { accessKeyId: session.accessKeyId, secretAccessKey: session.secret, sessionToken: session.token };
  const output: Record<string, unknown> = {
    StatusCode: invocationType === 'Event' ? 202 : 200,
    ...(invocationType === 'Event' ? {} : { ExecutedVersion: '$LATEST' }),
  };
  Object.defineProperty(output, AFTER_CALL, {
    enumerable: false,
    value: async (run: ScriptRunner) => {
      const results = await run(lines, credentials, { region: fn.region, sourceIp: FUNCTION_SOURCE_IP, userAgent: FUNCTION_USER_AGENT });
      const payload = new TextEncoder().encode(`${JSON.stringify(results, null, 2)}\n`);
      return invocationType === 'Event' ? {} : { Payload: payload };
    },
  });
  return output;
}

/** The Invoke operation: a data event, not read-only (CloudTrail User Guide, "Data events", Lambda). */
export const INVOKE_OPERATIONS: Record<string, OperationDefinition> = {
  Invoke: { handler: invoke, readOnly: false, dataEvent: true },
};
