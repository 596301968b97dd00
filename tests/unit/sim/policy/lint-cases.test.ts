/**
 * Lint cases: for every check, a policy that triggers it (with the finding's position inside the
 * document) — and a clean policy that triggers nothing. Cites the Access Analyzer check reference
 * or the IAM section behind the rule.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../../src/sim/policy/lint/messages.ts';
import type { PolicyType } from '../../../../src/sim/policy/types.ts';
import { validatePolicy } from '../../../../src/sim/simulate/validate.ts';
import { DOC } from '../evaluate/cases/docs.ts';

const V = '"Version":"2012-10-17"';
const st = (body: string): string => `{${V},"Statement":[${body}]}`;
const AA = DOC.accessAnalyzerChecks;

const cases: { code: keyof typeof CHECKS; doc: string; text: string; type?: PolicyType }[] = [
  { code: 'LINT_UNKNOWN_SERVICE', doc: AA, text: st('{"Effect":"Allow","Action":"nosuchsvc:Get","Resource":"*"}') },
  { code: 'LINT_UNKNOWN_ACTION', doc: AA, text: st('{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}') },
  { code: 'LINT_ACTION_MATCHES_NOTHING', doc: AA, text: st('{"Effect":"Allow","Action":"s3:Fly*","Resource":"*"}') },
  { code: 'LINT_ACTION_CASE', doc: DOC.action, text: st('{"Effect":"Allow","Action":"s3:getobject","Resource":"*"}') },
  { code: 'LINT_WILDCARD_SERVICE', doc: AA, text: st('{"Effect":"Allow","Action":"s*:GetObject","Resource":"*"}') },
  {
    code: 'LINT_ACTION_RESOURCE_MISMATCH',
    doc: AA,
    text: st('{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::bucket/*"}'),
  },
  {
    code: 'LINT_WILDCARD_ONLY_ACTION',
    doc: AA,
    text: st('{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::bucket"}'),
  },
  { code: 'LINT_PASSROLE_WILDCARD', doc: AA, text: st('{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}') },
  { code: 'LINT_FULL_ADMIN', doc: AA, text: st('{"Effect":"Allow","Action":"*","Resource":"*"}') },
  { code: 'LINT_ALLOW_NOT_ACTION', doc: DOC.notAction, text: st('{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}') },
  {
    code: 'LINT_ALLOW_NOT_RESOURCE',
    doc: DOC.notResource,
    text: st('{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"}'),
  },
  {
    code: 'LINT_ALLOW_NOT_PRINCIPAL',
    doc: DOC.notPrincipal,
    type: 'resource',
    text: st('{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}'),
  },
  {
    code: 'LINT_PUBLIC_PRINCIPAL',
    doc: AA,
    type: 'resource',
    text: st('{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}'),
  },
  {
    code: 'LINT_FOR_ALL_VALUES_WITH_ALLOW',
    doc: DOC.multiValue,
    text: st(
      '{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}}',
    ),
  },
  {
    code: 'LINT_SET_OPERATOR_SINGLE_VALUED_KEY',
    doc: DOC.multiValue,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:username":"bob"}}}'),
  },
  {
    code: 'LINT_MULTIVALUED_KEY_WITHOUT_SET_OPERATOR',
    doc: DOC.multiValue,
    text: st('{"Effect":"Deny","Action":"ec2:CreateTags","Resource":"*","Condition":{"StringEquals":{"aws:TagKeys":"env"}}}'),
  },
  {
    code: 'LINT_OPERATOR_TYPE_MISMATCH',
    doc: AA,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:SecureTransport":"false"}}}'),
  },
  {
    code: 'LINT_UNKNOWN_GLOBAL_KEY',
    doc: DOC.globalKeys,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:UserName2":"x"}}}'),
  },
  {
    code: 'LINT_UNKNOWN_SERVICE_KEY',
    doc: AA,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"s3:nosuchkey":"x"}}}'),
  },
  {
    code: 'LINT_INVALID_CIDR',
    doc: DOC.operators,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/33"}}}'),
  },
  {
    code: 'LINT_INVALID_NUMBER',
    doc: DOC.operators,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NumericGreaterThan":{"aws:MultiFactorAuthAge":"one hour"}}}'),
  },
  {
    code: 'LINT_INVALID_BOOL',
    doc: DOC.operators,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"yes"}}}'),
  },
  {
    code: 'LINT_INVALID_BASE64',
    doc: DOC.operators,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"BinaryEquals":{"aws:userid":"not base64!"}}}'),
  },
  {
    code: 'LINT_VARIABLE_NEEDS_VERSION',
    doc: DOC.version,
    text: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}',
  },
  { code: 'LINT_MISSING_VERSION', doc: DOC.version, text: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
  {
    code: 'LINT_OLD_VERSION',
    doc: DOC.version,
    text: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
  },
  {
    code: 'LINT_VARIABLE_OUTSIDE_RESOURCE_PART',
    doc: DOC.variables,
    text: st('{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::${aws:PrincipalAccount}:user/x"}'),
  },
  {
    code: 'LINT_VARIABLE_WITH_OPERATOR',
    doc: DOC.variables,
    text: st('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"${aws:username}"}}}'),
  },
  {
    code: 'LINT_RESOURCE_WILDCARD_SERVICE',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s*:::b/*"}'),
  },
  {
    code: 'LINT_TRUST_POLICY_ACTION',
    doc: DOC.trust,
    type: 'trust',
    text: st('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject"}'),
  },
  {
    code: 'LINT_MFA_BOOL_FALSE',
    doc: DOC.globalKeys,
    text: st('{"Effect":"Deny","Action":"ec2:StopInstances","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}'),
  },
  { code: 'LINT_DUPLICATE_VALUE', doc: AA, text: st('{"Effect":"Allow","Action":["s3:GetObject","s3:GetObject"],"Resource":"*"}') },
  { code: 'LINT_REDUNDANT_ACTION', doc: AA, text: st('{"Effect":"Allow","Action":["s3:Get*","s3:GetObject"],"Resource":"*"}') },
  {
    code: 'LINT_ID_IN_IDENTITY_POLICY',
    doc: DOC.grammar,
    text: `{${V},"Id":"x","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`,
  },
  {
    code: 'LINT_EMPTY_CONDITION_VALUES',
    doc: DOC.condition,
    text: st('{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":[]}}}'),
  },
];

describe('lint checks', () => {
  it('has at least 25 checks, each with a case here', () => {
    expect(Object.keys(CHECKS).length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(Object.keys(CHECKS)));
  });
  for (const c of cases) {
    it(`${c.code} [${c.doc}]`, async () => {
      const findings = await validatePolicy(c.text, c.type ?? 'identity');
      const hit = findings.find((f) => f.code === c.code);
      expect(hit, JSON.stringify(findings.map((f) => f.code))).toBeDefined();
      expect(hit?.severity).toBe(CHECKS[c.code].severity);
      expect(hit?.span.start.offset).toBeGreaterThanOrEqual(0);
      expect(hit?.span.end.offset).toBeLessThanOrEqual(c.text.length);
    });
  }
  it('a clean least-privilege policy has no findings', async () => {
    const text = st(
      '{"Sid":"ReadHome","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::home/${aws:username}/*"},' +
        '{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::home","Condition":{"StringLike":{"s3:prefix":["${aws:username}/*"]}}},' +
        '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}',
    );
    expect(await validatePolicy(text, 'identity')).toEqual([]);
  });
  it('FullAWSAccess as an SCP, an RCP or a boundary is not an administrator warning', async () => {
    const full = st('{"Effect":"Allow","Action":"*","Resource":"*"}');
    expect((await validatePolicy(full, 'scp')).map((f) => f.code)).toEqual([]);
    expect((await validatePolicy(full, 'boundary')).map((f) => f.code)).toEqual([]);
    expect((await validatePolicy(st('{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}'), 'rcp')).map((f) => f.code)).toEqual(
      [],
    );
  });
  it('validation errors come first and stop lint', async () => {
    const findings = await validatePolicy('{"Statement":{"Effect":"Allow"}}', 'identity');
    expect(findings.map((f) => f.code)).toEqual(['MISSING_ACTION', 'MISSING_RESOURCE']);
    expect(findings[0]?.awsMessage).toBe('Policy statement must contain actions.');
  });
});
