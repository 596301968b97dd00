/**
 * The hostile-input corpus of tests/e2e/hardening.spec.ts: markup and script payloads a learner
 * could paste (or a shared link could carry) into user names, tags, session names and policy text.
 * Each one, if it were ever interpreted instead of shown, sets `window.__pwned`.
 */

/** Payloads, each with a short name for the test titles. */
export const PAYLOADS: readonly { name: string; text: string }[] = [
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1">' },
  { name: 'script element', text: '<script>window.__pwned=1</script>' },
  { name: 'attribute break-out + svg onload', text: '"><svg onload="window.__pwned=1"><"' },
  { name: 'javascript: URL', text: 'javascript:window.__pwned=1//' },
  { name: 'svelte {@html}', text: "{@html '<img src=x onerror=window.__pwned=1>'}" },
  { name: 'template expression', text: '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>' },
  { name: 'markdown link', text: '[click](javascript:window.__pwned=1)' },
  { name: 'RTL override and zero-width', text: 'alice\u202Egnp.exe\u202C\u200B\u200D\uFEFF\u2066x\u2069' },
  { name: 'huge string', text: `${'<b>'.repeat(4000)}${'A'.repeat(8000)}` },
];

/** Quotes a value for the AWS CLI command line (POSIX shell single quotes). */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command lines that carry `payload` into a user name, a tag, a session name and a policy. */
export function payloadCommands(payload: string): string[] {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::dojo-reports/${payload}`,
        Condition: { StringEquals: { 'aws:PrincipalTag/note': payload } },
      },
    ],
  });
  return [
    `aws iam create-user --user-name ${shellQuote(payload)}`,
    `aws iam tag-user --user-name alice --tags ${shellQuote(`Key=note,Value=${payload}`)}`,
    `aws sts assume-role --role-arn arn:aws:iam::111122223333:role/Auditor --role-session-name ${shellQuote(payload)}`,
    `aws iam put-user-policy --user-name alice --policy-name from-a-stranger --policy-document ${shellQuote(policy)}`,
    `aws iam get-user-policy --user-name alice --policy-name from-a-stranger`,
  ];
}
