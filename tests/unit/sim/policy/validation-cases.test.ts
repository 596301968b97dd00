/**
 * Validation cases: documents IAM rejects with MalformedPolicyDocument, per policy type, with the
 * stable code, IAM's own message ("Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) and a position; and documents it accepts.
 */
import { describe, expect, it } from 'vitest';
import { malformedPolicyMessage } from '../../../../src/sim/policy/messages.ts';
import { parsePolicy } from '../../../../src/sim/policy/parse.ts';
import type { PolicyType } from '../../../../src/sim/policy/types.ts';
import { DOC } from '../evaluate/cases/docs.ts';

const V = '"Version":"2012-10-17"';
const st = (body: string): string => `{${V},"Statement":[${body}]}`;

interface Rejected {
  name: string;
  doc: string;
  text: string;
  type?: PolicyType;
  managed?: boolean;
  code: string;
  aws: string;
}

const SYNTAX = 'Syntax errors in policy.';
const rejected: Rejected[] = [
  // "Grammar of the IAM JSON policy language", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html: invalid JSON is "Syntax errors in policy." for CreatePolicy / Put*Policy and
  // "This policy contains invalid Json" for CreateRole / UpdateAssumeRolePolicy (the classic missing file://).
  { name: 'not JSON', doc: DOC.grammar, text: '{"Version": ', code: 'JSON_SYNTAX', aws: SYNTAX },
  { name: 'comments are not JSON', doc: DOC.grammar, text: `{${V}, // x\n"Statement":[]}`, code: 'JSON_SYNTAX', aws: SYNTAX },
  {
    name: 'trailing comma',
    doc: DOC.grammar,
    text: `{${V},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},]}`,
    code: 'JSON_SYNTAX',
    aws: SYNTAX,
  },
  {
    name: 'identity policy: a file name instead of JSON (forgot file://)',
    doc: DOC.grammar,
    text: 'policy.json',
    code: 'JSON_SYNTAX',
    aws: SYNTAX,
  },
  {
    name: 'permissions boundary (a managed policy): not JSON',
    doc: DOC.grammar,
    type: 'boundary',
    text: 'policy.json',
    code: 'JSON_SYNTAX',
    aws: SYNTAX,
  },
  {
    name: 'trust policy: a file name instead of JSON (forgot file://)',
    doc: DOC.trust,
    type: 'trust',
    text: 'trust.json',
    code: 'JSON_SYNTAX',
    aws: 'This policy contains invalid Json',
  },
  { name: 'an array is not a policy', doc: DOC.grammar, text: '[]', code: 'NOT_AN_OBJECT', aws: SYNTAX },
  { name: 'unknown top-level key', doc: DOC.grammar, text: `{${V},"Statements":[]}`, code: 'UNKNOWN_TOP_LEVEL_KEY', aws: SYNTAX },
  { name: 'missing Statement', doc: DOC.grammar, text: `{${V}}`, code: 'MISSING_STATEMENT', aws: SYNTAX },
  { name: 'empty Statement array', doc: DOC.grammar, text: `{${V},"Statement":[]}`, code: 'EMPTY_STATEMENT', aws: SYNTAX },
  { name: 'unknown Version', doc: DOC.version, text: `{"Version":"2012-10-18","Statement":[]}`, code: 'INVALID_VERSION', aws: SYNTAX },
  {
    name: 'managed policy without Version',
    doc: DOC.version,
    managed: true,
    text: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    code: 'VERSION_REQUIRED',
    aws: 'Policy document must be version 2012-10-17 or greater.',
  },
  {
    name: 'managed policy with 2008-10-17',
    doc: DOC.version,
    managed: true,
    text: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    code: 'VERSION_REQUIRED',
    aws: 'Policy document must be version 2012-10-17 or greater.',
  },
  {
    name: 'duplicate key',
    doc: DOC.grammar,
    text: st('{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}'),
    code: 'DUPLICATE_KEY',
    aws: SYNTAX,
  },
  {
    name: 'unknown statement key',
    doc: DOC.grammar,
    text: st('{"Effect":"Allow","Actions":"*","Resource":"*"}'),
    code: 'UNKNOWN_STATEMENT_KEY',
    aws: SYNTAX,
  },
  { name: 'missing Effect', doc: DOC.grammar, text: st('{"Action":"*","Resource":"*"}'), code: 'MISSING_EFFECT', aws: SYNTAX },
  {
    name: 'Effect in the wrong case fails legacy parsing',
    doc: DOC.grammar,
    text: st('{"Effect":"allow","Action":"*","Resource":"*"}'),
    code: 'INVALID_EFFECT',
    aws: 'The policy failed legacy parsing',
  },
  {
    name: 'Effect neither Allow nor Deny',
    doc: DOC.grammar,
    text: st('{"Effect":"Permit","Action":"*","Resource":"*"}'),
    code: 'INVALID_EFFECT',
    aws: SYNTAX,
  },
  {
    name: 'no Action',
    doc: DOC.action,
    text: st('{"Effect":"Allow","Resource":"*"}'),
    code: 'MISSING_ACTION',
    aws: 'Policy statement must contain actions.',
  },
  {
    name: 'empty Action list',
    doc: DOC.action,
    text: st('{"Effect":"Allow","Action":[],"Resource":"*"}'),
    code: 'MISSING_ACTION',
    aws: 'Policy statement must contain actions.',
  },
  {
    name: 'Action and NotAction',
    doc: DOC.notAction,
    text: st('{"Effect":"Allow","Action":"*","NotAction":"iam:*","Resource":"*"}'),
    code: 'BOTH_ACTION_AND_NOT_ACTION',
    aws: SYNTAX,
  },
  {
    name: 'identity policy without Resource',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"*"}'),
    code: 'MISSING_RESOURCE',
    aws: 'Policy statement must contain resources.',
  },
  {
    name: 'Resource and NotResource',
    doc: DOC.notResource,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}'),
    code: 'BOTH_RESOURCE_AND_NOT_RESOURCE',
    aws: SYNTAX,
  },
  {
    name: 'identity policy with a Principal',
    doc: DOC.principal,
    text: st('{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}'),
    code: 'PRINCIPAL_NOT_ALLOWED',
    aws: 'Policy document should not specify a principal.',
  },
  {
    name: 'permissions boundary with a Principal',
    doc: DOC.principal,
    type: 'boundary',
    text: st('{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}'),
    code: 'PRINCIPAL_NOT_ALLOWED',
    aws: 'Policy document should not specify a principal.',
  },
  {
    name: 'SCP with a Principal',
    doc: DOC.scp,
    type: 'scp',
    text: st('{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}'),
    code: 'PRINCIPAL_NOT_ALLOWED',
    aws: 'Policy document should not specify a principal.',
  },
  {
    name: 'trust policy with Resource',
    doc: DOC.trust,
    type: 'trust',
    text: st('{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}'),
    code: 'RESOURCE_NOT_ALLOWED',
    aws: 'Has prohibited field Resource',
  },
  {
    name: 'trust policy without Principal',
    doc: DOC.trust,
    type: 'trust',
    text: st('{"Effect":"Allow","Action":"sts:AssumeRole"}'),
    code: 'MISSING_PRINCIPAL',
    aws: 'Missing required field Principal',
  },
  {
    name: 'resource policy without Principal',
    doc: DOC.principal,
    type: 'resource',
    text: st('{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}'),
    code: 'MISSING_PRINCIPAL',
    aws: 'Missing required field Principal',
  },
  {
    name: 'trust policy with NotPrincipal',
    doc: DOC.notPrincipal,
    type: 'trust',
    text: st('{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}'),
    code: 'NOT_PRINCIPAL_NOT_ALLOWED',
    aws: 'Has prohibited field NotPrincipal',
  },
  {
    name: 'Principal and NotPrincipal',
    doc: DOC.notPrincipal,
    type: 'resource',
    text: st('{"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}'),
    code: 'BOTH_PRINCIPAL_AND_NOT_PRINCIPAL',
    aws: SYNTAX,
  },
  {
    name: 'Sid with a space',
    doc: DOC.grammar,
    text: st('{"Sid":"Read only","Effect":"Allow","Action":"*","Resource":"*"}'),
    code: 'INVALID_SID',
    aws: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  },
  {
    name: 'duplicate Sid',
    doc: DOC.grammar,
    text: st('{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"iam:*","Resource":"*"}'),
    code: 'DUPLICATE_SID',
    aws: 'Statement IDs (SID) in a single policy must be unique.',
  },
  {
    name: 'action without a vendor',
    doc: DOC.action,
    text: st('{"Effect":"Allow","Action":"GetObject","Resource":"*"}'),
    code: 'ACTION_NO_VENDOR',
    aws: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  },
  {
    name: 'action with two colons',
    doc: DOC.action,
    text: st('{"Effect":"Allow","Action":"s3:Get:Object","Resource":"*"}'),
    code: 'ACTION_TOO_MANY_COLONS',
    aws: 'Actions/Condition can contain only one colon.',
  },
  {
    name: 'invalid vendor',
    doc: DOC.action,
    text: st('{"Effect":"Allow","Action":"s 3:GetObject","Resource":"*"}'),
    code: 'ACTION_INVALID_VENDOR',
    aws: 'Vendor s 3 is not valid',
  },
  {
    name: 'resource not an ARN',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"s3:*","Resource":"mybucket"}'),
    code: 'RESOURCE_NOT_ARN',
    aws: 'Resource mybucket must be in ARN format or "*".',
  },
  {
    name: 'bad partition',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"s3:*","Resource":"arn:amazon:s3:::b"}'),
    code: 'RESOURCE_INVALID_PARTITION',
    aws: 'Partition "amazon" is not valid for resource "arn:amazon:s3:::b".',
  },
  {
    name: 'IAM ARN with a region',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam:us-east-1:111122223333:user/x"}'),
    code: 'RESOURCE_REGION_NOT_ALLOWED',
    aws: 'IAM resource arn:aws:iam:us-east-1:111122223333:user/x cannot contain region information.',
  },
  {
    name: 'S3 ARN with a region',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:us-east-1::b"}'),
    code: 'RESOURCE_REGION_NOT_ALLOWED',
    aws: 'Resource arn:aws:s3:us-east-1::b can not contain region information.',
  },
  {
    name: 'IAM resource of an unknown type',
    doc: DOC.resource,
    text: st('{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::111122223333:person/x"}'),
    code: 'IAM_RESOURCE_INVALID_TYPE',
    aws: 'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  },
  {
    name: 'partial wildcard principal',
    doc: DOC.principal,
    type: 'resource',
    text: st('{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:root"},"Action":"s3:*","Resource":"*"}'),
    code: 'INVALID_PRINCIPAL',
    aws: 'Invalid principal in policy: "AWS":"arn:aws:iam::*:root"',
  },
  {
    name: 'malformed service principal',
    doc: DOC.principal,
    type: 'trust',
    text: st('{"Effect":"Allow","Principal":{"Service":"ec2"},"Action":"sts:AssumeRole"}'),
    code: 'INVALID_PRINCIPAL',
    aws: 'Invalid principal in policy: "SERVICE":"ec2"',
  },
  {
    name: 'unknown principal kind',
    doc: DOC.principal,
    type: 'resource',
    text: st('{"Effect":"Allow","Principal":{"User":"alice"},"Action":"s3:*","Resource":"*"}'),
    code: 'UNKNOWN_PRINCIPAL_KIND',
    aws: SYNTAX,
  },
  {
    name: 'RCP principal must be *',
    doc: DOC.rcp,
    type: 'rcp',
    text: st('{"Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}'),
    code: 'INVALID_PRINCIPAL',
    aws: 'Invalid principal in policy: "AWS":"111122223333"',
  },
  {
    name: 'unknown condition operator',
    doc: DOC.operators,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqual":{"aws:username":"a"}}}'),
    code: 'UNKNOWN_CONDITION_OPERATOR',
    aws: SYNTAX,
  },
  {
    name: 'Null with IfExists',
    doc: DOC.operators,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"aws:username":"true"}}}'),
    code: 'NULL_IF_EXISTS',
    aws: SYNTAX,
  },
  {
    name: 'condition key without vendor',
    doc: DOC.condition,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"username":"a"}}}'),
    code: 'ACTION_NO_VENDOR',
    aws: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  },
  {
    name: 'bad date fails legacy parsing',
    doc: DOC.operators,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"next tuesday"}}}'),
    code: 'INVALID_CONDITION_VALUE',
    aws: 'The policy failed legacy parsing',
  },
  {
    name: 'condition value must be scalar',
    doc: DOC.condition,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":{"a":1}}}}'),
    code: 'WRONG_TYPE',
    aws: SYNTAX,
  },
  {
    name: 'Action as a number',
    doc: DOC.grammar,
    text: st('{"Effect":"Allow","Action":5,"Resource":"*"}'),
    code: 'WRONG_TYPE',
    aws: SYNTAX,
  },
  {
    name: 'characters outside U+00FF',
    doc: DOC.quotas,
    text: st('{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::caf\u20ac"}'),
    code: 'INVALID_CHARACTER',
    aws: SYNTAX,
  },
  {
    name: 'hostile nesting depth',
    doc: DOC.grammar,
    text: `{${V},"Statement":${'['.repeat(500)}${']'.repeat(500)}}`,
    code: 'TOO_DEEP',
    aws: SYNTAX,
  },
  {
    name: 'larger than the API accepts',
    doc: DOC.quotas,
    text: st(`{"Effect":"Allow","Action":"*","Resource":"${'a'.repeat(140_000)}"}`),
    code: 'TOO_LARGE',
    aws: SYNTAX,
  },
];

