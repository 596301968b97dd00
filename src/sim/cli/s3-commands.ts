/**
 * The high-level `aws s3` commands learners reach for first — `ls`, `cp`, `mb`, `rb`, `rm` — built
 * on the same S3 API calls the real CLI makes (awscli/customizations/s3/subcommands.py) and printed
 * in its formats: `2026-03-02 09:00:00 bucket`, `PRE dir/`, `upload: a.txt to s3://b/a.txt`.
 * Times print in UTC (the real CLI uses the machine's local time zone).
 */
import type { Credentials, ServiceResponse } from '../services/contract.ts';
import { parseArgs, type ArgSpec } from './argparse.ts';
import type { CliHost, RunResult } from './host.ts';
import { CliFailure, EXIT, invalidChoiceMessage, renderServiceError } from './messages.ts';
import { closeMatches } from './close-matches.ts';

/** How the s3 commands reach the service: the caller's credentials, region and user agent are applied. */
export type S3Call = (operation: string, params: Record<string, unknown>, command: string) => Promise<ServiceResponse>;

const SUBCOMMANDS = ['cp', 'ls', 'mb', 'rb', 'rm'] as const;

/** Runs `aws s3 <subcommand> ...`. `call` is bound to the resolved credentials. */
export async function runS3Command(host: CliHost, words: readonly string[], call: S3Call): Promise<RunResult> {
  const [sub, ...args] = words;
  if (sub === undefined) throw new CliFailure('ARGPARSE', { message: 'the following arguments are required: operation' });
  switch (sub) {
    case 'ls':
      return listCommand(args, call);
    case 'mb':
    case 'rb':
      return bucketCommand(sub, args, call);
    case 'rm':
      return removeCommand(args, call);
    case 'cp':
      return copyCommand(host, args, call);
    default:
      throw new CliFailure('ARGPARSE', {
        message: invalidChoiceMessage('operation', sub, [...SUBCOMMANDS, 'help'], closeMatches(sub, [...SUBCOMMANDS])),
      });
  }
}

/** `s3://bucket/key` → ['bucket', 'key'], or undefined for a local path. */
function s3Path(path: string): [string, string] | undefined {
  if (!path.startsWith('s3://')) return undefined;
  const rest = path.slice(5);
  const slash = rest.indexOf('/');
  return slash < 0 ? [rest, ''] : [rest.slice(0, slash), rest.slice(slash + 1)];
}

function parse(args: readonly string[], specs: ArgSpec[]): Map<string, string | string[] | boolean> {
  const { values, extras } = parseArgs(args, specs);
  if (extras.length > 0) throw new CliFailure('UNKNOWN_OPTIONS', { options: extras.join(', ') });
  return values;
}

function serviceFailure(response: Extract<ServiceResponse, { ok: false }>, operation: string): RunResult {
  return { exitCode: EXIT.CLIENT_ERROR, stdout: '', stderr: renderServiceError(response.error.code, operation, response.error.message) };
}

function lastModified(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) return ''.padEnd(19);
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function humanSize(size: number): string {
  const units = ['Bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${size} Bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

async function listCommand(args: readonly string[], call: S3Call): Promise<RunResult> {
  const values = parse(args, [
    { dest: 'paths', nargs: 'one' },
    { dest: 'recursive', option: '--recursive', nargs: 'flag' },
    { dest: 'human', option: '--human-readable', nargs: 'flag' },
    { dest: 'summarize', option: '--summarize', nargs: 'flag' },
  ]);
  const path = values.get('paths') as string | undefined;
  if (path === undefined || path === 's3://') {
    const response = await call('ListBuckets', {}, 'ls');
    if (!response.ok) return serviceFailure(response, 'ListBuckets');
    const buckets = (response.output.Buckets as Array<{ Name: string; CreationDate: unknown }> | undefined) ?? [];
    return { exitCode: 0, stdout: buckets.map((b) => `${lastModified(b.CreationDate)} ${b.Name}\n`).join(''), stderr: '' };
  }
  const target = s3Path(path);
  if (target === undefined) throw new CliFailure('GENERAL', { message: `Error: Invalid argument type` });
  const [bucket, prefix] = target;
  const recursive = values.get('recursive') === true;
  const params: Record<string, unknown> = { Bucket: bucket, Prefix: prefix };
  if (!recursive) params.Delimiter = '/';
  const response = await call('ListObjectsV2', params, 'ls');
  if (!response.ok) return serviceFailure(response, 'ListObjectsV2');
  let out = '';
  for (const p of (response.output.CommonPrefixes as Array<{ Prefix: string }> | undefined) ?? []) {
    const parts = p.Prefix.split('/');
    out += `${'PRE'.padStart(30)} ${parts[parts.length - 2] ?? p.Prefix}/\n`;
  }
  let total = 0;
  let count = 0;
  for (const o of (response.output.Contents as Array<{ Key: string; Size: number; LastModified: unknown }> | undefined) ?? []) {
    total += o.Size;
    count += 1;
    const size = values.get('human') === true ? humanSize(o.Size).padStart(10) : String(o.Size).padStart(10);
    const name = recursive ? o.Key : (o.Key.split('/').pop() ?? o.Key);
    out += `${lastModified(o.LastModified)} ${size} ${name}\n`;
  }
  if (values.get('summarize') === true) {
    out += `\nTotal Objects: ${count}\n   Total Size: ${values.get('human') === true ? humanSize(total) : total}\n`;
  }
  return { exitCode: 0, stdout: out, stderr: '' };
}

async function bucketCommand(sub: 'mb' | 'rb', args: readonly string[], call: S3Call): Promise<RunResult> {
  const values = parse(args, [{ dest: 'path', nargs: 'one', required: true }]);
  const target = s3Path(values.get('path') as string);
  if (target === undefined || target[0] === '') throw new CliFailure('GENERAL', { message: '<S3Uri>: must start with s3://' });
  const [bucket] = target;
  const operation = sub === 'mb' ? 'CreateBucket' : 'DeleteBucket';
  const verb = sub === 'mb' ? 'make_bucket' : 'remove_bucket';
  const response = await call(operation, { Bucket: bucket }, sub);
  if (!response.ok) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `${verb} failed: s3://${bucket} An error occurred (${response.error.code}) when calling the ${operation} operation: ${response.error.message}\n`,
    };
  }
  return { exitCode: 0, stdout: `${verb}: ${bucket}\n`, stderr: '' };
}

