/**
 * What the layers of one decision found (authorize.ts): the statements that apply in each layer,
 * and the pointers to them that results carry.
 */
import type { DecidedStatement } from './decide.ts';
import type { PrincipalMatchKind } from './principal.ts';
import type { AuthorizationRequest, StatementRef } from './types.ts';

/** Layers with nothing in them share one empty list (frozen: the first entry replaces it). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** The statements of one layer (or one organization level) that apply. */
export interface LayerResult {
  /** Policies of the layer that parsed. */
  count: number;
  allows: DecidedStatement[];
  denies: DecidedStatement[];
}

/** A deciding statement from a traced one (the trace fields left out, so results stay small). */
export function decided(s: StatementRef, principalMatch: DecidedStatement['principalMatch']): DecidedStatement {
  const statement: StatementRef = {
    policyId: s.policyId,
    policyType: s.policyType,
    statementIndex: s.statementIndex,
    effect: s.effect,
    span: s.span,
  };
  if (s.policyArn !== undefined) statement.policyArn = s.policyArn;
  if (s.sid !== undefined) statement.sid = s.sid;
  return principalMatch ? { statement, principalMatch } : { statement };
}

/** Callers with an AWS identity of their own; the others (anonymous, services, web identity and SAML callers) depend on the resource policy alone. */
export function hasIdentity(type: AuthorizationRequest['principal']['type']): boolean {
  return type !== 'Anonymous' && type !== 'AWSService' && type !== 'WebIdentityUser' && type !== 'SAMLUser';
}

const GRANT_RANK: Record<PrincipalMatchKind, number> = {
  wildcard: 1,
  account: 0,
  federated: 2,
  service: 2,
  role: 3,
  federatedUserViaUser: 3,
  user: 4,
  session: 4,
};

/** The most powerful way the resource policy's Allow statements name the caller. */
export function strongestGrant(allows: DecidedStatement[]): { kind: PrincipalMatchKind; statements: StatementRef[] } | undefined {
  let best: PrincipalMatchKind | undefined;
  for (const a of allows) {
    const kind = a.principalMatch?.kind ?? 'wildcard';
    if (best === undefined || GRANT_RANK[kind] > GRANT_RANK[best]) best = kind;
  }
  return best === undefined ? undefined : { kind: best, statements: refs(allows, undefined) };
}

/** The deciding statements: `first`'s (statements, or decided statements), then `then`'s. */
export function refs(
  first: readonly (StatementRef | DecidedStatement)[] | undefined,
  then: readonly (StatementRef | DecidedStatement)[] | undefined,
): StatementRef[] {
  // Sized at once: results are kept (trails, logs), and a pushed-onto empty array reserves sixteen slots.
  if (!then?.length && first?.length === 1) return [unwrap(first[0])];
  const out = new Array<StatementRef>((first?.length ?? 0) + (then?.length ?? 0));
  let i = 0;
  if (first) for (const x of first) out[i++] = unwrap(x);
  if (then) for (const x of then) out[i++] = unwrap(x);
  return out;
}

function unwrap(x: StatementRef | DecidedStatement | undefined): StatementRef {
  if (!x) throw new Error('a deciding statement is missing');
  return 'statement' in x ? x.statement : x;
}

/** An organization layer's Deny statements over all its levels, when some level has one. */
export function levelDenies(levels: readonly LayerResult[]): DecidedStatement[] | undefined {
  let out: DecidedStatement[] | undefined;
  for (const l of levels) if (l.denies.length > 0) (out ??= []).push(...l.denies);
  return out;
}

export function someDenies(layer: LayerResult | undefined): DecidedStatement[] | undefined {
  return layer && layer.denies.length > 0 ? layer.denies : undefined;
}