describe('IAM rejects', () => {
  for (const c of rejected) {
    it(`${c.name}: ${c.code} [${c.doc}]`, () => {
      const r = parsePolicy(c.text, c.managed ? { policyType: c.type ?? 'identity', managed: true } : { policyType: c.type ?? 'identity' });
      expect(r.ok).toBe(false);
      expect(r.errors[0]?.code).toBe(c.code);
      expect(malformedPolicyMessage(r.errors)).toBe(c.aws);
      expect(r.errors[0]?.span.start.line).toBeGreaterThanOrEqual(1);
      expect(r.errors[0]?.message.length).toBeGreaterThan(10);
    });
  }
});

const accepted: { name: string; doc: string; text: string; type?: PolicyType }[] = [
  { name: 'Statement as a single object', doc: DOC.grammar, text: `{${V},"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}` },
  { name: 'no Version (inline policy)', doc: DOC.version, text: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' },
  {
    name: 'Version 2008-10-17 (inline policy)',
    doc: DOC.version,
    text: '{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
  },
  {
    name: 'Id and Sid',
    doc: DOC.grammar,
    text: `{${V},"Id":"p1","Statement":[{"Sid":"A1","Effect":"Allow","Action":"*","Resource":"*"}]}`,
  },
  {
    name: 'numbers and booleans as condition values',
    doc: DOC.operators,
    text: st(
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}',
    ),
  },
  {
    name: 'trust policy with service principal',
    doc: DOC.trust,
    type: 'trust',
    text: st('{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}'),
  },
  {
    name: 'trust policy with account and role principals',
    doc: DOC.trust,
    type: 'trust',
    text: st('{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:role/x"]},"Action":"sts:AssumeRole"}'),
  },
  {
    name: 'trust policy with a SAML provider',
    doc: DOC.trust,
    type: 'trust',
    text: st(
      '{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRoleWithSAML"}',
    ),
  },
  {
    name: 'bucket policy with "*" principal',
    doc: DOC.principal,
    type: 'resource',
    text: st('{"Sid":"Public read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}'),
  },
  {
    name: 'resource policy Sid may contain spaces',
    doc: DOC.grammar,
    type: 'resource',
    text: st('{"Sid":"Allow all","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}'),
  },
  {
    name: 'SCP deny with condition',
    doc: DOC.scp,
    type: 'scp',
    text: st('{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}'),
  },
  {
    name: 'RCP with "*" principal',
    doc: DOC.rcp,
    type: 'rcp',
    text: st('{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}'),
  },
  {
    name: 'epoch date value',
    doc: DOC.operators,
    text: st('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:EpochTime":"1767225600"}}}'),
  },
  {
    name: 'canonical user principal',
    doc: DOC.principal,
    type: 'resource',
    text: st(`{"Effect":"Allow","Principal":{"CanonicalUser":"${'ab'.repeat(32)}"},"Action":"s3:GetObject","Resource":"*"}`),
  },
];

