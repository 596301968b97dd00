/**
 * Authentication: which principal a set of credentials stands for. Long-term keys (AKIA) belong to
 * a user or the root user; temporary keys (ASIA) to a session issued by STS or a console sign-in.
 * Inactive or deleted keys, wrong secrets and expired sessions do not authenticate.
 */
import type { Credentials } from '../services/contract.ts';
import { accountIdOfAccessKey } from './ids.ts';
import { own, type Role, type Session, type User, type AccountState, type WorldState } from './state.ts';
import { nameKey } from './state.ts';

/** Who is calling, with everything the request context and the trail record need. */
export interface Caller {
  /**
   * `Anonymous`: an unsigned call (services/unsigned.ts); it holds no policies and is never authorized as itself.
   * `WebIdentityUser`: an unsigned AssumeRoleWithWebIdentity caller, known only by its token (no AWS identity yet).
   */
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'Anonymous' | 'WebIdentityUser';
  /** `arn:aws:iam::<acct>:root`, the user ARN, or the session ARN `arn:aws:sts::<acct>:assumed-role/<role>/<session>`; for WebIdentityUser the provider ARN a trust policy's `Federated` names. */
  arn: string;
  /** CloudTrail principalId / `aws:userid`: account ID, AIDA…, or `AROA…:<session>`. */
  principalId: string;
  accountId: string;
  accessKeyId: string;
  user?: User;
  role?: Role;
  /** Set for temporary credentials (STS or console). */
  session?: Session;
  /** For WebIdentityUser: the identity provider's ARN and the token's subject, as CloudTrail names them. */
  webIdentity?: { identityProvider: string; userName: string };
}

/** Why credentials did not authenticate. */
export type AuthenticationFailure = { reason: 'unknownKey' | 'badSignature' | 'expired'; accessKeyId: string; known?: Caller };

/**
 * The account whose principal the credentials stand for: access key IDs encode their account
 * (ids.ts), console sessions are looked up in every account. Undefined when no account knows them.
 */
export function accountOfCredentials(world: WorldState, credentials: Credentials): AccountState | undefined {
  const accounts = Object.values(world.accounts);
  if (credentials.kind === 'anonymous') return undefined;
  if (credentials.kind === 'console')
    return accounts.find((a) => Object.values(a.sessions).some((s) => s.consoleSessionId === credentials.sessionId));
  const id = credentials.accessKeyId;
  const encoded = /^(AKIA|ASIA)[A-Z2-7]{16}$/.test(id) ? own(world.accounts, accountIdOfAccessKey(id)) : undefined;
  const holds = (a: AccountState) =>
    own(a.sessions, id) !== undefined || a.root.accessKeys.some((k) => k.id === id) || userOfKey(a, id) !== undefined;
  if (encoded && holds(encoded)) return encoded;
  return accounts.find(holds);
}

/** Access key ID → lookup key of the user holding it, per account; rebuilt when a key is not found in it. */
const keyIndex = new WeakMap<AccountState, Map<string, string>>();

/** The user that holds an access key (found in O(1) once indexed; a new or unknown key rebuilds the index). */
function userOfKey(state: AccountState, accessKeyId: string): User | undefined {
  const index = keyIndex.get(state);
  const name = index?.get(accessKeyId);
  const hit = name !== undefined ? own(state.users, name) : undefined;
  if (hit?.accessKeys.some((k) => k.id === accessKeyId)) return hit;
  const rebuilt = new Map<string, string>();
  for (const [key, user] of Object.entries(state.users)) for (const k of user.accessKeys) rebuilt.set(k.id, key);
  keyIndex.set(state, rebuilt);
  const found = rebuilt.get(accessKeyId);
  return found !== undefined ? own(state.users, found) : undefined;
}

