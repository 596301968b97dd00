/**
 * `parsePolicy(text, { policyType })`: JSON → ParsedPolicy with positions, validated like IAM
 * (MalformedPolicyDocument) for the policy type. Grammar: IAM User Guide, "Grammar of the IAM JSON
 * policy language"; per-type rules: "Policy types", "Role trust policies", SCP/RCP syntax pages.
 */
import { parseJson, PositionMap, scalarText, type JsonProblem, type Node } from './json.ts';
import { makeError } from './messages.ts';
import { decodeOperator } from './operators.ts';
import type {
  Located,
  ParsedCondition,
  ParsedPolicy,
  ParsedPrincipal,
  ParsedStatement,
  ParseOptions,
  ParseResult,
  PolicyError,
  PolicyErrorCode,
  PolicyType,
  PolicyVersion,
  PrincipalKind,
  Span,
} from './types.ts';
import { validateStatementValues } from './validate-values.ts';

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;
type StatementElement = (typeof STATEMENT_KEYS)[number];
type StatementFields = Record<StatementElement, Node | undefined>;
/** A property node of an object: the JSON reader always sets its key and value. */
type Member = Node & { item: Node };

/** The statement element a key names, or undefined (element names are case-sensitive). */
function statementElement(key: string): StatementElement | undefined {
  for (const k of STATEMENT_KEYS) if (k === key) return k;
  return undefined;
}
const PRINCIPAL_KINDS: Record<string, PrincipalKind> = {
  AWS: 'AWS',
  Service: 'Service',
  Federated: 'Federated',
  CanonicalUser: 'CanonicalUser',
};

