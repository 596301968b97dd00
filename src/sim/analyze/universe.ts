/**
 * The finite universe a comparison ranges over. Actions: every action of the service reference
 * in a service some pattern names (an action's service prefix cannot be wildcarded: IAM "Action"),
 * plus one action standing for every service no pattern names, which all behave alike. Resources:
 * the ARN templates of the reference, each pattern of the policies instantiated, and one string
 * for every way the patterns can come out (machines.ts). A resource the API accepts is `*` or
 * starts with `arn:` (SimulateCustomPolicy ResourceArns), so only those are explored.
 */
import { getLoadedService, loadServices } from '../catalog/services.ts';
import { matchesAction } from '../evaluate/statement.ts';
import type { ParsedStatement } from '../policy/types.ts';

/** Actions standing for "any service no policy names"; the first whose service is unnamed is used. */
const OTHER_SERVICE_ACTIONS = [
  'ec2:DescribeInstances',
  'sqs:ListQueues',
  'sns:ListTopics',
  'dynamodb:ListTables',
  'kms:ListKeys',
  'cloudwatch:ListMetrics',
  'ssm:DescribeParameters',
];

/** Service prefixes the statements' action patterns name (lower case). */
export function namedServices(statements: readonly ParsedStatement[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    for (const a of [...(s.action ?? []), ...(s.notAction ?? [])]) {
      const colon = a.value.indexOf(':');
      if (colon > 0) out.add(a.value.slice(0, colon).toLowerCase());
    }
  }
  return out;
}

/**
 * Loads the reference for every service the statements name (the comparison itself is synchronous).
 * Only those: the action standing for the unnamed services is used by name (it has no resource
 * type), so their references — EC2's alone is megabytes — are not loaded for it. Loading them cold
 * in the browser's worker is what made a first comparison against `"Action": "*"` take seconds.
 */
export async function loadCatalogFor(statements: readonly ParsedStatement[]): Promise<void> {
  await loadServices([...namedServices(statements)]);
}

/** One action of the universe; `others` marks the one standing for every unnamed service. */
export interface UniverseAction {
  name: string;
  others?: boolean;
}

/** Every action the comparison considers. */
export function actionUniverse(statements: readonly ParsedStatement[]): UniverseAction[] {
  const named = namedServices(statements);
  const out = new Map<string, UniverseAction>();
  for (const prefix of [...named].sort()) {
    const service = getLoadedService(prefix);
    if (service) for (const a of service.actions.values()) out.set(`${prefix}:${a.name}`.toLowerCase(), { name: `${prefix}:${a.name}` });
  }
  // Actions the reference does not list (a newer action, another service) as the policies spell them.
  for (const s of statements) {
    for (const a of [...(s.action ?? []), ...(s.notAction ?? [])]) {
      if (a.value === '*' || !a.value.includes(':')) continue;
      const name = /[*?]/.test(a.value) ? a.value.replace(/[*?]+/g, 'X').replace(/:X?$/, ':X') : a.value;
      if (/^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/.test(name) && !out.has(name.toLowerCase())) {
        const known = [...out.values()].some((u) => matchesAction(a.value, u.name.toLowerCase()));
        if (!known) out.set(name.toLowerCase(), { name });
      }
    }
  }
  const other = OTHER_SERVICE_ACTIONS.find((a) => !named.has((a.split(':')[0] as string).toLowerCase()));
  if (other) out.set(other.toLowerCase(), { name: other, others: true });
  return [...out.values()];
}

/** The reference's ARN templates for an action, with placeholders filled in. */
export function templateResources(action: string): string[] {
  const [prefix = '', name = ''] = action.split(':');
  const service = getLoadedService(prefix);
  const a = service?.actions.get(name.toLowerCase());
  if (!service || !a) return [];
  const out: string[] = [];
  for (const rt of a.resourceTypes) {
    const t = service.resourceTypes.get(rt.name.toLowerCase());
    if (!t) continue;
    out.push(
      t.arn
        .replace(/\$\{Partition\}/g, 'aws')
        .replace(/\$\{Region\}/g, 'us-east-1')
        .replace(/\$\{Account\}/g, '123456789012')
        .replace(/\$\{[^}]*\}/g, 'example'),
    );
  }
  return out;
}
