/**
 * RunInstances, DescribeInstances, StopInstances, StartInstances, TerminateInstances (EC2 API
 * Reference). The simulated instances change state at once: the answers show the transition AWS
 * answers (pending, stopping, shutting-down) and the next DescribeInstances the state it leads to.
 */
import type { ContextValue } from '../../evaluate/types.ts';
import type { Tag } from '../../world/state.ts';
import { optList, optStr, type OperationContext, type OperationDefinition } from '../operation.ts';
import { requestTagContext } from '../request-context.ts';
import { authorizeEc2, authorizeOnInstance, endDryRun } from './access.ts';
import { incorrectInstanceState } from './errors.ts';
import { instanceArn, instancesOf, type Ec2Instance } from './model.ts';
import { newAssociation, passProfileRole, requireInstance, requireProfile } from './profiles.ts';
import { instanceOut, instancesSet, stateOut } from './shapes.ts';

const HEX = '0123456789abcdef';

function runInstances(ctx: OperationContext): Record<string, unknown> {
  const imageId = optStr(ctx, 'ImageId') ?? '';
  const instanceType = optStr(ctx, 'InstanceType') ?? 'm1.small';
  const count = Math.max(1, Number(ctx.params['MinCount'] ?? 1));
  const tags = instanceTags(ctx.params['TagSpecifications']);
  const profileSpec = ctx.params['IamInstanceProfile'];
  ctx.trail.requestParameters = {
    instancesSet: { items: [{ imageId, minCount: ctx.params['MinCount'], maxCount: ctx.params['MaxCount'] }] },
    instanceType,
    blockDeviceMapping: {},
    monitoring: { enabled: false },
    disableApiTermination: false,
    disableApiStop: false,
    ...(profileSpec !== undefined ? { iamInstanceProfile: lowerKeys(profileSpec) } : {}),
    ...(tags.length > 0
      ? { tagSpecificationSet: { items: [{ resourceType: 'instance', tags: tags.map((t) => ({ key: t.Key, value: t.Value })) }] } }
      : {}),
  };
  const instanceResource = `arn:aws:ec2:${ctx.region}:${ctx.state.accountId}:instance/*`;
  const profile = profileSpec !== undefined ? requireProfile(ctx, profileSpec) : undefined;
  const context: Record<string, ContextValue> = {
    'ec2:InstanceType': instanceType,
    ...requestTagContext(tags),
    ...(profile ? { 'ec2:InstanceProfile': profile.arn } : {}),
  };
  authorizeEc2(ctx, 'ec2:RunInstances', instanceResource, context);
  authorizeEc2(ctx, 'ec2:RunInstances', `arn:aws:ec2:${ctx.region}::image/${imageId}`);
  // Tags at launch need ec2:CreateTags with ec2:CreateAction (EC2 User Guide, "Grant permission to tag resources during creation").
  if (tags.length > 0)
    authorizeEc2(ctx, 'ec2:CreateTags', instanceResource, { ...requestTagContext(tags), 'ec2:CreateAction': 'RunInstances' });
  if (profile) passProfileRole(ctx, profile, instanceResource);
  endDryRun(ctx);
  const reservationId = `r-${ctx.ids.chars(HEX, 17)}`;
  const launched: Ec2Instance[] = [];
  for (let i = 0; i < count; i++) {
    const instance: Ec2Instance = {
      instanceId: `i-${ctx.ids.chars(HEX, 17)}`,
      reservationId,
      imageId,
      instanceType,
      region: ctx.region,
      availabilityZone: `${ctx.region}a`,
      state: 'running',
      launchTime: ctx.nowMs,
      privateIpAddress: `10.0.1.${10 + (ctx.ids.next() % 240)}`,
      publicIpAddress: `198.51.100.${10 + (ctx.ids.next() % 240)}`,
      ...(optStr(ctx, 'KeyName') !== undefined ? { keyName: optStr(ctx, 'KeyName') as string } : {}),
      tags,
      ...(profile ? { association: newAssociation(ctx, profile) } : {}),
    };
    Object.defineProperty(instancesOf(ctx.state), instance.instanceId, {
      value: instance,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    launched.push(instance);
  }
  ctx.trail.resources = launched.map((i) => ({
    accountId: ctx.state.accountId,
    type: 'AWS::EC2::Instance',
    ARN: instanceArn(i, ctx.state.accountId),
  }));
  ctx.trail.responseElements = {
    reservationId,
    ownerId: ctx.state.accountId,
    groupSet: {},
    instancesSet: {
      items: launched.map((i) => ({
        instanceId: i.instanceId,
        imageId: i.imageId,
        instanceState: { code: 0, name: 'pending' },
        instanceType: i.instanceType,
        launchTime: Math.floor(i.launchTime),
      })),
    },
  };
  return {
    ReservationId: reservationId,
    OwnerId: ctx.state.accountId,
    Groups: [],
    Instances: launched.map((i) => instanceOut(i, 'pending')),
  };
}

function describeInstances(ctx: OperationContext): Record<string, unknown> {
  authorizeEc2(ctx, 'ec2:DescribeInstances', '*');
  endDryRun(ctx);
  const ids = optList<string>(ctx, 'InstanceIds');
  if (ids) for (const id of ids) requireInstance(ctx, id);
  const filters = optList<{ Name?: string; Values?: string[] }>(ctx, 'Filters') ?? [];
  const rows = Object.values(instancesOf(ctx.state)).filter(
    (i) => i.region === ctx.region && (!ids || ids.includes(i.instanceId)) && filters.every((f) => matchesFilter(i, f)),
  );
  const reservations = new Map<string, Ec2Instance[]>();
  for (const i of rows) reservations.set(i.reservationId, [...(reservations.get(i.reservationId) ?? []), i]);
  return {
    Reservations: [...reservations].map(([id, list]) => ({
      ReservationId: id,
      OwnerId: ctx.state.accountId,
      Groups: [],
      Instances: list.map((i) => instanceOut(i)),
    })),
  };
}

/** The filters learners use (EC2 API Reference, DescribeInstances "Filters"). */
function matchesFilter(instance: Ec2Instance, filter: { Name?: string; Values?: string[] }): boolean {
  const values = filter.Values ?? [];
  const name = filter.Name ?? '';
  if (name === 'instance-id') return values.includes(instance.instanceId);
  if (name === 'instance-state-name') return values.includes(instance.state);
  if (name === 'instance-type') return values.includes(instance.instanceType);
  if (name === 'tag-key') return instance.tags.some((t) => values.includes(t.Key));
  if (name.startsWith('tag:')) return instance.tags.some((t) => t.Key === name.slice(4) && values.includes(t.Value));
  if (name === 'iam-instance-profile.arn') return values.includes(instance.association?.profileArn ?? '');
  return true;
}

type Transition = {
  action: string;
  from: readonly Ec2Instance['state'][];
  shown: Ec2Instance['state'];
  to: Ec2Instance['state'];
  verb?: 'started' | 'stopped';
  member: string;
  eventAction: string;
};

const TRANSITIONS: Record<'stop' | 'start' | 'terminate', Transition> = {
  stop: {
    action: 'ec2:StopInstances',
    from: ['running', 'pending'],
    shown: 'stopping',
    to: 'stopped',
    verb: 'stopped',
    member: 'StoppingInstances',
    eventAction: 'StopInstances',
  },
  start: {
    action: 'ec2:StartInstances',
    from: ['stopped'],
    shown: 'pending',
    to: 'running',
    verb: 'started',
    member: 'StartingInstances',
    eventAction: 'StartInstances',
  },
  terminate: {
    action: 'ec2:TerminateInstances',
    from: ['running', 'pending', 'stopped', 'stopping'],
    shown: 'shutting-down',
    to: 'terminated',
    member: 'TerminatingInstances',
    eventAction: 'TerminateInstances',
  },
};

function changeState(kind: keyof typeof TRANSITIONS): (ctx: OperationContext) => Record<string, unknown> {
  const t = TRANSITIONS[kind];
  return (ctx) => {
    const ids = optList<string>(ctx, 'InstanceIds') ?? [];
    ctx.trail.requestParameters = { instancesSet: instancesSet(ids), ...(kind === 'stop' ? { force: ctx.params['Force'] === true } : {}) };
    const instances = ids.map((id) => requireInstance(ctx, id));
    for (const instance of instances) authorizeOnInstance(ctx, t.action, instance);
    endDryRun(ctx);
    const changes = instances.map((instance) => {
      const previous = instance.state;
      // Repeating a stop or a terminate answers the state the instance is already in.
      if (previous === t.to || (kind === 'terminate' && previous === 'terminated'))
        return { InstanceId: instance.instanceId, CurrentState: stateOut(previous), PreviousState: stateOut(previous) };
      if (!t.from.includes(previous)) throw incorrectInstanceState(instance.instanceId, t.verb ?? 'stopped');
      instance.state = t.to;
      if (t.to === 'terminated') delete instance.association;
      delete instance.credentialsKeyId;
      return { InstanceId: instance.instanceId, CurrentState: stateOut(t.shown), PreviousState: stateOut(previous) };
    });
    ctx.trail.responseElements = {
      instancesSet: {
        items: changes.map((c) => ({
          instanceId: c.InstanceId,
          currentState: lowerKeys(c.CurrentState),
          previousState: lowerKeys(c.PreviousState),
        })),
      },
    };
    return { [t.member]: changes };
  };
}

function instanceTags(specs: unknown): Tag[] {
  const out: Tag[] = [];
  for (const spec of Array.isArray(specs) ? specs : []) {
    const s = spec as { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] };
    if (s.ResourceType !== undefined && s.ResourceType !== 'instance') continue;
    for (const t of s.Tags ?? []) out.push({ Key: t.Key ?? '', Value: t.Value ?? '' });
  }
  return out;
}

function lowerKeys(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  return out;
}

/** The instance lifecycle operations. */
export const INSTANCE_OPERATIONS: Record<string, OperationDefinition> = {
  RunInstances: { handler: runInstances, readOnly: false },
  DescribeInstances: { handler: describeInstances, readOnly: true },
  StopInstances: { handler: changeState('stop'), readOnly: false },
  StartInstances: { handler: changeState('start'), readOnly: false },
  TerminateInstances: { handler: changeState('terminate'), readOnly: false },
};