/** True when `text` has only the characters of [A-Za-z0-9]. */
function isAlphanumeric(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Parses and validates a policy document. Never throws; a failed parse lists every error found. */
export function parsePolicy(text: string, options: ParseOptions): ParseResult {
  if (typeof text !== 'string') {
    const pos = { line: 1, column: 1, offset: 0 };
    return {
      ok: false,
      errors: [makeError('WRONG_TYPE', { element: 'The policy document', expected: 'a string' }, { start: pos, end: pos })],
    };
  }
  const positions = new PositionMap(text);
  const { root, problems } = parseJson(text);
  if (!root) return { ok: false, errors: problems.map((p) => jsonProblemToError(p, positions, options.policyType)) };
  return new PolicyReader(text, positions, options).read(root);
}

function jsonProblemToError(p: JsonProblem, positions: PositionMap, policyType: PolicyType): PolicyError {
  // The policy type chooses IAM's words for invalid JSON (messages.ts, JSON_SYNTAX).
  return makeError(p.code, p.code === 'JSON_SYNTAX' ? { ...p.params, policyType } : p.params, positions.span(p.offset, p.length));
}

/** Walks the JSON tree once, building the policy and collecting errors. */
class PolicyReader {
  readonly errors: PolicyError[] = [];
  readonly text: string;
  readonly positions: PositionMap;
  readonly options: ParseOptions;
  constructor(text: string, positions: PositionMap, options: ParseOptions) {
    this.text = text;
    this.positions = positions;
    this.options = options;
  }

  read(root: Node): ParseResult {
    const span = this.span(root);
    if (root.type !== 'object') {
      this.error('NOT_AN_OBJECT', {}, root);
      return { ok: false, errors: this.errors };
    }
    const members = this.members(root);
    let version: Located<PolicyVersion> | undefined;
    let id: Located | undefined;
    let statementNode: Node | undefined;
    for (const prop of members) {
      const key = prop.value as string;
      const value = prop.item;
      if (key === 'Version') {
        if (value.type === 'string' && (value.value === '2012-10-17' || value.value === '2008-10-17'))
          version = { value: value.value, span: this.span(value) };
        else this.error('INVALID_VERSION', { value: scalarText(value, this.text) ?? value.type }, value);
      } else if (key === 'Id') {
        if (value.type === 'string') id = { value: value.value as string, span: this.span(value) };
        else this.error('WRONG_TYPE', { element: 'Id', expected: 'a string' }, value);
      } else if (key === 'Statement') statementNode = value;
      else this.error('UNKNOWN_TOP_LEVEL_KEY', { key }, undefined, this.keySpan(prop));
    }
    if (this.options.managed && version?.value !== '2012-10-17' && !this.errors.some((e) => e.code === 'INVALID_VERSION')) {
      this.error('VERSION_REQUIRED', {}, version ? undefined : root, version?.span);
    }
    const statements: ParsedStatement[] = [];
    if (!statementNode) this.error('MISSING_STATEMENT', {}, root);
    else if (statementNode.type === 'object') this.readStatement(statementNode, 0, statements);
    else if (statementNode.type === 'array') {
      const items = statementNode.children ?? [];
      if (items.length === 0) this.error('EMPTY_STATEMENT', {}, statementNode);
      items.forEach((item, i) => {
        if (item.type === 'object') this.readStatement(item, i, statements);
        else this.error('WRONG_TYPE', { element: `Statement[${i}]`, expected: 'an object' }, item);
      });
    } else this.error('WRONG_TYPE', { element: 'Statement', expected: 'an object or an array of objects' }, statementNode);

    this.checkSids(statements);
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    const policy: ParsedPolicy = { text: this.text, policyType: this.options.policyType, statements, span };
    if (version) policy.version = version;
    if (id) policy.id = id;
    return { ok: true, policy, errors: [] };
  }

  readStatement(node: Node, index: number, out: ParsedStatement[]): void {
    const before = this.errors.length;
    const type = this.options.policyType;
    // One field per statement element (a fixed shape; comparing keys beats hashing each fresh key).
    const fields: StatementFields = {
      Sid: undefined,
      Effect: undefined,
      Principal: undefined,
      NotPrincipal: undefined,
      Action: undefined,
      NotAction: undefined,
      Resource: undefined,
      NotResource: undefined,
      Condition: undefined,
    };
    for (const prop of this.members(node)) {
      const key = prop.value as string;
      const element = statementElement(key);
      if (element === undefined) this.error('UNKNOWN_STATEMENT_KEY', { key }, undefined, this.keySpan(prop));
      else fields[element] = prop.item;
    }
    const stmtSpan = this.span(node);
    const sidNode = fields.Sid;
    let sid: Located | undefined;
    if (sidNode) {
      if (sidNode.type === 'string') sid = { value: sidNode.value as string, span: this.span(sidNode) };
      else this.error('WRONG_TYPE', { element: 'Sid', expected: 'a string' }, sidNode);
    }
    const effectNode = fields.Effect;
    let effect: Located<'Allow' | 'Deny'> | undefined;
    if (!effectNode) this.error('MISSING_EFFECT', {}, node);
    else if (effectNode.type === 'string' && (effectNode.value === 'Allow' || effectNode.value === 'Deny'))
      effect = { value: effectNode.value, span: this.span(effectNode) };
    else this.error('INVALID_EFFECT', { value: scalarText(effectNode, this.text) ?? effectNode.type }, effectNode);

    const action = this.stringList(fields.Action, 'Action');
    const notAction = this.stringList(fields.NotAction, 'NotAction');
    if (action && notAction) this.error('BOTH_ACTION_AND_NOT_ACTION', {}, fields.NotAction);
    else if (!action?.length && !notAction?.length) this.error('MISSING_ACTION', {}, fields.Action ?? fields.NotAction ?? node);

    const resource = this.stringList(fields.Resource, 'Resource');
    const notResource = this.stringList(fields.NotResource, 'NotResource');
    if (type === 'trust') {
      const r = fields.Resource ?? fields.NotResource;
      if (r) this.error('RESOURCE_NOT_ALLOWED', {}, r, this.keySpanOf(r));
    } else if (resource && notResource) this.error('BOTH_RESOURCE_AND_NOT_RESOURCE', {}, fields.NotResource);
    else if (!resource?.length && !notResource?.length) this.error('MISSING_RESOURCE', {}, fields.Resource ?? fields.NotResource ?? node);

    const principalNode = fields.Principal;
    const notPrincipalNode = fields.NotPrincipal;
    const principal = principalNode ? this.readPrincipal(principalNode, 'Principal') : undefined;
    const notPrincipal = notPrincipalNode ? this.readPrincipal(notPrincipalNode, 'NotPrincipal') : undefined;
    const namesPrincipal = type === 'resource' || type === 'trust' || type === 'rcp';
    if (!namesPrincipal && (principalNode || notPrincipalNode))
      this.error('PRINCIPAL_NOT_ALLOWED', { policyType: type }, undefined, this.keySpanOf(principalNode ?? notPrincipalNode));
    else if (namesPrincipal) {
      if (principalNode && notPrincipalNode) this.error('BOTH_PRINCIPAL_AND_NOT_PRINCIPAL', {}, notPrincipalNode);
      else if (!principalNode && !notPrincipalNode) this.error('MISSING_PRINCIPAL', { policyType: type }, node);
      else if (notPrincipalNode && type !== 'resource')
        this.error('NOT_PRINCIPAL_NOT_ALLOWED', { policyType: type }, undefined, this.keySpanOf(notPrincipalNode));
    }

    const conditions = this.readConditions(fields.Condition);
    if (this.errors.length > before || !effect) return;
    const stmt: ParsedStatement = { index, span: stmtSpan, effect, conditions };
    if (sid) stmt.sid = sid;
    if (action) stmt.action = action;
    if (notAction) stmt.notAction = notAction;
    if (resource) stmt.resource = resource;
    if (notResource) stmt.notResource = notResource;
    if (principal) stmt.principal = principal;
    if (notPrincipal) stmt.notPrincipal = notPrincipal;
    for (const e of validateStatementValues(stmt, this.options.policyType)) this.errors.push(e);
    if (this.errors.length === before) out.push(stmt);
  }

  readPrincipal(node: Node, element: string): ParsedPrincipal | undefined {
    const span = this.span(node);
    if (node.type === 'string') {
      if (node.value === '*') return { span, wildcard: true, entries: [] };
      this.error('WRONG_TYPE', { element, expected: '"*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}' }, node);
      return undefined;
    }
    if (node.type !== 'object') {
      this.error('WRONG_TYPE', { element, expected: 'an object' }, node);
      return undefined;
    }
    const entries: ParsedPrincipal['entries'] = [];
    for (const prop of this.members(node)) {
      const key = prop.value as string;
      const value = prop.item;
      const kind = PRINCIPAL_KINDS[key];
      if (!kind) {
        this.error('UNKNOWN_PRINCIPAL_KIND', { key }, undefined, this.keySpan(prop));
        continue;
      }
      const values = this.stringList(value, `${element}.${key}`);
      if (values) entries.push({ kind, values });
    }
    if (entries.length === 0 && this.errors.length === 0) this.error('WRONG_TYPE', { element, expected: 'a non-empty object' }, node);
    const wildcard =
      entries.length === 1 && entries[0]?.kind === 'AWS' && entries[0].values.length === 1 && entries[0].values[0]?.value === '*';
    return { span, wildcard, entries: wildcard ? [] : entries };
  }

  readConditions(node: Node | undefined): ParsedCondition[] {
    const out: ParsedCondition[] = [];
    if (!node) return out;
    if (node.type !== 'object') {
      this.error('WRONG_TYPE', { element: 'Condition', expected: 'an object of operators' }, node);
      return out;
    }
    for (const opProp of this.members(node)) {
      const opName = opProp.value as string;
      const opValue = opProp.item;
      const opSpan = this.keySpan(opProp);
      const decoded = decodeOperator(opName);
      if (!decoded.ok) {
        this.error(decoded.code, { value: opName }, undefined, opSpan);
        continue;
      }
      if (opValue.type !== 'object') {
        this.error('WRONG_TYPE', { element: `Condition.${opName}`, expected: 'an object of condition keys' }, opValue);
        continue;
      }
      const operator = { value: opName, span: opSpan };
      for (const prop of this.members(opValue)) {
        const key = prop.value as string;
        const values = prop.item;
        const list = this.scalarList(values, `Condition.${opName}.${key}`);
        if (!list) continue;
        out.push({
          operator,
          info: decoded.info,
          key: { value: key, span: this.keySpan(prop) },
          values: list,
          span: this.span(prop),
        });
      }
    }
    return out;
  }

  /** A string or an array of strings (brackets are optional for one value). */
  stringList(node: Node | undefined, element: string): Located[] | undefined {
    if (!node) return undefined;
    if (node.type === 'string') return [{ value: node.value as string, span: this.span(node) }];
    if (node.type === 'array') {
      const out: Located[] = [];
      for (const item of node.children ?? []) {
        if (item.type === 'string') out.push({ value: item.value as string, span: this.span(item) });
        else this.error('WRONG_TYPE', { element, expected: 'a string or an array of strings' }, item);
      }
      return out;
    }
    this.error('WRONG_TYPE', { element, expected: 'a string or an array of strings' }, node);
    return undefined;
  }

  /** Condition values: strings, numbers and booleans (quotation marks are optional for those). */
  scalarList(node: Node, element: string): Located[] | undefined {
    const one = (n: Node): Located | undefined => {
      const text = scalarText(n, this.text);
      if (text === undefined) {
        this.error('WRONG_TYPE', { element, expected: 'a string, number, boolean or an array of them' }, n);
        return undefined;
      }
      return { value: text, span: this.span(n) };
    };
    if (node.type !== 'array') {
      const v = one(node);
      return v ? [v] : undefined;
    }
    const out: Located[] = [];
    for (const item of node.children ?? []) {
      const v = one(item);
      if (v) out.push(v);
    }
    return out;
  }

  /**
   * An object's properties, duplicate keys reported and left out (grammar: no duplicates). Without
   * duplicates this is the node's own list: nothing is allocated.
   */
  members(node: Node): Member[] {
    const props = (node.children ?? []) as Member[];
    // Policy objects have a handful of keys: a scan beats building a Set; big (hostile) objects get one.
    const seen = props.length > 16 ? new Set<string>() : undefined;
    let kept: Member[] | undefined;
    for (let i = 0; i < props.length; i++) {
      const prop = props[i] as Member;
      const key = prop.value as string;
      let duplicate = false;
      if (seen) duplicate = seen.has(key);
      else for (let j = 0; j < i && !duplicate; j++) if ((props[j] as Member).value === key) duplicate = true;
      seen?.add(key);
      if (duplicate) {
        this.error('DUPLICATE_KEY', { key }, undefined, this.keySpan(prop));
        kept ??= props.slice(0, i);
      } else kept?.push(prop);
    }
    return kept ?? props;
  }

  checkSids(statements: ParsedStatement[]): void {
    // IAM allows only [A-Za-z0-9] in Sids; other services' resource policies allow more (IAM "Sid").
    const iamOwned = this.options.policyType !== 'resource';
    for (let i = 0; i < statements.length; i++) {
      const sid = statements[i]?.sid;
      if (!sid || sid.value === '') continue;
      if (iamOwned && !isAlphanumeric(sid.value)) this.errors.push(makeError('INVALID_SID', { value: sid.value }, sid.span));
      // Policies have a handful of statements: comparing with the earlier ones beats building a Set.
      for (let j = 0; j < i; j++)
        if (statements[j]?.sid?.value === sid.value) {
          this.errors.push(makeError('DUPLICATE_SID', { value: sid.value }, sid.span));
          break;
        }
    }
  }

  span(node: Node): Span {
    return this.positions.span(node.offset, node.length);
  }

  /** Where a property's key is. */
  keySpan(prop: Node): Span {
    return this.positions.span(prop.offset, prop.keyLength);
  }

  /** Where the key that names a value is, when the value sits in an object. */
  keySpanOf(value: Node | undefined): Span | undefined {
    const prop = value?.parent;
    return prop?.type === 'property' ? this.keySpan(prop) : undefined;
  }

  error(code: PolicyErrorCode, params: Record<string, string>, node: Node | undefined, span?: Span | undefined): void {
    const where = span ?? (node ? this.span(node) : this.positions.span(0, 0));
    this.errors.push(makeError(code, params, where));
  }
}
