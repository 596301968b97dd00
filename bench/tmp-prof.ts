import { authorize } from '../src/sim/evaluate/authorize.ts';
const ACCOUNT = '111122223333';
const principal = { type: 'IAMUser' as const, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT };
const context = { 'aws:username': 'alice', 'aws:SourceIp': '203.0.113.10', 'aws:SecureTransport': true, 'aws:CurrentTime': '2026-11-28T04:00:00Z' };
const doc = `{"Version":"2012-10-17","Statement":[{"Sid":"ReadOwnHome0","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::home-bucket/\${aws:username}/*"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::home-bucket","Condition":{"StringLike":{"s3:prefix":["\${aws:username}/*"]}}},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}}]}`;
const req = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::home-bucket/alice/notes.txt', resourceAccountId: ACCOUNT, context, identityPolicies: [{ id: 'p1', policyType: 'identity' as const, document: doc }] };
let n = 0;
const t0 = performance.now();
while (performance.now() - t0 < 3000) { for (let i = 0; i < 1000; i++) if (authorize(req).decision === 'allowed') n++; }
console.log(n, ((performance.now() - t0) * 1000 / n).toFixed(2), 'us');
