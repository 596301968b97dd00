// Properties of the world as a whole: one trail record per call, determinism, and bad input that
// never changes the world.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Credentials } from '../../../../src/sim/services/contract.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';

const NAMES = ['alice', 'bob', 'Alice', 'ops', 'x y', '', 'a'.repeat(70)];
const ARNS = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:iam::aws:policy/Nope',
  'not-an-arn',
];
const DOCS = [
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}',
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}',
  '{"Statement":',
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}',
];

/** A management-event call: service, operation, params (valid or hostile). */
const managementCall = fc.oneof(
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('CreateUser'),
    params: fc.record({ UserName: fc.constantFrom(...NAMES) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('DeleteUser'),
    params: fc.record({ UserName: fc.constantFrom(...NAMES) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('CreateGroup'),
    params: fc.record({ GroupName: fc.constantFrom(...NAMES) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('AddUserToGroup'),
    params: fc.record({ GroupName: fc.constantFrom(...NAMES), UserName: fc.constantFrom(...NAMES) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('AttachUserPolicy'),
    params: fc.record({ UserName: fc.constantFrom(...NAMES), PolicyArn: fc.constantFrom(...ARNS) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('PutUserPolicy'),
    params: fc.record({
      UserName: fc.constantFrom(...NAMES),
      PolicyName: fc.constantFrom('p', 'q'),
      PolicyDocument: fc.constantFrom(...DOCS),
    }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('CreatePolicy'),
    params: fc.record({ PolicyName: fc.constantFrom('p', 'q', 'bad name'), PolicyDocument: fc.constantFrom(...DOCS) }),
  }),
  fc.record({
    service: fc.constant('iam'),
    operation: fc.constant('CreateAccessKey'),
    params: fc.record({ UserName: fc.constantFrom(...NAMES) }),
  }),
  fc.record({ service: fc.constant('iam'), operation: fc.constant('ListUsers'), params: fc.constant({}) }),
  fc.record({ service: fc.constant('iam'), operation: fc.constant('CreateUser'), params: fc.dictionary(fc.string(), fc.jsonValue()) }),
  fc.record({ service: fc.constant('sts'), operation: fc.constant('GetCallerIdentity'), params: fc.constant({}) }),
  fc.record({
    service: fc.constant('s3'),
    operation: fc.constant('CreateBucket'),
    params: fc.record({ Bucket: fc.constantFrom('data', 'Bad_Bucket', 'x') }),
  }),
  fc.record({ service: fc.constant('s3'), operation: fc.constant('ListBuckets'), params: fc.constant({}) }),
);

const GHOST_KEY = 'AKIAAAAAAAAAAAAAAAAA';
const who = fc.constantFrom<'root' | 'alice' | 'ghost'>('root', 'alice', 'ghost');

function credentialsFor(world: World, name: 'root' | 'alice' | 'ghost'): Credentials {
  if (name === 'root') return world.rootCredentials();
  const found = world.lookupUserCredentials('alice');
  if (name === 'alice' && found.ok) return found.credentials;
  return { kind: 'accessKey', accessKeyId: GHOST_KEY, secretAccessKey: 'x'.repeat(40) };
}

async function replay(
  calls: { service: string; operation: string; params: Record<string, unknown>; as: 'root' | 'alice' | 'ghost' }[],
  seed = 'p',
): Promise<{ world: World; outputs: string[] }> {
  const world = createWorld({ seed });
  const outputs: string[] = [];
  for (const c of calls) {
    const r = await world.invoke({
      service: c.service,
      operation: c.operation,
      params: c.params,
      credentials: credentialsFor(world, c.as),
    });
    outputs.push(JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)));
  }
  return { world, outputs };
}

const callWithCaller = managementCall.chain((c) => who.map((as) => ({ ...c, params: c.params as Record<string, unknown>, as })));

describe('world properties', () => {
  test('every authenticated management call leaves exactly one trail record, success or failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(callWithCaller, { maxLength: 12 }), async (calls) => {
        const world = createWorld();
        for (const c of calls) {
          const before = world.trail().Records.length;
          const credentials = credentialsFor(world, c.as);
          const r = await world.invoke({ service: c.service, operation: c.operation, params: c.params, credentials });
          const records = world.trail().Records;
          // Keys of no account (ghost) reach no account's trail; every other call leaves one record.
          if (credentials.kind === 'accessKey' && credentials.accessKeyId === GHOST_KEY) {
            expect(records.length).toBe(before);
            continue;
          }
          expect(records.length).toBe(before + 1);
          const rec = records.at(-1) as Record<string, unknown>;
          expect(rec['eventName']).toBe(c.operation);
          expect('errorCode' in rec).toBe(!r.ok);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('same seed and same calls give byte-identical outputs and trail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(callWithCaller, { maxLength: 10 }), async (calls) => {
        const a = await replay(calls);
        const b = await replay(calls);
        expect(b.outputs).toEqual(a.outputs);
        expect(JSON.stringify(b.world.trail())).toBe(JSON.stringify(a.world.trail()));
        expect(JSON.stringify(b.world.save())).toBe(JSON.stringify(a.world.save()));
      }),
      { numRuns: 25 },
    );
  });

  test('a failed call never changes the world (only the trail grows)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(callWithCaller, { maxLength: 10 }), async (calls) => {
        const world = createWorld();
        for (const c of calls) {
          const before = world.save();
          const r = await world.invoke({
            service: c.service,
            operation: c.operation,
            params: c.params,
            credentials: credentialsFor(world, c.as),
          });
          if (r.ok) continue;
          const after = world.save();
          // Failed calls only append a record and consume IDs for it (requestID, eventID).
          expect(withoutRecords(after)).toEqual(withoutRecords(before));
        }
      }),
      { numRuns: 40 },
    );
  });

  test('hostile parameter values get an error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('CreateUser', 'PutUserPolicy', 'CreateRole', 'AssumeRole', 'PutBucketPolicy', 'LookupEvents'),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
        async (operation, params) => {
          const world = createWorld();
          const service =
            operation === 'AssumeRole'
              ? 'sts'
              : operation === 'PutBucketPolicy'
                ? 's3'
                : operation === 'LookupEvents'
                  ? 'cloudtrail'
                  : 'iam';
          const r = await world.invoke({ service, operation, params, credentials: world.rootCredentials() });
          if (!r.ok) expect(r.error.code).not.toBe('ServiceFailure');
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** A saved world without what a failed call may change: each account's records and the ID counter. */
function withoutRecords(saved: ReturnType<ReturnType<typeof createWorld>['save']>): unknown {
  const accounts = Object.fromEntries(Object.entries(saved.accounts).map(([id, a]) => [id, { ...a, records: [] }]));
  return { ...saved, accounts, idCounter: 0 };
}
