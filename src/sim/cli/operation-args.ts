/**
 * The argument table of one operation, as awscli/clidriver.py builds it from the input shape:
 * `--kebab-name` per member, lists take several words, booleans become `--x` / `--no-x`, plus
 * `--cli-input-json`, `--generate-cli-skeleton` and the operation's customizations
 * (`iam create-virtual-mfa-device --outfile --bootstrap-method`, `s3api get-object outfile`).
 */
import type { OperationSpec, Shape } from '../services/contract.ts';
import type { ArgSpec } from './argparse.ts';
import { kebabName } from './names.ts';
import { paginatorFor } from './pagination.ts';

/** One argument of an operation and where its value goes. */
export interface OperationArg extends ArgSpec {
  /** API member it fills; undefined for CLI-only arguments. */
  member?: string;
  shape?: Shape;
  /** The value is a file path whose bytes become the member (streaming blobs such as put-object --body). */
  streaming?: boolean;
  /** A member nested in a structure that the CLI hoists to its own option (`--zip-file` → Code.ZipFile). */
  memberPath?: readonly [string, string];
  /** Accepted but not offered by completion (a paginated operation's own token and limit, see pagination.ts). */
  undocumented?: boolean;
}

/** Members whose blob is a stream read from a file (botocore `streaming: true`). */
const STREAMING_MEMBERS = new Set(['s3:PutObject:Body']);

/** Methods of `--bootstrap-method` (awscli/customizations/iamvirtmfa.py). */
export const BOOTSTRAP_METHODS = ['QRCodePNG', 'Base32StringSeed'] as const;

/** Builds the argument table; `inputJsonGiven` turns required flags off as the CLI does for --cli-input-json. */
export function operationArgs(spec: OperationSpec, inputJsonGiven: boolean): OperationArg[] {
  const required = new Set(inputJsonGiven ? [] : (spec.input.required ?? []));
  // awscli/customizations/awslambda.py: create-function takes the package as --zip-file (Code.ZipFile),
  // so --code is no longer required on the command line (botocore still requires Code).
  const hoistZip = spec.service === 'lambda' && spec.name === 'CreateFunction';
  if (hoistZip) required.delete('Code');
  const args: OperationArg[] = [];
  const paginator = paginatorFor(spec);
  // awscli/customizations/ec2/runinstances.py: run-instances takes --count (default 1, or min:max) instead of --min-count/--max-count.
  const countInstead = spec.service === 'ec2' && spec.name === 'RunInstances';
  for (const [member, shape] of Object.entries(spec.input.members)) {
    if (countInstead && (member === 'MinCount' || member === 'MaxCount')) continue;
    // A paginated operation's token and limit members are replaced by the CLI's own options; where the
    // service really pages they stay accepted, undocumented (pagination.ts).
    const paging = paginator !== undefined && (member === paginator.inputToken || member === paginator.limitKey);
    if (paging && paginator.outputToken === undefined) continue;
    const option = `--${kebabName(member)}`;
    const base = { dest: member, member, shape, required: required.has(member), ...(paging ? { undocumented: true } : {}) };
    if (shape.type === 'boolean') {
      args.push({ ...base, option, nargs: 'flag' });
      args.push({ dest: member, member, shape, option: `--no-${kebabName(member)}`, nargs: 'negFlag' });
    } else if (shape.type === 'list') {
      args.push({ ...base, option, nargs: 'many' });
    } else {
      const streaming = STREAMING_MEMBERS.has(`${spec.service}:${spec.name}:${member}`);
      args.push({ ...base, option, nargs: 'one', ...(streaming ? { streaming } : {}) });
    }
  }
  if (countInstead) args.push({ dest: 'count', option: '--count', nargs: 'one' });
  if (hoistZip)
    args.push({ dest: 'zip_file', option: '--zip-file', nargs: 'one', shape: { type: 'blob' }, memberPath: ['Code', 'ZipFile'] });
  if (spec.service === 'iam' && spec.name === 'CreateVirtualMFADevice') {
    args.push({ dest: 'outfile', option: '--outfile', nargs: 'one', required: !inputJsonGiven });
    args.push({
      dest: 'bootstrap_method',
      option: '--bootstrap-method',
      nargs: 'one',
      required: !inputJsonGiven,
      choices: BOOTSTRAP_METHODS,
    });
  }
  if (paginator !== undefined) {
    args.push({ dest: 'starting_token', option: '--starting-token', nargs: 'one' });
    args.push({ dest: 'page_size', option: '--page-size', nargs: 'one' });
    args.push({ dest: 'max_items', option: '--max-items', nargs: 'one' });
  }
  args.push({ dest: 'cli_input_json', option: '--cli-input-json', nargs: 'one' });
  args.push({
    dest: 'generate_cli_skeleton',
    option: '--generate-cli-skeleton',
    nargs: 'optional',
    constValue: 'input',
    choices: ['input', 'output', 'yaml-input'],
  });
  if (spec.positionalOutfile !== undefined) {
    args.push({ dest: 'outfile', nargs: 'one', required: !inputJsonGiven });
  }
  return args;
}

/** The CLI name of an operation (`cliName`, else botocore's kebab-case of the API name). */
export function cliOperationName(spec: OperationSpec): string {
  return spec.cliName ?? kebabName(spec.name);
}
