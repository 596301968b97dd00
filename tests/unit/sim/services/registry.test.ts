// Every operation spec has a handler and every handler a spec; specs use botocore member names.
import { describe, expect, test } from 'vitest';
import { OPERATIONS } from '../../../../src/sim/services/handlers.ts';
import {
  getOperationSpec,
  getOperationSpecByCliName,
  listOperations,
  SIMULATED_SERVICES,
} from '../../../../src/sim/services/specs/index.ts';

describe('operation registry', () => {
  test.each(SIMULATED_SERVICES.map((s) => [s]))('%s: specs and handlers match one to one', (service) => {
    const specs = listOperations(service)
      .map((s) => s.name)
      .sort();
    const handlers = Object.keys(OPERATIONS[service] ?? {}).sort();
    expect(handlers).toEqual(specs);
  });

  test('shapes follow botocore (member names, required, constraints) and CLI names', () => {
    const createUser = getOperationSpec('iam', 'CreateUser');
    expect(createUser?.input.required).toEqual(['UserName']);
    expect(createUser?.input.members['UserName']).toEqual({ type: 'string', min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
    expect(getOperationSpecByCliName('s3', 'list-objects-v2')?.name).toBe('ListObjectsV2');
    expect(getOperationSpec('s3', 'GetObject')?.positionalOutfile?.member).toBe('outfile');
    expect(getOperationSpec('sts', 'AssumeRole')?.input.members['DurationSeconds']).toEqual({ type: 'integer', min: 900, max: 43200 });
  });
});
