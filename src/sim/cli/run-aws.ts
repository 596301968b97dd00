/**
 * `aws ...`: from the words after `aws` to a service call and its printed answer, in the order
 * the real CLI works — global options, command, operation, arguments, parameter files and
 * --cli-input-json, client-side validation, credentials, the call, then output customizations
 * and formatting. Everything that can fail on bad input fails before the call, so a bad command
 * line never changes the world.
 */
import type { Credentials, OperationSpec, ServiceResponse, Shape } from '../services/contract.ts';
import { kebabName } from './names.ts';
import { runS3Command } from './s3-commands.ts';
import { looksLikeOption, parseArgs } from './argparse.ts';
import { OperationCatalog, registryCatalog } from './catalog.ts';
import { closeMatches } from './close-matches.ts';
import { runConfigure } from './configure.ts';
import { runSsoCommand } from './sso-login.ts';
import { isUnsignedOperation } from './unsigned.ts';
import { configOf, resolveCredentials, webIdentityProfile } from './credentials.ts';
import { fileDiagnostics, type FileArgument } from './file-diagnostics.ts';
import { parseGlobals, type GlobalOptions } from './globals.ts';
import { operationHelp, serviceHelp, topHelp } from './help.ts';
import { DEFAULT_USER_AGENT, type CliHost, type RunOptions, type RunResult } from './host.ts';
import { CliFailure, EXIT, invalidChoiceMessage, renderServiceError } from './messages.ts';
import { checkQuery, formatOutput, OUTPUT_FORMATS } from './output/index.ts';
import { cliOperationName, operationArgs } from './operation-args.ts';
import { applyPagination, decodeToken, followPages, paginatorFor, type PageRequest, type Paginator } from './pagination.ts';
import { validateParams, isPlainObject } from './validate.ts';
import { parseJsonParam, pythonInt, resolveParamFile, setOwn, unpackArgument } from './values.ts';

/** The version line `aws --version` prints. */
export const VERSION_LINE = 'aws-cli/2.31.0 Python/3.13.7 Linux/6.1.0 exe/x86_64.debian.12';

/** Runs the words after `aws`. */
export async function runAws(host: CliHost, argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const catalog = host.operations !== undefined ? new OperationCatalog(host.operations) : registryCatalog();
  const { globals, command, rest } = parseGlobals(argv);
  if (globals.version) return ok(`${VERSION_LINE}\n`);
  if (command === undefined) throw argError('the following arguments are required: command');
  if (globals.query !== undefined) checkQuery(globals.query);
  if (command === 'help') return ok(topHelp(catalog));
  if (command === 'configure') return runConfigure(host, rest, globals, options);
  if (command === 'sso') {
    const handled = await runSsoCommand(host, rest, globals, options);
    if (handled !== undefined) return handled;
  }
  const services = catalog.services();
  if (command === 's3' && services.includes('s3api')) return runHighLevelS3(host, catalog, rest, globals, options);
  if (!services.includes(command)) {
    const choices = [...services, 'configure', ...(services.includes('s3api') ? ['s3'] : [])].sort();
    throw argError(invalidChoiceMessage('command', command, [...choices, 'help'], closeMatches(command, choices)));
  }
  const opIndex = rest.findIndex((word) => !looksLikeOption(word));
  if (opIndex < 0) throw argError('the following arguments are required: operation');
  const opName = rest[opIndex] as string;
  const opArgs = [...rest.slice(0, opIndex), ...rest.slice(opIndex + 1)];
  if (opName === 'help') return ok(serviceHelp(catalog, command));
  const spec = catalog.find(command, opName);
  if (spec === undefined) {
    const names = catalog.operations(command).map(cliOperationName);
    throw argError(invalidChoiceMessage('operation', opName, [...names, 'help'], closeMatches(opName, names)));
  }
  if (opArgs.length === 1 && opArgs[0] === 'help') return ok(operationHelp(spec, command));
  return runOperation(host, spec, command, opArgs, globals, options);
}

