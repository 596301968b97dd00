/**
 * S3 buckets, objects and bucket policies (Amazon S3 API Reference). Bucket policies take part in
 * every decision on the bucket as resource-based policies. Object-level calls are data events.
 */
import type { AuthorizeOptions } from '../operation.ts';
import { parsePolicy } from '../../policy/parse.ts';
import { BUCKET_POLICY_CATALOG, checkBucketPolicy } from './bucket-policy-check.ts';
import { cliTimestamp } from '../../world/dates.ts';
import { own, type AccountState, type Bucket } from '../../world/state.ts';
import { fault, ServiceFault } from '../errors.ts';
import { optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requireExistingPrincipals } from '../iam/roles.ts';
import {
  defaultPublicAccessBlock,
  effectivePublicAccessBlock,
  isPublicPolicy,
  isPublicPolicyText,
  publicPolicyBlocked,
  PUBLIC_ACCESS_OPERATIONS,
} from './public-access.ts';
import { s3DecryptObject, s3EncryptObject } from '../kms/via-service.ts';
import { base64ToBytes, bytesToBase64, crc32Base64, md5Hex } from './checksums.ts';

const noSuchBucket = () => fault('NoSuchBucket', 'The specified bucket does not exist', 404);

/** Sets the S3 trail fields (requestParameters with Host, resources) before anything can fail. */
function s3Trail(ctx: OperationContext, object: boolean): void {
  const bucket = optStr(ctx, 'Bucket');
  const key = optStr(ctx, 'Key');
  const host = bucket ? `${bucket}.s3.${ctx.region}.amazonaws.com` : `s3.${ctx.region}.amazonaws.com`;
  ctx.trail.host = host;
  const extra: Record<string, unknown> = {};
  for (const m of ['Prefix', 'Delimiter', 'MaxKeys', 'StartAfter']) {
    const v = ctx.params[m];
    if (v !== undefined) extra[m === 'MaxKeys' ? 'max-keys' : m === 'StartAfter' ? 'start-after' : m.toLowerCase()] = v;
  }
  if (ctx.request.operation === 'ListObjectsV2') extra['list-type'] = '2';
  ctx.trail.requestParameters = { ...(bucket ? { bucketName: bucket } : {}), Host: host, ...(key !== undefined ? { key } : {}), ...extra };
  if (bucket) {
    const bucketResource = { accountId: ctx.state.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` };
    ctx.trail.resources =
      object && key !== undefined ? [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` }, bucketResource] : [bucketResource];
  }
  if (object) {
    ctx.trail.additionalEventData = {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': ctx.ids.s3ExtendedRequestId(),
      bytesTransferredOut: 0,
    };
  }
}

/** The account that owns a bucket: bucket names are unique across the world, as across AWS. */
function ownerOf(ctx: OperationContext, name: string): AccountState | undefined {
  if (own(ctx.state.buckets, name)) return ctx.state;
  return Object.values(ctx.world.accounts).find((a) => own(a.buckets, name) !== undefined);
}

/**
 * Authorization options on a bucket: its policy as the resource-based policy, its owner as the
 * resource account (a caller from another account needs both sides: IAM User Guide, "Cross-account
 * policy evaluation logic").
 */
function onBucket(ctx: OperationContext, bucket: Bucket | undefined, context: AuthorizeOptions['context'] = {}): AuthorizeOptions {
  const owner = bucket ? ownerOf(ctx, bucket.name) : undefined;
  const resourceAccountId = owner?.accountId ?? ctx.state.accountId;
  if (owner && owner.accountId !== ctx.state.accountId) {
    ctx.trail.alsoDeliverTo = [owner.accountId];
    for (const r of ctx.trail.resources ?? []) if (r.accountId !== undefined) r.accountId = owner.accountId;
  }
  // RestrictPublicBuckets: while the bucket's policy is public, only the owner account's principals
  // (and AWS services) are let in by it — "public and cross-account access within any public bucket
  // policy, including non-public delegation to specific accounts, is blocked" (API Reference,
  // PublicAccessBlockConfiguration, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html).
  const restricted =
    bucket?.policy !== undefined &&
    resourceAccountId !== ctx.state.accountId &&
    effectivePublicAccessBlock(bucket, owner).RestrictPublicBuckets &&
    isPublicPolicyText(bucket.policy);
  return bucket?.policy !== undefined && !restricted
    ? {
        context,
        resourceAccountId,
        resourcePolicy: {
          kind: 'resource',
          policy: {
            id: `bucket/${bucket.name}/policy`,
            policyType: 'resource',
            name: `${bucket.name} bucket policy`,
            document: bucket.policy,
          },
        },
      }
    : { context, resourceAccountId };
}

