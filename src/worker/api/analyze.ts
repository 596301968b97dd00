/**
 * The analyses for the widgets: the editor's "compared with the saved version", "What would allow
 * it?" beside an AccessDenied, escalation paths and generate-from-trail over a named world, and
 * access findings. Every answer comes from src/sim/analyze.
 */
import { comparePolicies, type ComparePolicyType, type PolicyComparison } from '../../sim/analyze/index.ts';
import { repairRequest, type RepairReport } from '../../sim/analyze/repair.ts';
import type { EscalationPath } from '../../sim/analyze/escalation.ts';
import type { AccessFinding } from '../../sim/analyze/findings.ts';
import type { GeneratedPolicy } from '../../sim/analyze/generate.ts';
import { worldAccessFindings, worldEscalationPaths, worldGeneratedPolicy, worldUnusedAccess } from '../../sim/analyze/world-input.ts';
import type { UnusedAccessFinding } from '../../sim/analyze/unused.ts';
import { simulateCustomPolicyWithDetails } from '../../sim/index.ts';
import type { AccessRequest, Result } from '../protocol.ts';
import { attempt } from '../sim-adapter.ts';
import { worlds } from '../worlds.ts';
import { rememberedDenial } from '../denials.ts';
import { toSimulateInput } from './policy.ts';

/** The analysis half of the worker api. */
export const analyzeApi = {
  /** The exact difference between two versions of a policy, with witnesses. */
  comparePolicies(before: string[], after: string[], policyType: ComparePolicyType = 'identity'): Promise<Result<PolicyComparison>> {
    return attempt(() => comparePolicies(before, after, { policyType }));
  },

  /** For a request the AccessCheck widget decided: the blocking layer and edits that would allow it. */
  repairAccess(request: AccessRequest): Promise<Result<RepairReport>> {
    return attempt(() => {
      const detail = simulateCustomPolicyWithDetails(toSimulateInput(request)).details[0];
      if (!detail) throw Object.assign(new Error('The simulator returned no result.'), { code: 'NO_RESULT' });
      return repairRequest(detail.request);
    });
  },

  /** For the last denied check of a world's last command: the repair. */
  repairLastDenial(world: string): Promise<Result<RepairReport | null>> {
    return attempt(async () => {
      const denied = (await worlds.get(world)).lastDecisions().find((d) => d.result.decision !== 'allowed');
      return denied ? repairRequest(denied.request) : null;
    });
  },

  /** For the denied check behind one CloudTrail record of a world (by eventID): the repair, or null when no longer held. */
  repairTrailDenial(world: string, eventId: string): Promise<Result<RepairReport | null>> {
    return attempt(async () => {
      const denied = (await worlds.get(world)).decisionsFor(eventId)?.find((d) => d.result.decision !== 'allowed');
      return denied ? repairRequest(denied.request) : null;
    });
  },

  /** For a denied check the worker holds by id (a console AccessDenied): the repair, or null when no longer held. */
  repairHeldDenial(id: string): Promise<Result<RepairReport | null>> {
    return attempt(() => {
      const request = rememberedDenial(id);
      return request ? repairRequest(request) : null;
    });
  },

  /** Every escalation path of a world. */
  escalationPaths(world: string): Promise<Result<EscalationPath[]>> {
    return attempt(async () => worldEscalationPaths(await worlds.get(world)));
  },

  /** The least-privilege policy a world's trail proves for a principal. */
  generatePolicy(world: string, principalArn: string, since?: string, until?: string): Promise<Result<GeneratedPolicy>> {
    return attempt(async () => worldGeneratedPolicy(await worlds.get(world), principalArn, since, until));
  },

  /** External and public access findings of a world. */
  accessFindings(world: string): Promise<Result<AccessFinding[]>> {
    return attempt(async () => worldAccessFindings(await worlds.get(world)));
  },

  /** Unused roles, access keys, passwords and services of a world over `days` days (Access Analyzer's unused access). */
  unusedAccess(world: string, days?: number): Promise<Result<UnusedAccessFinding[]>> {
    return attempt(async () => worldUnusedAccess(await worlds.get(world), days));
  },
};
