/**
 * CloudTrail: trails with basic event selectors, and LookupEvents over the management events of
 * the last 90 days (CloudTrail API Reference; Event history never shows data events).
 */
import { cliTimestamp } from '../../world/dates.ts';
import { own, type EventSelector, type Trail } from '../../world/state.ts';
import { fault } from '../errors.ts';
import { optBool, optList, optNum, optStr, str, type OperationContext, type OperationDefinition } from '../operation.ts';
import { lookupEvents, pageOfEvents } from '../../trail/lookup.ts';

function trailArn(ctx: OperationContext, name: string): string {
  return `arn:aws:cloudtrail:${ctx.region}:${ctx.state.accountId}:trail/${name}`;
}

function findTrail(ctx: OperationContext, nameOrArn: string): Trail {
  const trail = Object.values(ctx.state.trails).find((t) => t.name === nameOrArn || t.arn === nameOrArn);
  if (!trail) throw fault('TrailNotFoundException', `Unknown trail: ${trailArn(ctx, nameOrArn)} for the user: ${ctx.state.accountId}`, 400);
  return trail;
}

const DEFAULT_SELECTOR: EventSelector = {
  ReadWriteType: 'All',
  IncludeManagementEvents: true,
  DataResources: [],
  ExcludeManagementEventSources: [],
};

function trailOut(t: Trail): Record<string, unknown> {
  return {
    Name: t.name,
    S3BucketName: t.s3BucketName,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    TrailARN: t.arn,
    LogFileValidationEnabled: false,
    IsOrganizationTrail: t.isOrganizationTrail === true,
  };
}

function createTrail(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'Name');
  const arn = trailArn(ctx, name);
  ctx.authorize('cloudtrail:CreateTrail', arn);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/.test(name))
    throw fault('InvalidTrailNameException', 'Trail name must starts with a letter or number, and end with a letter or number.', 400);
  if (own(ctx.state.trails, name))
    throw fault('TrailAlreadyExistsException', `Trail ${arn} already exists for customer: ${ctx.state.accountId}`, 400);
  const bucket = str(ctx, 'S3BucketName');
  if (!own(ctx.state.buckets, bucket)) throw fault('S3BucketDoesNotExistException', `S3 bucket ${bucket} does not exist.`, 400);
  const organizationTrail = optBool(ctx, 'IsOrganizationTrail') === true;
  if (organizationTrail) requireManagementAccount(ctx);
  const trail: Trail = {
    name,
    arn,
    s3BucketName: bucket,
    homeRegion: ctx.region,
    isMultiRegionTrail: optBool(ctx, 'IsMultiRegionTrail') ?? false,
    eventSelectors: [DEFAULT_SELECTOR],
    ...(organizationTrail ? { isOrganizationTrail: true } : {}),
  };
  ctx.state.trails[name] = trail;
  return trailOut(trail);
}

/**
 * Organization trails are created in the management account (CloudTrail API Reference, CreateTrail
 * "Errors": OrganizationsNotInUseException, NotOrganizationMasterAccountException; texts are those
 * error types' descriptions).
 */
function requireManagementAccount(ctx: OperationContext): void {
  const org = ctx.world.organization;
  if (!org || !Object.hasOwn(org.accounts, ctx.state.accountId)) {
    throw fault(
      'OrganizationsNotInUseException',
      'This exception is thrown when the request is made from an Amazon Web Services account that is not a member of an organization. To make this request, sign in using the credentials of an account that belongs to an organization.',
      400,
    );
  }
  if (org.managementAccountId !== ctx.state.accountId) {
    throw fault(
      'NotOrganizationMasterAccountException',
      'This exception is thrown when the Amazon Web Services account making the request to create or update an organization trail or event data store is not the management account for an organization in Organizations.',
      400,
    );
  }
}

function deleteTrail(ctx: OperationContext): Record<string, unknown> {
  const name = str(ctx, 'Name');
  ctx.authorize('cloudtrail:DeleteTrail', trailArn(ctx, name));
  delete ctx.state.trails[findTrail(ctx, name).name];
  return {};
}

function describeTrails(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('cloudtrail:DescribeTrails', '*');
  const names = optList<string>(ctx, 'trailNameList');
  const trails = Object.values(ctx.state.trails).filter((t) => !names || names.includes(t.name) || names.includes(t.arn));
  return {
    trailList: trails.map((t) => ({
      ...trailOut(t),
      HomeRegion: t.homeRegion,
      HasCustomEventSelectors: t.eventSelectors.some((s) => s.DataResources.length > 0),
      HasInsightSelectors: false,
    })),
  };
}

