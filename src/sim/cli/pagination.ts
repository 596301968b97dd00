/**
 * The CLI's automatic pagination (CLI user guide, "Using the AWS CLI pagination options"): for an
 * operation with a botocore paginator the CLI hides the API's own token and limit parameters,
 * offers --max-items, --starting-token and --page-size instead, fetches every page, and prints one
 * merged result — cut to --max-items with a `NextToken` to resume from. Most simulated services
 * answer in a single page, so only the CLI side (hiding, truncating, resuming) is needed for them;
 * where a service really pages (`outputToken`), run-aws.ts follows its tokens.
 *
 * The hidden members stay accepted, undocumented, as awscli's paginate customization leaves them
 * (`aws cloudtrail lookup-events --max-results 1`): giving one turns automatic pagination off for
 * that call, so the answer is the service's single page with its own `NextToken`, to pass back with
 * `--next-token`. Only paginators with `outputToken` offer them here, since only those services read them.
 */
import type { OperationSpec, ServiceResponse } from '../services/contract.ts';
import { CliFailure } from './messages.ts';
import { parsePythonJson } from './pyjson.ts';

/** A paginator: the API's token and limit members, and the list members that are merged. */
export interface Paginator {
  inputToken: string;
  limitKey: string;
  resultKeys: readonly string[];
  /**
   * The API's own token in the answer, set where the simulated service really answers in pages
   * (CloudTrail LookupEvents, at most 50 events a page): the CLI then follows it page by page.
   */
  outputToken?: string;
}

const IAM_LISTS: Record<string, string[]> = {
  GetAccountAuthorizationDetails: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'],
  GetGroup: ['Users'],
  ListAccessKeys: ['AccessKeyMetadata'],
  ListAccountAliases: ['AccountAliases'],
  ListAttachedGroupPolicies: ['AttachedPolicies'],
  ListAttachedRolePolicies: ['AttachedPolicies'],
  ListAttachedUserPolicies: ['AttachedPolicies'],
  ListEntitiesForPolicy: ['PolicyGroups', 'PolicyUsers', 'PolicyRoles'],
  ListGroupPolicies: ['PolicyNames'],
  ListGroups: ['Groups'],
  ListGroupsForUser: ['Groups'],
  ListInstanceProfiles: ['InstanceProfiles'],
  ListInstanceProfilesForRole: ['InstanceProfiles'],
  ListMFADevices: ['MFADevices'],
  ListPolicies: ['Policies'],
  ListPolicyVersions: ['Versions'],
  ListRolePolicies: ['PolicyNames'],
  ListRoles: ['Roles'],
  ListUserPolicies: ['PolicyNames'],
  ListUsers: ['Users'],
  ListVirtualMFADevices: ['VirtualMFADevices'],
  SimulateCustomPolicy: ['EvaluationResults'],
  SimulatePrincipalPolicy: ['EvaluationResults'],
};

/** Paginators of the Lambda, EC2 and KMS operations (botocore paginators-1.json). */
const SERVICE_PAGINATORS: Record<string, Paginator> = {
  'lambda:ListFunctions': { inputToken: 'Marker', limitKey: 'MaxItems', resultKeys: ['Functions'] },
  'ec2:DescribeInstances': { inputToken: 'NextToken', limitKey: 'MaxResults', resultKeys: ['Reservations'] },
  'ec2:DescribeIamInstanceProfileAssociations': {
    inputToken: 'NextToken',
    limitKey: 'MaxResults',
    resultKeys: ['IamInstanceProfileAssociations'],
  },
  'ec2:DescribeTags': { inputToken: 'NextToken', limitKey: 'MaxResults', resultKeys: ['Tags'] },
  'kms:ListKeys': { inputToken: 'Marker', limitKey: 'Limit', resultKeys: ['Keys'] },
  'kms:ListAliases': { inputToken: 'Marker', limitKey: 'Limit', resultKeys: ['Aliases'] },
  'kms:ListGrants': { inputToken: 'Marker', limitKey: 'Limit', resultKeys: ['Grants'] },
};

