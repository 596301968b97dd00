/**
 * IAM SimulatePrincipalPolicy over the output of `aws iam get-account-authorization-details`: a
 * user's inline and managed policies plus those of its groups, or a role's, the default version of
 * each managed policy, the permissions boundary, and the principal's tags and name as request
 * context (`aws:PrincipalTag/*`, `aws:username`, `aws:userid`, `aws:PrincipalArn`...).
 */
import type { ContextValue, PolicySource } from '../evaluate/types.ts';
import type { PolicyType } from '../policy/types.ts';
import { checkObject, planCommon, policySource, stringList } from './custom.ts';
import { detailsIndex, type DetailsIndex } from './details-index.ts';
import { plainInput } from './plain.ts';
import { SimulationError } from './errors.ts';
import { runSimulation, type SimulationPlan } from './run.ts';
import type {
  AccountAuthorizationDetails,
  AttachedPolicy,
  InlinePolicy,
  ManagedPolicyDetail,
  MatchedStatement,
  SimulatePrincipalPolicyInput,
  SimulatePrincipalPolicyOutput,
  SimulationWithDetails,
  Tag,
} from './types.ts';

const PRINCIPAL_FIELDS = new Set([
  'PolicySourceArn',
  'PolicyInputList',
  'PermissionsBoundaryPolicyInputList',
  'ActionNames',
  'ResourceArns',
  'ResourcePolicy',
  'ResourceOwner',
  'CallerArn',
  'ContextEntries',
  'ResourceHandlingOption',
  'MaxItems',
  'Marker',
]);

/** Options: where to find AWS managed policies that the details file does not include. */
export interface SimulatePrincipalOptions {
  /** Returns the default-version document of a managed policy ARN, or undefined. */
  managedPolicyDocument?: (arn: string) => string | undefined;
}

/** IAM SimulatePrincipalPolicy. Throws SimulationError for input the API would reject. */
export function simulatePrincipalPolicy(
  accountDetails: AccountAuthorizationDetails | object,
  input: SimulatePrincipalPolicyInput,
  options: SimulatePrincipalOptions = {},
): SimulatePrincipalPolicyOutput {
  return simulatePrincipalPolicyWithDetails(accountDetails, input, options).output;
}

/** SimulatePrincipalPolicy plus the engine's request and explanation for every result. */
export function simulatePrincipalPolicyWithDetails(
  accountDetails: AccountAuthorizationDetails | object,
  input: SimulatePrincipalPolicyInput,
  options: SimulatePrincipalOptions = {},
): SimulationWithDetails<SimulatePrincipalPolicyOutput> {
  try {
    if (typeof accountDetails !== 'object' || accountDetails === null)
      throw new SimulationError('WRONG_TYPE', {
        field: 'accountDetails',
        expected: 'the JSON printed by aws iam get-account-authorization-details',
      });
    // The details are copied as plain data and indexed once per caller object (not on every call).
    const index = detailsIndex(accountDetails, (d) => plainInput(d, 'accountDetails') as AccountAuthorizationDetails);
    return simulateFromDetails(index, plainInput(input, 'SimulatePrincipalPolicy'), options);
  } catch (error) {
    // The details file is user input: a shape we could not read is a clear error, never a TypeError.
    if (error instanceof SimulationError) throw error;
    throw new SimulationError('WRONG_TYPE', {
      field: 'accountDetails',
      expected: 'the JSON printed by aws iam get-account-authorization-details',
    });
  }
}

