/**
 * CreateTags, DeleteTags, DescribeTags on instances (EC2 API Reference; EC2 User Guide, "Tag your
 * Amazon EC2 resources" and "Control access to EC2 resources using resource tags"): tagging an
 * instance is authorized on that instance with `aws:RequestTag/*`, `aws:TagKeys` and its current
 * `ec2:ResourceTag/*`, which is what attribute-based access control exercises turn on.
 */
import type { Tag } from '../../world/state.ts';
import { optList, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { authorizeEc2, authorizeOnInstance, endDryRun } from './access.ts';
import { fault } from '../errors.ts';
import { instancesOf } from './model.ts';
import { requireInstance } from './profiles.ts';

function tagsParam(ctx: OperationContext): Tag[] {
  return (optList<{ Key?: string; Value?: string }>(ctx, 'Tags') ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

function resources(ctx: OperationContext) {
  return (optList<string>(ctx, 'Resources') ?? []).map((id) => {
    if (!id.startsWith('i-')) throw fault('InvalidID', `The ID '${id}' is not valid`, 400);
    return requireInstance(ctx, id);
  });
}

function createTags(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx);
  const targets = resources(ctx);
  for (const instance of targets) authorizeOnInstance(ctx, 'ec2:CreateTags', instance, requestTagContext(tags));
  endDryRun(ctx);
  for (const instance of targets) {
    for (const tag of tags) {
      const existing = instance.tags.find((t) => t.Key === tag.Key);
      if (existing) existing.Value = tag.Value;
      else instance.tags.push({ ...tag });
    }
  }
  return {};
}

function deleteTags(ctx: OperationContext): Record<string, unknown> {
  const tags = tagsParam(ctx);
  const targets = resources(ctx);
  // aws:TagKeys names the keys being removed (EC2 User Guide, "Control access to EC2 resources using resource tags").
  for (const instance of targets)
    authorizeOnInstance(ctx, 'ec2:DeleteTags', instance, tags.length > 0 ? { 'aws:TagKeys': tags.map((t) => t.Key) } : {});
  endDryRun(ctx);
  for (const instance of targets) {
    // A tag given with a value is removed only when the value matches; without one, whatever its value.
    instance.tags =
      tags.length === 0 ? [] : instance.tags.filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === '' || d.Value === t.Value)));
  }
  return {};
}

function describeTags(ctx: OperationContext): Record<string, unknown> {
  authorizeEc2(ctx, 'ec2:DescribeTags', '*');
  endDryRun(ctx);
  const filters = optList<{ Name?: string; Values?: string[] }>(ctx, 'Filters') ?? [];
  const rows = Object.values(instancesOf(ctx.state))
    .filter((i) => i.region === ctx.region && i.state !== 'terminated')
    .flatMap((i) => i.tags.map((t) => ({ Key: t.Key, ResourceId: i.instanceId, ResourceType: 'instance', Value: t.Value })))
    .filter((row) =>
      filters.every((f) =>
        f.Name === 'resource-id'
          ? (f.Values ?? []).includes(row.ResourceId)
          : f.Name === 'key'
            ? (f.Values ?? []).includes(row.Key)
            : f.Name === 'value'
              ? (f.Values ?? []).includes(row.Value)
              : true,
      ),
    );
  return { Tags: rows };
}

/** The tag operations. */
export const TAG_OPERATIONS: Record<string, OperationDefinition> = {
  CreateTags: { handler: createTags, readOnly: false },
  DeleteTags: { handler: deleteTags, readOnly: false },
  DescribeTags: { handler: describeTags, readOnly: true },
};
