// A guardrails exercise through the CLI: the management account creates an SCP, attaches it, lists it
// (AWS CLI Command Reference, `aws organizations create-policy`, `attach-policy`, `list-policies-for-target`).
import { expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';

const FULL = {
  name: 'FullAWSAccess',
  id: 'p-FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

test('aws organizations: create, attach, list and detach an SCP from the management account', async () => {
  const world = createWorld({ organization: { managementAccountId: '123456789012', serviceControlPolicies: [[FULL], [FULL]] } });
  world.writeFile(
    'deny.json',
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }),
  );
  const must = async (line: string) => {
    const r = await world.run(line);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    return r.stdout;
  };
  const roots = JSON.parse(await must('aws organizations list-roots')) as { Roots: { Id: string }[] };
  const rootId = roots.Roots[0]?.Id ?? '';
  const created = JSON.parse(
    await must(
      'aws organizations create-policy --name DenyLeave --description "stay in the org" --type SERVICE_CONTROL_POLICY --content file://deny.json',
    ),
  ) as {
    Policy: { PolicySummary: { Id: string } };
  };
  const id = created.Policy.PolicySummary.Id;
  await must(`aws organizations attach-policy --policy-id ${id} --target-id ${rootId}`);
  const listed = await must(
    `aws organizations list-policies-for-target --target-id ${rootId} --filter SERVICE_CONTROL_POLICY --query "Policies[].Name" --output text`,
  );
  expect(listed.trim().split(/\s+/)).toEqual(['FullAWSAccess', 'DenyLeave']);
  await must(`aws organizations detach-policy --policy-id ${id} --target-id ${rootId}`);
  await must(`aws organizations delete-policy --policy-id ${id}`);
  const member = createWorld({ organization: { serviceControlPolicies: [[FULL], [FULL]] } });
  const refused = await member.run('aws organizations list-policies --filter SERVICE_CONTROL_POLICY');
  expect(refused.exitCode).toBe(254);
  expect(refused.stderr).toContain(
    "An error occurred (AccessDeniedException) when calling the ListPolicies operation: You don't have permissions to access this resource.",
  );
});
