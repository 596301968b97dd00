/**
 * The service reference loads one service at a time, caches, tells unknown services apart from an
 * unavailable reference, and accepts a host loader (the browser worker's).
 */
import { describe, expect, it } from 'vitest';
import { getLoadedService, loadService, setServiceLoader, CatalogUnavailableError } from '../../../../src/sim/catalog/services.ts';
import { globalKeyFor, RCP_SUPPORTED_SERVICES } from '../../../../src/sim/catalog/static-data.ts';

// Test files run isolated, so replacing the loader in the last test affects only this file.
describe('catalog', () => {
  it('loads a service on demand, with actions, resource types and condition keys', async () => {
    expect(getLoadedService('kms')).toBeUndefined();
    const kms = await loadService('KMS');
    expect(kms?.actions.get('decrypt')?.name).toBe('Decrypt');
    expect(kms?.resourceTypes.get('key')?.arn).toContain(':kms:');
    expect(kms?.conditionKeys.get('kms:viaservice')?.type).toBe('String');
    expect(getLoadedService('kms')).toBe(kms);
  });
  it('an unknown service is known not to exist', async () => {
    expect(await loadService('no-such-service')).toBeUndefined();
    expect(getLoadedService('no-such-service')).toBeNull();
  });
  it('a prefix that is not a service name is never requested', async () => {
    expect(await loadService('../../etc/passwd')).toBeUndefined();
  });
  it('uses a host loader, and an unavailable reference leaves services unloaded', async () => {
    const asked: string[] = [];
    setServiceLoader(async (prefix) => {
      asked.push(prefix);
      if (prefix === 'demo') return { actions: { doit: { name: 'DoIt', resourceTypes: [] } }, resourceTypes: {}, conditionKeys: {} };
      throw new CatalogUnavailableError('offline');
    });
    expect((await loadService('demo'))?.actions.get('doit')?.name).toBe('DoIt');
    expect(await loadService('s3')).toBeUndefined();
    expect(getLoadedService('s3')).toBeUndefined();
    expect(asked).toEqual(['demo', 's3']);
  });
  it('global keys and RCP services are available synchronously', () => {
    expect(globalKeyFor('AWS:SourceIp')?.type).toBe('IPAddress');
    expect(globalKeyFor('aws:PrincipalTag/team')?.prefix).toBe(true);
    expect(globalKeyFor('aws:NoSuchKey')).toBeUndefined();
    expect(RCP_SUPPORTED_SERVICES.has('s3')).toBe(true);
    expect(RCP_SUPPORTED_SERVICES.has('iam')).toBe(false);
  });
});