async function runOperation(
  host: CliHost,
  spec: OperationSpec,
  cliService: string,
  words: string[],
  globals: GlobalOptions,
  options: RunOptions,
): Promise<RunResult> {
  // Like awscli's override_required_args: with --cli-input-json or --generate-cli-skeleton no argument is required up front.
  const inputJsonGiven = words.some((w) => /^--(cli-input-json|generate-cli-skeleton)(=|$)/.test(w));
  const table = operationArgs(spec, inputJsonGiven);
  const { values, extras } = parseArgs(words, table);
  const firstPositional = extras.find((w) => !looksLikeOption(w));
  if (firstPositional === 'help') return ok(operationHelp(spec, cliService));
  if (extras.length > 0) throw new CliFailure('UNKNOWN_OPTIONS', { options: extras.join(', ') });

  const skeleton = values.get('generate_cli_skeleton');
  if (typeof skeleton === 'string') {
    if (skeleton !== 'input')
      throw new CliFailure('GENERAL', {
        message: `--generate-cli-skeleton ${skeleton} is not available in this simulator; use --generate-cli-skeleton input`,
      });
    return ok(`${JSON.stringify(skeletonOf(spec.input), null, 4)}\n`);
  }

  const readFile = (name: string): string | Uint8Array | undefined => host.readFile(name);
  const params: Record<string, unknown> = {};
  const fromFiles: FileArgument[] = [];
  for (const arg of table) {
    if (arg.memberPath !== undefined && arg.shape !== undefined && values.has(arg.dest)) {
      const [outer, inner] = arg.memberPath;
      const container = isPlainObject(params[outer]) ? (params[outer] as Record<string, unknown>) : {};
      setOwn(container, inner, unpackArgument(values.get(arg.dest) as string, arg.shape, arg.option as string, readFile));
      setOwn(params, outer, container);
      continue;
    }
    if (arg.member === undefined || arg.shape === undefined || !values.has(arg.dest) || Object.hasOwn(params, arg.member)) continue;
    const raw = values.get(arg.dest) as string | string[] | boolean;
    const value = unpackArgument(raw, arg.shape, arg.option as string, readFile, arg.streaming === true);
    if (typeof raw === 'string' && /^file:\/\//i.test(raw) && typeof value === 'string')
      fromFiles.push({ member: arg.member, file: raw.slice(7), text: value });
    setOwn(params, arg.member, value);
  }
  if (spec.service === 'ec2' && spec.name === 'RunInstances') applyInstanceCount(params, values.get('count'));
  const paginator = paginatorFor(spec);
  const pages = pageRequest(values, paginator);
  const inputJson = values.get('cli_input_json');
  if (typeof inputJson === 'string') mergeInputJson(params, inputJson, readFile);

  const profile = globals.profile ?? options.env?.AWS_PROFILE ?? options.env?.AWS_DEFAULT_PROFILE ?? 'default';
  const profileSettings = Object.hasOwn(configOf(host).profiles, profile) ? configOf(host).profiles[profile] : undefined;
  const format = globals.output ?? options.env?.AWS_DEFAULT_OUTPUT ?? profileSettings?.output ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new CliFailure('GENERAL', { message: `Unknown output type: ${format}` });

  // A hidden token or limit given by hand turns automatic pagination off for this call (pagination.ts).
  const manualPaging = paginator !== undefined && (values.has(paginator.inputToken) || values.has(paginator.limitKey));
  const autoPaginate = paginator !== undefined && !globals.noPaginate && !manualPaging;
  if (autoPaginate && paginator.outputToken !== undefined && pages.pageSize !== undefined)
    setOwn(params, paginator.limitKey, pages.pageSize);
  validateParams(params, spec.input);

  const credentials: Credentials = isUnsignedOperation(spec)
    ? { kind: 'anonymous' }
    : await callerCredentials(host, profile, globals, options);
  const region = globals.region ?? options.env?.AWS_REGION ?? options.env?.AWS_DEFAULT_REGION ?? profileSettings?.region ?? 'us-east-1';
  const call = (callParams: Record<string, unknown>) =>
    host.invoke({
      service: spec.service,
      operation: spec.name,
      params: callParams,
      credentials,
      region,
      userAgent: `${options.userAgent ?? DEFAULT_USER_AGENT} md/command#${cliService}.${cliOperationName(spec)}`,
      ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    });
  const first = await call(params);
  const response =
    autoPaginate && paginator !== undefined
      ? await followPages(first, paginator, (token) => call({ ...params, [paginator.inputToken]: token }))
      : first;
  if (!response.ok) {
    const notes = fileDiagnostics(spec.service, response.error.code, fromFiles);
    return {
      exitCode: EXIT.CLIENT_ERROR,
      stdout: '',
      stderr: renderServiceError(response.error.code, spec.name, response.error.message) + notes,
    };
  }
  const paged = autoPaginate && paginator !== undefined ? applyPagination(response.output, paginator, pages) : response.output;
  const output = applyOutputFiles(host, spec, values, paged);
  const stdout = formatOutput(output, {
    format,
    query: globals.query,
    operation: spec.name,
    terminalWidth: options.terminalWidth ?? 80,
  });
  return ok(stdout);
}

/** `aws s3 ls|cp|mb|rb|rm`, each call signed and routed like any s3api call. */
async function runHighLevelS3(
  host: CliHost,
  catalog: OperationCatalog,
  words: string[],
  globals: GlobalOptions,
  options: RunOptions,
): Promise<RunResult> {
  if (words.length === 1 && words[0] === 'help')
    return ok('S3()\n\nAVAILABLE COMMANDS\n       o cp\n       o ls\n       o mb\n       o rb\n       o rm\n');
  const profile = globals.profile ?? options.env?.AWS_PROFILE ?? options.env?.AWS_DEFAULT_PROFILE ?? 'default';
  const profileSettings = Object.hasOwn(configOf(host).profiles, profile) ? configOf(host).profiles[profile] : undefined;
  const region = globals.region ?? options.env?.AWS_REGION ?? options.env?.AWS_DEFAULT_REGION ?? profileSettings?.region ?? 'us-east-1';
  let credentials: Awaited<ReturnType<typeof resolveCredentials>> | undefined;
  const call = async (operation: string, params: Record<string, unknown>, sub: string): Promise<ServiceResponse> => {
    if (catalog.find('s3api', kebabName(operation)) === undefined)
      throw new CliFailure('GENERAL', { message: `s3 ${sub} needs ${operation}, which this simulator does not offer` });
    credentials ??= await callerCredentials(host, profile, globals, options);
    return host.invoke({
      service: 's3',
      operation,
      params,
      credentials,
      region,
      userAgent: `${options.userAgent ?? DEFAULT_USER_AGENT} md/command#s3.${sub}`,
      ...(options.sourceIp !== undefined ? { sourceIp: options.sourceIp } : {}),
    });
  };
  return runS3Command(host, words, call);
}

/**
 * The credential chain's first steps: `--profile` wins; otherwise AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) from the environment; otherwise the profile
 * (AWS_PROFILE or default). (CLI user guide, "Configuration settings and precedence".)
 */
async function callerCredentials(host: CliHost, profile: string, globals: GlobalOptions, options: RunOptions): Promise<Credentials> {
  const env = options.env ?? {};
  if (globals.profile === undefined && env.AWS_ACCESS_KEY_ID !== undefined && env.AWS_SECRET_ACCESS_KEY !== undefined) {
    const token = env.AWS_SESSION_TOKEN;
    return {
      kind: 'accessKey',
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(token !== undefined && token !== '' ? { sessionToken: token } : {}),
    };
  }
  // botocore's web identity provider reads AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE before the shared files
  // (CLI User Guide, "Environment variables to configure the AWS CLI").
  const settings = Object.hasOwn(configOf(host).profiles, profile) ? configOf(host).profiles[profile] : undefined;
  if (globals.profile === undefined && env.AWS_ROLE_ARN && env.AWS_WEB_IDENTITY_TOKEN_FILE && settings?.role_arn === undefined) {
    const fromEnv: Record<string, string> = { role_arn: env.AWS_ROLE_ARN, web_identity_token_file: env.AWS_WEB_IDENTITY_TOKEN_FILE };
    if (env.AWS_ROLE_SESSION_NAME) fromEnv.role_session_name = env.AWS_ROLE_SESSION_NAME;
    return webIdentityProfile(host, `env:${profile}`, fromEnv, options);
  }
  return resolveCredentials(host, profile, options);
}

/** --max-items / --starting-token / --page-size (the page size only shapes the API calls, which are single pages here). */
function pageRequest(values: Map<string, unknown>, paginator: Paginator | undefined): PageRequest {
  const request: PageRequest = {};
  const maxItems = values.get('max_items');
  if (typeof maxItems === 'string') request.maxItems = pythonInt(maxItems);
  const pageSize = values.get('page_size');
  if (typeof pageSize === 'string') request.pageSize = pythonInt(pageSize);
  const token = values.get('starting_token');
  if (typeof token === 'string' && paginator !== undefined) request.skip = decodeToken(token, paginator);
  return request;
}

/** --cli-input-json: its members fill the parameters the command line did not set. */
function mergeInputJson(params: Record<string, unknown>, raw: string, readFile: (name: string) => string | Uint8Array | undefined): void {
  const text = resolveParamFile(raw, '--cli-input-json', readFile);
  const data = parseJsonParam(typeof text === 'string' ? text : new TextDecoder().decode(text), '--cli-input-json');
  if (!isPlainObject(data)) throw new CliFailure('PARAM_ERROR', { param: '--cli-input-json', message: 'Invalid JSON received.' });
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(params, key)) setOwn(params, key, value);
  }
}

