/** The names and usage text of iam-dojo's analysis commands (no imports, so outcome.ts can include the text). */

/** The analysis commands iam-dojo dispatches (src/cli/analyze.ts). */
export const ANALYSIS_COMMANDS = ['diff-policy', 'explain-denial', 'escalation-paths', 'generate-policy', 'access-findings'] as const;

/** Usage lines for iam-dojo's help text. */
export const ANALYSIS_USAGE = `  diff-policy --old file://a.json --new file://b.json [--policy-type identity|resource|scp|boundary]
      [--output json|text] [--fail-on-new-access]
      Every request one version allows and the other does not, each with a witness request that
      simulate-custom-policy replays. Exit 0, or 1 with --fail-on-new-access when access was added.
  explain-denial --world FILE [--profile P] [--output json|text] -- aws <service> <operation> ...
      Runs the command on a copy of the world; for each denied check, the layer that blocks it and
      the edits that would allow it, each decided again by the engine. The world file is not changed.
  escalation-paths --world FILE [--output json|text] [--target-action ACTION --target-resource ARN]
      Every principal that can reach administrator access (or the target), with the shortest path and
      the commands that carry it out.
  generate-policy --world FILE --principal-arn ARN [--since ISO] [--until ISO] [--output json|text]
      The least-privilege policy the world's CloudTrail proves for the principal (real ARNs), and
      what its policies grant today that the window never used.
  access-findings --world FILE [--unused [--days N]] [--output json|text]
      Role trust, bucket (after Block Public Access), KMS key and Lambda function policies that grant
      access outside the account (or the organization), each with a witness caller and request. With --unused: unused roles, access keys, passwords
      and services over the last N days (1-365, default 90), as Access Analyzer's unused access.
`;