describe('IAM accepts', () => {
  for (const c of accepted) {
    it(`${c.name} [${c.doc}]`, () => {
      const r = parsePolicy(c.text, { policyType: c.type ?? 'identity' });
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
});

describe('positions', () => {
  it('keeps 1-based line and column for every element', () => {
    const text = `{\n  ${V},\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject"],\n      "Resource": "*"\n    }\n  ]\n}`;
    const r = parsePolicy(text, { policyType: 'identity' });
    if (!r.ok) throw new Error('expected ok');
    const s = r.policy.statements[0];
    expect(s?.span.start).toMatchObject({ line: 4, column: 5 });
    expect(s?.span.end).toMatchObject({ line: 8, column: 6 });
    expect(s?.action?.[0]?.span.start).toMatchObject({ line: 6, column: 18 });
    expect(s?.effect.span.start).toMatchObject({ line: 5, column: 17 });
  });
  it('points at the offending element', () => {
    const r = parsePolicy(`{\n${V},\n"Statement": {"Effect": "Allow", "Action": "s3", "Resource": "*"}}`, { policyType: 'identity' });
    expect(r.errors[0]?.code).toBe('ACTION_NO_VENDOR');
    expect(r.errors[0]?.span.start).toMatchObject({ line: 3, column: 44 });
  });
});
