/**
 * IAM-aware completion and hover for policy editors, on top of Monaco's JSON language: inside
 * Action/NotAction the services and their actions (with description and access level), inside
 * Resource/NotResource the service's ARN templates, and as condition keys the global keys and the
 * keys of the services the policy names. Data comes from the worker's catalog, one service at a time.
 */
import { getLocation, type JSONPath } from 'jsonc-parser';
import type * as MonacoNs from 'monaco-editor/editor';
import { catalogService, catalogServices, globalConditionKeys } from './catalog.ts';
import { POLICY_MODEL_PREFIX } from './policy-schema.ts';

type Monaco = typeof MonacoNs;

/** Registers the providers once per page. */
export function registerPolicyLanguage(monaco: Monaco): void {
  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: [':', '"', '/'],
    provideCompletionItems: (model, position) => (isPolicyModel(model) ? complete(monaco, model, position) : { suggestions: [] }),
  });
  monaco.languages.registerHoverProvider('json', {
    provideHover: (model, position) => (isPolicyModel(model) ? hover(model, position) : null),
  });
}

/** What kind of value the cursor is in. */
export function slotAt(path: JSONPath, isAtPropertyKey: boolean): 'action' | 'resource' | 'conditionKey' | null {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (!isAtPropertyKey && (last === 'Action' || last === 'NotAction')) return 'action';
  if (!isAtPropertyKey && (last === 'Resource' || last === 'NotResource')) return 'resource';
  const conditionAt = path.lastIndexOf('Condition');
  if (conditionAt >= 0 && isAtPropertyKey && path.length === conditionAt + 3) return 'conditionKey';
  return null;
}

function isPolicyModel(model: MonacoNs.editor.ITextModel): boolean {
  return model.uri.toString().startsWith(POLICY_MODEL_PREFIX);
}

/** The string the cursor is in: its text before the cursor, and its range. */
function currentString(
  model: MonacoNs.editor.ITextModel,
  position: MonacoNs.Position,
): { typed: string; startColumn: number; endColumn: number } {
  const line = model.getLineContent(position.lineNumber);
  const before = line.slice(0, position.column - 1);
  const open = before.lastIndexOf('"');
  const startColumn = open + 2;
  const close = line.indexOf('"', position.column - 1);
  return { typed: before.slice(open + 1), startColumn, endColumn: close >= 0 ? close + 1 : position.column };
}

/** Services named in the policy's actions, for condition keys and resource templates. */
function servicesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/"([a-z0-9-]+):[A-Za-z*?]/g)].map((m) => m[1]!))];
}

async function complete(
  monaco: Monaco,
  model: MonacoNs.editor.ITextModel,
  position: MonacoNs.Position,
): Promise<MonacoNs.languages.CompletionList> {
  const text = model.getValue();
  const location = getLocation(text, model.getOffsetAt(position));
  const slot = slotAt(location.path, location.isAtPropertyKey);
  if (!slot) return { suggestions: [] };
  const { typed, startColumn, endColumn } = currentString(model, position);
  const range = new monaco.Range(position.lineNumber, startColumn, position.lineNumber, endColumn);
  const kind = monaco.languages.CompletionItemKind;

  if (slot === 'action') {
    const colon = typed.indexOf(':');
    if (colon < 0) {
      const services = await catalogServices();
      return {
        suggestions: services.map((s) => ({
          label: `${s}:`,
          kind: kind.Module,
          insertText: `${s}:`,
          range,
          command: { id: 'editor.action.triggerSuggest', title: 'actions' },
        })),
      };
    }
    const service = await catalogService(typed.slice(0, colon));
    if (!service) return { suggestions: [] };
    return {
      suggestions: service.actions.map((a) => ({
        label: `${service.prefix}:${a.name}`,
        kind: kind.Function,
        detail: a.accessLevel,
        documentation: a.description,
        insertText: `${service.prefix}:${a.name}`,
        range,
      })),
    };
  }

  if (slot === 'resource') {
    const templates = await Promise.all(servicesIn(text).map((s) => catalogService(s)));
    const suggestions = templates.flatMap((service) =>
      (service?.resourceTypes ?? []).map((r) => ({
        label: r.arn.replaceAll('${Partition}', 'aws'),
        kind: kind.Reference,
        detail: `${service!.prefix} ${r.name}`,
        insertText: r.arn.replaceAll('${Partition}', 'aws'),
        range,
      })),
    );
    return { suggestions: [...suggestions, { label: '*', kind: kind.Constant, detail: 'every resource', insertText: '*', range }] };
  }

  const keys = [...(await globalConditionKeys())];
  for (const service of await Promise.all(servicesIn(text).map((s) => catalogService(s)))) keys.push(...(service?.conditionKeys ?? []));
  return {
    suggestions: keys.map((k) => ({
      label: k.name,
      kind: kind.Property,
      detail: k.type,
      documentation: k.description,
      insertText: k.name,
      range,
    })),
  };
}

async function hover(model: MonacoNs.editor.ITextModel, position: MonacoNs.Position): Promise<MonacoNs.languages.Hover | null> {
  const text = model.getValue();
  const location = getLocation(text, model.getOffsetAt(position));
  if (slotAt(location.path, location.isAtPropertyKey) !== 'action') return null;
  const value = location.previousNode?.value;
  if (typeof value !== 'string' || !value.includes(':') || /[*?]/.test(value)) return null;
  const [prefix, name] = value.split(':') as [string, string];
  const service = await catalogService(prefix);
  const action = service?.actions.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!service || !action) return { contents: [{ value: `\`${value}\` is not an action in the service reference.` }] };
  return {
    contents: [
      { value: `**${service.prefix}:${action.name}** — ${service.name}` },
      { value: `${action.description}\n\nAccess level: **${action.accessLevel}**` },
    ],
  };
}