/** The bucket a request names, in whichever account owns it. */
function bucketOf(ctx: OperationContext): Bucket | undefined {
  const name = str(ctx, 'Bucket');
  const owner = ownerOf(ctx, name);
  return owner ? own(owner.buckets, name) : undefined;
}

/** Bucket naming rules (S3 User Guide, "General purpose bucket naming rules"). */
function validBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !name.startsWith('xn--')
  );
}

function createBucket(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  const name = str(ctx, 'Bucket');
  ctx.authorize('s3:CreateBucket', `arn:aws:s3:::${name}`);
  if (!validBucketName(name)) throw fault('InvalidBucketName', 'The specified bucket is not valid.', 400);
  const config = ctx.params['CreateBucketConfiguration'] as { LocationConstraint?: string } | undefined;
  const region = config?.LocationConstraint ?? 'us-east-1';
  if (region === 'us-east-1' && config?.LocationConstraint !== undefined)
    throw fault('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400);
  if (region !== ctx.region) {
    throw fault(
      'IllegalLocationConstraintException',
      `The ${region === 'us-east-1' ? 'unspecified' : region} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  }
  const owner = ownerOf(ctx, name);
  // Bucket names are shared by every account (S3 API Reference, CreateBucket "Errors": BucketAlreadyExists).
  if (owner && owner.accountId !== ctx.state.accountId) {
    throw fault(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      409,
    );
  }
  const existing = own(ctx.state.buckets, name);
  // us-east-1 answers success when you already own the bucket (S3 API Reference, "CreateBucket").
  if (existing && region !== 'us-east-1')
    throw fault('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
  if (!existing)
    ctx.state.buckets[name] = { name, region, createDate: ctx.nowMs, publicAccessBlock: defaultPublicAccessBlock(), objects: {} };
  return { Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` };
}

function listBuckets(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  ctx.authorize('s3:ListAllMyBuckets', '*');
  const buckets = Object.values(ctx.state.buckets).sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    Buckets: buckets.map((b) => ({ Name: b.name, CreationDate: cliTimestamp(b.createDate), BucketRegion: b.region })),
    Owner: { ID: ctx.state.canonicalUserId },
    Prefix: null,
  };
}

function deleteBucket(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  const bucket = bucketOf(ctx);
  ctx.authorize('s3:DeleteBucket', `arn:aws:s3:::${str(ctx, 'Bucket')}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  if (Object.keys(bucket.objects).length > 0) throw fault('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
  const owner = ownerOf(ctx, bucket.name);
  if (owner) delete owner.buckets[bucket.name];
  return {};
}

function putBucketPolicy(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  const bucket = bucketOf(ctx);
  ctx.authorize('s3:PutBucketPolicy', `arn:aws:s3:::${str(ctx, 'Bucket')}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  const text = str(ctx, 'Policy');
  const parsed = parsePolicy(text, { policyType: 'resource' });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const message =
      first?.code === 'JSON_SYNTAX'
        ? "Policies must be valid JSON and the first byte must be '{'"
        : first?.code === 'MISSING_PRINCIPAL'
          ? 'Missing required field Principal'
          : (first?.awsMessage ?? 'Invalid policy syntax.');
    throw fault('MalformedPolicy', message, 400);
  }
  checkBucketPolicy(parsed.policy, bucket.name);
  // Principals naming users or roles of this account must exist (S3 resolves them when saving).
  try {
    requireExistingPrincipals(ctx.state, parsed.policy, ctx.accountState);
  } catch {
    throw fault('MalformedPolicy', 'Invalid principal in policy', 400);
  }
  // The bucket's own setting or its account's (S3 Control) refuses a public policy.
  if (effectivePublicAccessBlock(bucket, ownerOf(ctx, bucket.name)).BlockPublicPolicy && isPublicPolicy(parsed.policy))
    throw publicPolicyBlocked(ctx, bucket.name);
  bucket.policy = text;
  ctx.trail.requestParameters = { ...(ctx.trail.requestParameters ?? {}), bucketPolicy: JSON.parse(text) as unknown, policy: '' };
  return {};
}

function getBucketPolicy(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  const bucket = bucketOf(ctx);
  ctx.authorize('s3:GetBucketPolicy', `arn:aws:s3:::${str(ctx, 'Bucket')}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  if (bucket.policy === undefined) throw fault('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
  return { Policy: bucket.policy };
}

function deleteBucketPolicy(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, false);
  const bucket = bucketOf(ctx);
  ctx.authorize('s3:DeleteBucketPolicy', `arn:aws:s3:::${str(ctx, 'Bucket')}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  delete bucket.policy;
  return {};
}

function bodyBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return new TextEncoder().encode(typeof value === 'string' ? value : '');
}

function putObject(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, true);
  const bucket = bucketOf(ctx);
  const key = str(ctx, 'Key');
  ctx.authorize('s3:PutObject', `arn:aws:s3:::${str(ctx, 'Bucket')}/${key}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  const body = bodyBytes(ctx.params['Body']);
  const etag = `"${md5Hex(body)}"`;
  const sse = optStr(ctx, 'ServerSideEncryption');
  const sseKms = sse === 'aws:kms' ? s3EncryptObject(ctx, optStr(ctx, 'SSEKMSKeyId'), `arn:aws:s3:::${bucket.name}/${key}`) : undefined;
  bucket.objects[key] = {
    key,
    bodyBase64: bytesToBase64(body),
    size: body.length,
    etag,
    contentType: optStr(ctx, 'ContentType') ?? 'binary/octet-stream',
    lastModified: ctx.nowMs,
    ...(sseKms ? { sseKms } : {}),
  };
  if (ctx.trail.additionalEventData) ctx.trail.additionalEventData['bytesTransferredIn'] = body.length;
  return { ETag: etag, ChecksumCRC32: crc32Base64(body), ChecksumType: 'FULL_OBJECT', ...encryptionOut(sseKms) };
}

/** A missing key answers 404 only to callers who may list the bucket; others get 403 (S3 API Reference, "GetObject"). */
function missingKey(ctx: OperationContext, bucket: Bucket, head: boolean): ServiceFault {
  const list = ctx.check('s3:ListBucket', `arn:aws:s3:::${bucket.name}`, onBucket(ctx, bucket));
  if (list.decision === 'allowed')
    return head ? fault('404', 'Not Found', 404) : fault('NoSuchKey', 'The specified key does not exist.', 404);
  if (head) return fault('403', 'Forbidden', 403);
  try {
    ctx.authorize('s3:ListBucket', `arn:aws:s3:::${bucket.name}`, onBucket(ctx, bucket));
  } catch (e) {
    if (e instanceof ServiceFault) return e;
  }
  return fault('AccessDenied', 'Access Denied', 403);
}

function objectOut(ctx: OperationContext, head: boolean): Record<string, unknown> {
  s3Trail(ctx, true);
  const bucket = bucketOf(ctx);
  const key = str(ctx, 'Key');
  try {
    ctx.authorize('s3:GetObject', `arn:aws:s3:::${str(ctx, 'Bucket')}/${key}`, onBucket(ctx, bucket));
  } catch (e) {
    // HeadObject has no response body, so the CLI shows only the HTTP status (botocore).
    if (head && e instanceof ServiceFault && e.error.code === 'AccessDenied') throw fault('403', 'Forbidden', 403);
    throw e;
  }
  if (!bucket) throw head ? fault('404', 'Not Found', 404) : noSuchBucket();
  const object = bucket.objects[key];
  if (!object) throw missingKey(ctx, bucket, head);
  if (object.sseKms) s3DecryptObject(ctx, object.sseKms, `arn:aws:s3:::${bucket.name}/${key}`);
  let body = base64ToBytes(object.bodyBase64);
  const range = rangeOf(optStr(ctx, 'Range'), object.size);
  if (range === 'invalid') throw fault('InvalidRange', 'The requested range is not satisfiable', 416);
  if (range) body = body.subarray(range.start, range.end + 1);
  if (ctx.trail.additionalEventData && !head) ctx.trail.additionalEventData['bytesTransferredOut'] = body.length;
  return {
    AcceptRanges: 'bytes',
    LastModified: cliTimestamp(object.lastModified),
    ContentLength: body.length,
    ...(range ? { ContentRange: `bytes ${range.start}-${range.end}/${object.size}` } : {}),
    ETag: object.etag,
    // AWS CLI v2 asks for checksums by default (checksum mode ENABLED) and S3 returns the full-object CRC.
    ...(range ? {} : { ChecksumCRC32: crc32Base64(body), ChecksumType: 'FULL_OBJECT' }),
    ContentType: object.contentType,
    // botocore's GetObjectOutput puts SSEKMSKeyId after Metadata.
    ServerSideEncryption: object.sseKms ? 'aws:kms' : 'AES256',
    Metadata: {},
    ...(object.sseKms ? { SSEKMSKeyId: object.sseKms.keyArn } : {}),
    ...(head ? {} : { Body: body }),
  };
}

/** SSE-S3 (AES256) or SSE-KMS with its key, as PutObject and GetObject report them. */
function encryptionOut(sseKms: { keyArn: string } | undefined): Record<string, unknown> {
  return sseKms ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: sseKms.keyArn } : { ServerSideEncryption: 'AES256' };
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range (RFC 9110 §14.1.2); other forms are ignored as S3 does. */
function rangeOf(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || start > end ? 'invalid' : { start, end };
}

function listObjectsV2(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, true);
  const bucket = bucketOf(ctx);
  const prefix = optStr(ctx, 'Prefix');
  const delimiter = optStr(ctx, 'Delimiter');
  const maxKeys = optNum(ctx, 'MaxKeys');
  // s3:prefix, s3:delimiter and s3:max-keys are set when the request carries them (S3 condition keys).
  const context = {
    ...(prefix !== undefined ? { 's3:prefix': prefix } : {}),
    ...(delimiter !== undefined ? { 's3:delimiter': delimiter } : {}),
    ...(maxKeys !== undefined ? { 's3:max-keys': maxKeys } : {}),
  };
  ctx.authorize('s3:ListBucket', `arn:aws:s3:::${str(ctx, 'Bucket')}`, onBucket(ctx, bucket, context));
  if (!bucket) throw noSuchBucket();
  const startAfter = optStr(ctx, 'StartAfter') ?? '';
  const keys = Object.keys(bucket.objects)
    .filter((k) => k.startsWith(prefix ?? '') && k > startAfter)
    .sort();
  const contents: Record<string, unknown>[] = [];
  const common = new Set<string>();
  for (const k of keys) {
    const rest = k.slice((prefix ?? '').length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (delimiter && cut >= 0) {
      common.add((prefix ?? '') + rest.slice(0, cut + delimiter.length));
      continue;
    }
    const o = bucket.objects[k];
    if (o)
      contents.push({
        Key: k,
        LastModified: cliTimestamp(o.lastModified),
        ETag: o.etag,
        ChecksumAlgorithm: ['CRC32'],
        ChecksumType: 'FULL_OBJECT',
        Size: o.size,
        StorageClass: 'STANDARD',
      });
  }
  return {
    ...(contents.length ? { Contents: contents } : {}),
    ...(common.size ? { CommonPrefixes: [...common].map((p) => ({ Prefix: p })) } : {}),
    RequestCharged: null,
    Prefix: prefix ?? '',
  };
}

function deleteObject(ctx: OperationContext): Record<string, unknown> {
  s3Trail(ctx, true);
  const bucket = bucketOf(ctx);
  const key = str(ctx, 'Key');
  ctx.authorize('s3:DeleteObject', `arn:aws:s3:::${str(ctx, 'Bucket')}/${key}`, onBucket(ctx, bucket));
  if (!bucket) throw noSuchBucket();
  delete bucket.objects[key];
  return {};
}

/** The S3 operations. */
export const S3_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  CreateBucket: { handler: createBucket, readOnly: false },
  ListBuckets: { handler: listBuckets, readOnly: true },
  DeleteBucket: { handler: deleteBucket, readOnly: false },
  PutBucketPolicy: { handler: putBucketPolicy, readOnly: false, catalog: BUCKET_POLICY_CATALOG },
  GetBucketPolicy: { handler: getBucketPolicy, readOnly: true },
  DeleteBucketPolicy: { handler: deleteBucketPolicy, readOnly: false },
  PutObject: { handler: putObject, readOnly: false, dataEvent: true },
  GetObject: { handler: (ctx) => objectOut(ctx, false), readOnly: true, dataEvent: true },
  HeadObject: { handler: (ctx) => objectOut(ctx, true), readOnly: true, dataEvent: true },
  ListObjectsV2: { handler: listObjectsV2, readOnly: true, dataEvent: true },
  DeleteObject: { handler: deleteObject, readOnly: false, dataEvent: true },
  ...Object.fromEntries(
    Object.entries(PUBLIC_ACCESS_OPERATIONS).map(([name, d]) => [
      name,
      { ...d, handler: (ctx: OperationContext) => (s3Trail(ctx, false), d.handler(ctx)) },
    ]),
  ),
};
