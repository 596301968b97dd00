/**
 * `findEscalationPaths(accounts)`: every principal that can reach administrator-equivalent access
 * (or a chosen action on a resource), with the shortest path as steps and the AWS CLI commands that
 * carry it out. Nodes are the users, roles and groups of the accounts; edges are the documented
 * techniques (techniques.ts), each decided by the engine with the acting principal's real policies,
 * boundary, the SCPs of its account and, for AssumeRole, the role's trust policy.
 *
 * Two kinds of edge: a takeover (A can act as B: access key, console password, AssumeRole, trust
 * rewrite, PassRole to a service, group membership) and a modification (A can rewrite B's
 * permissions). A principal S escalates when some node it can act as is already admin, or when a
 * node X it can act as can modify a node Y it can act as (possibly X itself) and Y, given
 * everything, would be admin within its boundary and SCPs.
 */
import { authorize } from '../evaluate/authorize.ts';
import { parseCached } from '../evaluate/policy-cache.ts';
import { matchesAction } from '../evaluate/statement.ts';
import type { AuthorizationRequest, ContextValue, PolicySource, ResourcePolicyInput } from '../evaluate/types.ts';
import { readPrincipals, type AccountInput, type AnalyzedPrincipal } from './principals.ts';
import { ADMIN_DOCUMENT, ADMIN_POLICY_ARN, ADMIN_PROBES, type TechniqueName } from './techniques.ts';

/** Options of the search. */
export interface EscalationOptions {
  /** The management account of the organization (not restricted by SCPs). */
  managementAccountId?: string;
  /** Instead of administrator access: reaching this action on this resource. */
  target?: { action: string; resource: string };
  /** Documents of AWS managed policies the details do not include. */
  managedPolicyDocument?: (arn: string) => string | undefined;
}

/** One step of a path, in the JSON names. */
export interface EscalationStep {
  Technique: TechniqueName;
  /** Who acts (the user, role or group ARN). */
  Principal: string;
  Action: string;
  Resource: string;
  /** The main command of the step. */
  Command: string;
  /** Every command the step needs, in order (profiles for a role first). */
  Commands: string[];
}

/** One escalation: from a principal to admin access (or the target), shortest first. */
export interface EscalationPath {
  From: string;
  /** 'admin' when From itself ends with the access, else the principal whose access it uses. */
  To: string;
  Steps: EscalationStep[];
}

interface Edge {
  from: number;
  to: number;
  technique: TechniqueName;
  action: string;
  resource: string;
  /** Commands with {profile} standing for the acting profile. */
  commands: string[];
}

/** Finds every escalation path over the accounts' principals. */
export function findEscalationPaths(accounts: readonly AccountInput[], options: EscalationOptions = {}): EscalationPath[] {
  const nodes = readPrincipals(accounts, options.managedPolicyDocument);
  const g = new Graph(nodes, options);
  const paths: EscalationPath[] = [];
  nodes.forEach((start, s) => {
    if (start.kind === 'group' || g.reaches(s)) return;
    const found = g.shortest(s);
    if (found) paths.push(found);
  });
  return paths.sort((a, b) => a.Steps.length - b.Steps.length || (a.From < b.From ? -1 : 1));
}

const adminSource: PolicySource = { id: 'escalated', policyType: 'identity', document: ADMIN_DOCUMENT };

class Graph {
  readonly nodes: AnalyzedPrincipal[];
  readonly options: EscalationOptions;
  readonly takeovers: Edge[][];
  readonly modifies: Edge[][];
  readonly #reaches = new Map<number, boolean>();
  readonly #couldReach = new Map<number, boolean>();

  constructor(nodes: AnalyzedPrincipal[], options: EscalationOptions) {
    this.nodes = nodes;
    this.options = options;
    this.takeovers = nodes.map(() => []);
    this.modifies = nodes.map(() => []);
    nodes.forEach((_, i) => this.edgesFrom(i));
  }

