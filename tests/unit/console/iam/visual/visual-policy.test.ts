// The visual policy editor's document round trip: what it writes parses back to the same statements,
// a document it can show survives JSON → Visual → JSON with the same meaning, and a document it cannot
// show (elements of "IAM JSON policy element reference" it has no control for) is refused, never dropped.
// "IAM JSON policy element reference": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// "Create IAM policies (console)" (visual editor: one service per permission block):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_create-console.html
import { describe, expect, test } from 'vitest';
import { fromDocument, refusalMessage, toDocument, type VisualPolicy } from '../../../../../src/console/iam/visual/visual-policy.ts';
import { arnVariables, fillArn } from '../../../../../src/console/iam/visual/visual-editor.svelte.ts';

const POLICY: VisualPolicy = {
  statements: [
    {
      sid: 'ReadReports',
      effect: 'Allow',
      service: 's3',
      actions: ['GetObject', 'ListBucket'],
      resources: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
      conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'] }],
    },
    { effect: 'Deny', service: 'iam', actions: ['*'], resources: 'all', conditions: [] },
  ],
};

/** Meaning-preserving normal form: one-element arrays as strings, condition values as strings. */
function normal(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) =>
    Array.isArray(v) && v.length === 1 ? v[0] : typeof v === 'boolean' || typeof v === 'number' ? String(v) : v,
  );
}

describe('visual policy round trip', () => {
  test('visual → JSON → visual gives the same statements', () => {
    const text = toDocument(POLICY);
    expect(fromDocument(text)).toEqual({ ok: true, policy: POLICY });
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadReports',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
          Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        },
        { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
      ],
    });
  });

  test.each([
    [
      'a single statement object with string values',
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}',
    ],
    [
      'conditions with several keys and typed values',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:PutObject"],"Resource":["*"],"Condition":{"Bool":{"aws:SecureTransport":false},"StringNotEquals":{"s3:x-amz-server-side-encryption":["aws:kms","AES256"]}}}]}',
    ],
    [
      'the console template (no actions, no resources yet)',
      '{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Allow","Action":[],"Resource":[]}]}',
    ],
  ])('JSON → visual → JSON keeps the meaning: %s', (_name, text) => {
    const parsed = fromDocument(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(normal(toDocument(parsed.policy))).toEqual(normal(text));
  });

  test.each([
    [
      'NotAction',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}',
      'Statement 1 uses NotAction',
    ],
    [
      'Principal',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}',
      'uses Principal',
    ],
    [
      'two services in one statement',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","iam:GetUser"],"Resource":"*"}]}',
      'more than one service',
    ],
    ['"Action": "*"', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', 'Action value'],
    ['an older Version', '{"Version":"2008-10-17","Statement":[]}', 'no Version and Statement'],
    ['text that is not JSON', '{"Version":', 'does not parse'],
  ])('refuses %s with words, keeping the document', (_name, text, words) => {
    const parsed = fromDocument(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(refusalMessage(parsed.refusal)).toContain(words);
  });

  test('ARN builder: template variables without the partition, empty parts become *', () => {
    const template = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    expect(arnVariables(template)).toEqual(['BucketName', 'ObjectName']);
    expect(fillArn(template, { BucketName: 'reports' })).toBe('arn:aws:s3:::reports/*');
  });
});
