/**
 * Lambda's per-account state: functions by name (Lambda names are case-sensitive), each with its
 * configuration, its code (a text file of AWS CLI lines, see README.md) and its resource-based policy.
 */
import type { Tag } from '../../world/state.ts';

/** One statement of a function policy, as AddPermission writes it. */
export interface FunctionPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: string | Record<string, string>;
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/** A Lambda function ($LATEST only: versions and aliases are not simulated). */
export interface LambdaFunction {
  name: string;
  arn: string;
  region: string;
  runtime?: string;
  /** The execution role ARN. */
  role: string;
  handler?: string;
  description: string;
  timeout: number;
  memorySize: number;
  /** The deployment package, base64-encoded. */
  codeBase64: string;
  codeSize: number;
  /** Base64 SHA-256 of the package. */
  codeSha256: string;
  lastModified: number;
  revisionId: string;
  environment?: Record<string, string>;
  architectures: string[];
  /** Statements of the function's resource-based policy (none = no policy). */
  policy: FunctionPolicyStatement[];
  tags: Tag[];
}

/** The function ARN for a name in an account and region. */
export function functionArn(region: string, accountId: string, name: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}

/**
 * What a `--function-name` names: a name, a full function ARN, or a partial ARN
 * (`123456789012:function:name`), optionally with a `:$LATEST` qualifier (Lambda API Reference,
 * "Invoke", FunctionName).
 */
export function parseFunctionName(value: string): { name: string; accountId?: string; region?: string; qualifier?: string } {
  const full = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/.exec(value);
  if (full)
    return {
      name: full[3] as string,
      region: full[1] as string,
      accountId: full[2] as string,
      ...(full[4] !== undefined ? { qualifier: full[4] } : {}),
    };
  const partial = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/.exec(value);
  if (partial)
    return { name: partial[2] as string, accountId: partial[1] as string, ...(partial[3] !== undefined ? { qualifier: partial[3] } : {}) };
  const named = /^([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/.exec(value);
  if (named) return { name: named[1] as string, ...(named[2] !== undefined ? { qualifier: named[2] } : {}) };
  return { name: value };
}

/** The account's functions (created on first use, so worlds saved before Lambda existed load). */
export function functionsOf(state: { lambdaFunctions?: Record<string, LambdaFunction> }): Record<string, LambdaFunction> {
  state.lambdaFunctions ??= {};
  return state.lambdaFunctions;
}

/** A function by exact name, never an inherited Object property (`__proto__` is a valid function name). */
export function findFunction(state: { lambdaFunctions?: Record<string, LambdaFunction> }, name: string): LambdaFunction | undefined {
  const all = functionsOf(state);
  return Object.hasOwn(all, name) ? all[name] : undefined;
}

/** Stores a function under its name as an ordinary own entry. */
export function storeFunction(state: { lambdaFunctions?: Record<string, LambdaFunction> }, fn: LambdaFunction): void {
  Object.defineProperty(functionsOf(state), fn.name, { value: fn, enumerable: true, writable: true, configurable: true });
}
