/**
 * World benchmarks: what one command costs in a small and in a big world (after 1 000 and after
 * 10 000 commands; target: the big world's command costs at most 1.5× the small one's, because a
 * command costs what it changes, not what the world holds), the export of an account of 10 000
 * users (target < 100 ms), world.save() of the big world, and a reload of the big world from its
 * saved form (target < 300 ms), and a read by a user with the large ReadOnlyAccess policy attached
 * (target < 50 ms). Commands run through the same synchronous pipeline World.invoke uses
 * once AWS managed documents are loaded.
 */
import { loadAwsManagedDocuments } from '../src/sim/managed/index.ts';
import type { ServiceRequest } from '../src/sim/services/contract.ts';
import { invokeLoaded, type EndpointWorld } from '../src/sim/services/invoke.ts';
import { encodeSnapshot, worldFromSnapshot } from '../src/sim/scenario/replay.ts';
import { createWorld } from '../src/sim/world/index.ts';
import { IdGenerator } from '../src/sim/world/ids.ts';
import type { WorldState } from '../src/sim/world/state.ts';
import type { Benchmark } from './run.ts';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }],
});

/** A world after `commands` commands by the root user: users with an inline policy, a tag and a group. */
function grownWorld(commands: number): {
  endpoint: EndpointWorld;
  users: number;
  call: (operation: string, params: Record<string, unknown>, service?: string) => void;
} {
  const state = createWorld({ seed: `bench-${commands}` }).save() as WorldState;
  const endpoint: EndpointWorld = { world: state, ids: new IdGenerator(state), nowMs: () => state.clockMs, managedReferencesLoaded: true };
  const root = state.accounts[state.primaryAccountId]?.root.accessKeys[0];
  const credentials = { kind: 'accessKey' as const, accessKeyId: root?.id ?? '', secretAccessKey: root?.secret ?? '' };
  const call = (operation: string, params: Record<string, unknown>, service = 'iam') => {
    const request: ServiceRequest = { service, operation, params, credentials };
    const r = invokeLoaded(endpoint, request);
    if (!r.ok) throw new Error(`${operation}: ${r.error.message}`);
  };
  let done = 0;
  let users = 0;
  for (let g = 0; g < 10 && done < commands; g++, done++) call('CreateGroup', { GroupName: `group-${g}` });
  while (done < commands) {
    const name = `user-${users}`;
    const steps: [string, Record<string, unknown>][] = [
      ['CreateUser', { UserName: name }],
      ['PutUserPolicy', { UserName: name, PolicyName: 'read', PolicyDocument: POLICY }],
      ['TagUser', { UserName: name, Tags: [{ Key: 'team', Value: `t${users % 7}` }] }],
      ['AddUserToGroup', { UserName: name, GroupName: `group-${users % 10}` }],
    ];
    for (const [operation, params] of steps) {
      if (done >= commands) break;
      call(operation, params);
      done++;
    }
    users++;
  }
  return { endpoint, users, call };
}

await loadAwsManagedDocuments(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
const small = grownWorld(1000);
const big = grownWorld(10_000);

/** One write that changes one thing: a tag on an existing user. */
const tagOne = (world: typeof small) => (i: number) =>
  world.call('TagUser', { UserName: `user-${i % world.users}`, Tags: [{ Key: 'n', Value: String(i) }] });
/** One read. */
const getOne = (world: typeof small) => (i: number) => world.call('GetUser', { UserName: `user-${i % world.users}` });

const details = {
  UserDetailList: Array.from({ length: 10_000 }, (_, i) => ({
    UserName: `u${i}`,
    Arn: `arn:aws:iam::123456789012:user/u${i}`,
    GroupList: [`g${i % 100}`],
    UserPolicyList: [{ PolicyName: 'read', PolicyDocument: POLICY }],
    AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
  })),
  GroupDetailList: Array.from({ length: 100 }, (_, i) => ({ GroupName: `g${i}`, Arn: `arn:aws:iam::123456789012:group/g${i}` })),
};
const exported = createWorld({ authorizationDetails: details });
const bigWorld = createWorld({ snapshot: big.endpoint.world });
// A reload reads the compacted journal: the snapshot (encoded as the page saves it) plus a tail of at
// most a few hundred operations, which compaction keeps short; the snapshot restore is what grows.
// It is timed on the path every reload takes (replayScenario → worldFromSnapshot).
const savedSnapshot = encodeSnapshot(bigWorld.save());

/** ListUsers as an IAM user with ReadOnlyAccess (a large AWS managed policy) in a 1 000-command world. */
function readOnlyCaller(world: typeof small): (i: number) => void {
  world.call('CreateUser', { UserName: 'reader' });
  world.call('AttachUserPolicy', { UserName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  const state = world.endpoint.world;
  const account = state.accounts[state.primaryAccountId];
  world.call('CreateAccessKey', { UserName: 'reader' });
  const key = account?.users[Object.keys(account.users).find((k) => account.users[k]?.name === 'reader') ?? '']?.accessKeys[0];
  const credentials = { kind: 'accessKey' as const, accessKeyId: key?.id ?? '', secretAccessKey: key?.secret ?? '' };
  return () => {
    const r = invokeLoaded(world.endpoint, { service: 'iam', operation: 'ListUsers', params: {}, credentials });
    if (!r.ok) throw new Error(`ListUsers: ${r.error.message}`);
  };
}

const benchmarks: Benchmark[] = [
  { name: 'command TagUser after 1 000 commands', run: tagOne(small), batch: 200, batches: 20 },
  {
    name: 'command TagUser after 10 000 commands',
    run: tagOne(big),
    batch: 200,
    batches: 20,
    ratioTo: { name: 'command TagUser after 1 000 commands', max: 1.5 },
  },
  { name: 'command GetUser after 1 000 commands', run: getOne(small), batch: 200, batches: 20 },
  {
    name: 'command GetUser after 10 000 commands',
    run: getOne(big),
    batch: 200,
    batches: 20,
    ratioTo: { name: 'command GetUser after 1 000 commands', max: 1.5 },
  },
  // A learner's world stays responsive with a large managed policy attached (the policy is parsed once).
  {
    name: 'command ListUsers with ReadOnlyAccess attached',
    run: readOnlyCaller(grownWorld(100)),
    batch: 50,
    batches: 10,
    targetMicros: 50_000,
  },
  {
    name: 'exportAuthorizationDetails of 10 000 users',
    run: () => exported.exportAuthorizationDetails(),
    batch: 1,
    batches: 7,
    targetMicros: 100_000,
  },
  { name: 'world.save() after 10 000 commands', run: () => bigWorld.save(), batch: 1, batches: 7 },
  {
    name: 'reload after 10 000 commands (snapshot restore)',
    run: () => worldFromSnapshot(savedSnapshot),
    batch: 1,
    batches: 7,
    targetMicros: 300_000,
    baseline: {
      cpuMicros: 688_000,
      note: 'createWorld({ snapshot: decodeSnapshot(text) }) before the reload round (a deep copy of the decoded state, a callback per byte)',
    },
  },
];

export default benchmarks;