/**
 * Writes blobs the CLI saves to files instead of printing: the virtual MFA seed or QR code
 * (awscli/customizations/iamvirtmfa.py removes both from the output) and get-object's Body.
 */
function applyOutputFiles(
  host: CliHost,
  spec: OperationSpec,
  values: Map<string, unknown>,
  output: Record<string, unknown>,
): Record<string, unknown> {
  const outfile = values.get('outfile');
  if (spec.service === 'iam' && spec.name === 'CreateVirtualMFADevice' && isPlainObject(output.VirtualMFADevice)) {
    const device = { ...output.VirtualMFADevice };
    const method = values.get('bootstrap_method');
    const body = typeof method === 'string' ? device[method] : undefined;
    if (typeof outfile === 'string' && (typeof body === 'string' || body instanceof Uint8Array)) host.writeFile(outfile, body);
    delete device.QRCodePNG;
    delete device.Base32StringSeed;
    return { ...output, VirtualMFADevice: device };
  }
  // get-object writes Body, lambda invoke writes Payload (awscli/customizations/streamingoutputarg.py).
  const blobMember = Object.hasOwn(output, 'Body') ? 'Body' : Object.hasOwn(output, 'Payload') ? 'Payload' : undefined;
  if (spec.positionalOutfile !== undefined && blobMember !== undefined) {
    const body = output[blobMember];
    if (typeof outfile === 'string' && (typeof body === 'string' || body instanceof Uint8Array)) host.writeFile(outfile, body);
    const rest = { ...output };
    delete rest[blobMember];
    return rest;
  }
  return output;
}

