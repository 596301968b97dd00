/**
 * The two versions under comparison as the engine sees them: the documents parsed for their
 * policy type, and one function that decides a concrete request under a version. An identity
 * policy is decided as SimulateCustomPolicy does (the policies alone); a boundary or an SCP is
 * decided with an identity policy that allows everything, so only the compared layer can differ;
 * a resource policy is decided for a caller of the resource's account without identity policies
 * and for a caller of another account whose identity policies allow everything (what the resource
 * policy grants by itself).
 */
import { authorize } from '../evaluate/authorize.ts';
import { parseCached } from '../evaluate/policy-cache.ts';
import type { AuthorizationRequest, ContextValue, Decision, PolicySource } from '../evaluate/types.ts';
import type { ParsedPolicy, ParsedStatement } from '../policy/types.ts';
import { principalFromArn } from '../simulate/run.ts';
import { AnalysisError } from './errors.ts';

/** The policy types a comparison supports. */
export type ComparePolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'boundary';

/** Every ComparePolicyType, for input validation. */
export const COMPARE_POLICY_TYPES: readonly ComparePolicyType[] = ['identity', 'resource', 'trust', 'scp', 'boundary'];

/** A policy that allows everything: the other layers when a boundary or SCP is compared. */
export const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

/** The account the simulated caller and the resource belong to unless the caller says otherwise. */
export const HOME_ACCOUNT = '123456789012';
/** An account outside, for callers a resource policy names from elsewhere. */
export const OTHER_ACCOUNT = '111122223333';
const MANAGEMENT_ACCOUNT = '999999999999';

/** One version: its texts and parsed documents. */
export interface Side {
  name: 'before' | 'after';
  texts: string[];
  policies: ParsedPolicy[];
  sources: PolicySource[];
  /** The account that owns the resource (resource and trust policies). */
  owner: string;
}

/** A statement with the version it belongs to. */
export interface SideStatement {
  side: 'before' | 'after';
  statement: ParsedStatement;
  /** Variables resolve only under Version 2012-10-17 (IAM "Version"). */
  variables: boolean;
}

/** A concrete request, before it is put into a layer setup. */
export interface ConcreteRequest {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  callerArn: string;
}

/** Parses one version's documents, failing with the line and column of the first error. */
export function parseSide(name: Side['name'], input: string | readonly string[], type: ComparePolicyType, owner = HOME_ACCOUNT): Side {
  const texts = typeof input === 'string' ? [input] : [...input];
  if (texts.length === 0) throw new AnalysisError('NO_POLICY', { side: name });
  if (type === 'boundary' && texts.length > 1) throw new AnalysisError('TOO_MANY_BOUNDARIES', { side: name, count: String(texts.length) });
  if ((type === 'resource' || type === 'trust') && texts.length > 1)
    throw new AnalysisError('BAD_INPUT', {
      detail: `A resource has one resource-based policy; the ${name} side has ${texts.length} documents.`,
    });
  const engineType = type;
  const policies = texts.map((text, i) => {
    if (typeof text !== 'string') throw new AnalysisError('BAD_INPUT', { detail: `The ${name} policy #${i + 1} must be JSON text.` });
    const parsed = parseCached(text, engineType);
    if (!parsed.ok) {
      const e = parsed.errors[0];
      const where = e ? ` (line ${e.span.start.line}, column ${e.span.start.column})` : '';
      throw new AnalysisError(
        'POLICY_INVALID',
        { side: name, index: texts.length > 1 ? String(i + 1) : '', policyType: type, detail: `${e?.message ?? 'invalid'}${where}` },
        e?.span.start,
      );
    }
    return parsed.policy;
  });
  const sources = policies.map((p, i) => ({ id: `${name}-${i + 1}`, policyType: engineType, document: p }) as PolicySource);
  return { name, texts, policies, sources, owner };
}

/** Every statement of both versions. */
export function statementsOf(...sides: Side[]): SideStatement[] {
  return sides.flatMap((side) =>
    side.policies.flatMap((p) =>
      p.statements.map((statement) => ({ side: side.name, statement, variables: p.version?.value === '2012-10-17' })),
    ),
  );
}

const allowAllSource: PolicySource = { id: 'allow-all', policyType: 'identity', document: ALLOW_ALL };

/** The engine request for one version. */
export function engineRequest(side: Side, type: ComparePolicyType, r: ConcreteRequest): AuthorizationRequest {
  const principal = principalFromArn(r.callerArn);
  const base = { principal, action: r.action, resource: r.resource, context: r.context, resourceAccountId: principal.accountId };
  switch (type) {
    case 'identity':
      return { ...base, identityPolicies: side.sources };
    case 'boundary':
      return { ...base, identityPolicies: [allowAllSource], permissionsBoundary: side.sources[0] as PolicySource };
    case 'scp':
      return {
        ...base,
        identityPolicies: [allowAllSource],
        organization: { scps: [side.sources], managementAccountId: MANAGEMENT_ACCOUNT },
      };
    case 'resource':
    case 'trust': {
      const outside = principal.accountId !== side.owner;
      return {
        ...base,
        resourceAccountId: side.owner,
        identityPolicies: outside ? [allowAllSource] : [],
        resourcePolicy: { kind: type, policy: side.sources[0] as PolicySource },
      };
    }
  }
}

/** The engine's decision for one version. */
export function decide(side: Side, type: ComparePolicyType, r: ConcreteRequest): Decision {
  return authorize(engineRequest(side, type, r)).decision;
}
