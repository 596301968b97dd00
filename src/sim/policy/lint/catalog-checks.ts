/**
 * Checks against the service authorization reference: unknown services and actions, patterns that
 * match no action, actions that don't apply to the statement's resources, and wildcard-only
 * actions (no resource-level permissions) paired with specific resources.
 */
import type { CatalogAction, CatalogService } from '../../catalog/services.ts';
import type { ParsedStatement } from '../types.ts';
import { globCovers } from './glob.ts';
import { finding, type LintFinding } from './messages.ts';

type Lookup = (prefix: string) => CatalogService | null | undefined;

/** Runs the catalog checks for one statement (skipped for services not loaded). */
export function checkCatalog(s: ParsedStatement, out: LintFinding[], lookup: Lookup): void {
  const actions = s.action ?? s.notAction ?? [];
  const specificResources = s.resource && !s.resource.some((r) => r.value === '*') ? s.resource : undefined;
  for (const a of actions) {
    if (a.value === '*') continue;
    const colon = a.value.indexOf(':');
    if (colon <= 0) continue;
    const prefix = a.value.slice(0, colon);
    if (/[*?]/.test(prefix)) continue;
    const service = lookup(prefix);
    if (service === undefined) continue;
    if (service === null) {
      out.push(finding('LINT_UNKNOWN_SERVICE', { service: prefix }, a.span));
      continue;
    }
    const name = a.value.slice(colon + 1);
    if (/[*?]/.test(name)) {
      const pattern = name.toLowerCase();
      let any = false;
      for (const k of service.actions.keys()) {
        if (globCovers(pattern, k)) {
          any = true;
          break;
        }
      }
      if (!any) out.push(finding('LINT_ACTION_MATCHES_NOTHING', { value: a.value, service: prefix }, a.span));
      continue;
    }
    const action = service.actions.get(name.toLowerCase());
    if (!action) {
      out.push(finding('LINT_UNKNOWN_ACTION', { service: prefix, action: name }, a.span));
      continue;
    }
    const canonical = `${service.prefix}:${action.name}`;
    if (a.value !== canonical) out.push(finding('LINT_ACTION_CASE', { value: a.value, canonical }, a.span));
    if (!s.action || !specificResources) continue;
    if (action.resourceTypes.length === 0) {
      out.push(finding('LINT_WILDCARD_ONLY_ACTION', { action: canonical }, a.span));
      continue;
    }
    if (
      actionApplies(
        service,
        action,
        specificResources.map((r) => r.value),
      ) === false
    )
      out.push(
        finding('LINT_ACTION_RESOURCE_MISMATCH', { action: canonical, types: action.resourceTypes.map((r) => r.name).join(', ') }, a.span),
      );
  }
}

/**
 * Whether an action of the reference applies to one of these resource patterns: true, false, or
 * undefined when the reference gives no ARN template to test against. A pattern applies when some
 * concrete ARN it matches fits one of the action's resource-type templates.
 */
export function actionApplies(service: CatalogService, action: CatalogAction, resources: readonly string[]): boolean | undefined {
  const templates = action.resourceTypes
    .map((rt) => service.resourceTypes.get(rt.name.toLowerCase())?.arn)
    .filter((t): t is string => t !== undefined)
    .map(templateRegex);
  if (templates.length === 0) return undefined;
  return resources.some((r) => {
    const sample = r.replace(/\$\{[^}]*\}/g, 'x').replace(/[*?]/g, 'x');
    return templates.some((t) => t.test(sample));
  });
}

const regexCache = new Map<string, RegExp>();

/**
 * An ARN template from the reference as a regular expression (templates are trusted data with a
 * few placeholders). Placeholders stay within a colon segment; in the resource part they also stop
 * at `/`, except names that hold paths or keys (ObjectName, …WithPath, Key, Prefix, Path).
 */
function templateRegex(template: string): RegExp {
  const hit = regexCache.get(template);
  if (hit) return hit;
  let colons = 0;
  let out = '^';
  for (let i = 0; i < template.length;) {
    if (template.startsWith('${', i)) {
      const end = template.indexOf('}', i);
      const name = template.slice(i + 2, end < 0 ? template.length : end);
      const pathy = /(ObjectName|WithPath|Key|Prefix|Path|Id)$/i.test(name) && colons >= 5;
      out += colons < 5 ? '[^:]*' : pathy ? '.*' : '[^/]*';
      i = end < 0 ? template.length : end + 1;
    } else {
      const ch = template[i] ?? '';
      if (ch === ':') colons++;
      out += ch.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      i++;
    }
  }
  const re = new RegExp(`${out}$`);
  regexCache.set(template, re);
  return re;
}
