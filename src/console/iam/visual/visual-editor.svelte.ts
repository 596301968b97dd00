/**
 * The visual policy editor's working state: the statements, the service reference each statement's
 * service needs (asked of the worker, one service at a time), and every edit turned back into the
 * document text the policy draft validates. Components render it and call its methods.
 */
import { catalogService, catalogServices, globalConditionKeys } from '../../../editor/catalog.ts';
import type { CatalogAction, CatalogService } from '../../../worker/protocol.ts';
import { emptyStatement, toDocument, type VisualPolicy, type VisualStatement } from './visual-policy.ts';

/** The access levels in the order the console lists them. */
export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;

/** The condition operators offered (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnLike',
  'ArnNotLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThan',
  'DateLessThan',
  'DateGreaterThan',
  'Bool',
  'IpAddress',
  'NotIpAddress',
  'Null',
] as const;

/** The access level an action is grouped under (the reference may list two, e.g. "Permissions management, Write"). */
export function accessLevelOf(action: CatalogAction): string {
  const first = action.accessLevel.split(',')[0]?.trim() ?? '';
  return (ACCESS_LEVELS as readonly string[]).includes(first) ? first : 'Write';
}

/** The visual editor of one policy. */
export class VisualEditorState {
  policy: VisualPolicy = $state({ statements: [emptyStatement()] });
  /** Service prefix → its reference, once loaded. */
  catalogs: Record<string, CatalogService> = $state.raw({});
  services: string[] = $state.raw([]);
  globalKeys: string[] = $state.raw([]);
  /** A service the reference does not know, per statement index. */
  unknownService: Record<number, string> = $state.raw({});
  #onchange: (text: string) => void;

  /** `onchange` receives the document text after every edit. */
  constructor(policy: VisualPolicy, onchange: (text: string) => void) {
    this.policy = policy.statements.length ? policy : { statements: [emptyStatement()] };
    this.#onchange = onchange;
    void catalogServices().then((s) => (this.services = s));
    void globalConditionKeys().then((k) => (this.globalKeys = k.map((x) => x.name)));
    for (const s of this.policy.statements) if (s.service) void this.#load(s.service);
  }

  /** Call after changing a statement in place. */
  changed(): void {
    this.#onchange(toDocument($state.snapshot(this.policy) as VisualPolicy));
  }

  /** Chooses the statement's service; its actions and resources start over. */
  async setService(index: number, prefix: string): Promise<void> {
    const s = this.policy.statements[index];
    if (!s) return;
    const key = prefix.trim().toLowerCase();
    if (s.service !== key) {
      s.service = key;
      s.actions = [];
      s.resources = [];
      s.conditions = [];
    }
    const loaded = key ? await this.#load(key) : undefined;
    const unknown = { ...this.unknownService };
    if (key && !loaded) unknown[index] = key;
    else delete unknown[index];
    this.unknownService = unknown;
    this.changed();
  }

  /** Adds or removes one action; choosing every action or `*` is the same for the document. */
  toggleAction(index: number, action: string, on: boolean): void {
    const s = this.policy.statements[index];
    if (!s) return;
    const rest = s.actions.filter((a) => a !== action && a !== '*');
    s.actions = on ? [...rest, action] : rest;
    this.changed();
  }

  /** `service:*` on or off. */
  setAllActions(index: number, on: boolean): void {
    const s = this.policy.statements[index];
    if (!s) return;
    s.actions = on ? ['*'] : [];
    this.changed();
  }

  /** The statement's actions' resource types (every type of the service when the actions say nothing or all are chosen). */
  resourceTypesFor(s: VisualStatement): { name: string; arn: string }[] {
    const catalog = this.catalogs[s.service];
    if (!catalog) return [];
    if (s.actions.includes('*')) return catalog.resourceTypes;
    const names = catalog.actions.filter((a) => s.actions.includes(a.name)).flatMap((a) => a.resourceTypes ?? []);
    return catalog.resourceTypes.filter((r) => names.includes(r.name));
  }

  /** Adds a statement. */
  addStatement(): void {
    this.policy.statements.push(emptyStatement());
    this.changed();
  }

  /** Removes a statement (one always stays). */
  removeStatement(index: number): void {
    if (this.policy.statements.length <= 1) return;
    this.policy.statements.splice(index, 1);
    this.changed();
  }

  async #load(prefix: string): Promise<CatalogService | undefined> {
    const cached = this.catalogs[prefix];
    if (cached) return cached;
    const loaded = await catalogService(prefix);
    if (loaded) this.catalogs = { ...this.catalogs, [prefix]: loaded };
    return loaded;
  }
}

/** An ARN template's variables (`${BucketName}`), without the partition (always `aws` here). */
export function arnVariables(template: string): string[] {
  return [...template.matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1] as string).filter((v) => v !== 'Partition');
}

/** Fills an ARN template; an empty variable becomes `*` (any). */
export function fillArn(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => (name === 'Partition' ? 'aws' : values[name]?.trim() || '*'));
}
