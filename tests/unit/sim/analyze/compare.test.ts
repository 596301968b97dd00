/**
 * comparePolicies on cases whose answer the AWS documentation fixes, one or more per condition
 * family, plus the policy types and errors. Each witness is also replayed here through
 * SimulateCustomPolicy (the comparison already replays every witness before reporting it).
 */
import { describe, expect, it } from 'vitest';
import { AnalysisError, comparePolicies, type Witness } from '../../../../src/sim/analyze/index.ts';
import { simulateCustomPolicy } from '../../../../src/sim/simulate/custom.ts';

const doc = (...Statement: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[], Condition?: object): object => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

function decision(policy: string, w: Witness): string | undefined {
  return simulateCustomPolicy({
    PolicyInputList: [policy],
    ActionNames: [w.Action],
    ResourceArns: [w.Resource],
    ContextEntries: w.ContextEntries,
  }).EvaluationResults[0]?.EvalDecision;
}

function value(w: Witness, key: string): string[] | undefined {
  return w.ContextEntries.find((e) => e.ContextKeyName === key)?.ContextKeyValues;
}

describe('comparePolicies', () => {
  it('names the new action, the resource pattern and the absent key (the issue example)', async () => {
    const before = doc(allow('s3:GetObject', 'arn:aws:s3:::dojo-reports/*'));
    const after = doc(allow(['s3:GetObject', 's3:DeleteObject'], 'arn:aws:s3:::dojo-reports/*'), {
      Effect: 'Deny',
      Action: 's3:DeleteObject',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const r = await comparePolicies(before, after);
    expect(r.Result).toBe('MorePermissive');
    expect(r.groups.map((g) => g.sentence)).toContain(
      'now also allows s3:DeleteObject on arn:aws:s3:::dojo-reports/* when aws:MultiFactorAuthPresent is absent',
    );
    for (const w of r.NewlyAllowed) expect([decision(before, w), decision(after, w)]).toEqual(['implicitDeny', 'allowed']);
  });

  it('reordering and splitting statements is Equivalent', async () => {
    const r = await comparePolicies(doc(allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'])), [
      doc(allow('s3:PutObject', ['arn:aws:s3:::b/*', 'arn:aws:s3:::a/*'])),
      doc(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::b/*')),
    ]);
    expect(r).toMatchObject({ Result: 'Equivalent', NewlyAllowed: [], NoLongerAllowed: [], complete: true });
  });

  it('a narrower action wildcard lists every action of the reference it drops', async () => {
    // IAM User Guide, "IAM JSON policy elements: Action" (wildcards in action names):
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    const r = await comparePolicies(doc(allow('s3:Get*', '*')), doc(allow('s3:GetObject', '*')));
    expect(r.Result).toBe('LessPermissive');
    const gone = new Set(r.NoLongerAllowed.map((w) => w.Action));
    expect(gone.has('s3:GetBucketPolicy')).toBe(true);
    expect(gone.has('s3:GetObject')).toBe(false);
    expect(gone.has('s3:PutObject')).toBe(false);
  });

  it('a Deny with NotAction reaches services neither version names', async () => {
    const before = doc(allow('*', '*'));
    const after = doc(allow('*', '*'), { Effect: 'Deny', NotAction: ['iam:*', 's3:*'], Resource: '*' });
    const r = await comparePolicies(before, after);
    expect(r.Result).toBe('LessPermissive');
    expect(r.groups.some((g) => g.sentence.includes('every action of services neither version names'))).toBe(true);
    expect(r.NoLongerAllowed.every((w) => !w.Action.startsWith('iam:') && !w.Action.startsWith('s3:'))).toBe(true);
  });

  it('ARN segments: a wildcard account segment reaches other accounts', async () => {
    // IAM User Guide, "IAM JSON policy elements: Resource" (wildcards within ARN segments):
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
    const r = await comparePolicies(
      doc(allow('iam:GetUser', 'arn:aws:iam::123456789012:user/*')),
      doc(allow('iam:GetUser', 'arn:aws:iam::*:user/*')),
    );
    expect(r.Result).toBe('MorePermissive');
    const w = r.NewlyAllowed[0] as Witness;
    expect(w.Resource.startsWith('arn:aws:iam::')).toBe(true);
    expect(w.Resource.split(':')[4]).not.toBe('123456789012');
  });

  it('numeric intervals: raising NumericLessThan allows exactly the values in between', async () => {
    // IAM User Guide, "Condition operators", Numeric: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
    const c = (n: string): string => doc(allow('s3:GetObject', '*', { NumericLessThan: { 'aws:MultiFactorAuthAge': n } }));
    const r = await comparePolicies(c('3600'), c('7200'));
    expect(r.Result).toBe('MorePermissive');
    for (const w of r.NewlyAllowed) {
      const age = Number(value(w, 'aws:MultiFactorAuthAge')?.[0]);
      expect(age >= 3600 && age < 7200).toBe(true);
      expect(w.ContextEntries[0]?.ContextKeyType).toBe('numeric');
    }
  });

  it('date intervals: DateLessThan moved earlier', async () => {
    // "Condition operators", Date: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
    const c = (d: string): string => doc(allow('s3:GetObject', '*', { DateLessThan: { 'aws:CurrentTime': d } }));
    const r = await comparePolicies(c('2027-01-01T00:00:00Z'), c('2026-01-01T00:00:00Z'));
    expect(r.Result).toBe('LessPermissive');
    const t = Date.parse(value(r.NoLongerAllowed[0] as Witness, 'aws:CurrentTime')?.[0] ?? '');
    expect(t >= Date.parse('2026-01-01T00:00:00Z') && t < Date.parse('2027-01-01T00:00:00Z')).toBe(true);
  });

  it('IP ranges: a smaller CIDR block drops the addresses outside it', async () => {
    // "Condition operators", IP address: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
    const c = (cidr: string): string => doc(allow('s3:GetObject', '*', { IpAddress: { 'aws:SourceIp': cidr } }));
    const r = await comparePolicies(c('10.0.0.0/8'), c('10.0.0.0/16'));
    expect(r.Result).toBe('LessPermissive');
    const ip = value(r.NoLongerAllowed[0] as Witness, 'aws:SourceIp')?.[0] ?? '';
    expect(ip.startsWith('10.')).toBe(true);
    expect(ip.startsWith('10.0.')).toBe(false);
  });

  it('IfExists: the absent key becomes allowed', async () => {
    // "Condition operators", ...IfExists: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
    const r = await comparePolicies(
      doc(allow('ec2:RunInstances', '*', { StringEquals: { 'ec2:InstanceType': 't3.micro' } })),
      doc(allow('ec2:RunInstances', '*', { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } })),
    );
    expect(r.Result).toBe('MorePermissive');
    expect(r.NewlyAllowed.every((w) => value(w, 'ec2:InstanceType') === undefined)).toBe(true);
  });

  it('ForAllValues is true for an absent key or an empty list; ForAnyValue is not', async () => {
    // IAM User Guide, "Set operators for multivalued context keys":
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    const c = (op: string): string => doc(allow('s3:PutObject', '*', { [`${op}:StringEquals`]: { 'aws:TagKeys': ['team', 'env'] } }));
    const r = await comparePolicies(c('ForAnyValue'), c('ForAllValues'));
    expect(r.Result).toBe('Incomparable');
    expect(r.NewlyAllowed.some((w) => value(w, 'aws:TagKeys') === undefined)).toBe(true);
    // A list with a key outside the set: ForAnyValue allowed it, ForAllValues does not.
    expect(r.NoLongerAllowed.some((w) => (value(w, 'aws:TagKeys')?.length ?? 0) >= 2)).toBe(true);
  });

  it('Null: requiring the key to be present', async () => {
    // "Condition operators", Null: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
    const r = await comparePolicies(
      doc(allow('s3:GetObject', '*')),
      doc(allow('s3:GetObject', '*', { Null: { 'aws:TokenIssueTime': 'false' } })),
    );
    expect(r.Result).toBe('LessPermissive');
    expect(r.NoLongerAllowed.every((w) => value(w, 'aws:TokenIssueTime') === undefined)).toBe(true);
  });

  it('string patterns: StringLike narrowed, with a witness between the two patterns', async () => {
    const c = (p: string): string => doc(allow('s3:ListBucket', 'arn:aws:s3:::b', { StringLike: { 's3:prefix': p } }));
    const r = await comparePolicies(c('home/*'), c('home/alice/*'));
    expect(r.Result).toBe('LessPermissive');
    for (const w of r.NoLongerAllowed) {
      const v = value(w, 's3:prefix') ?? [];
      expect(v.some((x) => x.startsWith('home/') && !x.startsWith('home/alice/'))).toBe(true);
    }
  });

  it('policy variables are symbols: ${aws:username} against a literal user name', async () => {
    // IAM User Guide, "IAM policy elements: Variables and tags":
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    const r = await comparePolicies(
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:username}/*')),
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/alice/*')),
    );
    expect(r.Result).toBe('Incomparable');
    const lost = r.NoLongerAllowed[0] as Witness;
    const user = value(lost, 'aws:username')?.[0] ?? '';
    expect(lost.Resource.startsWith(`arn:aws:s3:::b/${user}/`)).toBe(true);
  });

  it('boundary and SCP comparisons: only the compared layer differs', async () => {
    const before = doc(allow('*', '*'));
    const after = doc(allow('*', '*'), { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' });
    const b = await comparePolicies(before, after, { policyType: 'boundary' });
    expect(b.Result).toBe('LessPermissive');
    expect(b.NoLongerAllowed.map((w) => w.Action)).toEqual(['iam:DeleteRole']);
    const s = await comparePolicies(before, after, { policyType: 'scp' });
    expect(s.NoLongerAllowed.map((w) => w.Action)).toEqual(['iam:DeleteRole']);
  });

  it('resource policies: a grant to another account has that account as the witness caller', async () => {
    const rp = (principal: string[]): string =>
      doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const r = await comparePolicies(rp(['arn:aws:iam::123456789012:root']), rp(['arn:aws:iam::123456789012:root', '444455556666']), {
      policyType: 'resource',
    });
    expect(r.Result).toBe('MorePermissive');
    expect(r.NewlyAllowed.every((w) => w.CallerArn?.includes('::444455556666:'))).toBe(true);
  });

  it('an invalid policy fails with its line and column', async () => {
    const err = await comparePolicies('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}', doc(allow('s3:GetObject', '*'))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AnalysisError);
    expect((err as AnalysisError).code).toBe('POLICY_INVALID');
    expect((err as AnalysisError).message).toMatch(/line 1, column/);
  });
});
