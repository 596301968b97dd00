/** Test helpers: call the world as a given principal, without the CLI. */
import type { Credentials, ServiceResponse } from '../../../../src/sim/services/contract.ts';
import type { World } from '../../../../src/sim/world/index.ts';

/** Calls one operation as `credentials` (default: the root user). */
export async function call(
  world: World,
  service: string,
  operation: string,
  params: Record<string, unknown> = {},
  credentials?: Credentials,
): Promise<ServiceResponse> {
  return world.invoke({ service, operation, params, credentials: credentials ?? world.rootCredentials() });
}

/** Calls and expects success; answers the output (loosely typed: tests read AWS shapes by path). */
export async function ok(
  world: World,
  service: string,
  operation: string,
  params: Record<string, unknown> = {},
  credentials?: Credentials,
): Promise<Record<string, any>> {
  const r = await call(world, service, operation, params, credentials);
  if (!r.ok) throw new Error(`${operation} failed: ${r.error.code}: ${r.error.message}`);
  return r.output;
}

/** Calls and expects an error; answers it. */
export async function err(
  world: World,
  service: string,
  operation: string,
  params: Record<string, unknown> = {},
  credentials?: Credentials,
): Promise<{ code: string; message: string; httpStatus: number }> {
  const r = await call(world, service, operation, params, credentials);
  if (r.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(r.output)}`);
  return r.error;
}

/** Creates a user with an access key; answers its credentials. */
export async function userWithKey(world: World, userName: string): Promise<Credentials> {
  await ok(world, 'iam', 'CreateUser', { UserName: userName });
  const out = await ok(world, 'iam', 'CreateAccessKey', { UserName: userName });
  const key = out['AccessKey'] as { AccessKeyId: string; SecretAccessKey: string };
  return { kind: 'accessKey', accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

/** A policy document as JSON text. */
export function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** The Credentials of an AccessKey / Credentials object from an AWS response (keys or a session). */
export function credentialsOf(c: { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string } | undefined): Credentials {
  if (!c) throw new Error('no credentials in the response');
  return {
    kind: 'accessKey',
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
  };
}

/** Runs a command line and expects exit code 0; answers its stdout. */
export async function must(world: World, line: string): Promise<string> {
  const r = await world.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.stderr}`);
  return r.stdout;
}
