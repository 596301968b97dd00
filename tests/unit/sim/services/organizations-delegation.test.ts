// Trusted access and delegated administrators, through the CLI as a learner types it. Sources:
// - Organizations API Reference, RegisterDelegatedAdministrator ("You can only call this operation from the
//   management account"; "It grants read-only access to AWS Organizations service data"):
//   https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html
// - Organizations API Reference, ListAccounts ("You can only call this operation from the organization's management
//   account or by a member account that is a delegated administrator"):
//   https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
// - Organizations API Reference, ConstraintViolationException reason CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR:
//   https://docs.aws.amazon.com/organizations/latest/APIReference/API_RegisterDelegatedAdministrator.html#API_RegisterDelegatedAdministrator_Errors
// - Organizations User Guide, "Using AWS Organizations with other AWS services" (EnableAWSServiceAccess):
//   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services.html
import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../../src/sim/world/index.ts';
import { json, organizationWorld, run } from '../world/org-helpers.ts';

describe('Organizations: trusted access and delegated administrators', () => {
  test('a member account reads the organization only after it is registered as a delegated administrator', async () => {
    const { world, dev, prod } = await organizationWorld();
    const denied = await world.run('aws organizations list-accounts --profile dev-admin');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain("(AccessDeniedException) when calling the ListAccounts operation: You don't have permissions");

    await run(world, 'aws organizations enable-aws-service-access --service-principal sso.amazonaws.com');
    await run(world, `aws organizations register-delegated-administrator --account-id ${dev} --service-principal sso.amazonaws.com`);

    const accounts = await json<{ Accounts: { Id: string }[] }>(world, 'aws organizations list-accounts --profile dev-admin');
    expect(accounts.Accounts.map((a) => a.Id)).toEqual(expect.arrayContaining([dev, prod]));
    const admins = await json<{ DelegatedAdministrators: { Id: string; Name: string; DelegationEnabledDate: string }[] }>(
      world,
      'aws organizations list-delegated-administrators --service-principal sso.amazonaws.com',
    );
    expect(admins.DelegatedAdministrators.map((a) => [a.Id, a.Name])).toEqual([[dev, 'dev']]);
    const services = await json<{ DelegatedServices: { ServicePrincipal: string }[] }>(
      world,
      `aws organizations list-delegated-services-for-account --account-id ${dev}`,
    );
    expect(services.DelegatedServices.map((s) => s.ServicePrincipal)).toEqual(['sso.amazonaws.com']);
    const access = await json<{ EnabledServicePrincipals: { ServicePrincipal: string }[] }>(
      world,
      'aws organizations list-aws-service-access-for-organization --profile dev-admin',
    );
    expect(access.EnabledServicePrincipals.map((s) => s.ServicePrincipal)).toEqual(['sso.amazonaws.com']);

    // Read-only: the delegated administrator still cannot change the organization's structure.
    const write = await world.run('aws organizations create-account --email x@example.com --account-name x --profile dev-admin');
    expect(write.stderr).toContain('(AccessDeniedException)');
    // Another member account is still refused.
    expect((await world.run('aws organizations list-accounts --profile prod-admin')).stderr).toContain('(AccessDeniedException)');

    await run(world, `aws organizations deregister-delegated-administrator --account-id ${dev} --service-principal sso.amazonaws.com`);
    expect((await world.run('aws organizations list-accounts --profile dev-admin')).stderr).toContain('(AccessDeniedException)');
  });

  test('registration rules: management account refused, twice refused, deregistering an unregistered account refused', async () => {
    const { world, management, dev } = await organizationWorld();
    const self = await world.run(
      `aws organizations register-delegated-administrator --account-id ${management} --service-principal sso.amazonaws.com`,
    );
    expect(self.stderr).toContain('(ConstraintViolationException)');
    expect(self.stderr).toContain('You can designate only a member account as a delegated administrator.');
    await run(world, `aws organizations register-delegated-administrator --account-id ${dev} --service-principal sso.amazonaws.com`);
    const again = await world.run(
      `aws organizations register-delegated-administrator --account-id ${dev} --service-principal sso.amazonaws.com`,
    );
    expect(again.stderr).toContain('(AccountAlreadyRegisteredException)');
    const missing = await world.run(
      'aws organizations deregister-delegated-administrator --account-id 999999999999 --service-principal sso.amazonaws.com',
    );
    expect(missing.stderr).toContain('(AccountNotFoundException)');
    const notRegistered = await world.run(
      `aws organizations deregister-delegated-administrator --account-id ${dev} --service-principal access-analyzer.amazonaws.com`,
    );
    expect(notRegistered.stderr).toContain('(AccountNotRegisteredException)');
    // Only the management account registers.
    const fromMember = await world.run(
      `aws organizations register-delegated-administrator --account-id ${dev} --service-principal access-analyzer.amazonaws.com --profile dev-admin`,
    );
    expect(fromMember.stderr).toContain('(AccessDeniedException)');
  });

  test('an account outside any organization is told so', async () => {
    const world = createWorld({ organization: null });
    const r = await world.run('aws organizations list-delegated-administrators');
    expect(r.stderr).toContain('(AWSOrganizationsNotInUseException)');
  });

  test('delegated administrators survive a snapshot round trip', async () => {
    const { world, dev } = await organizationWorld();
    await run(world, `aws organizations register-delegated-administrator --account-id ${dev} --service-principal sso.amazonaws.com`);
    const copy = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    const admins = await json<{ DelegatedAdministrators: { Id: string }[] }>(copy, 'aws organizations list-delegated-administrators');
    expect(admins.DelegatedAdministrators.map((a) => a.Id)).toEqual([dev]);
  });
});