  /** The engine's decision for `actor` doing `action` on `resource`. */
  can(
    actor: AnalyzedPrincipal,
    action: string,
    resource: string,
    extra: {
      context?: Record<string, ContextValue>;
      resourcePolicy?: ResourcePolicyInput;
      resourceAccountId?: string;
      identity?: PolicySource[];
    } = {},
  ): boolean {
    const request: AuthorizationRequest = {
      principal: actor.principal,
      action,
      resource,
      resourceAccountId: extra.resourceAccountId ?? actor.accountId,
      context: { ...actor.context, ...extra.context },
      identityPolicies: extra.identity ?? actor.identity,
    };
    if (actor.boundary) request.permissionsBoundary = actor.boundary;
    if (extra.resourcePolicy) request.resourcePolicy = extra.resourcePolicy;
    if (actor.scps)
      request.organization = {
        scps: actor.scps,
        ...(this.options.managementAccountId ? { managementAccountId: this.options.managementAccountId } : {}),
      };
    return authorize(request).decision === 'allowed';
  }

  /** The node has the access sought (admin probes, or the target). */
  reaches(i: number): boolean {
    let hit = this.#reaches.get(i);
    if (hit === undefined) {
      hit = this.goal(this.nodes[i] as AnalyzedPrincipal, undefined);
      this.#reaches.set(i, hit);
    }
    return hit;
  }

  /** The node would have the access if it were given everything (its boundary and SCPs still apply). */
  couldReach(i: number): boolean {
    let hit = this.#couldReach.get(i);
    if (hit === undefined) {
      const n = this.nodes[i] as AnalyzedPrincipal;
      hit = this.goal(n, [...n.identity, adminSource]);
      this.#couldReach.set(i, hit);
    }
    return hit;
  }

  goal(n: AnalyzedPrincipal, identity: PolicySource[] | undefined): boolean {
    const t = this.options.target;
    const extra = identity ? { identity } : {};
    if (t) return this.can(n, t.action, t.resource, extra);
    return ADMIN_PROBES.every((a) => this.can(n, a, '*', extra));
  }