function simulateFromDetails(
  index: DetailsIndex,
  input: SimulatePrincipalPolicyInput,
  options: SimulatePrincipalOptions,
): SimulationWithDetails<SimulatePrincipalPolicyOutput> {
  checkObject(input, 'SimulatePrincipalPolicy', PRINCIPAL_FIELDS);
  if (typeof input.PolicySourceArn !== 'string') throw new SimulationError('MISSING_FIELD', { field: 'PolicySourceArn' });
  const arn = input.PolicySourceArn;
  const m = /^arn:[a-z-]+:iam::(\d{12}):(user|group|role)\/(.+)$/.exec(arn);
  if (!m) throw new SimulationError('WRONG_TYPE', { field: 'PolicySourceArn', expected: 'the ARN of an IAM user, group or role' });
  const [, accountId = '', kind = '', pathAndName = ''] = m;
  const name = pathAndName.split('/').pop() ?? '';
  const resolver = new ManagedPolicies(index, options);
  const sourceTypes: SimulationPlan['sourceTypes'] = new Map();
  const identity: PolicySource[] = [];
  const context: Record<string, ContextValue> = {};
  let boundary: PolicySource | undefined;

  const addInline = (list: InlinePolicy[] | undefined, type: 'user' | 'group' | 'role'): void => {
    for (const p of list ?? []) {
      identity.push(policySource(documentText(p.PolicyDocument, p.PolicyName, index), 'identity', p.PolicyName));
      sourceTypes.set(p.PolicyName, type);
    }
  };
  const addManaged = (list: AttachedPolicy[] | undefined): void => {
    for (const a of list ?? []) {
      const src = resolver.source(a.PolicyArn, 'identity');
      identity.push(src);
      sourceTypes.set(src.id, a.PolicyArn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed');
    }
  };

  if (kind === 'user') {
    const user = index.user(arn, name);
    if (!user) throw new SimulationError('NO_SUCH_ENTITY', { kind: 'user', name, field: 'PolicySourceArn' });
    addInline(user.UserPolicyList, 'user');
    addManaged(user.AttachedManagedPolicies);
    for (const groupName of user.GroupList ?? []) {
      const group = index.group(undefined, groupName);
      if (!group) throw new SimulationError('NO_SUCH_ENTITY', { kind: 'group', name: groupName, field: 'UserDetailList.GroupList' });
      addInline(group.GroupPolicyList, 'group');
      addManaged(group.AttachedManagedPolicies);
    }
    if (user.PermissionsBoundary) boundary = resolver.source(user.PermissionsBoundary.PermissionsBoundaryArn, 'boundary');
    context['aws:username'] = user.UserName;
    if (user.UserId) context['aws:userid'] = user.UserId;
    addPrincipalContext(context, user.Arn, accountId, 'User', user.Tags);
  } else if (kind === 'group') {
    const group = index.group(arn, name);
    if (!group) throw new SimulationError('NO_SUCH_ENTITY', { kind: 'group', name, field: 'PolicySourceArn' });
    addInline(group.GroupPolicyList, 'group');
    addManaged(group.AttachedManagedPolicies);
  } else {
    const role = index.role(arn, name);
    if (!role) throw new SimulationError('NO_SUCH_ENTITY', { kind: 'role', name, field: 'PolicySourceArn' });
    addInline(role.RolePolicyList, 'role');
    addManaged(role.AttachedManagedPolicies);
    if (role.PermissionsBoundary) boundary = resolver.source(role.PermissionsBoundary.PermissionsBoundaryArn, 'boundary');
    addPrincipalContext(context, role.Arn, accountId, 'AssumedRole', role.Tags);
  }
  stringList(input.PolicyInputList, 'PolicyInputList', false).forEach((text, i) => {
    identity.push(policySource(text, 'identity', `PolicyInputList.${i + 1}`));
  });
  if (boundary) sourceTypes.set(boundary.id, boundary.arn?.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed');

  const plan = planCommon(
    input,
    identity,
    sourceTypes,
    kind === 'group' ? `arn:aws:iam::${accountId}:user/SimulatedGroupMember` : arn,
    boundary,
  );
  // Values from ContextEntries win over the ones derived from the principal.
  plan.context = { ...context, ...plan.context };
  return runSimulation(plan);
}

function addPrincipalContext(
  context: Record<string, ContextValue>,
  arn: string,
  accountId: string,
  type: string,
  tags: Tag[] | undefined,
): void {
  context['aws:PrincipalArn'] = arn;
  context['aws:PrincipalAccount'] = accountId;
  context['aws:PrincipalType'] = type;
  for (const t of tags ?? []) context[`aws:PrincipalTag/${t.Key}`] = t.Value;
}

/** Managed policies from the details file (default version), or from the caller's resolver. */
class ManagedPolicies {
  readonly #index: DetailsIndex;
  readonly #options: SimulatePrincipalOptions;
  constructor(index: DetailsIndex, options: SimulatePrincipalOptions) {
    this.#index = index;
    this.#options = options;
  }
  source(arn: string, policyType: PolicyType): PolicySource {
    const detail: ManagedPolicyDetail | undefined = this.#index.policy(arn);
    const name = detail?.PolicyName ?? arn.split('/').pop() ?? arn;
    let text: string | undefined;
    if (detail) {
      const versions = detail.PolicyVersionList ?? [];
      const version =
        versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId === detail.DefaultVersionId) ?? versions[0];
      if (version) text = documentText(version.Document, name, this.#index);
    }
    text ??= this.#options.managedPolicyDocument?.(arn);
    if (text === undefined) throw new SimulationError('NO_SUCH_POLICY', { arn, field: 'Policies' });
    const src = policySource(text, policyType, name);
    return { ...src, arn, name };
  }
}

/** A policy document as the CLI prints it (an object) or as the API sends it (URL-encoded JSON). */
function documentText(doc: unknown, name: string, index: DetailsIndex): string {
  if (typeof doc === 'string') {
    const t = doc.trim();
    if (t.startsWith('%7B') || t.startsWith('%7b')) {
      try {
        return decodeURIComponent(t);
      } catch {
        throw new SimulationError('WRONG_TYPE', { field: `PolicyDocument of ${name}`, expected: 'JSON or URL-encoded JSON' });
      }
    }
    return doc;
  }
  if (typeof doc === 'object' && doc !== null) {
    let text = index.texts.get(doc);
    if (text === undefined) {
      text = JSON.stringify(doc, null, 4);
      index.texts.set(doc, text);
    }
    return text;
  }
  throw new SimulationError('WRONG_TYPE', { field: `PolicyDocument of ${name}`, expected: 'a policy document' });
}

export type { MatchedStatement };
