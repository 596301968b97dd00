/**
 * Loads Monaco from the local `monaco-editor` package (never a CDN) and configures it for IAM
 * policies. Imported dynamically by the editor component only when an editor scrolls into view.
 */
import loader from '@monaco-editor/loader';
import * as monacoApi from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { policyJsonSchema, POLICY_SCHEMA_URI, POLICY_MODEL_MATCH } from './policy-schema.ts';
import { registerPolicyLanguage } from './policy-language.ts';

/** The Monaco namespace as this project bundles it. */
export type Monaco = typeof monacoApi;

let ready: Promise<Monaco> | undefined;

/** Monaco, configured once per page: local workers, IAM policy schema, no remote schema requests. */
export function loadMonaco(): Promise<Monaco> {
  ready ??= init();
  return ready;
}

async function init(): Promise<Monaco> {
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      return label === 'json' ? new JsonWorker() : new EditorWorker();
    },
  };
  // Hand the loader our local instance so it never requests its default CDN path.
  loader.config({ monaco: monacoApi as never });
  const monaco = (await loader.init()) as unknown as Monaco;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [{ uri: POLICY_SCHEMA_URI, fileMatch: [POLICY_MODEL_MATCH], schema: policyJsonSchema }],
  });
  registerPolicyLanguage(monaco);
  return monaco;
}
