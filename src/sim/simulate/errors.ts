/**
 * Errors of the simulation APIs: the AWS error code the real API would answer (InvalidInput,
 * MalformedPolicyDocument, NoSuchEntity), a stable detail code, words produced here from the code,
 * and where the problem is (the input field, and a line/column inside a policy when there is one).
 */
import type { Position } from '../policy/types.ts';

/** Stable codes for what was wrong with a simulation request. */
export type SimulationErrorCode =
  | 'NOT_AN_OBJECT'
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'UNKNOWN_FIELD'
  | 'MALFORMED_POLICY'
  | 'ACTION_WILDCARD'
  | 'ACTION_INVALID'
  | 'RESOURCE_POLICY_WITHOUT_CALLER'
  | 'INVALID_CALLER_ARN'
  | 'INVALID_RESOURCE_OWNER'
  | 'INVALID_CONTEXT_ENTRY'
  | 'NO_SUCH_ENTITY'
  | 'NO_SUCH_POLICY'
  | 'TOO_MANY_ITEMS';

const AWS_CODE: Record<SimulationErrorCode, string> = {
  NOT_AN_OBJECT: 'InvalidInput',
  MISSING_FIELD: 'InvalidInput',
  WRONG_TYPE: 'InvalidInput',
  UNKNOWN_FIELD: 'InvalidInput',
  MALFORMED_POLICY: 'MalformedPolicyDocument',
  ACTION_WILDCARD: 'InvalidInput',
  ACTION_INVALID: 'InvalidInput',
  RESOURCE_POLICY_WITHOUT_CALLER: 'InvalidInput',
  INVALID_CALLER_ARN: 'InvalidInput',
  INVALID_RESOURCE_OWNER: 'InvalidInput',
  INVALID_CONTEXT_ENTRY: 'InvalidInput',
  NO_SUCH_ENTITY: 'NoSuchEntity',
  NO_SUCH_POLICY: 'NoSuchEntity',
  TOO_MANY_ITEMS: 'InvalidInput',
};

type Params = Record<string, string>;
const WORDS: Record<SimulationErrorCode, (p: Params) => string> = {
  NOT_AN_OBJECT: () => 'The request must be a JSON object.',
  MISSING_FIELD: (p) => `${p['field']} is required.`,
  WRONG_TYPE: (p) => `${p['field']} must be ${p['expected']}.`,
  UNKNOWN_FIELD: (p) => `${p['field']} is not a parameter of ${p['operation']}.`,
  MALFORMED_POLICY: (p) => `${p['field']} is not a valid policy: ${p['detail']}`,
  ACTION_WILDCARD: (p) => `ActionNames cannot contain wildcards: "${p['value']}". Name each action, e.g. "s3:GetObject".`,
  ACTION_INVALID: (p) => `"${p['value']}" is not an action name; use service:Action, e.g. "iam:CreateUser".`,
  RESOURCE_POLICY_WITHOUT_CALLER: () => 'CallerArn is required when ResourcePolicy is given: the resource policy must know who calls.',
  INVALID_CALLER_ARN: (p) => `CallerArn "${p['value']}" must be the ARN of an IAM user or role${p['why'] ? ` (${p['why']})` : ''}.`,
  INVALID_RESOURCE_OWNER: (p) => `ResourceOwner "${p['value']}" must be an account ID or arn:aws:iam::<account>:root.`,
  INVALID_CONTEXT_ENTRY: (p) => `ContextEntries[${p['index']}]: ${p['why']}`,
  NO_SUCH_ENTITY: (p) => `The ${p['kind']} with name ${p['name']} cannot be found.`,
  NO_SUCH_POLICY: (p) => `Policy ${p['arn']} does not exist or is not attachable.`,
  TOO_MANY_ITEMS: (p) => `${p['field']} has ${p['count']} items; at most ${p['max']} are allowed.`,
};

/** A simulation request the AWS API would reject. */
export class SimulationError extends Error {
  /** The AWS error code (InvalidInput, MalformedPolicyDocument, NoSuchEntity). */
  readonly awsCode: string;
  readonly code: SimulationErrorCode;
  readonly params: Params;
  /** The input field, e.g. `PolicyInputList[0]`. */
  readonly field: string | undefined;
  /** Line/column inside the policy text, when the problem is in a policy. */
  readonly position: Position | undefined;

  constructor(code: SimulationErrorCode, params: Params, position?: Position) {
    super(WORDS[code](params));
    this.name = 'SimulationError';
    this.awsCode = AWS_CODE[code];
    this.code = code;
    this.params = params;
    this.field = params['field'];
    this.position = position;
  }
}
