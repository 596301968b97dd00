/**
 * Policy checks for the AccessCheck widget and the editor: IAM SimulateCustomPolicy with the
 * engine's explanation, and validation + lint findings for editor markers.
 */
import type { AuthorizationResult } from '../../sim/evaluate/types.ts';
import type { AccessAnswer, AccessRequest, PolicyFinding, Result } from '../protocol.ts';
import { attempt, hasSimExport, simExport } from '../sim-adapter.ts';

type PolicyTypeName = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session';

interface EvaluationResult {
  EvalDecision: AccessAnswer['decision'];
  MatchedStatements?: { SourcePolicyId?: string; StartPosition?: { Line: number; Column: number }; EndPosition?: { Line: number; Column: number } }[];
  MissingContextValues?: string[];
  Authorization?: AuthorizationResult;
  Explanation?: AuthorizationResult;
  AccessDeniedMessage?: string;
}

/** The policy half of the worker api. */
export const policyApi = {
  /** Decides one request against the given policies (IAM SimulateCustomPolicy), with the explanation. */
  simulate(request: AccessRequest): Promise<Result<AccessAnswer>> {
    return attempt(() => {
      const simulateCustomPolicy = simExport<(input: Record<string, unknown>) => { EvaluationResults: EvaluationResult[] }>('simulateCustomPolicy');
      const output = simulateCustomPolicy(toSimulateInput(request));
      const result = output.EvaluationResults[0];
      if (!result) throw Object.assign(new Error('The simulator returned no result.'), { code: 'NO_RESULT' });
      return toAnswer(result);
    });
  },

  /** Validation errors (IAM would reject the document) and lint findings for one policy text. */
  lintPolicy(text: string, policyType: PolicyTypeName = 'identity'): Promise<Result<PolicyFinding[]>> {
    return attempt(() => {
      const parsePolicy = simExport<(t: string, o: { policyType: PolicyTypeName }) => { ok: boolean; errors: PolicyFinding[] }>('parsePolicy');
      const parsed = parsePolicy(text, { policyType });
      const findings: PolicyFinding[] = parsed.errors.map((e) => ({ code: e.code, severity: 'ERROR', message: e.message, span: e.span }));
      if (parsed.ok && hasSimExport('lintPolicy')) {
        const lintPolicy = simExport<(t: string, o: { policyType: PolicyTypeName }) => PolicyFinding[] | { findings: PolicyFinding[] }>('lintPolicy');
        const lint = lintPolicy(text, { policyType });
        const list = Array.isArray(lint) ? lint : lint.findings;
        for (const f of list) {
          if (f.severity === 'ERROR' && findings.some((g) => g.code === f.code)) continue;
          findings.push({ code: f.code, severity: f.severity, message: f.message, span: f.span });
        }
      }
      return findings;
    });
  },
};

/** IAM's SimulateCustomPolicy request for one AccessRequest. */
export function toSimulateInput(request: AccessRequest): Record<string, unknown> {
  const input: Record<string, unknown> = {
    PolicyInputList: request.identityPolicies,
    ActionNames: [request.action],
    ResourceArns: [request.resource || '*'],
  };
  if (request.boundary) input['PermissionsBoundaryPolicyInputList'] = [request.boundary];
  if (request.resourcePolicy) input['ResourcePolicy'] = request.resourcePolicy;
  if (request.resourceOwner) input['ResourceOwner'] = request.resourceOwner;
  if (request.callerArn) input['CallerArn'] = request.callerArn;
  const context = request.context.filter((c) => c.key.trim() !== '');
  if (context.length > 0) {
    input['ContextEntries'] = context.map((c) => ({
      ContextKeyName: c.key.trim(),
      ContextKeyValues: c.values,
      ContextKeyType: c.type ?? (c.values.length > 1 ? 'stringList' : 'string'),
    }));
  }
  return input;
}

function toAnswer(result: EvaluationResult): AccessAnswer {
  const answer: AccessAnswer = {
    decision: result.EvalDecision,
    matched: (result.MatchedStatements ?? []).map((m) => ({
      sourcePolicyId: m.SourcePolicyId ?? '',
      start: { line: m.StartPosition?.Line ?? 1, column: m.StartPosition?.Column ?? 1 },
      end: { line: m.EndPosition?.Line ?? 1, column: m.EndPosition?.Column ?? 1 },
    })),
    missingContextValues: result.MissingContextValues ?? [],
  };
  const authorization = result.Authorization ?? result.Explanation;
  if (authorization) answer.authorization = authorization;
  if (result.AccessDeniedMessage) answer.accessDeniedMessage = result.AccessDeniedMessage;
  return answer;
}