/** run-instances --count N or MIN:MAX → MinCount/MaxCount (awscli/customizations/ec2/runinstances.py). */
function applyInstanceCount(params: Record<string, unknown>, raw: unknown): void {
  const text = typeof raw === 'string' ? raw : '1';
  const m = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new CliFailure('PARAM_ERROR', { param: '--count', message: `count parameter should be of form min[:max]` });
  const min = Number(m[1]);
  const max = m[2] !== undefined ? Number(m[2]) : min;
  if (!Object.hasOwn(params, 'MinCount')) setOwn(params, 'MinCount', min);
  if (!Object.hasOwn(params, 'MaxCount')) setOwn(params, 'MaxCount', max);
}

/** `--generate-cli-skeleton input`: every member with an empty value of its type. */
function skeletonOf(shape: Shape, depth = 0): unknown {
  if (depth > 8) return {};
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(shape.members)) setOwn(out, key, skeletonOf(member, depth + 1));
      return out;
    }
    case 'list':
      return [skeletonOf(shape.member, depth + 1)];
    case 'map':
      return { KeyName: skeletonOf(shape.value, depth + 1) };
    case 'boolean':
      return true;
    case 'integer':
    case 'long':
    case 'double':
      return 0;
    default:
      return shape.type === 'string' && shape.enum !== undefined && shape.enum.length > 0 ? shape.enum[0] : '';
  }
}

function ok(stdout: string): RunResult {
  return { exitCode: EXIT.OK, stdout, stderr: '' };
}

function argError(message: string): CliFailure {
  return new CliFailure('ARGPARSE', { message });
}
