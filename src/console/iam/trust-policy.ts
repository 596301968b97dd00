/**
 * The trust policies the Create role wizard writes for each trusted entity type, as the console
 * writes them (IAM User Guide, "Create a role to delegate permissions to an AWS service", "… to an
 * IAM user", "Create a role for OpenID Connect federation", "Create a role for SAML 2.0 federation";
 * GitHub's OIDC claims from "Configuring OpenID Connect in Amazon Web Services").
 */

/** The wizard's first step. */
export type TrustedEntity =
  | { kind: 'service'; service: string }
  | { kind: 'account'; accountId: string; externalId?: string; requireMfa: boolean }
  | { kind: 'webIdentity'; providerHost: string; audience: string; github?: GitHubScope }
  | { kind: 'saml'; providerArn: string };

/** What the wizard asks for GitHub's provider: organization, and optionally repository and branch. */
export interface GitHubScope {
  organization: string;
  repository?: string;
  branch?: string;
}

/**
 * The `sub` pattern the console writes for GitHub (IAM User Guide, "Create a role for OpenID Connect
 * federation (console)": GitHub organization, repository and branch): `repo:ORG/*`,
 * `repo:ORG/REPO:*`, `repo:ORG/REPO:ref:refs/heads/BRANCH`.
 */
export function githubSubPattern(scope: GitHubScope): string {
  const repo = `repo:${scope.organization}/${scope.repository || '*'}`;
  if (scope.branch) return `${repo}:ref:refs/heads/${scope.branch}`;
  return scope.repository ? `${repo}:*` : repo;
}

/** The AWS services the wizard offers, with their service principals. */
export const TRUSTED_SERVICES = [
  ['ec2.amazonaws.com', 'EC2'],
  ['lambda.amazonaws.com', 'Lambda'],
  ['ecs-tasks.amazonaws.com', 'Elastic Container Service task'],
  ['cloudformation.amazonaws.com', 'CloudFormation'],
] as const;

/** The trust policy JSON text (4-space indented, as the console shows it) for the chosen entity in `accountId`. */
export function trustPolicyFor(entity: TrustedEntity, accountId: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statementFor(entity, accountId)] }, null, 4);
}

function statementFor(entity: TrustedEntity, accountId: string): Record<string, unknown> {
  switch (entity.kind) {
    case 'service':
      return { Effect: 'Allow', Principal: { Service: entity.service }, Action: 'sts:AssumeRole' };
    case 'account': {
      const condition: Record<string, unknown> = {};
      if (entity.externalId) condition['StringEquals'] = { 'sts:ExternalId': entity.externalId };
      if (entity.requireMfa) condition['Bool'] = { 'aws:MultiFactorAuthPresent': 'true' };
      return {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${entity.accountId}:root` },
        Action: 'sts:AssumeRole',
        ...(Object.keys(condition).length ? { Condition: condition } : {}),
      };
    }
    case 'webIdentity': {
      const host = entity.providerHost.replace(/^https:\/\//, '').replace(/\/$/, '');
      const condition: Record<string, unknown> = { StringEquals: { [`${host}:aud`]: entity.audience } };
      if (entity.github?.organization) condition['StringLike'] = { [`${host}:sub`]: githubSubPattern(entity.github) };
      return {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${host}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      };
    }
    case 'saml':
      return {
        Effect: 'Allow',
        Principal: { Federated: entity.providerArn },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      };
  }
}
