/**
 * CreateFunction, GetFunction, ListFunctions, UpdateFunctionConfiguration, UpdateFunctionCode and
 * DeleteFunction (Lambda API Reference). Passing a role needs `iam:PassRole` on it (IAM User Guide,
 * "Grant a user permissions to pass a role to an AWS service"), and Lambda refuses a role whose trust
 * policy does not let `lambda.amazonaws.com` assume it.
 */
import { bytesToBase64 } from '../s3/checksums.ts';
import { cliTimestampMillis } from './dates.ts';
import { optList, optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { authorizeWith } from '../deny.ts';
import { requestTagContext } from '../request-context.ts';
import { serviceMayAssume } from '../sts/service-session.ts';
import { nameKey, type Tag } from '../../world/state.ts';
import { authorizeFunction, functionTarget } from './access.ts';
import { functionExists, functionNotFound, invalidParameter, lambdaAccessDenied, revisionMismatch, roleCannotBeAssumed } from './errors.ts';
import { functionArn, functionsOf, storeFunction, type LambdaFunction } from './model.ts';
import { sha256 } from '../sha256.ts';

/** The service principal Lambda assumes execution roles as. */
export const LAMBDA_PRINCIPAL = 'lambda.amazonaws.com';

/**
 * `iam:PassRole` on the execution role, then Lambda's own check that it may assume the role.
 * PassRole is denied with Lambda's AccessDeniedException and IAM's sentence (Lambda Developer Guide,
 * "Troubleshooting Lambda identity and access", "I am not authorized to perform iam:PassRole").
 */
export function passExecutionRole(ctx: OperationContext, roleArn: string, fnArn: string): void {
  authorizeWith(
    ctx,
    'iam:PassRole',
    roleArn,
    { context: { 'iam:PassedToService': LAMBDA_PRINCIPAL, 'iam:AssociatedResourceArn': fnArn } },
    (message) => lambdaAccessDenied(message),
  );
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  const role = m && m[1] === ctx.state.accountId ? ctx.state.roles[nameKey(m[2] ?? '')] : undefined;
  if (!role || role.arn !== roleArn) throw roleCannotBeAssumed();
  const trusted = serviceMayAssume(
    { state: ctx.state, ids: ctx.ids, nowMs: ctx.nowMs },
    { role, servicePrincipal: LAMBDA_PRINCIPAL, sessionName: 'validation', region: ctx.region, sourceArn: fnArn },
  );
  if (trusted.decision !== 'allowed') throw roleCannotBeAssumed();
}

function createFunction(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'FunctionName');
  const arn = functionArn(ctx.region, ctx.state.accountId, name);
  const tags = tagList(ctx.params['Tags']);
  const target = functionTarget(ctx, name);
  authorizeFunction(ctx, 'lambda:CreateFunction', target, requestTagContext(tags));
  if (tags.length > 0) authorizeFunction(ctx, 'lambda:TagResource', target, requestTagContext(tags));
  const roleArn = str(ctx, 'Role');
  passExecutionRole(ctx, roleArn, arn);
  if (target.fn) throw functionExists(name);
  const code = (ctx.params['Code'] ?? {}) as { ZipFile?: Uint8Array; S3Bucket?: string; ImageUri?: string };
  if (!(code.ZipFile instanceof Uint8Array)) {
    throw invalidParameter(
      'The simulator runs functions from a .zip file parameter only: pass --zip-file fileb://FILE (a text file of AWS CLI lines).',
    );
  }
  const environment = environmentOf(ctx.params['Environment']);
  const fn: LambdaFunction = {
    name,
    arn,
    region: ctx.region,
    ...(optStr(ctx, 'Runtime') !== undefined ? { runtime: optStr(ctx, 'Runtime') as string } : {}),
    role: roleArn,
    ...(optStr(ctx, 'Handler') !== undefined ? { handler: optStr(ctx, 'Handler') as string } : {}),
    description: optStr(ctx, 'Description') ?? '',
    timeout: optNum(ctx, 'Timeout') ?? 3,
    memorySize: optNum(ctx, 'MemorySize') ?? 128,
    codeBase64: '',
    codeSize: 0,
    codeSha256: '',
    lastModified: ctx.nowMs,
    revisionId: ctx.ids.uuid(),
    ...(environment ? { environment } : {}),
    architectures: optList<string>(ctx, 'Architectures') ?? ['x86_64'],
    policy: [],
    tags,
  };
  setCode(fn, code.ZipFile);
  storeFunction(ctx.state, fn);
  // A new function is Pending for a few seconds; the simulated one is ready at once, but the answer
  // to CreateFunction says Pending as AWS's does (Lambda Developer Guide, "Lambda function states").
  return configurationOf(fn, { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' });
}

function getFunction(ctx: OperationContext): Record<string, unknown> {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  authorizeFunction(ctx, 'lambda:GetFunction', target);
  const fn = target.fn;
  if (!fn) throw functionNotFound(target.arn);
  return {
    Configuration: configurationOf(fn),
    Code: {
      RepositoryType: 'S3',
      Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${ctx.state.accountId}/${fn.name}-${fn.revisionId}`,
    },
    ...(fn.tags.length > 0 ? { Tags: Object.fromEntries(fn.tags.map((t) => [t.Key, t.Value])) } : {}),
  };
}

function listFunctions(ctx: OperationContext): Record<string, unknown> {
  authorizeWith(ctx, 'lambda:ListFunctions', '*', {}, (message) => lambdaAccessDenied(message));
  const all = Object.values(functionsOf(ctx.state)).filter((fn) => fn.region === ctx.region);
  all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { Functions: all.map((fn) => configurationOf(fn)) };
}

function updateFunctionConfiguration(ctx: OperationContext): Record<string, unknown> {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  authorizeFunction(ctx, 'lambda:UpdateFunctionConfiguration', target);
  const fn = target.fn;
  if (!fn) throw functionNotFound(target.arn);
  checkRevision(ctx, fn);
  const role = optStr(ctx, 'Role');
  // Changing the execution role passes a role again (IAM User Guide, "Pass a role to an AWS service").
  if (role !== undefined && role !== fn.role) passExecutionRole(ctx, role, fn.arn);
  if (role !== undefined) fn.role = role;
  const handler = optStr(ctx, 'Handler');
  if (handler !== undefined) fn.handler = handler;
  const runtime = optStr(ctx, 'Runtime');
  if (runtime !== undefined) fn.runtime = runtime;
  const description = optStr(ctx, 'Description');
  if (description !== undefined) fn.description = description;
  fn.timeout = optNum(ctx, 'Timeout') ?? fn.timeout;
  fn.memorySize = optNum(ctx, 'MemorySize') ?? fn.memorySize;
  const environment = environmentOf(ctx.params['Environment']);
  if (environment) fn.environment = environment;
  touch(ctx, fn);
  return configurationOf(fn, updating());
}

function updateFunctionCode(ctx: OperationContext): Record<string, unknown> {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  authorizeFunction(ctx, 'lambda:UpdateFunctionCode', target);
  const fn = target.fn;
  if (!fn) throw functionNotFound(target.arn);
  checkRevision(ctx, fn);
  const zip = ctx.params['ZipFile'];
  if (!(zip instanceof Uint8Array))
    throw invalidParameter(
      'The simulator runs functions from a .zip file parameter only: pass --zip-file fileb://FILE (a text file of AWS CLI lines).',
    );
  setCode(fn, zip);
  touch(ctx, fn);
  return configurationOf(fn, updating());
}

function deleteFunction(ctx: OperationContext): Record<string, unknown> {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  authorizeFunction(ctx, 'lambda:DeleteFunction', target);
  if (!target.fn) throw functionNotFound(target.arn);
  delete functionsOf(ctx.state)[target.fn.name];
  return {};
}

/** The FunctionConfiguration shape, in botocore's member order. */
export function configurationOf(fn: LambdaFunction, status: Record<string, string> = {}): Record<string, unknown> {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    ...(fn.runtime !== undefined ? { Runtime: fn.runtime } : {}),
    Role: fn.role,
    ...(fn.handler !== undefined ? { Handler: fn.handler } : {}),
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: cliTimestampMillis(fn.lastModified),
    CodeSha256: fn.codeSha256,
    Version: '$LATEST',
    ...(fn.environment ? { Environment: { Variables: fn.environment } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: status['State'] ?? 'Active',
    ...(status['StateReason'] !== undefined ? { StateReason: status['StateReason'], StateReasonCode: status['StateReasonCode'] } : {}),
    LastUpdateStatus: status['LastUpdateStatus'] ?? 'Successful',
    ...(status['LastUpdateStatusReason'] !== undefined
      ? { LastUpdateStatusReason: status['LastUpdateStatusReason'], LastUpdateStatusReasonCode: status['LastUpdateStatusReasonCode'] }
      : {}),
    PackageType: 'Zip',
    Architectures: fn.architectures,
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

function updating(): Record<string, string> {
  return {
    LastUpdateStatus: 'InProgress',
    LastUpdateStatusReason: 'The function is being created.',
    LastUpdateStatusReasonCode: 'Creating',
  };
}

function setCode(fn: LambdaFunction, zip: Uint8Array): void {
  fn.codeBase64 = bytesToBase64(zip);
  fn.codeSize = zip.length;
  fn.codeSha256 = bytesToBase64(sha256(zip));
}

function touch(ctx: OperationContext, fn: LambdaFunction): void {
  fn.lastModified = ctx.nowMs;
  fn.revisionId = ctx.ids.uuid();
}

function checkRevision(ctx: OperationContext, fn: LambdaFunction): void {
  const revision = optStr(ctx, 'RevisionId');
  if (revision !== undefined && revision !== fn.revisionId) throw revisionMismatch();
}

function tagList(value: unknown): Tag[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).map(([Key, v]) => ({ Key, Value: String(v) }));
}

function environmentOf(value: unknown): Record<string, string> | undefined {
  const vars = value && typeof value === 'object' ? (value as { Variables?: Record<string, string> }).Variables : undefined;
  return vars && typeof vars === 'object' ? { ...vars } : undefined;
}

/** The function operations. */
export const FUNCTION_OPERATIONS: Record<string, OperationDefinition> = {
  CreateFunction: { handler: createFunction, readOnly: false },
  GetFunction: { handler: getFunction, readOnly: true },
  ListFunctions: { handler: listFunctions, readOnly: true },
  UpdateFunctionConfiguration: { handler: updateFunctionConfiguration, readOnly: false },
  UpdateFunctionCode: { handler: updateFunctionCode, readOnly: false },
  DeleteFunction: { handler: deleteFunction, readOnly: false },
};
