/**
 * Which policies take part in a caller's requests: the identity policies of a user (its own and its
 * groups'), or of a role; the permissions boundary; the session policies of a role session.
 * Managed policies contribute their default version (IAM User Guide, "Versioning IAM policies").
 */
import type { PolicySource, PolicyType } from '../evaluate/types.ts';
import { awsManagedDocument, isAwsManagedArn } from '../managed/index.ts';
import type { Caller } from '../world/caller.ts';
import { own, type InlinePolicy, type Role, type Session, type User, type AccountState } from '../world/state.ts';

/** The default-version document of a managed policy (customer or AWS), or undefined when unknown. */
export function managedPolicyDocument(state: AccountState, arn: string): string | undefined {
  // AWS managed policies the simulator does not ship can arrive with an imported world (state.policies).
  if (isAwsManagedArn(arn) && awsManagedDocument(arn) !== undefined) return awsManagedDocument(arn);
  const policy = own(state.policies, arn);
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

/** A managed policy as a policy source. An unloaded or vanished document fails closed (never allows). */
export function managedSource(state: AccountState, arn: string, policyType: PolicyType): PolicySource {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  // An empty document does not parse, so the engine treats it as an error: fail closed.
  return { id: arn, policyType, arn, name, document: managedPolicyDocument(state, arn) ?? '' };
}

function inlineSources(owner: string, policies: readonly InlinePolicy[]): PolicySource[] {
  return policies.map((p) => ({ id: `${owner}/inline/${p.name}`, policyType: 'identity', name: p.name, document: p.document }));
}

/** A user's identity policies: inline and attached, then each group's, in group order. */
export function userIdentitySources(state: AccountState, user: User): PolicySource[] {
  const sources = [
    ...inlineSources(`user/${user.name}`, user.inlinePolicies),
    ...user.attachedPolicies.map((arn) => managedSource(state, arn, 'identity')),
  ];
  for (const group of Object.values(state.groups)) {
    if (!group.members.includes(user.name)) continue;
    sources.push(
      ...inlineSources(`group/${group.name}`, group.inlinePolicies),
      ...group.attachedPolicies.map((arn) => managedSource(state, arn, 'identity')),
    );
  }
  return sources;
}

/** A role's identity policies. */
export function roleIdentitySources(state: AccountState, role: Role): PolicySource[] {
  return [
    ...inlineSources(`role/${role.name}`, role.inlinePolicies),
    ...role.attachedPolicies.map((arn) => managedSource(state, arn, 'identity')),
  ];
}

/** Session policies of an AssumeRole session, or undefined when none were passed. */
export function sessionSources(state: AccountState, session: Session): PolicySource[] | undefined {
  if (session.policy === undefined && (session.policyArns ?? []).length === 0) return undefined;
  const sources: PolicySource[] = [];
  if (session.policy !== undefined)
    sources.push({ id: 'session-policy', policyType: 'session', name: 'session policy', document: session.policy });
  for (const arn of session.policyArns ?? []) sources.push(managedSource(state, arn, 'session'));
  return sources;
}

/** Everything on the caller's side of a decision. */
export interface CallerPolicies {
  identityPolicies: PolicySource[];
  permissionsBoundary?: PolicySource;
  sessionPolicies?: PolicySource[];
}

/** The caller-side policies of a request. The root user has none (its access is the default). */
export function callerPolicies(state: AccountState, caller: Caller): CallerPolicies {
  if (caller.user) {
    const boundary = caller.user.permissionsBoundary;
    return {
      identityPolicies: userIdentitySources(state, caller.user),
      ...(boundary ? { permissionsBoundary: managedSource(state, boundary, 'boundary') } : {}),
    };
  }
  if (caller.role) {
    const boundary = caller.role.permissionsBoundary;
    const session = caller.session ? sessionSources(state, caller.session) : undefined;
    return {
      identityPolicies: roleIdentitySources(state, caller.role),
      ...(boundary ? { permissionsBoundary: managedSource(state, boundary, 'boundary') } : {}),
      ...(session ? { sessionPolicies: session } : {}),
    };
  }
  return { identityPolicies: [] };
}

/** Every AWS managed policy ARN the world references (attachments, boundaries, session policies). */
export function referencedAwsManagedArns(state: AccountState): Set<string> {
  const arns = new Set<string>();
  const add = (arn: string | undefined): void => {
    if (arn && isAwsManagedArn(arn)) arns.add(arn);
  };
  for (const u of Object.values(state.users)) [...u.attachedPolicies, u.permissionsBoundary].forEach(add);
  for (const g of Object.values(state.groups)) g.attachedPolicies.forEach(add);
  for (const r of Object.values(state.roles)) [...r.attachedPolicies, r.permissionsBoundary].forEach(add);
  for (const s of Object.values(state.sessions)) (s.policyArns ?? []).forEach(add);
  return arns;
}
