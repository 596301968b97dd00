/**
 * The escalation paths as a graph to draw: one node per principal on some path and one for
 * administrator access, one edge per step (actor → the principal it reaches, or → admin when it
 * changes its own access), laid out in columns by how many steps are left to admin, so every
 * edge points right. Pure data, so the SVG and its table alternative show the same content.
 */
import type { EscalationPath } from '../../sim/analyze/escalation.ts';

/** The node standing for administrator access. */
export const ADMIN_NODE = 'admin';

/** One node of the drawing. */
export interface GraphNode {
  id: string;
  /** `user/alice`, `role/Ops`, or "administrator access". */
  label: string;
  /** Column (0 = the farthest from admin) and row. */
  column: number;
  row: number;
}

/** One edge: a step of one or more paths. */
export interface GraphEdge {
  from: string;
  to: string;
  technique: string;
  action: string;
  /** Indexes (into the paths) of the paths that take this step. */
  paths: number[];
}

/** Nodes, edges and the grid size. */
export interface EscalationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  columns: number;
  rows: number;
}

/** `arn:aws:iam::123456789012:user/alice` → `user/alice` (the account when the path crosses accounts). */
export function shortName(arn: string, accounts: ReadonlySet<string>): string {
  if (arn === ADMIN_NODE) return 'administrator access';
  const m = /^arn:[a-z-]+:iam::(\d{12}):(.+)$/.exec(arn);
  if (!m) return arn;
  return accounts.size > 1 ? `${m[1] ?? ''}:${m[2] ?? ''}` : (m[2] ?? arn);
}

/** The nodes a path goes through, in order, ending with admin. */
export function pathNodes(path: EscalationPath): string[] {
  const out: string[] = [];
  for (const s of path.Steps) if (out[out.length - 1] !== s.Principal) out.push(s.Principal);
  if (out.length === 0) out.push(path.From);
  if (path.To !== ADMIN_NODE && out[out.length - 1] !== path.To) out.push(path.To);
  out.push(ADMIN_NODE);
  return out;
}

/** The graph of every path. */
export function escalationGraph(paths: readonly EscalationPath[]): EscalationGraph {
  const accounts = new Set<string>();
  for (const p of paths) for (const n of pathNodes(p)) if (n !== ADMIN_NODE) accounts.add(/::(\d{12}):/.exec(n)?.[1] ?? '');
  // Steps left to admin: the fewest over the paths through the node.
  const left = new Map<string, number>([[ADMIN_NODE, 0]]);
  const order: string[] = [];
  for (const p of paths) {
    const nodes = pathNodes(p);
    nodes.forEach((n, i) => {
      const d = nodes.length - 1 - i;
      if (!order.includes(n)) order.push(n);
      left.set(n, Math.min(left.get(n) ?? d, d));
    });
  }
  const deepest = Math.max(0, ...left.values());
  const rowsUsed = new Map<number, number>();
  const nodes: GraphNode[] = order.map((id) => {
    const column = deepest - (left.get(id) ?? 0);
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    return { id, label: shortName(id, accounts), column, row };
  });
  const edges = new Map<string, GraphEdge>();
  paths.forEach((p, index) => {
    const nodesOf = pathNodes(p);
    p.Steps.forEach((s) => {
      const at = nodesOf.indexOf(s.Principal);
      const to = nodesOf[at + 1] ?? ADMIN_NODE;
      const key = `${s.Principal} ${to} ${s.Technique}`;
      const e = edges.get(key) ?? { from: s.Principal, to, technique: s.Technique, action: s.Action, paths: [] };
      if (!e.paths.includes(index)) e.paths.push(index);
      edges.set(key, e);
    });
    // The step into a principal whose access the path uses, then that principal's own access.
    const last = nodesOf[nodesOf.length - 2];
    if (last !== undefined && p.To !== ADMIN_NODE && last === p.To && !p.Steps.some((s) => s.Principal === p.To)) {
      const key = `${last} ${ADMIN_NODE} has`;
      const e = edges.get(key) ?? { from: last, to: ADMIN_NODE, technique: 'already has administrator access', action: '', paths: [] };
      if (!e.paths.includes(index)) e.paths.push(index);
      edges.set(key, e);
    }
  });
  return { nodes, edges: [...edges.values()], columns: deepest + 1, rows: Math.max(1, ...rowsUsed.values()) };
}
