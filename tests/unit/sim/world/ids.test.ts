// IAM User Guide, "IAM identifiers" — unique ID prefixes, 21-character IDs of A-Z2-7, 20-character key IDs.
import { describe, expect, test } from 'vitest';
import { accountIdOfAccessKey, base32, ID_PREFIX, IdGenerator } from '../../../../src/sim/world/ids.ts';

describe('deterministic identifiers', () => {
  test('unique IDs have the AWS prefix, 21 characters and the base32 alphabet', () => {
    const ids = new IdGenerator({ seed: 's', idCounter: 0 });
    for (const prefix of Object.values(ID_PREFIX)) {
      const id = ids.uniqueId(prefix);
      expect(id).toMatch(new RegExp(`^${prefix}[A-Z2-7]{17}$`));
    }
  });

  test('access key IDs are 20 characters and encode the account ID (awsteele.com format)', () => {
    const ids = new IdGenerator({ seed: 'k', idCounter: 0 });
    for (const account of ['123456789012', '000000000001', '999999999999']) {
      const key = ids.accessKeyId('AKIA', account);
      expect(key).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(accountIdOfAccessKey(key)).toBe(account);
    }
  });

  test('the same seed gives the same sequence; another seed another', () => {
    const a = new IdGenerator({ seed: 'one', idCounter: 0 });
    const b = new IdGenerator({ seed: 'one', idCounter: 0 });
    const c = new IdGenerator({ seed: 'two', idCounter: 0 });
    const seq = (g: IdGenerator) => [g.uniqueId('AIDA'), g.secretAccessKey(), g.uuid(), g.s3RequestId()];
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  test('secrets, UUIDs and S3 request IDs have AWS shapes', () => {
    const ids = new IdGenerator({ seed: 'x', idCounter: 0 });
    expect(ids.secretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.s3RequestId()).toMatch(/^[A-Z0-9]{16}$/);
    expect(ids.mfaSeedBase32()).toMatch(/^[A-Z2-7]{64}$/);
  });

  test('base32 follows RFC 4648 test vectors', () => {
    const enc = (s: string) => base32([...new TextEncoder().encode(s)]);
    expect(enc('f')).toBe('MY');
    expect(enc('foobar')).toBe('MZXW6YTBOI');
  });
});
