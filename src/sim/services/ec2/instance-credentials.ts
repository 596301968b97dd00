/**
 * What an instance's metadata service hands a program on the instance: temporary credentials for
 * the instance profile's role, session name = instance ID, issued by EC2 assuming the role (EC2 User
 * Guide, "Retrieve security credentials from instance metadata"; the session ARN is
 * `arn:aws:sts::ACCOUNT:assumed-role/ROLE/i-…`). Credentials are reused until five minutes before
 * they expire, as the metadata service rotates them.
 */
import { nameKey, own, type AccountState } from '../../world/state.ts';
import type { IdGenerator } from '../../world/ids.ts';
import { assumeRoleAsService } from '../sts/service-session.ts';
import { instanceArn, instancesOf } from './model.ts';
import { EC2_PRINCIPAL } from './profiles.ts';

/** The credentials and network facts of a program running on the instance, or why there are none. */
export type InstanceCredentials =
  | { ok: true; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; region: string; sourceIp: string }
  /** NO_INSTANCE: no such instance; NOT_RUNNING: stopped or terminated; NO_ROLE: no profile, or a role EC2 may not assume. */
  | { ok: false; reason: 'NO_INSTANCE' | 'NOT_RUNNING' | 'NO_ROLE'; state?: string };

/** Instance credentials last six hours (EC2 User Guide, "IAM roles for Amazon EC2", retrieving credentials). */
const DURATION_SECONDS = 6 * 3600;
const REFRESH_MS = 5 * 60 * 1000;

/** Gets (or reuses) the instance role credentials of `instanceId`. */
export function instanceCredentials(
  env: { state: AccountState; ids: IdGenerator; nowMs: number },
  instanceId: string,
): InstanceCredentials {
  const all = instancesOf(env.state);
  const instance = Object.hasOwn(all, instanceId) ? all[instanceId] : undefined;
  if (!instance) return { ok: false, reason: 'NO_INSTANCE' };
  if (instance.state !== 'running') return { ok: false, reason: 'NOT_RUNNING', state: instance.state };
  const association = instance.association;
  const profile = association
    ? Object.values(env.state.instanceProfiles).find((p) => p.arn === association.profileArn && p.id === association.profileId)
    : undefined;
  const roleName = profile?.roles[0];
  const role = roleName !== undefined ? own(env.state.roles, nameKey(roleName)) : undefined;
  if (!role) return { ok: false, reason: 'NO_ROLE' };
  const facts = { region: instance.region, sourceIp: instance.publicIpAddress ?? instance.privateIpAddress };
  const cached = instance.credentialsKeyId !== undefined ? own(env.state.sessions, instance.credentialsKeyId) : undefined;
  if (cached && cached.roleId === role.id && cached.expiration - env.nowMs > REFRESH_MS) {
    return {
      ok: true,
      credentials: { accessKeyId: cached.accessKeyId, secretAccessKey: cached.secret, sessionToken: cached.token },
      ...facts,
    };
  }
  const arn = instanceArn(instance, env.state.accountId);
  const session = assumeRoleAsService(env, {
    role,
    servicePrincipal: EC2_PRINCIPAL,
    sessionName: instance.instanceId,
    region: instance.region,
    sourceArn: arn,
    durationSeconds: DURATION_SECONDS,
    sourceInstanceArn: arn,
  });
  if (!session) return { ok: false, reason: 'NO_ROLE' };
  instance.credentialsKeyId = session.accessKeyId;
  return {
    ok: true,
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secret, sessionToken: session.token },
    ...facts,
  };
}
