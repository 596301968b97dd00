/**
 * The visual policy editor's model: statements of one service each (effect, actions, resources,
 * conditions), and the two conversions with a policy document's JSON text. A document the visual
 * editor cannot show exactly (NotAction, Principal, actions of several services in one statement …)
 * is refused with a stable code and the element it stumbled on, never silently dropped, so switching
 * JSON → Visual → JSON keeps the document.
 */

/** One condition: operator (`StringEquals`, `IpAddress` …), key and its values. */
export interface VisualCondition {
  operator: string;
  key: string;
  values: string[];
}

/** One statement as the visual editor shows it. */
export interface VisualStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** The service prefix (`s3`), or '' while none is chosen. */
  service: string;
  /** Action names without the prefix; `*` for all actions of the service. */
  actions: string[];
  /** `all` for `"Resource": "*"`, else the ARNs. */
  resources: 'all' | string[];
  conditions: VisualCondition[];
}

/** A whole policy. */
export interface VisualPolicy {
  statements: VisualStatement[];
}

/** Why a document cannot be shown in the visual editor. */
export type VisualRefusal =
  | { code: 'NOT_JSON' }
  | { code: 'NOT_A_POLICY' }
  | { code: 'UNSUPPORTED_ELEMENT'; element: string; statement: number }
  | { code: 'MIXED_SERVICES'; statement: number }
  | { code: 'UNSUPPORTED_VALUE'; element: string; statement: number };

/** The words for a refusal (one place, so the UI and the tests read the same sentence). */
export function refusalMessage(r: VisualRefusal): string {
  switch (r.code) {
    case 'NOT_JSON':
      return 'The JSON does not parse, so the visual editor cannot show it. Fix it in the JSON editor.';
    case 'NOT_A_POLICY':
      return 'The document has no Version and Statement the visual editor can show. Edit it in the JSON editor.';
    case 'UNSUPPORTED_ELEMENT':
      return `Statement ${r.statement + 1} uses ${r.element}, which the visual editor cannot show. Edit it in the JSON editor; nothing was changed.`;
    case 'MIXED_SERVICES':
      return `Statement ${r.statement + 1} names actions of more than one service; the visual editor shows one service per statement. Edit it in the JSON editor; nothing was changed.`;
    case 'UNSUPPORTED_VALUE':
      return `Statement ${r.statement + 1} has a ${r.element} value the visual editor cannot show. Edit it in the JSON editor; nothing was changed.`;
  }
}

/** A new, empty statement. */
export function emptyStatement(): VisualStatement {
  return { effect: 'Allow', service: '', actions: [], resources: [], conditions: [] };
}

/** The JSON text of a visual policy, in the console's layout (4-space indent). */
export function toDocument(policy: VisualPolicy): string {
  const one = (values: string[]): string | string[] => (values.length === 1 ? (values[0] as string) : values);
  const statements = policy.statements.map((s) => {
    const condition: Record<string, Record<string, string | string[]>> = {};
    for (const c of s.conditions) {
      if (!c.operator || !c.key) continue;
      const block = (condition[c.operator] ??= {});
      block[c.key] = one(c.values);
    }
    return {
      ...(s.sid !== undefined ? { Sid: s.sid } : {}),
      Effect: s.effect,
      Action: one(s.actions.map((a) => `${s.service}:${a}`)),
      Resource: s.resources === 'all' ? '*' : one(s.resources),
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource', 'Condition']);

/** The visual policy of a document, or why there is none. */
export function fromDocument(text: string): { ok: true; policy: VisualPolicy } | { ok: false; refusal: VisualRefusal } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, refusal: { code: 'NOT_JSON' } };
  }
  if (!isObject(doc) || doc['Version'] !== '2012-10-17' || Object.keys(doc).some((k) => k !== 'Version' && k !== 'Statement' && k !== 'Id'))
    return { ok: false, refusal: { code: 'NOT_A_POLICY' } };
  if (doc['Id'] !== undefined) return { ok: false, refusal: { code: 'UNSUPPORTED_ELEMENT', element: 'Id', statement: 0 } };
  const raw = Array.isArray(doc['Statement']) ? doc['Statement'] : isObject(doc['Statement']) ? [doc['Statement']] : undefined;
  if (!raw) return { ok: false, refusal: { code: 'NOT_A_POLICY' } };
  const statements: VisualStatement[] = [];
  for (const [i, s] of raw.entries()) {
    const parsed = statementOf(s, i);
    if ('refusal' in parsed) return { ok: false, refusal: parsed.refusal };
    statements.push(parsed.statement);
  }
  return { ok: true, policy: { statements } };
}

function statementOf(s: unknown, i: number): { statement: VisualStatement } | { refusal: VisualRefusal } {
  if (!isObject(s)) return { refusal: { code: 'NOT_A_POLICY' } };
  const extra = Object.keys(s).find((k) => !STATEMENT_KEYS.has(k));
  if (extra !== undefined) return { refusal: { code: 'UNSUPPORTED_ELEMENT', element: extra, statement: i } };
  const effect = s['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Effect', statement: i } };
  const sid = s['Sid'];
  if (sid !== undefined && typeof sid !== 'string') return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Sid', statement: i } };
  const actions = strings(s['Action'] ?? []);
  if (!actions) return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Action', statement: i } };
  const prefixes = new Set(actions.map((a) => a.slice(0, a.indexOf(':')).toLowerCase()));
  if (actions.some((a) => a.indexOf(':') <= 0)) return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Action', statement: i } };
  if (prefixes.size > 1) return { refusal: { code: 'MIXED_SERVICES', statement: i } };
  const resource = s['Resource'];
  const resources = resource === '*' ? 'all' : strings(resource ?? []);
  if (!resources) return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Resource', statement: i } };
  const conditions = conditionsOf(s['Condition']);
  if (!conditions) return { refusal: { code: 'UNSUPPORTED_VALUE', element: 'Condition', statement: i } };
  return {
    statement: {
      ...(sid !== undefined ? { sid } : {}),
      effect,
      service: [...prefixes][0] ?? '',
      actions: actions.map((a) => a.slice(a.indexOf(':') + 1)),
      resources,
      conditions,
    },
  };
}

function conditionsOf(value: unknown): VisualCondition[] | undefined {
  if (value === undefined) return [];
  if (!isObject(value)) return undefined;
  const out: VisualCondition[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isObject(block)) return undefined;
    for (const [key, v] of Object.entries(block)) {
      const values = strings(typeof v === 'boolean' || typeof v === 'number' ? String(v) : v);
      if (!values) return undefined;
      out.push({ operator, key, values });
    }
  }
  return out;
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