  edgesFrom(i: number): void {
    const a = this.nodes[i] as AnalyzedPrincipal;
    // Actions no Allow statement of the actor names cannot be allowed: skip their checks.
    const names = (action: string): boolean => mayAllow(a, action);
    const take = (to: number, technique: TechniqueName, action: string, resource: string, commands: string[]): void =>
      void this.takeovers[i]?.push({ from: i, to, technique, action, resource, commands });
    const modify = (to: number, technique: TechniqueName, action: string, resource: string, commands: string[]): void =>
      void this.modifies[i]?.push({ from: i, to, technique, action, resource, commands });
    const self = a.kind === 'user' ? a.arn : a.kind === 'role' ? a.arn : undefined;
    this.nodes.forEach((b, j) => {
      if (b.kind === 'user') {
        if (j !== i && names('iam:CreateAccessKey') && this.can(a, 'iam:CreateAccessKey', b.arn))
          take(j, 'CreateAccessKey', 'iam:CreateAccessKey', b.arn, [`aws iam create-access-key --user-name ${b.name} --profile {profile}`]);
        else if (j !== i && names('iam:UpdateLoginProfile') && this.can(a, 'iam:UpdateLoginProfile', b.arn))
          take(j, 'UpdateLoginProfile', 'iam:UpdateLoginProfile', b.arn, [
            `aws iam update-login-profile --user-name ${b.name} --password 'Escalated-Passw0rd!' --no-password-reset-required --profile {profile}`,
          ]);
        else if (j !== i && names('iam:CreateLoginProfile') && this.can(a, 'iam:CreateLoginProfile', b.arn))
          take(j, 'CreateLoginProfile', 'iam:CreateLoginProfile', b.arn, [
            `aws iam create-login-profile --user-name ${b.name} --password 'Escalated-Passw0rd!' --no-password-reset-required --profile {profile}`,
          ]);
        if (names('iam:PutUserPolicy') && this.can(a, 'iam:PutUserPolicy', b.arn))
          modify(j, 'PutUserPolicy', 'iam:PutUserPolicy', b.arn, [
            `aws iam put-user-policy --user-name ${b.name} --policy-name escalated --policy-document '${ADMIN_DOCUMENT}' --profile {profile}`,
          ]);
        else if (
          names('iam:AttachUserPolicy') &&
          this.can(a, 'iam:AttachUserPolicy', b.arn, { context: { 'iam:PolicyARN': ADMIN_POLICY_ARN } })
        )
          modify(j, 'AttachUserPolicy', 'iam:AttachUserPolicy', b.arn, [
            `aws iam attach-user-policy --user-name ${b.name} --policy-arn ${ADMIN_POLICY_ARN} --profile {profile}`,
          ]);
      } else if (b.kind === 'group') {
        if (a.kind === 'user' && a.groups.includes(b.name) && a.accountId === b.accountId) take(j, 'GroupMembership', '', b.arn, []);
        else if (
          a.kind === 'user' &&
          a.accountId === b.accountId &&
          names('iam:AddUserToGroup') &&
          this.can(a, 'iam:AddUserToGroup', b.arn)
        )
          take(j, 'AddUserToGroup', 'iam:AddUserToGroup', b.arn, [
            `aws iam add-user-to-group --group-name ${b.name} --user-name ${a.name} --profile {profile}`,
          ]);
        if (names('iam:PutGroupPolicy') && this.can(a, 'iam:PutGroupPolicy', b.arn))
          modify(j, 'PutGroupPolicy', 'iam:PutGroupPolicy', b.arn, [
            `aws iam put-group-policy --group-name ${b.name} --policy-name escalated --policy-document '${ADMIN_DOCUMENT}' --profile {profile}`,
          ]);
        else if (
          names('iam:AttachGroupPolicy') &&
          this.can(a, 'iam:AttachGroupPolicy', b.arn, { context: { 'iam:PolicyARN': ADMIN_POLICY_ARN } })
        )
          modify(j, 'AttachGroupPolicy', 'iam:AttachGroupPolicy', b.arn, [
            `aws iam attach-group-policy --group-name ${b.name} --policy-arn ${ADMIN_POLICY_ARN} --profile {profile}`,
          ]);
      } else {
        const trust: ResourcePolicyInput | undefined = b.trust ? { kind: 'trust', policy: b.trust } : undefined;
        const assume = [`aws sts assume-role --role-arn ${b.arn} --role-session-name escalation --profile {profile}`];
        if (
          j !== i &&
          trust &&
          names('sts:AssumeRole') &&
          this.can(a, 'sts:AssumeRole', b.arn, { resourcePolicy: trust, resourceAccountId: b.accountId })
        )
          take(j, 'AssumeRole', 'sts:AssumeRole', b.arn, assume);
        else if (
          j !== i &&
          self &&
          names('iam:UpdateAssumeRolePolicy') &&
          b.accountId === a.accountId &&
          this.can(a, 'iam:UpdateAssumeRolePolicy', b.arn)
        ) {
          const newTrust = JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: a.arn }, Action: 'sts:AssumeRole' }],
          });
          const parsed = parseCached(newTrust, 'trust');
          if (
            parsed.ok &&
            this.can(a, 'sts:AssumeRole', b.arn, {
              resourcePolicy: { kind: 'trust', policy: { id: 'new-trust', policyType: 'trust', document: parsed.policy } },
              resourceAccountId: b.accountId,
            })
          ) {
            take(j, 'UpdateAssumeRolePolicy', 'iam:UpdateAssumeRolePolicy', b.arn, [
              `aws iam update-assume-role-policy --role-name ${b.name} --policy-document '${newTrust}' --profile {profile}`,
              ...assume,
            ]);
          }
        }
        if (j !== i && trust && names('iam:PassRole')) this.passRole(i, j, trust, take);
        if (names('iam:PutRolePolicy') && this.can(a, 'iam:PutRolePolicy', b.arn))
          modify(j, 'PutRolePolicy', 'iam:PutRolePolicy', b.arn, [
            `aws iam put-role-policy --role-name ${b.name} --policy-name escalated --policy-document '${ADMIN_DOCUMENT}' --profile {profile}`,
          ]);
        else if (
          names('iam:AttachRolePolicy') &&
          this.can(a, 'iam:AttachRolePolicy', b.arn, { context: { 'iam:PolicyARN': ADMIN_POLICY_ARN } })
        )
          modify(j, 'AttachRolePolicy', 'iam:AttachRolePolicy', b.arn, [
            `aws iam attach-role-policy --role-name ${b.name} --policy-arn ${ADMIN_POLICY_ARN} --profile {profile}`,
          ]);
      }
      for (const m of b.managed) {
        if (names('iam:CreatePolicyVersion') && this.can(a, 'iam:CreatePolicyVersion', m.Arn)) {
          modify(j, 'CreatePolicyVersion', 'iam:CreatePolicyVersion', m.Arn, [
            `aws iam create-policy-version --policy-arn ${m.Arn} --policy-document '${ADMIN_DOCUMENT}' --set-as-default --profile {profile}`,
          ]);
          break;
        }
        const other = (m.PolicyVersionList ?? []).find(
          (v) => !v.IsDefaultVersion && v.VersionId !== undefined && JSON.stringify(v.Document).includes('"*"'),
        );
        if (other && names('iam:SetDefaultPolicyVersion') && this.can(a, 'iam:SetDefaultPolicyVersion', m.Arn)) {
          modify(j, 'SetDefaultPolicyVersion', 'iam:SetDefaultPolicyVersion', m.Arn, [
            `aws iam set-default-policy-version --policy-arn ${m.Arn} --version-id ${other.VersionId ?? ''} --profile {profile}`,
          ]);
          break;
        }
      }
    });
  }

  passRole(
    i: number,
    j: number,
    trust: ResourcePolicyInput,
    take: (to: number, technique: TechniqueName, action: string, resource: string, commands: string[]) => void,
  ): void {
    const a = this.nodes[i] as AnalyzedPrincipal;
    const b = this.nodes[j] as AnalyzedPrincipal;
    const trusts = (service: string): boolean =>
      authorize({
        principal: { type: 'AWSService', arn: service, accountId: '' },
        action: 'sts:AssumeRole',
        resource: b.arn,
        resourceAccountId: b.accountId,
        context: {},
        identityPolicies: [],
        resourcePolicy: trust,
      }).decision === 'allowed';
    const region = 'us-east-1';
    const fn = `arn:aws:lambda:${region}:${a.accountId}:function:escalation`;
    if (
      trusts('lambda.amazonaws.com') &&
      this.can(a, 'iam:PassRole', b.arn, { context: { 'iam:PassedToService': 'lambda.amazonaws.com' } }) &&
      this.can(a, 'lambda:CreateFunction', fn) &&
      this.can(a, 'lambda:InvokeFunction', fn)
    ) {
      take(j, 'PassRoleToLambda', 'iam:PassRole', b.arn, [
        `aws lambda create-function --function-name escalation --runtime python3.12 --handler index.handler --role ${b.arn} --zip-file fileb://escalation.zip --profile {profile}`,
        `aws lambda invoke --function-name escalation out.json --profile {profile}`,
      ]);
    } else if (
      trusts('ec2.amazonaws.com') &&
      this.can(a, 'iam:PassRole', b.arn, { context: { 'iam:PassedToService': 'ec2.amazonaws.com' } }) &&
      this.can(a, 'ec2:RunInstances', `arn:aws:ec2:${region}:${a.accountId}:instance/*`)
    ) {
      take(j, 'PassRoleToEC2', 'iam:PassRole', b.arn, [
        `aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=${b.name} --profile {profile}`,
      ]);
    }
  }

  /** Breadth-first from `s` over takeovers; then the cheapest way to the goal. */
  shortest(s: number): EscalationPath | undefined {
    const parent = new Map<number, Edge | null>([[s, null]]);
    const dist = new Map<number, number>([[s, 0]]);
    let frontier = [s];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const x of frontier) {
        for (const e of this.takeovers[x] ?? []) {
          if (dist.has(e.to)) continue;
          dist.set(e.to, (dist.get(x) ?? 0) + 1);
          parent.set(e.to, e);
          next.push(e.to);
        }
      }
      frontier = next;
    }
    let best: { cost: number; steps: Edge[]; to: number } | undefined;
    const pathTo = (n: number): Edge[] => {
      const out: Edge[] = [];
      for (let e = parent.get(n); e; e = parent.get(e.from)) out.unshift(e);
      return out;
    };
    for (const [n, d] of dist) {
      if (n !== s && this.reaches(n) && (!best || d < best.cost)) best = { cost: d, steps: pathTo(n), to: n };
      for (const m of this.modifies[n] ?? []) {
        const dy = dist.get(m.to);
        if (dy === undefined || !this.couldReach(m.to)) continue;
        // The attacker keeps every credential taken on the way: a target already held needs no more steps.
        const toN = pathTo(n);
        const held = m.to === s || toN.some((e) => e.to === m.to);
        const cost = d + 1 + (held ? 0 : dy);
        if (!best || cost < best.cost) best = { cost, steps: [...toN, m, ...(held ? [] : pathTo(m.to))], to: m.to };
      }
    }
    if (!best) return undefined;
    return {
      From: (this.nodes[s] as AnalyzedPrincipal).arn,
      To: best.to === s ? 'admin' : (this.nodes[best.to] as AnalyzedPrincipal).arn,
      Steps: this.render(s, best.steps),
    };
  }

  /** Steps with the CLI profile each actor signs with: users by name, roles through a role profile. */
  render(s: number, edges: Edge[]): EscalationStep[] {
    const profileOf = new Map<number, string>();
    const setup = new Map<number, string[]>();
    const start = this.nodes[s] as AnalyzedPrincipal;
    profileOf.set(s, start.kind === 'role' ? `escalate-${start.name}` : start.name);
    const steps = edges.map((e) => {
      const actor = this.nodes[e.from] as AnalyzedPrincipal;
      const target = this.nodes[e.to] as AnalyzedPrincipal;
      const profile = profileOf.get(e.from) ?? (actor.kind === 'role' ? `escalate-${actor.name}` : actor.name);
      const commands = [...(setup.get(e.from) ?? []), ...e.commands.map((c) => c.replaceAll('{profile}', profile))];
      setup.delete(e.from);
      if (!profileOf.has(e.to)) {
        if (target.kind === 'group') profileOf.set(e.to, profile);
        else if (target.kind === 'user') profileOf.set(e.to, target.name);
        else {
          const p = `escalate-${target.name}`;
          profileOf.set(e.to, p);
          // A role profile assumes the role from the profile that could assume it (AWS CLI "role_arn" + "source_profile").
          setup.set(e.to, [
            `aws configure set role_arn ${target.arn} --profile ${p}`,
            `aws configure set source_profile ${profile} --profile ${p}`,
          ]);
        }
      }
      return {
        Technique: e.technique,
        Principal: actor.arn,
        Action: e.action || '(none)',
        Resource: e.resource,
        Command: commands.at(-1) ?? '',
        Commands: commands,
      };
    });
    // A path that ends by acting as a role: the profile to act as it, so the replay can use the access.
    const last = edges.at(-1);
    const pending = last ? setup.get(last.to) : undefined;
    if (pending) steps.at(-1)?.Commands.push(...pending);
    return steps;
  }
}

/** Some Allow statement of the actor's identity policies names the action (a quick necessary condition). */
function mayAllow(a: AnalyzedPrincipal, action: string): boolean {
  const lower = action.toLowerCase();
  return a.identity.some((src) => {
    const doc = typeof src.document === 'string' ? parseCached(src.document, src.policyType).policy : src.document;
    return (doc?.statements ?? []).some(
      (st) =>
        st.effect.value === 'Allow' &&
        (st.action
          ? st.action.some((p) => matchesAction(p.value, lower))
          : !(st.notAction ?? []).some((p) => matchesAction(p.value, lower))),
    );
  });
}
