// CloudTrail LookupEvents pages as the API does: "The default number of results returned is 50, with
// a maximum of 50 possible. The response includes a token that you can use to get the next page of
// results." The token "must be passed in with the same parameters as the previous call" (API
// Reference, LookupEvents). The CLI follows the pages itself; `--max-results` (undocumented, as awscli
// leaves a paginator's limit member) turns that off and prints the service's own page and NextToken.
import { describe, expect, it } from 'vitest';
import { completeCommandLine } from '../../../../src/sim/cli/index.ts';
import { createWorld, type World } from '../../../../src/sim/world/index.ts';

interface Page {
  Events: { EventName: string; Resources: { ResourceName: string }[] }[];
  NextToken?: string;
}

async function page(world: World, line: string): Promise<Page> {
  const r = await world.run(line);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Page;
}

/** A world whose trail holds `n` CreateUser events (u0 … u{n-1}), oldest first. */
async function withUsers(n: number): Promise<World> {
  const world = createWorld({ seed: 'paging' });
  for (let i = 0; i < n; i++) expect((await world.run(`aws iam create-user --user-name u${i}`)).exitCode).toBe(0);
  return world;
}

const CREATE_USER = '--lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser';

describe('aws cloudtrail lookup-events paging', () => {
  it('--max-results 1 prints one event, newest first, and the token; --next-token gives the next one', async () => {
    const world = await withUsers(3);
    const first = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-results 1`);
    expect(first.Events.map((e) => e.Resources[0]?.ResourceName)).toEqual(['u2']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-results 2 --next-token ${first.NextToken}`);
    expect(second.Events.map((e) => e.Resources[0]?.ResourceName)).toEqual(['u1', 'u0']);
    // The last page has no token.
    expect(second.NextToken).toBeUndefined();
  });

  it('the next page stays right when newer events arrive between calls', async () => {
    const world = await withUsers(3);
    const first = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-results 1`);
    await world.run('aws iam create-user --user-name late');
    const second = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-results 1 --next-token ${first.NextToken}`);
    expect(second.Events.map((e) => e.Resources[0]?.ResourceName)).toEqual(['u1']);
  });

  it('a token used with different parameters, or made up, is InvalidNextTokenException', async () => {
    const world = await withUsers(2);
    const first = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-results 1`);
    const other = await world.run(`aws cloudtrail lookup-events --max-results 1 --next-token ${first.NextToken}`);
    expect(other.exitCode).toBe(254);
    expect(other.stderr).toContain('An error occurred (InvalidNextTokenException) when calling the LookupEvents operation');
    const madeUp = await world.run('aws cloudtrail lookup-events --next-token bm90LWEtdG9rZW4=');
    expect(madeUp.stderr).toContain('(InvalidNextTokenException)');
  });

  it('MaxResults is 1 through 50', async () => {
    const world = await withUsers(1);
    const zero = await world.run('aws cloudtrail lookup-events --max-results 0');
    expect(zero.exitCode).toBe(252);
    expect(zero.stderr).toContain('Invalid value for parameter MaxResults, value: 0, valid min value: 1');
    const big = await world.run('aws cloudtrail lookup-events --max-results 51');
    expect(big.exitCode).toBe(254);
  });

  it('without --max-results the CLI follows every 50-event page and prints one merged list', async () => {
    const world = await withUsers(60);
    const all = await page(world, `aws cloudtrail lookup-events ${CREATE_USER}`);
    expect(all.Events).toHaveLength(60);
    expect(all.NextToken).toBeUndefined();
    // Two API pages were read: each LookupEvents call leaves its own management event.
    const lookups = await page(
      world,
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=LookupEvents',
    );
    expect(lookups.Events).toHaveLength(2);
    // --page-size sets the API page; the merged answer is the same.
    expect((await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --page-size 7`)).Events).toHaveLength(60);
    // --max-items still cuts the merged list with the CLI's own token.
    const cut = await page(world, `aws cloudtrail lookup-events ${CREATE_USER} --max-items 55`);
    expect(cut.Events).toHaveLength(55);
    expect(cut.NextToken).toEqual(expect.any(String));
  });

  it('completion does not offer the undocumented --max-results and --next-token', () => {
    const line = 'aws cloudtrail lookup-events --';
    const candidates = completeCommandLine(line, line.length).candidates;
    expect(candidates).toContain('--max-items');
    expect(candidates).not.toContain('--max-results');
    expect(candidates).not.toContain('--next-token');
  });
});