/** The principal behind the credentials, or why there is none. */
export function authenticate(
  state: AccountState,
  credentials: Credentials,
  nowMs: number,
): { caller: Caller } | { failure: AuthenticationFailure } {
  if (credentials.kind === 'anonymous') return { failure: { reason: 'unknownKey', accessKeyId: '' } };
  if (credentials.kind === 'console') {
    const session = Object.values(state.sessions).find((s) => s.consoleSessionId === credentials.sessionId);
    if (!session) return { failure: { reason: 'unknownKey', accessKeyId: '' } };
    const caller = sessionCaller(state, session);
    if (!caller) return { failure: { reason: 'unknownKey', accessKeyId: session.accessKeyId } };
    if (nowMs >= session.expiration) return { failure: { reason: 'expired', accessKeyId: session.accessKeyId, known: caller } };
    return { caller };
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  const session = own(state.sessions, accessKeyId);
  if (session) {
    const caller = sessionCaller(state, session);
    if (!caller || sessionToken !== session.token) return { failure: { reason: 'unknownKey', accessKeyId } };
    if (secretAccessKey !== session.secret) return { failure: { reason: 'badSignature', accessKeyId, known: caller } };
    if (nowMs >= session.expiration) return { failure: { reason: 'expired', accessKeyId, known: caller } };
    return { caller };
  }
  const rootKey = state.root.accessKeys.find((k) => k.id === accessKeyId);
  if (rootKey) {
    const caller = rootCaller(state, accessKeyId);
    if (rootKey.status !== 'Active' || sessionToken !== undefined) return { failure: { reason: 'unknownKey', accessKeyId, known: caller } };
    if (rootKey.secret !== secretAccessKey) return { failure: { reason: 'badSignature', accessKeyId, known: caller } };
    return { caller };
  }
  const holder = userOfKey(state, accessKeyId);
  for (const user of holder ? [holder] : []) {
    const key = user.accessKeys.find((k) => k.id === accessKeyId);
    if (!key) continue;
    const caller = userCaller(state, user, accessKeyId);
    if (key.status !== 'Active' || sessionToken !== undefined) return { failure: { reason: 'unknownKey', accessKeyId, known: caller } };
    if (key.secret !== secretAccessKey) return { failure: { reason: 'badSignature', accessKeyId, known: caller } };
    return { caller };
  }
  return { failure: { reason: 'unknownKey', accessKeyId } };
}

/** The root user as a caller. */
export function rootCaller(state: AccountState, accessKeyId: string): Caller {
  return {
    type: 'Root',
    arn: `arn:aws:iam::${state.accountId}:root`,
    principalId: state.accountId,
    accountId: state.accountId,
    accessKeyId,
  };
}

/** An IAM user as a caller. */
export function userCaller(state: AccountState, user: User, accessKeyId: string): Caller {
  return { type: 'IAMUser', arn: user.arn, principalId: user.id, accountId: state.accountId, accessKeyId, user };
}

/** The caller behind a session, or undefined when its user or role no longer exists. */
function sessionCaller(state: AccountState, session: Session): Caller | undefined {
  if (session.kind === 'AssumeRole') {
    // Deleting a role does not revoke sessions in AWS, but a recreated role has a new id; sessions
    // keep acting as the role they were issued for only while a role with that id exists.
    const role = session.roleName ? state.roles[nameKey(session.roleName)] : undefined;
    if (!role || role.id !== session.roleId) return undefined;
    return {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${state.accountId}:assumed-role/${role.name}/${session.sessionName ?? ''}`,
      principalId: `${role.id}:${session.sessionName ?? ''}`,
      accountId: state.accountId,
      accessKeyId: session.accessKeyId,
      role,
      session,
    };
  }
  if (session.userName === undefined) return { ...rootCaller(state, session.accessKeyId), session };
  const user = state.users[nameKey(session.userName)];
  if (!user || (session.userId !== undefined && user.id !== session.userId)) return undefined;
  return { ...userCaller(state, user, session.accessKeyId), session };
}
