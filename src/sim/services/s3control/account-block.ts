/**
 * S3 Block Public Access for a whole account (Amazon S3 API Reference, S3 Control:
 * "PutPublicAccessBlock", "GetPublicAccessBlock", "DeletePublicAccessBlock",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html; S3 User
 * Guide, "Configuring block public access settings for your account"). A new account has no
 * account-level configuration (only its new buckets start blocked, since April 2023); S3 applies
 * the most restrictive of the bucket's and the account's settings ("Configuring block public access
 * settings for your S3 buckets": "S3 applies the most restrictive setting between bucket-level and
 * effective account-level configurations"); that rule is S3's: s3/public-access.ts).
 */
import { type AccountState, type PublicAccessBlock } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/**
 * S3 Control names the account in the request. Only the caller's own account can be configured:
 * there is no resource-based policy that could let another account in, so AWS refuses with 403.
 */
function accountOf(ctx: OperationContext): AccountState {
  if (str(ctx, 'AccountId') !== ctx.state.accountId) throw fault('AccessDenied', 'Access Denied', 403);
  return ctx.state;
}

const noConfiguration = () => fault('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);

function putAccountBlock(ctx: OperationContext): Record<string, unknown> {
  // Account-level actions have no resource ARN (Service Authorization Reference, Amazon S3: PutAccountPublicAccessBlock).
  ctx.authorize('s3:PutAccountPublicAccessBlock', '*');
  const account = accountOf(ctx);
  const given = (ctx.params['PublicAccessBlockConfiguration'] ?? {}) as Partial<Record<keyof PublicAccessBlock, unknown>>;
  // A setting left out of the configuration is false (API Reference, PublicAccessBlockConfiguration).
  const block = {} as PublicAccessBlock;
  for (const name of SETTINGS) block[name] = given[name] === true;
  account.accountPublicAccessBlock = block;
  return {};
}

function getAccountBlock(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('s3:GetAccountPublicAccessBlock', '*');
  const account = accountOf(ctx);
  const block = account.accountPublicAccessBlock;
  if (!block) throw noConfiguration();
  return { PublicAccessBlockConfiguration: { ...block } };
}

function deleteAccountBlock(ctx: OperationContext): Record<string, unknown> {
  // DeletePublicAccessBlock (S3 Control) is authorized as s3:PutAccountPublicAccessBlock (API Reference).
  ctx.authorize('s3:PutAccountPublicAccessBlock', '*');
  const account = accountOf(ctx);
  delete account.accountPublicAccessBlock;
  return {};
}

/** The S3 Control operations on an account's Block Public Access configuration. */
export const S3CONTROL_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  PutPublicAccessBlock: { handler: putAccountBlock, readOnly: false },
  GetPublicAccessBlock: { handler: getAccountBlock, readOnly: true },
  DeletePublicAccessBlock: { handler: deleteAccountBlock, readOnly: false },
};
