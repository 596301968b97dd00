/**
 * Sids: IAM-owned policies allow only [0-9A-Za-z] and every Sid once per policy; resource policies
 * of other services allow more characters ("IAM JSON policy elements: Sid",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../../src/sim/policy/parse.ts';

const stmt = (sid: string, effect = 'Allow'): string =>
  `{"Sid":${JSON.stringify(sid)},"Effect":"${effect}","Action":"s3:*","Resource":"*"}`;
const policy = (...statements: string[]): string => `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
const codes = (text: string, policyType: 'identity' | 'resource' = 'identity'): string[] =>
  parsePolicy(text, { policyType }).errors.map((e) => e.code);

describe('Sid', () => {
  it('accepts exactly the characters of [0-9A-Za-z] in an identity policy', () => {
    for (let c = 0; c <= 0xff; c++) {
      const char = String.fromCharCode(c);
      const expected = /^[0-9A-Za-z]$/.test(char) ? [] : ['INVALID_SID'];
      expect(codes(policy(stmt(`A${char}1`))), `U+${c.toString(16).padStart(4, '0')}`).toEqual(expected);
    }
  });

  it('allows other characters in a resource policy', () => {
    const text = policy('{"Sid":"Read only: home","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}');
    expect(codes(text, 'resource')).toEqual([]);
    expect(codes(text.replace('"Principal":"*",', ''), 'identity')).toEqual(['INVALID_SID']);
  });

  it('reports each repeat of a Sid once, and never empty Sids', () => {
    expect(codes(policy(stmt('A'), stmt('B'), stmt('A', 'Deny'), stmt('A')))).toEqual(['DUPLICATE_SID', 'DUPLICATE_SID']);
    expect(codes(policy(stmt(''), stmt(''), stmt('a'), stmt('A')))).toEqual([]);
  });
});
