/**
 * Policy checks for the AccessCheck widget and the editor: IAM SimulateCustomPolicy with the
 * engine's explanation and AccessDenied text, and validation + lint findings for editor markers.
 */
import {
  accessDeniedMessage,
  reasonInWords,
  simulateCustomPolicyWithDetails,
  validatePolicy,
  type PolicyType,
  type SimulateCustomPolicyInput,
  type SimulationDetail,
  type EvaluationResult,
} from '../../sim/index.ts';
import type { AccessAnswer, AccessRequest, PolicyFinding, Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';

/**
 * Longest policy text accepted, as IAM's SimulateCustomPolicy caps each PolicyInputList member and
 * ResourcePolicy (IAM API Reference, "SimulateCustomPolicy": Length Constraints: Maximum length of
 * 131072; https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html). A
 * capped input also keeps every call far below the worker watchdog's limit.
 */
export const MAX_POLICY_CHARS = 131_072;

function capped(texts: readonly (string | undefined)[]): void {
  const long = texts.find((t) => t !== undefined && t.length > MAX_POLICY_CHARS);
  if (long !== undefined)
    throw Object.assign(
      new Error(`This policy is ${long.length} characters; IAM accepts policy documents of at most ${MAX_POLICY_CHARS} characters here.`),
      { code: 'POLICY_TOO_LONG' },
    );
}

/** The policy half of the worker api. */
export const policyApi = {
  /** Decides one request against the given policies (IAM SimulateCustomPolicy), with the explanation. */
  simulate(request: AccessRequest): Promise<Result<AccessAnswer>> {
    return attempt(() => {
      capped([...request.identityPolicies, request.boundary, request.resourcePolicy]);
      const { output, details } = simulateCustomPolicyWithDetails(toSimulateInput(request));
      const result = output.EvaluationResults[0];
      if (!result) throw Object.assign(new Error('The simulator returned no result.'), { code: 'NO_RESULT' });
      return toAnswer(result, details[0]);
    });
  },

  /** Validation errors (IAM would reject the document) and lint findings for one policy text. */
  lintPolicy(text: string, policyType: PolicyType = 'identity'): Promise<Result<PolicyFinding[]>> {
    return attempt(async () =>
      (capped([text]), await validatePolicy(text, policyType)).map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        span: f.span,
      })),
    );
  },
};

/** IAM's SimulateCustomPolicy request for one AccessRequest. */
export function toSimulateInput(request: AccessRequest): SimulateCustomPolicyInput {
  const input: SimulateCustomPolicyInput = {
    PolicyInputList: request.identityPolicies,
    ActionNames: [request.action],
    ResourceArns: [request.resource || '*'],
  };
  if (request.boundary !== undefined) input.PermissionsBoundaryPolicyInputList = [request.boundary];
  if (request.resourcePolicy !== undefined) input.ResourcePolicy = request.resourcePolicy;
  if (request.resourceOwner) input.ResourceOwner = request.resourceOwner;
  if (request.callerArn) input.CallerArn = request.callerArn;
  const context = request.context.filter((c) => c.key.trim() !== '');
  if (context.length > 0) {
    input.ContextEntries = context.map((c) => ({
      ContextKeyName: c.key.trim(),
      ContextKeyValues: c.values,
      ContextKeyType: (c.type ?? (c.values.length > 1 ? 'stringList' : 'string')) as NonNullable<
        NonNullable<SimulateCustomPolicyInput['ContextEntries']>[number]['ContextKeyType']
      >,
    }));
  }
  return input;
}

/** The widget's answer: IAM's result, the engine's explanation, and AWS's AccessDenied text. */
export function toAnswer(result: EvaluationResult, detail: SimulationDetail | undefined): AccessAnswer {
  const answer: AccessAnswer = {
    decision: result.EvalDecision,
    matched: result.MatchedStatements.map((m) => ({
      sourcePolicyId: m.SourcePolicyId,
      start: { line: m.StartPosition.Line, column: m.StartPosition.Column },
      end: { line: m.EndPosition.Line, column: m.EndPosition.Column },
    })),
    missingContextValues: result.MissingContextValues,
  };
  if (detail) {
    answer.authorization = detail.result;
    answer.reasonWords = reasonInWords(detail.result.reason, detail.result.decidingLayer);
    if (detail.result.decision !== 'allowed') answer.accessDeniedMessage = accessDeniedMessage(detail.request, detail.result);
  }
  return answer;
}