async function removeCommand(args: readonly string[], call: S3Call): Promise<RunResult> {
  const values = parse(args, [{ dest: 'path', nargs: 'one', required: true }]);
  const path = values.get('path') as string;
  const target = s3Path(path);
  if (target === undefined || target[1] === '') throw new CliFailure('GENERAL', { message: 'Error: Invalid argument type' });
  const response = await call('DeleteObject', { Bucket: target[0], Key: target[1] }, 'rm');
  if (!response.ok) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `delete failed: ${path} An error occurred (${response.error.code}) when calling the DeleteObject operation: ${response.error.message}\n`,
    };
  }
  return { exitCode: 0, stdout: `delete: ${path}\n`, stderr: '' };
}

async function copyCommand(host: CliHost, args: readonly string[], call: S3Call): Promise<RunResult> {
  const values = parse(args, [
    { dest: 'source', nargs: 'one', required: true },
    { dest: 'destination', nargs: 'one', required: true },
  ]);
  const source = values.get('source') as string;
  const destination = values.get('destination') as string;
  const from = s3Path(source);
  const to = s3Path(destination);
  if (from === undefined && to !== undefined) {
    const content = host.readFile(source);
    if (content === undefined) {
      throw new CliFailure('GENERAL', { message: `The user-provided path ${source} does not exist.` });
    }
    const key = to[1] === '' || to[1].endsWith('/') ? `${to[1]}${source.split('/').pop() ?? source}` : to[1];
    const body = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const response = await call('PutObject', { Bucket: to[0], Key: key, Body: body }, 'cp');
    const shown = `s3://${to[0]}/${key}`;
    if (!response.ok) {
      return {
        exitCode: 1,
        stdout: '',
        stderr: `upload failed: ${source} to ${shown} An error occurred (${response.error.code}) when calling the PutObject operation: ${response.error.message}\n`,
      };
    }
    return { exitCode: 0, stdout: `upload: ${source} to ${shown}\n`, stderr: '' };
  }
  if (from !== undefined && to === undefined) {
    const base = from[1].split('/').pop() ?? from[1];
    const file = destination === '.' || destination.endsWith('/') ? `${destination === '.' ? '' : destination}${base}` : destination;
    const response = await call('GetObject', { Bucket: from[0], Key: from[1] }, 'cp');
    if (!response.ok) {
      return {
        exitCode: 1,
        stdout: '',
        stderr: `download failed: ${source} to ${file} An error occurred (${response.error.code}) when calling the GetObject operation: ${response.error.message}\n`,
      };
    }
    const body = response.output.Body;
    host.writeFile(file, body instanceof Uint8Array || typeof body === 'string' ? body : new Uint8Array());
    return { exitCode: 0, stdout: `download: ${source} to ${file}\n`, stderr: '' };
  }
  throw new CliFailure('GENERAL', { message: 'Error: Invalid argument type' });
}

/** Credentials type re-exported for the caller that binds `S3Call`. */
export type { Credentials };
