// Operation and option names are botocore's xform_name of the API names (AWS CLI v2 reference:
// e.g. `create-virtual-mfa-device`, `list-objects-v2`, `--authentication-code1`, `--ssekms-key-id`).
import { describe, expect, it } from 'vitest';
import { kebabName } from '../../../../src/sim/cli/names.ts';
import { closeMatches } from '../../../../src/sim/cli/close-matches.ts';

describe('kebabName (botocore xform_name)', () => {
  it.each([
    ['CreateUser', 'create-user'],
    ['CreateVirtualMFADevice', 'create-virtual-mfa-device'],
    ['ListMFADevices', 'list-mfa-devices'],
    ['ListObjectsV2', 'list-objects-v2'],
    ['AuthenticationCode1', 'authentication-code1'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
    ['GetAccountAuthorizationDetails', 'get-account-authorization-details'],
    ['PolicyARNs', 'policy-arns'],
    ['RoleArn', 'role-arn'],
    ['ACL', 'acl'],
  ])('%s → %s', (api, cli) => {
    expect(kebabName(api)).toBe(cli);
  });
});

describe('closeMatches (difflib.get_close_matches, cutoff 0.8)', () => {
  it('suggests the operation a learner mistyped', () => {
    expect(closeMatches('create-usr', ['create-user', 'create-group', 'delete-user'])).toEqual(['create-user']);
  });
  it('suggests nothing for an unrelated word', () => {
    expect(closeMatches('zzz', ['create-user'])).toEqual([]);
  });
});
