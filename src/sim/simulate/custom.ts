/**
 * IAM SimulateCustomPolicy (IAM API Reference): policies given as strings, one result per action ×
 * resource. Input the API would reject is rejected with a SimulationError naming the field and,
 * for a malformed policy, the line and column.
 */
import { parseCached } from '../evaluate/policy-cache.ts';
import type { PolicySource, ResourcePolicyInput } from '../evaluate/types.ts';
import type { PolicyType } from '../policy/types.ts';
import { plainInput } from './plain.ts';
import { SimulationError } from './errors.ts';
import {
  accountFromOwner,
  checkActionNames,
  checkResourceArns,
  contextFromEntries,
  principalFromArn,
  runSimulation,
  type SimulationPlan,
} from './run.ts';
import type { SimulateCustomPolicyInput, SimulateCustomPolicyOutput, SimulationWithDetails } from './types.ts';

const CUSTOM_FIELDS = new Set([
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

/** The account a simulated caller belongs to when the input names none. */
export const DEFAULT_SIMULATION_ACCOUNT = '123456789012';
const DEFAULT_CALLER = `arn:aws:iam::${DEFAULT_SIMULATION_ACCOUNT}:user/SimulatedUser`;

/** IAM SimulateCustomPolicy. Throws SimulationError for input the API would reject. */
export function simulateCustomPolicy(input: SimulateCustomPolicyInput): SimulateCustomPolicyOutput {
  return simulateCustomPolicyWithDetails(input).output;
}

/** SimulateCustomPolicy plus the engine's request and explanation for every result. */
export function simulateCustomPolicyWithDetails(given: SimulateCustomPolicyInput): SimulationWithDetails<SimulateCustomPolicyOutput> {
  const input = plainInput(given, 'SimulateCustomPolicy');
  checkObject(input, 'SimulateCustomPolicy', CUSTOM_FIELDS);
  const policies = stringList(input.PolicyInputList, 'PolicyInputList', true);
  const sourceTypes: SimulationPlan['sourceTypes'] = new Map();
  const identityPolicies = policies.map((text, i) => policySource(text, 'identity', `PolicyInputList.${i + 1}`));
  const plan = planCommon(input, identityPolicies, sourceTypes, undefined);
  return runSimulation(plan);
}

/** Builds the parts shared with SimulatePrincipalPolicy. `defaultCaller` is the simulated principal's ARN. */
export function planCommon(
  input: Omit<SimulateCustomPolicyInput, 'PolicyInputList'>,
  identityPolicies: PolicySource[],
  sourceTypes: SimulationPlan['sourceTypes'],
  defaultCaller: string | undefined,
  existingBoundary?: PolicySource,
): SimulationPlan {
  const actions = checkActionNames(input.ActionNames);
  const resources = checkResourceArns(input.ResourceArns);
  const boundaries = stringList(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', false);
  if (boundaries.length > 1)
    throw new SimulationError('TOO_MANY_ITEMS', {
      field: 'PermissionsBoundaryPolicyInputList',
      count: String(boundaries.length),
      max: '1',
    });
  const boundaryText = boundaries[0];
  const permissionsBoundary =
    boundaryText !== undefined ? policySource(boundaryText, 'boundary', 'PermissionsBoundaryPolicyInputList.1') : existingBoundary;
  let resourcePolicy: ResourcePolicyInput | undefined;
  if (input.ResourcePolicy !== undefined) {
    if (typeof input.ResourcePolicy !== 'string')
      throw new SimulationError('WRONG_TYPE', { field: 'ResourcePolicy', expected: 'a policy document string' });
    // "If you include a ResourcePolicy and the PolicySourceArn is not the ARN for an IAM user, then
    // you must include the CallerArn" (SimulatePrincipalPolicy); SimulateCustomPolicy always needs it.
    const callerIsUser =
      defaultCaller !== undefined &&
      /^arn:[a-z-]+:iam::\d{12}:user\//.test(defaultCaller) &&
      !defaultCaller.endsWith(':user/SimulatedGroupMember');
    if (input.CallerArn === undefined && !callerIsUser) throw new SimulationError('RESOURCE_POLICY_WITHOUT_CALLER', { field: 'CallerArn' });
    resourcePolicy = resourcePolicyInput(input.ResourcePolicy);
    sourceTypes.set('ResourcePolicy', 'resource');
  }
  const callerArn = input.CallerArn ?? defaultCaller ?? DEFAULT_CALLER;
  if (typeof callerArn !== 'string') throw new SimulationError('WRONG_TYPE', { field: 'CallerArn', expected: 'an ARN string' });
  // "You cannot specify the ARN of an assumed role, federated user, or a service principal" (IAM API
  // Reference, SimulateCustomPolicy and SimulatePrincipalPolicy, CallerArn,
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).
  if (input.CallerArn !== undefined && /^arn:[a-z-]+:sts::\d{12}:(assumed-role|federated-user)\//.test(callerArn)) {
    throw new SimulationError('INVALID_CALLER_ARN', {
      value: callerArn,
      field: 'CallerArn',
      why: 'an assumed-role session or a federated user cannot be the simulated caller',
    });
  }
  const principal = principalFromArn(callerArn);
  const resourceAccountId = input.ResourceOwner !== undefined ? accountFromOwner(input.ResourceOwner) : principal.accountId;
  const plan: SimulationPlan = {
    principal,
    resourceAccountId,
    identityPolicies,
    context: contextFromEntries(input.ContextEntries),
    actions,
    resources,
    sourceTypes,
  };
  if (permissionsBoundary) plan.permissionsBoundary = permissionsBoundary;
  if (resourcePolicy) plan.resourcePolicy = resourcePolicy;
  if (input.MaxItems !== undefined) {
    if (typeof input.MaxItems !== 'number' || !Number.isInteger(input.MaxItems) || input.MaxItems < 1 || input.MaxItems > 1000) {
      throw new SimulationError('WRONG_TYPE', { field: 'MaxItems', expected: 'an integer from 1 to 1000' });
    }
    plan.maxItems = input.MaxItems;
  }
  if (input.Marker !== undefined) {
    if (typeof input.Marker !== 'string' || !/^\d+$/.test(input.Marker))
      throw new SimulationError('WRONG_TYPE', { field: 'Marker', expected: 'a Marker from a previous response' });
    plan.marker = input.Marker;
  }
  return plan;
}

/** Parses a policy text for the simulation, throwing MalformedPolicyDocument with its position. */
export function policySource(text: string, policyType: PolicyType, id: string): PolicySource {
  const parsed = parseCached(text, policyType);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where = first ? ` (line ${first.span.start.line}, column ${first.span.start.column})` : '';
    throw new SimulationError(
      'MALFORMED_POLICY',
      { field: id, detail: `${first?.message ?? 'invalid'}${where}`, awsMessage: first?.awsMessage ?? '' },
      first?.span.start,
    );
  }
  return { id, policyType, document: parsed.policy };
}

/**
 * A resource policy without any Resource element is a role trust policy (trust policies may not
 * have one); it must then allow explicitly. Otherwise it is an ordinary resource-based policy.
 */
function resourcePolicyInput(text: string): ResourcePolicyInput {
  if (parseCached(text, 'trust').ok) return { kind: 'trust', policy: { ...policySource(text, 'trust', 'ResourcePolicy') } };
  return { kind: 'resource', policy: policySource(text, 'resource', 'ResourcePolicy') };
}

/** Rejects non-objects and fields the operation does not have. */
export function checkObject(input: unknown, operation: string, fields: Set<string>): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SimulationError('NOT_AN_OBJECT', {});
  for (const key of Object.keys(input)) if (!fields.has(key)) throw new SimulationError('UNKNOWN_FIELD', { field: key, operation });
}

/** A list of strings (policy documents). */
export function stringList(value: unknown, field: string, required: boolean): string[] {
  if (value === undefined) {
    if (required) throw new SimulationError('MISSING_FIELD', { field });
    return [];
  }
  if (!Array.isArray(value)) throw new SimulationError('WRONG_TYPE', { field, expected: 'a list of policy document strings' });
  return value.map((v: unknown, i) => {
    if (typeof v !== 'string') throw new SimulationError('WRONG_TYPE', { field: `${field}[${i}]`, expected: 'a policy document string' });
    return v;
  });
}
