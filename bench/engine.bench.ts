/**
 * Policy engine benchmarks: the median time per decision from fresh policy text (parse +
 * evaluate, as after each keystroke in the editor) and per repeated request against unchanged
 * policies. Target: ≤ 15 µs per decision from fresh text for typical policies. Each decision is
 * also timed against a floor over the same inputs — JSON.parse plus a minimal Effect/Action/
 * Resource match — and reports its ratio to it: ≤ 3× the floor on fresh text, ≤ 2× on repeated
 * requests.
 */
import { authorize } from '../src/sim/evaluate/authorize.ts';
import type { AuthorizationRequest, PolicySource } from '../src/sim/evaluate/types.ts';
import { parsePolicy } from '../src/sim/policy/parse.ts';
import { simulateCustomPolicy } from '../src/sim/simulate/custom.ts';
import type { Benchmark } from './run.ts';

const ACCOUNT = '111122223333';
const principal = { type: 'IAMUser' as const, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
const context = {
  'aws:username': 'alice',
  'aws:SourceIp': '203.0.113.10',
  'aws:SecureTransport': true,
  'aws:CurrentTime': '2026-11-28T04:00:00Z',
};

/** A typical identity policy: three statements, a variable, two conditions. `n` makes the text fresh. */
function typicalPolicy(n: number): string {
  return `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOwnHome${n}",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::home-bucket/\${aws:username}/*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::home-bucket",
      "Condition": { "StringLike": { "s3:prefix": ["\${aws:username}/*"] } }
    },
    {
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": { "NotIpAddress": { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] } }
    }
  ]
}`;
}

const small = (n: number): string =>
  `{"Version":"2012-10-17","Statement":{"Sid":"S${n}","Effect":"Allow","Action":"iam:List*","Resource":"*"}}`;

function request(document: string): AuthorizationRequest {
  const source: PolicySource = { id: 'p1', policyType: 'identity', document };
  return {
    principal,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::home-bucket/alice/notes.txt',
    resourceAccountId: ACCOUNT,
    context,
    identityPolicies: [source],
  };
}

const fixed = request(typicalPolicy(0));
const withBoundary: AuthorizationRequest = {
  ...fixed,
  permissionsBoundary: {
    id: 'b',
    policyType: 'boundary',
    document: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}',
  },
  organization: {
    scps: [
      [{ id: 'full', policyType: 'scp', document: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' }],
    ],
  },
};

/** CPU medians of the engine before the fresh-text round (git 4d19374) with this runner, run right before the new engine at 06:16 UTC (load average ~6 on 2 cores). */
const BEFORE =
  'engine at 4d19374 (before the fresh-text round), this runner, 2026-11-28 06:16 UTC, paired with a run of the new engine, load ~6 on 2 cores';
const before = (cpuMicros: number): { cpuMicros: number; note: string } => ({ cpuMicros, note: BEFORE });

/** A statement as JSON.parse leaves it (only what the minimal match reads). */
interface RawStatement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
}

/** `*` and `?` wildcards, no regular expression: the cheapest correct glob match. */
function glob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 || c === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (p < pattern.length && c === 42) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

const anyOf = (value: string | string[] | undefined, test: (pattern: string) => boolean): boolean =>
  value === undefined ? false : typeof value === 'string' ? test(value) : value.some(test);

/** The floor of a decision: every statement's Effect, Action (case-insensitive) and Resource, deny wins. */
function minimalDecision(doc: { Statement?: RawStatement | RawStatement[] }, action: string, resource: string): string {
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  const actionLower = action.toLowerCase();
  let allowed = false;
  for (const st of statements) {
    if (!anyOf(st.Action, (a) => glob(a.toLowerCase(), actionLower)) || !anyOf(st.Resource, (r) => glob(r, resource))) continue;
    if (st.Effect === 'Deny') return 'explicitDeny';
    allowed = true;
  }
  return allowed ? 'allowed' : 'implicitDeny';
}

const RESOURCE = 'arn:aws:s3:::home-bucket/alice/notes.txt';
const parsedTypical = JSON.parse(typicalPolicy(0)) as { Statement?: RawStatement[] };
const floorFresh = (text: (i: number) => string) => ({
  name: 'JSON.parse + minimal match',
  run: (i: number) => minimalDecision(JSON.parse(text(i)) as { Statement?: RawStatement[] }, 's3:GetObject', RESOURCE),
  maxRatio: 3,
});
const floorRepeated = {
  name: 'minimal match on the parsed policy',
  run: () => minimalDecision(parsedTypical, 's3:GetObject', RESOURCE),
  maxRatio: 2,
};

const benchmarks: Benchmark[] = [
  {
    name: 'decision from fresh text: typical policy (3 statements)',
    run: (i) => authorize(request(typicalPolicy(i))),
    targetMicros: 15,
    baseline: before(18.5),
    floor: floorFresh(typicalPolicy),
  },
  {
    name: 'decision from fresh text: one-statement policy',
    run: (i) => authorize(request(small(i))),
    targetMicros: 15,
    baseline: before(3.83),
    floor: floorFresh(small),
  },
  { name: 'parse only: typical policy', run: (i) => parsePolicy(typicalPolicy(i), { policyType: 'identity' }), baseline: before(10.35) },
  { name: 'repeated request, unchanged policies', run: () => authorize(fixed), baseline: before(4.16), floor: floorRepeated },
  { name: 'repeated request with boundary and SCP', run: () => authorize(withBoundary), baseline: before(5.1) },
  // The explanation is built when first read (most decisions are never explained); this is the cost when it is.
  { name: 'repeated request, explanation read', run: () => authorize(fixed).explanation },
  // A simulation reports where each matched statement is (line and column) and which context keys
  // were missing, so it traces every statement: JSON.parse cannot give positions, and is no floor
  // for it. Its cost is held against the decision from the same fresh text instead.
  {
    name: 'simulateCustomPolicy, fresh text, 1 action',
    run: (i) =>
      simulateCustomPolicy({
        PolicyInputList: [typicalPolicy(i)],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::home-bucket/alice/x'],
      }),
    baseline: before(19.81),
    ratioTo: { name: 'decision from fresh text: typical policy (3 statements)', max: 1.4 },
  },
];

export default benchmarks;
