/**
 * S3 Block Public Access on a bucket (Amazon S3 API Reference, "PutPublicAccessBlock",
 * "GetPublicAccessBlock", "DeletePublicAccessBlock"; S3 User Guide, "Blocking public access to your
 * Amazon S3 storage"). Since April 2023 every new bucket starts with all four settings on (AWS News
 * Blog, "Heads-Up: Amazon S3 Security Changes Are Coming in April of 2023"), so a bucket policy that
 * grants public access is refused with 403 until the owner turns BlockPublicPolicy off.
 */
import { parsePolicy } from '../../policy/parse.ts';
import type { ParsedPolicy, ParsedStatement } from '../../policy/types.ts';
import { own, type AccountState, type Bucket, type PublicAccessBlock } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { str, type OperationContext, type OperationDefinition } from '../operation.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/**
 * The settings S3 applies to a bucket: each one on when the bucket's or its owner account's
 * (S3 Control, services/s3control) says so — "S3 applies the most restrictive setting between
 * bucket-level and effective account-level configurations" (S3 User Guide, "Configuring block
 * public access settings for your S3 buckets",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html).
 */
export function effectivePublicAccessBlock(bucket: Bucket, owner: AccountState | undefined): PublicAccessBlock {
  const account = owner?.accountPublicAccessBlock;
  const result = {} as PublicAccessBlock;
  for (const name of SETTINGS) result[name] = bucket.publicAccessBlock?.[name] === true || account?.[name] === true;
  return result;
}

/** What a bucket created today starts with: every setting on. */
export function defaultPublicAccessBlock(): PublicAccessBlock {
  return { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
}

/**
 * Condition keys whose fixed values make a wildcard-principal statement non-public (S3 User Guide,
 * "The meaning of 'public'"). Values with wildcards do not count, and aws:SourceIp only counts for
 * ranges narrower than /8 (IPv4) or /32 (IPv6), as that page says.
 */
const FIXED_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:userid',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
]);

function fixesValue(statement: ParsedStatement): boolean {
  return statement.conditions.some((c) => {
    const key = c.key.value.toLowerCase();
    if (!FIXED_KEYS.has(key) || c.info.negated || c.info.family === 'Null' || c.values.length === 0) return false;
    if (c.values.some((v) => v.value.includes('*') || v.value.includes('?'))) return false;
    if (key === 'aws:sourceip') {
      return c.values.every((v) => {
        const [address, bits] = v.value.split('/');
        const prefix = bits === undefined ? (address?.includes(':') ? 128 : 32) : Number(bits);
        return address?.includes(':') ? prefix >= 32 : prefix >= 8;
      });
    }
    return true;
  });
}

/** True when an Allow statement grants to everyone: a `*` principal (or NotPrincipal) without a fixed-value condition. */
export function isPublicPolicy(policy: ParsedPolicy): boolean {
  return policy.statements.some((s) => {
    if (s.effect.value !== 'Allow') return false;
    const everyone =
      s.notPrincipal !== undefined ||
      s.principal?.wildcard === true ||
      (s.principal?.entries.some((e) => e.kind === 'AWS' && e.values.some((v) => v.value === '*')) ?? false);
    return everyone && !fixesValue(s);
  });
}

/** True when a stored bucket policy's text grants public access (an unreadable one is not public). */
export function isPublicPolicyText(text: string): boolean {
  const parsed = parsePolicy(text, { policyType: 'resource' });
  return parsed.ok && isPublicPolicy(parsed.policy);
}

const noConfiguration = () => fault('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);

function bucketOrFail(ctx: OperationContext): Bucket {
  const bucket = own(ctx.state.buckets, str(ctx, 'Bucket'));
  if (!bucket) throw fault('NoSuchBucket', 'The specified bucket does not exist', 404);
  return bucket;
}

function putPublicAccessBlock(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'Bucket');
  ctx.authorize('s3:PutBucketPublicAccessBlock', `arn:aws:s3:::${name}`);
  const bucket = bucketOrFail(ctx);
  const given = (ctx.params['PublicAccessBlockConfiguration'] ?? {}) as Partial<Record<keyof PublicAccessBlock, unknown>>;
  // A setting left out of the configuration is false (API Reference, PublicAccessBlockConfiguration).
  bucket.publicAccessBlock = {
    BlockPublicAcls: given.BlockPublicAcls === true,
    IgnorePublicAcls: given.IgnorePublicAcls === true,
    BlockPublicPolicy: given.BlockPublicPolicy === true,
    RestrictPublicBuckets: given.RestrictPublicBuckets === true,
  };
  ctx.trail.requestParameters = {
    ...(ctx.trail.requestParameters ?? {}),
    publicAccessBlock: '',
    PublicAccessBlockConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', ...bucket.publicAccessBlock },
  };
  return {};
}

function getPublicAccessBlock(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('s3:GetBucketPublicAccessBlock', `arn:aws:s3:::${str(ctx, 'Bucket')}`);
  const bucket = bucketOrFail(ctx);
  if (!bucket.publicAccessBlock) throw noConfiguration();
  return { PublicAccessBlockConfiguration: { ...bucket.publicAccessBlock } };
}

function deletePublicAccessBlock(ctx: OperationContext): Record<string, unknown> {
  // DeletePublicAccessBlock is authorized as s3:PutBucketPublicAccessBlock (API Reference).
  ctx.authorize('s3:PutBucketPublicAccessBlock', `arn:aws:s3:::${str(ctx, 'Bucket')}`);
  const bucket = bucketOrFail(ctx);
  delete bucket.publicAccessBlock;
  return {};
}

/** The 403 S3 answers when BlockPublicPolicy refuses a public bucket policy ([S3-403] wording). */
export function publicPolicyBlocked(ctx: OperationContext, bucket: string): ReturnType<typeof fault> {
  return fault(
    'AccessDenied',
    `User: ${ctx.caller.arn} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.`,
    403,
  );
}

/** The Block Public Access operations on a bucket. */
export const PUBLIC_ACCESS_OPERATIONS: Record<string, OperationDefinition> = {
  PutPublicAccessBlock: { handler: putPublicAccessBlock, readOnly: false },
  GetPublicAccessBlock: { handler: getPublicAccessBlock, readOnly: true },
  DeletePublicAccessBlock: { handler: deletePublicAccessBlock, readOnly: false },
};
