/**
 * The escalation graph's layout: one node per principal on a path plus administrator access, one
 * edge per step pointing toward admin (columns by steps left), shared steps drawn once with every
 * path that takes them, and a role whose own access is the goal joined to admin.
 */
import { describe, expect, it } from 'vitest';
import type { EscalationPath } from '../../../src/sim/analyze/escalation.ts';
import { ADMIN_NODE, escalationGraph, pathNodes } from '../../../src/widgets/analyze/escalation-graph.ts';

const A = 'arn:aws:iam::123456789012:user/alice';
const B = 'arn:aws:iam::123456789012:user/bob';
const C = 'arn:aws:iam::123456789012:user/carol';
const OPS = 'arn:aws:iam::123456789012:role/Ops';
const step = (Principal: string, Technique: string, Resource: string): EscalationPath['Steps'][number] =>
  ({ Technique, Principal, Action: `iam:${Technique}`, Resource, Command: '', Commands: [] }) as EscalationPath['Steps'][number];

const paths: EscalationPath[] = [
  { From: B, To: 'admin', Steps: [step(B, 'PutUserPolicy', B)] },
  { From: A, To: B, Steps: [step(A, 'CreateAccessKey', B), step(B, 'PutUserPolicy', B)] },
  { From: C, To: OPS, Steps: [step(C, 'UpdateAssumeRolePolicy', OPS)] },
];

describe('escalationGraph', () => {
  it('nodes in order to admin, one edge per step, shared steps once, edges point toward admin', () => {
    expect(pathNodes(paths[1] as EscalationPath)).toEqual([A, B, ADMIN_NODE]);
    expect(pathNodes(paths[2] as EscalationPath)).toEqual([C, OPS, ADMIN_NODE]);
    const g = escalationGraph(paths);
    expect(g.nodes.map((n) => n.label).sort()).toEqual(['administrator access', 'role/Ops', 'user/alice', 'user/bob', 'user/carol']);
    const edge = (from: string, to: string): { technique: string; paths: number[] } | undefined => {
      const e = g.edges.find((x) => x.from === from && x.to === to);
      return e && { technique: e.technique, paths: e.paths };
    };
    expect(edge(B, ADMIN_NODE)).toEqual({ technique: 'PutUserPolicy', paths: [0, 1] });
    expect(edge(A, B)).toEqual({ technique: 'CreateAccessKey', paths: [1] });
    expect(edge(C, OPS)).toEqual({ technique: 'UpdateAssumeRolePolicy', paths: [2] });
    // Ops takes no step: its own access is the goal.
    expect(edge(OPS, ADMIN_NODE)?.technique).toBe('already has administrator access');
    expect(g.edges).toHaveLength(4);
    const col = new Map(g.nodes.map((n) => [n.id, n.column]));
    for (const e of g.edges) expect(col.get(e.from) as number).toBeLessThan(col.get(e.to) as number);
    expect(g.columns).toBe(3);
    // No two nodes share a cell.
    expect(new Set(g.nodes.map((n) => `${n.column},${n.row}`)).size).toBe(g.nodes.length);
  });

  it('no paths: nothing to draw', () => {
    expect(escalationGraph([])).toMatchObject({ nodes: [], edges: [] });
  });
});
