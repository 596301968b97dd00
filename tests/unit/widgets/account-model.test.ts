import { describe, expect, it } from 'vitest';
import { prettyDocument, readAccount } from '../../../src/widgets/explorer/account-model.ts';

const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('readAccount', () => {
  const account = readAccount({
    UserDetailList: [
      {
        UserName: 'alice',
        Arn: 'arn:aws:iam::123456789012:user/alice',
        GroupList: ['readers'],
        AttachedManagedPolicies: [],
        UserPolicyList: [{ PolicyName: 'Own', PolicyDocument: encodeURIComponent(JSON.stringify(doc)) }],
      },
    ],
    GroupDetailList: [
      {
        GroupName: 'readers',
        Arn: 'arn:aws:iam::123456789012:group/readers',
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      },
    ],
    RoleDetailList: [
      {
        RoleName: 'Admin',
        Arn: 'arn:aws:iam::123456789012:role/Admin',
        AssumeRolePolicyDocument: doc,
        RolePolicyList: [],
        AttachedManagedPolicies: [],
      },
    ],
    Policies: [],
  });

  it('lists who has what, directly and through groups', () => {
    const alice = account.principals.find((p) => p.key === 'user/alice')!;
    expect(alice.policies).toEqual(['user/alice/inline/Own']);
    expect(alice.viaGroups).toEqual([{ group: 'readers', policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
    expect(account.policies.get('arn:aws:iam::aws:policy/ReadOnlyAccess')?.attachedTo).toEqual(['group/readers']);
  });

  it('decodes URL-encoded documents and keeps trust policies', () => {
    expect(account.policies.get('user/alice/inline/Own')?.document).toContain('"s3:GetObject"');
    expect(account.principals.find((p) => p.key === 'role/Admin')?.trustPolicy).toContain('"Effect": "Allow"');
  });

  it('skips shapes it does not know instead of failing', () => {
    expect(readAccount({ UserDetailList: 'x', Policies: [null, 3, { Arn: 7 }] })).toEqual({ principals: [], policies: new Map() });
    expect(readAccount(null).principals).toEqual([]);
  });

  it('shows text that is not JSON as it is', () => {
    expect(prettyDocument('not json %ZZ')).toBe('not json %ZZ');
  });
});
