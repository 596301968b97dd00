/**
 * The function's resource-based policy: AddPermission, RemovePermission, GetPolicy (Lambda API
 * Reference; Lambda Developer Guide, "Working with resource-based IAM policies in Lambda").
 */
import { optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { authorizeFunction, functionTarget, policyDocument } from './access.ts';
import { functionNotFound, noPolicy, revisionMismatch, statementExists, statementNotFound } from './errors.ts';
import type { FunctionPolicyStatement, LambdaFunction } from './model.ts';

/**
 * How AddPermission writes `--principal`: `*` stays, an account ID becomes its root ARN, an ARN an
 * AWS principal, anything else (`s3.amazonaws.com`) a service principal.
 */
export function principalOf(value: string): string | Record<string, string> {
  if (value === '*') return '*';
  if (/^\d{12}$/.test(value)) return { AWS: `arn:aws:iam::${value}:root` };
  if (value.startsWith('arn:')) return { AWS: value };
  return { Service: value };
}

function addPermission(ctx: OperationContext): Record<string, unknown> {
  const fn = existing(ctx, 'lambda:AddPermission');
  const sid = str(ctx, 'StatementId');
  if (fn.policy.some((s) => s.Sid === sid)) throw statementExists(sid);
  const condition: Record<string, Record<string, string>> = {};
  const sourceAccount = optStr(ctx, 'SourceAccount');
  const sourceArn = optStr(ctx, 'SourceArn');
  const orgId = optStr(ctx, 'PrincipalOrgID');
  if (sourceAccount !== undefined || orgId !== undefined) {
    condition['StringEquals'] = {
      ...(sourceAccount !== undefined ? { 'AWS:SourceAccount': sourceAccount } : {}),
      ...(orgId !== undefined ? { 'aws:PrincipalOrgID': orgId } : {}),
    };
  }
  if (sourceArn !== undefined) condition['ArnLike'] = { 'AWS:SourceArn': sourceArn };
  const statement: FunctionPolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    Principal: principalOf(str(ctx, 'Principal')),
    Action: str(ctx, 'Action'),
    Resource: fn.arn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
  fn.policy.push(statement);
  fn.revisionId = ctx.ids.uuid();
  return { Statement: JSON.stringify(statement) };
}

function removePermission(ctx: OperationContext): Record<string, unknown> {
  const fn = existing(ctx, 'lambda:RemovePermission');
  const sid = str(ctx, 'StatementId');
  if (fn.policy.length === 0) throw noPolicy();
  const index = fn.policy.findIndex((s) => s.Sid === sid);
  if (index < 0) throw statementNotFound(sid);
  fn.policy.splice(index, 1);
  fn.revisionId = ctx.ids.uuid();
  return {};
}

function getPolicy(ctx: OperationContext): Record<string, unknown> {
  const fn = existing(ctx, 'lambda:GetPolicy');
  if (fn.policy.length === 0) throw noPolicy();
  return { Policy: policyDocument(fn), RevisionId: fn.revisionId };
}

function existing(ctx: OperationContext, action: string): LambdaFunction {
  const target = functionTarget(ctx, str(ctx, 'FunctionName'));
  authorizeFunction(ctx, action, target);
  if (!target.fn) throw functionNotFound(target.arn);
  const revision = optStr(ctx, 'RevisionId');
  if (revision !== undefined && revision !== target.fn.revisionId) throw revisionMismatch();
  return target.fn;
}

/** The function-policy operations. */
export const PERMISSION_OPERATIONS: Record<string, OperationDefinition> = {
  AddPermission: { handler: addPermission, readOnly: false },
  RemovePermission: { handler: removePermission, readOnly: false },
  GetPolicy: { handler: getPolicy, readOnly: true },
};
