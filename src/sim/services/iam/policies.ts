/**
 * Managed policies and their versions: at most 5 versions, one default, version ids never reused
 * (IAM User Guide, "Versioning IAM policies"). AWS managed policies are read-only here.
 */
import { awsManagedDocument, awsManagedPolicy, isAwsManagedArn, listAwsManagedPolicies } from '../../managed/index.ts';
import { cliTimestamp } from '../../world/dates.ts';
import { ID_PREFIX } from '../../world/ids.ts';
import type { ManagedPolicy } from '../../world/state.ts';
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from '../errors.ts';
import { optBool, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { documentOut } from './shapes.ts';
import { requireManagedDocument } from './documents.ts';
import { requireCustomerPolicy } from './lookup.ts';
import { awsPolicyOut, policyOut, policyUsage, versionOut } from './shapes.ts';
import { mergeTags, removeTags, tagsParam } from './tags.ts';

/** `arn:aws:iam::<acct>:policy/<path><name>`. */
export function policyArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${name}`;
}

function createPolicy(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'PolicyName');
  const path = optStr(ctx, 'Path') ?? '/';
  const tags = tagsParam(ctx.params['Tags']);
  const arn = policyArn(ctx.state.accountId, path, name);
  ctx.authorize('iam:CreatePolicy', arn, { context: requestTagContext(tags) });
  if (tags.length > 0) ctx.authorize('iam:TagPolicy', arn, { context: requestTagContext(tags) });
  const document = str(ctx, 'PolicyDocument');
  requireManagedDocument(document);
  if (Object.values(ctx.state.policies).some((p) => p.name.toLowerCase() === name.toLowerCase())) {
    throw entityAlreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
  }
  const description = optStr(ctx, 'Description');
  const policy: ManagedPolicy = {
    name,
    id: ctx.ids.uniqueId(ID_PREFIX.policy),
    path,
    arn,
    ...(description !== undefined ? { description } : {}),
    createDate: ctx.nowMs,
    updateDate: ctx.nowMs,
    defaultVersionId: 'v1',
    nextVersion: 2,
    versions: [{ versionId: 'v1', document, createDate: ctx.nowMs }],
    tags: mergeTags([], tags),
  };
  ctx.state.policies[arn] = policy;
  const out = policyOut(ctx.state, policy, false);
  return { Policy: { ...out, ...(tags.length ? { Tags: tags } : {}) } };
}

/** Authorizes `action` on the policy named by `PolicyArn`, answering its ARN. */
function authorizePolicy(ctx: OperationContext, action: string): string {
  const arn = str(ctx, 'PolicyArn');
  ctx.authorize(action, arn, { displayResource: `policy ${arn}` });
  return arn;
}

function getPolicy(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:GetPolicy');
  if (isAwsManagedArn(arn)) {
    const out = awsPolicyOut(ctx.state, arn, true);
    if (!out) throw noSuchEntity(`Policy ${arn} was not found.`);
    return { Policy: out };
  }
  return { Policy: policyOut(ctx.state, requireCustomerPolicy(ctx.state, arn), true) };
}

function listPolicies(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('iam:ListPolicies', `arn:aws:iam::${ctx.state.accountId}:policy/`);
  const scope = optStr(ctx, 'Scope') ?? 'All';
  const onlyAttached = optBool(ctx, 'OnlyAttached') ?? false;
  const prefix = optStr(ctx, 'PathPrefix') ?? '/';
  const entries: { name: string; out: Record<string, unknown>; path: string; arn: string }[] = [];
  if (scope !== 'Local') {
    for (const info of listAwsManagedPolicies()) {
      const out = awsPolicyOut(ctx.state, info.Arn, false);
      if (out) entries.push({ name: info.PolicyName, out, path: info.Path, arn: info.Arn });
    }
  }
  if (scope !== 'AWS')
    for (const p of Object.values(ctx.state.policies))
      entries.push({ name: p.name, out: policyOut(ctx.state, p, false), path: p.path, arn: p.arn });
  const filtered = entries.filter((e) => e.path.startsWith(prefix) && (!onlyAttached || policyUsage(ctx.state, e.arn).attachments > 0));
  filtered.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return { Policies: filtered.map((e) => e.out) };
}

function deletePolicy(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:DeletePolicy');
  const policy = requireCustomerPolicy(ctx.state, arn);
  const usage = policyUsage(ctx.state, arn);
  if (usage.attachments > 0 || usage.boundaries > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
  if (policy.versions.length > 1) {
    throw deleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }
  delete ctx.state.policies[arn];
  return {};
}

function createPolicyVersion(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:CreatePolicyVersion');
  const policy = requireCustomerPolicy(ctx.state, arn);
  const document = str(ctx, 'PolicyDocument');
  requireManagedDocument(document);
  if (policy.versions.length >= 5) {
    throw limitExceeded(
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
  }
  const version = { versionId: `v${policy.nextVersion}`, document, createDate: ctx.nowMs };
  policy.nextVersion += 1;
  policy.versions.push(version);
  if (optBool(ctx, 'SetAsDefault') === true) policy.defaultVersionId = version.versionId;
  policy.updateDate = ctx.nowMs;
  const out = versionOut(version, policy.defaultVersionId === version.versionId, false);
  return { PolicyVersion: out };
}

function getPolicyVersion(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:GetPolicyVersion');
  const versionId = str(ctx, 'VersionId');
  if (isAwsManagedArn(arn)) {
    const info = awsManagedPolicy(arn);
    const document = awsManagedDocument(arn);
    // Only the default version of an AWS managed policy ships with the simulator.
    if (!info || document === undefined || info.DefaultVersionId !== versionId)
      throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
    return {
      PolicyVersion: {
        Document: documentOut(document),
        VersionId: versionId,
        IsDefaultVersion: true,
        CreateDate: cliTimestamp(Date.parse(info.VersionCreateDate)),
      },
    };
  }
  const policy = requireCustomerPolicy(ctx.state, arn);
  const version = policy.versions.find((v) => v.versionId === versionId);
  if (!version) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  return { PolicyVersion: versionOut(version, version.versionId === policy.defaultVersionId, true) };
}

function listPolicyVersions(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:ListPolicyVersions');
  if (isAwsManagedArn(arn)) {
    const info = awsManagedPolicy(arn);
    if (!info) throw noSuchEntity(`Policy ${arn} was not found.`);
    return {
      Versions: [
        { VersionId: info.DefaultVersionId, IsDefaultVersion: true, CreateDate: cliTimestamp(Date.parse(info.VersionCreateDate)) },
      ],
    };
  }
  const policy = requireCustomerPolicy(ctx.state, arn);
  const newestFirst = [...policy.versions].reverse();
  return { Versions: newestFirst.map((v) => versionOut(v, v.versionId === policy.defaultVersionId, false)) };
}

function deletePolicyVersion(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:DeletePolicyVersion');
  const policy = requireCustomerPolicy(ctx.state, arn);
  const versionId = str(ctx, 'VersionId');
  if (!policy.versions.some((v) => v.versionId === versionId))
    throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  if (policy.defaultVersionId === versionId) throw deleteConflict('Cannot delete the default version of a policy.');
  policy.versions = policy.versions.filter((v) => v.versionId !== versionId);
  return {};
}

function setDefaultPolicyVersion(ctx: OperationContext): Record<string, unknown> {
  const arn = authorizePolicy(ctx, 'iam:SetDefaultPolicyVersion');
  const policy = requireCustomerPolicy(ctx.state, arn);
  const versionId = str(ctx, 'VersionId');
  if (!policy.versions.some((v) => v.versionId === versionId))
    throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  policy.defaultVersionId = versionId;
  policy.updateDate = ctx.nowMs;
  return {};
}

function tagPolicy(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx.params['Tags']);
  const arn = str(ctx, 'PolicyArn');
  ctx.authorize('iam:TagPolicy', arn, { context: requestTagContext(tags), displayResource: `policy ${arn}` });
  const policy = requireCustomerPolicy(ctx.state, arn);
  policy.tags = mergeTags(policy.tags, tags);
  return {};
}

function untagPolicy(ctx: OperationContext): Record<string, unknown> {
  const keys = (ctx.params['TagKeys'] as string[] | undefined) ?? [];
  const arn = str(ctx, 'PolicyArn');
  ctx.authorize('iam:UntagPolicy', arn, { context: { 'aws:TagKeys': keys }, displayResource: `policy ${arn}` });
  const policy = requireCustomerPolicy(ctx.state, arn);
  policy.tags = removeTags(policy.tags, keys);
  return {};
}

function listPolicyTags(ctx: OperationContext): Record<string, unknown> {
  const policy = requireCustomerPolicy(ctx.state, authorizePolicy(ctx, 'iam:ListPolicyTags'));
  return { Tags: policy.tags.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated: false };
}

/** The managed policy operations. */
export const POLICY_OPERATIONS: Record<string, OperationDefinition> = {
  CreatePolicy: { handler: createPolicy, readOnly: false },
  GetPolicy: { handler: getPolicy, readOnly: true },
  ListPolicies: { handler: listPolicies, readOnly: true },
  DeletePolicy: { handler: deletePolicy, readOnly: false },
  CreatePolicyVersion: { handler: createPolicyVersion, readOnly: false },
  GetPolicyVersion: { handler: getPolicyVersion, readOnly: true },
  ListPolicyVersions: { handler: listPolicyVersions, readOnly: true },
  DeletePolicyVersion: { handler: deletePolicyVersion, readOnly: false },
  SetDefaultPolicyVersion: { handler: setDefaultPolicyVersion, readOnly: false },
  TagPolicy: { handler: tagPolicy, readOnly: false },
  UntagPolicy: { handler: untagPolicy, readOnly: false },
  ListPolicyTags: { handler: listPolicyTags, readOnly: true },
};
