// @vitest-environment happy-dom
/**
 * The Files editor marks itself busy from a change of the text until that text's findings are
 * shown: the findings list sits above the Save button and moves it, so a click meant for Save must
 * be able to wait for it. The worker's real api runs in this thread.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { worldApi } from '../../../src/worker/api/world.ts';
import { policyApi } from '../../../src/worker/api/policy.ts';

vi.mock('../../../src/worker/client.ts', async (original) => {
  const real = await original<typeof import('../../../src/worker/client.ts')>();
  const api = { ping: () => 'pong', ...worldApi, ...policyApi };
  return {
    latestOnly: real.latestOnly,
    withSimulator: (task: (a: typeof api) => unknown) => Promise.resolve(task(api)),
    onRestart: () => () => undefined,
  };
});

const { WorldFileEditorState } = await import('../../../src/widgets/WorldFileEditor.svelte.ts');

beforeEach(() => localStorage.clear());

it('is busy from a change until the findings of the newest text are in', async () => {
  const ed = new WorldFileEditorState('files-unit', 'notes.json', '');
  expect(ed.checking).toBe(false);
  ed.text = '{"replaced": true}';
  ed.lintSoon();
  expect(ed.checking).toBe(true);
  // A second change before the first check ran: busy until the second text's findings arrive.
  ed.text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
  ed.lintSoon();
  await vi.waitFor(() => expect(ed.checking).toBe(false));
  expect(ed.findings.some((f) => f.severity === 'ERROR')).toBe(false);

  ed.text = '{"replaced": true}';
  ed.lintSoon();
  expect(ed.checking).toBe(true);
  await vi.waitFor(() => expect(ed.checking).toBe(false));
  expect(ed.findings.some((f) => f.severity === 'ERROR')).toBe(true);
});