function putEventSelectors(ctx: OperationContext): Record<string, unknown> {
  const nameOrArn = str(ctx, 'TrailName');
  const trail = findTrailAuthorized(ctx, 'cloudtrail:PutEventSelectors', nameOrArn);
  const selectors = optList<Partial<EventSelector>>(ctx, 'EventSelectors');
  if (!selectors)
    throw fault('InvalidEventSelectorsException', 'Basic event selectors are required; advanced event selectors are not simulated.', 400);
  if (selectors.length > 5) throw fault('InvalidEventSelectorsException', 'You can configure up to five event selectors for a trail.', 400);
  for (const s of selectors) {
    for (const r of s.DataResources ?? []) {
      if (r.Type !== 'AWS::S3::Object' && r.Type !== 'AWS::Lambda::Function') {
        throw fault(
          'InvalidEventSelectorsException',
          `Value ${r.Type} for parameter DataResources.Type is not supported by the simulator (only AWS::S3::Object and AWS::Lambda::Function).`,
          400,
        );
      }
      const [all, prefix] = r.Type === 'AWS::S3::Object' ? ['arn:aws:s3', 'arn:aws:s3:::'] : ['arn:aws:lambda', 'arn:aws:lambda:'];
      for (const v of r.Values ?? []) {
        if (v !== all && !v.startsWith(prefix))
          throw fault('InvalidEventSelectorsException', `Value ${v} for DataResources.Values is invalid.`, 400);
      }
    }
  }
  trail.eventSelectors = selectors.map((s) => ({
    ReadWriteType: s.ReadWriteType ?? 'All',
    IncludeManagementEvents: s.IncludeManagementEvents ?? true,
    DataResources: (s.DataResources ?? []).map((r) => ({ Type: r.Type ?? '', Values: r.Values ?? [] })),
    ExcludeManagementEventSources: s.ExcludeManagementEventSources ?? [],
  }));
  return { TrailARN: trail.arn, EventSelectors: trail.eventSelectors };
}

function findTrailAuthorized(ctx: OperationContext, action: string, nameOrArn: string): Trail {
  ctx.authorize(action, nameOrArn.startsWith('arn:') ? nameOrArn : trailArn(ctx, nameOrArn));
  return findTrail(ctx, nameOrArn);
}

function getEventSelectors(ctx: OperationContext): Record<string, unknown> {
  const trail = findTrailAuthorized(ctx, 'cloudtrail:GetEventSelectors', str(ctx, 'TrailName'));
  return { TrailARN: trail.arn, EventSelectors: trail.eventSelectors };
}

function lookup(ctx: OperationContext): Record<string, unknown> {
  ctx.authorize('cloudtrail:LookupEvents', '*');
  const attrs = optList<{ AttributeKey: string; AttributeValue: string }>(ctx, 'LookupAttributes') ?? [];
  if (attrs.length > 1) throw fault('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.', 400);
  const start = optStr(ctx, 'StartTime');
  const end = optStr(ctx, 'EndTime');
  const events = lookupEvents(ctx.stateForReading.records, {
    ...(attrs[0] ? { attribute: { key: attrs[0].AttributeKey, value: attrs[0].AttributeValue } } : {}),
    ...(start !== undefined ? { startMs: Date.parse(start) } : {}),
    ...(end !== undefined ? { endMs: Date.parse(end) } : {}),
    nowMs: ctx.nowMs,
  });
  // The page belongs to these parameters; a token from another query is refused (see pageOfEvents).
  const query = JSON.stringify([attrs[0]?.AttributeKey ?? null, attrs[0]?.AttributeValue ?? null, start ?? null, end ?? null]);
  const page = pageOfEvents(events, query, optNum(ctx, 'MaxResults'), optStr(ctx, 'NextToken'));
  if (page === 'INVALID_TOKEN')
    throw fault(
      'InvalidNextTokenException',
      'Invalid NextToken: it is not valid, or was issued for a request with different parameters.',
      400,
    );
  return {
    Events: page.Events.map((e) => ({ ...e, EventTime: cliTimestamp(e.EventTime) })),
    ...(page.NextToken !== undefined ? { NextToken: page.NextToken } : {}),
  };
}

/** The CloudTrail operations. */
export const CLOUDTRAIL_OPERATIONS_IMPL: Record<string, OperationDefinition> = {
  CreateTrail: { handler: createTrail, readOnly: false },
  DeleteTrail: { handler: deleteTrail, readOnly: false },
  DescribeTrails: { handler: describeTrails, readOnly: true },
  PutEventSelectors: { handler: putEventSelectors, readOnly: false },
  GetEventSelectors: { handler: getEventSelectors, readOnly: true },
  LookupEvents: { handler: lookup, readOnly: true },
};