/** The paginator of an operation (botocore paginators-1.json), or undefined. */
export function paginatorFor(spec: OperationSpec): Paginator | undefined {
  let paginator: Paginator | undefined;
  if (spec.service === 'iam' && Object.hasOwn(IAM_LISTS, spec.name)) {
    paginator = { inputToken: 'Marker', limitKey: 'MaxItems', resultKeys: IAM_LISTS[spec.name] as string[] };
  } else if (spec.service === 's3' && spec.name === 'ListObjectsV2') {
    paginator = { inputToken: 'ContinuationToken', limitKey: 'MaxKeys', resultKeys: ['Contents', 'CommonPrefixes'] };
  } else if (spec.service === 's3' && spec.name === 'ListBuckets') {
    paginator = { inputToken: 'ContinuationToken', limitKey: 'MaxBuckets', resultKeys: ['Buckets'] };
  } else if (spec.service === 'cloudtrail' && spec.name === 'LookupEvents') {
    paginator = { inputToken: 'NextToken', limitKey: 'MaxResults', resultKeys: ['Events'], outputToken: 'NextToken' };
  } else if (Object.hasOwn(SERVICE_PAGINATORS, `${spec.service}:${spec.name}`)) {
    paginator = SERVICE_PAGINATORS[`${spec.service}:${spec.name}`];
  }
  // Only when the model really has the token member (older models of ListBuckets do not paginate).
  return paginator !== undefined && Object.hasOwn(spec.input.members, paginator.inputToken) ? paginator : undefined;
}

/** Where to start and how much to print, from --starting-token (decoded) and --max-items. */
export interface PageRequest {
  maxItems?: number;
  /** --page-size: the limit sent with each call where the service pages (`outputToken`). */
  pageSize?: number;
  /** Items to skip, from the starting token. */
  skip?: number;
}

/** Cuts the merged result to the requested window and adds `NextToken` when more remains. */
export function applyPagination(output: Record<string, unknown>, paginator: Paginator, request: PageRequest): Record<string, unknown> {
  const skip = request.skip ?? 0;
  const primary = paginator.resultKeys.find((key) => Array.isArray(output[key]));
  if (primary === undefined || (skip === 0 && request.maxItems === undefined)) return output;
  const items = output[primary] as unknown[];
  const end = request.maxItems !== undefined ? skip + request.maxItems : items.length;
  const result: Record<string, unknown> = { ...output, [primary]: items.slice(skip, end) };
  if (end < items.length) result.NextToken = encodeToken(paginator, end);
  return result;
}

/** botocore's token: base64 of `{"<input token>": null, "boto_truncate_amount": n}` (Python json.dumps spacing). */
function encodeToken(paginator: Paginator, amount: number): string {
  return btoa(`{"${paginator.inputToken}": null, "boto_truncate_amount": ${amount}}`);
}

/** The offset a --starting-token points at; a CliFailure for a token botocore would refuse. */
export function decodeToken(token: string, paginator: Paginator): number {
  let data: unknown;
  try {
    data = parsePythonJson(atob(token));
  } catch {
    throw new CliFailure('GENERAL', { message: `Bad starting token: ${token}` });
  }
  const amount = (data as Record<string, unknown> | null)?.boto_truncate_amount;
  if (
    typeof data !== 'object' ||
    data === null ||
    !Object.hasOwn(data, paginator.inputToken) ||
    (amount !== undefined && (typeof amount !== 'number' || amount < 0))
  ) {
    throw new CliFailure('GENERAL', { message: `Bad starting token: ${token}` });
  }
  return typeof amount === 'number' ? Math.floor(amount) : 0;
}

/** The most pages followed for one command: a guard against a service that never stops answering a token. */
const MAX_PAGES = 10_000;

/**
 * Follows the service's own tokens from the first answer to the last page and merges the result
 * lists, as the CLI's automatic pagination does; the merged answer carries no API token. A failing
 * page fails the command, as it does in the CLI.
 */
export async function followPages(
  first: ServiceResponse,
  paginator: Paginator,
  nextPage: (token: string) => Promise<ServiceResponse>,
): Promise<ServiceResponse> {
  const outputToken = paginator.outputToken;
  if (!first.ok || outputToken === undefined) return first;
  const merged: Record<string, unknown> = { ...first.output };
  let token = merged[outputToken];
  for (let n = 1; typeof token === 'string' && token !== ''; n++) {
    if (n >= MAX_PAGES) throw new CliFailure('GENERAL', { message: `The service answered more than ${MAX_PAGES} pages; stopped.` });
    const page = await nextPage(token);
    if (!page.ok) return page;
    for (const key of paginator.resultKeys) {
      if (Array.isArray(page.output[key]))
        merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...(page.output[key] as unknown[])];
    }
    token = page.output[outputToken];
  }
  delete merged[outputToken];
  return { ok: true, output: merged };
}
