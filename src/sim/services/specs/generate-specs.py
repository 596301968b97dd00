#!/usr/bin/env python3
"""Generate the operation specs (input shapes) of the simulated services from botocore's service models.

Why: the CLI parses `--user-name bob` into `{UserName: 'bob'}` and validates arguments with the same
member names, constraints and required lists as the real AWS CLI, which reads exactly these models.
Run from the repository root with a Python that has botocore installed:
    python3 src/sim/services/specs/generate-specs.py && npx prettier --write src/sim/services/specs
It rewrites src/sim/services/specs/*.generated.ts. Only operations the world implements are emitted.
"""
import gzip, json, os, re
import botocore
from botocore import xform_name

OPERATIONS = {
    ('iam', '2010-05-08'): '''CreateUser GetUser ListUsers UpdateUser DeleteUser TagUser UntagUser ListUserTags
        CreateGroup GetGroup ListGroups UpdateGroup DeleteGroup AddUserToGroup RemoveUserFromGroup ListGroupsForUser
        CreateRole GetRole ListRoles UpdateRole UpdateRoleDescription UpdateAssumeRolePolicy DeleteRole TagRole UntagRole ListRoleTags
        CreatePolicy GetPolicy ListPolicies DeletePolicy TagPolicy UntagPolicy ListPolicyTags
        CreatePolicyVersion GetPolicyVersion ListPolicyVersions DeletePolicyVersion SetDefaultPolicyVersion
        AttachUserPolicy DetachUserPolicy ListAttachedUserPolicies AttachGroupPolicy DetachGroupPolicy ListAttachedGroupPolicies
        AttachRolePolicy DetachRolePolicy ListAttachedRolePolicies ListEntitiesForPolicy
        PutUserPolicy GetUserPolicy ListUserPolicies DeleteUserPolicy PutGroupPolicy GetGroupPolicy ListGroupPolicies DeleteGroupPolicy
        PutRolePolicy GetRolePolicy ListRolePolicies DeleteRolePolicy
        PutUserPermissionsBoundary DeleteUserPermissionsBoundary PutRolePermissionsBoundary DeleteRolePermissionsBoundary
        CreateInstanceProfile GetInstanceProfile ListInstanceProfiles DeleteInstanceProfile AddRoleToInstanceProfile
        RemoveRoleFromInstanceProfile ListInstanceProfilesForRole
        CreateAccessKey ListAccessKeys UpdateAccessKey DeleteAccessKey GetAccessKeyLastUsed
        CreateLoginProfile GetLoginProfile UpdateLoginProfile DeleteLoginProfile ChangePassword
        CreateVirtualMFADevice EnableMFADevice ListMFADevices ListVirtualMFADevices DeactivateMFADevice DeleteVirtualMFADevice
        ResyncMFADevice
        CreateAccountAlias ListAccountAliases DeleteAccountAlias
        GetAccountPasswordPolicy UpdateAccountPasswordPolicy DeleteAccountPasswordPolicy GetAccountSummary
        GetAccountAuthorizationDetails SimulatePrincipalPolicy SimulateCustomPolicy
        GenerateServiceLastAccessedDetails GetServiceLastAccessedDetails
        CreateOpenIDConnectProvider GetOpenIDConnectProvider ListOpenIDConnectProviders DeleteOpenIDConnectProvider
        AddClientIDToOpenIDConnectProvider RemoveClientIDFromOpenIDConnectProvider UpdateOpenIDConnectProviderThumbprint
        TagOpenIDConnectProvider UntagOpenIDConnectProvider ListOpenIDConnectProviderTags''',
    ('sts', '2011-06-15'): '''GetCallerIdentity AssumeRole GetSessionToken DecodeAuthorizationMessage
        AssumeRoleWithWebIdentity''',
    ('s3', '2006-03-01'): '''CreateBucket ListBuckets DeleteBucket PutBucketPolicy GetBucketPolicy DeleteBucketPolicy
        PutObject GetObject HeadObject ListObjectsV2 DeleteObject
        PutPublicAccessBlock GetPublicAccessBlock DeletePublicAccessBlock''',
    ('cloudtrail', '2013-11-01'): 'CreateTrail DeleteTrail DescribeTrails PutEventSelectors GetEventSelectors LookupEvents',
    ('organizations', '2016-11-28'): '''DescribeOrganization ListRoots ListPolicies CreatePolicy DescribePolicy DeletePolicy
        AttachPolicy DetachPolicy ListPoliciesForTarget CreateOrganization CreateAccount DescribeCreateAccountStatus
        ListAccounts DescribeAccount CreateOrganizationalUnit DescribeOrganizationalUnit ListOrganizationalUnitsForParent
        ListParents ListChildren MoveAccount RemoveAccountFromOrganization ListTargetsForPolicy ListAccountsForParent
        EnablePolicyType EnableAWSServiceAccess DisableAWSServiceAccess ListAWSServiceAccessForOrganization
        RegisterDelegatedAdministrator DeregisterDelegatedAdministrator ListDelegatedAdministrators
        ListDelegatedServicesForAccount''',
    ('lambda', '2015-03-31'): '''CreateFunction GetFunction ListFunctions UpdateFunctionConfiguration UpdateFunctionCode DeleteFunction
        Invoke AddPermission RemovePermission GetPolicy''',
    ('ec2', '2016-11-15'): '''RunInstances DescribeInstances StopInstances StartInstances TerminateInstances
        AssociateIamInstanceProfile ReplaceIamInstanceProfileAssociation DisassociateIamInstanceProfile
        DescribeIamInstanceProfileAssociations CreateTags DeleteTags DescribeTags''',
    ('s3control', '2018-08-20'): 'PutPublicAccessBlock GetPublicAccessBlock DeletePublicAccessBlock',
    ('kms', '2014-11-01'): '''CreateKey DescribeKey ListKeys CreateAlias DeleteAlias ListAliases GetKeyPolicy PutKeyPolicy
        Encrypt Decrypt GenerateDataKey ScheduleKeyDeletion CancelKeyDeletion EnableKey DisableKey
        CreateGrant ListGrants RevokeGrant''',
}

# Further operation groups written to their own file (`<service>-<group>.generated.ts`), so that
# features developed side by side add files instead of editing the same generated list.
EXTRA_GROUPS = {
    ('iam', '2010-05-08', 'saml'): 'CreateSAMLProvider GetSAMLProvider ListSAMLProviders UpdateSAMLProvider DeleteSAMLProvider',
    ('iam', '2010-05-08', 'credential-report'): 'GenerateCredentialReport GetCredentialReport',
    ('sts', '2011-06-15', 'saml'): 'AssumeRoleWithSAML',
    ('identitystore', '2020-06-15', ''): '''CreateUser DescribeUser ListUsers DeleteUser GetUserId CreateGroup DescribeGroup ListGroups
        DeleteGroup GetGroupId CreateGroupMembership ListGroupMemberships ListGroupMembershipsForMember DeleteGroupMembership''',
    ('sso-admin', '2020-07-20', ''): '''CreateInstance ListInstances DescribeInstance CreatePermissionSet DescribePermissionSet
        ListPermissionSets DeletePermissionSet AttachManagedPolicyToPermissionSet DetachManagedPolicyFromPermissionSet
        ListManagedPoliciesInPermissionSet PutInlinePolicyToPermissionSet GetInlinePolicyForPermissionSet
        DeleteInlinePolicyFromPermissionSet PutPermissionsBoundaryToPermissionSet GetPermissionsBoundaryForPermissionSet
        DeletePermissionsBoundaryFromPermissionSet CreateAccountAssignment DescribeAccountAssignmentCreationStatus
        ListAccountAssignments DeleteAccountAssignment DescribeAccountAssignmentDeletionStatus ProvisionPermissionSet
        DescribePermissionSetProvisioningStatus ListAccountsForProvisionedPermissionSet''',
    ('sso', '2019-06-10', ''): 'ListAccounts ListAccountRoles GetRoleCredentials Logout',
    ('sso-oidc', '2019-06-10', ''): 'RegisterClient StartDeviceAuthorization CreateToken',
}

# Positional output files, as the AWS CLI adds them for streaming outputs.
POSITIONAL_OUTFILE = {
    ('s3', 'GetObject'): ('outfile', 'Filename where the content will be saved'),
    ('lambda', 'Invoke'): ('outfile', 'Filename where the content will be saved'),
}


def load(service, version):
    path = os.path.join(os.path.dirname(botocore.__file__), 'data', service, version, 'service-2.json.gz')
    return json.load(gzip.open(path))


def shape_ts(model, name, depth=0):
    s = model['shapes'][name]
    t = s['type']
    if depth > 6:
        return "{ type: 'structure', members: {} }"
    if t == 'string':
        parts = ["type: 'string'"]
        if 'enum' in s:
            parts.append('enum: ' + json.dumps(s['enum']))
        if 'min' in s:
            parts.append(f"min: {s['min']}")
        if 'max' in s:
            parts.append(f"max: {s['max']}")
        if 'pattern' in s:
            parts.append('pattern: ' + json.dumps(s['pattern']))
        return '{ ' + ', '.join(parts) + ' }'
    if t in ('integer', 'long', 'double', 'float'):
        parts = [f"type: '{'double' if t == 'float' else t}'"]
        if 'min' in s:
            parts.append(f"min: {s['min']}")
        if 'max' in s:
            parts.append(f"max: {s['max']}")
        return '{ ' + ', '.join(parts) + ' }'
    if t == 'boolean':
        return "{ type: 'boolean' }"
    if t == 'timestamp':
        return "{ type: 'timestamp' }"
    if t == 'blob':
        return "{ type: 'blob' }"
    if t == 'list':
        parts = ["type: 'list'", 'member: ' + shape_ts(model, s['member']['shape'], depth + 1)]
        if 'min' in s:
            parts.append(f"min: {s['min']}")
        if 'max' in s:
            parts.append(f"max: {s['max']}")
        return '{ ' + ', '.join(parts) + ' }'
    if t == 'map':
        return "{ type: 'map', key: " + shape_ts(model, s['key']['shape'], depth + 1) + ', value: ' + shape_ts(model, s['value']['shape'], depth + 1) + ' }'
    if t == 'structure':
        return structure_ts(model, s, depth + 1)
    raise ValueError(t)


def structure_ts(model, s, depth=0):
    members = ', '.join(f"{json.dumps(k)}: {shape_ts(model, v['shape'], depth)}" for k, v in s['members'].items())
    req = s.get('required')
    return "{ type: 'structure', members: { " + members + ' }' + (', required: ' + json.dumps(req) if req else '') + ' }'


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    groups = [(s, v, '', ops) for (s, v), ops in OPERATIONS.items()] + [(s, v, g, ops) for (s, v, g), ops in EXTRA_GROUPS.items()]
    for service, version, group, ops in groups:
        model = load(service, version)
        stem = service + (f'-{group}' if group else '')
        const = re.sub(r'[^A-Z0-9]', '_', stem.upper())
        lines = [
            '// GENERATED by generate-specs.py from botocore ' + botocore.__version__ + f' ({service} {version}). Do not edit.',
            "import type { OperationSpec } from '../contract.ts';",
            '',
            f'/** Input shapes of the simulated {stem} operations, as botocore models them. */',
            f'export const {const}_OPERATIONS: readonly OperationSpec[] = [',
        ]
        for op in ops.split():
            o = model['operations'][op]
            inp = structure_ts(model, model['shapes'][o['input']['shape']]) if 'input' in o else "{ type: 'structure', members: {} }"
            extra = ''
            if (service, op) in POSITIONAL_OUTFILE:
                m, d = POSITIONAL_OUTFILE[(service, op)]
                extra = f", positionalOutfile: {{ member: {json.dumps(m)}, description: {json.dumps(d)} }}"
            # Operations botocore sends unsigned (AssumeRoleWithWebIdentity, AssumeRoleWithSAML): the CLI needs no credentials for them.
            if o.get('authtype') == 'none' or 'smithy.api#noAuth' in o.get('auth', []):
                extra += ', unsigned: true'
            lines.append(f"  {{ service: '{service}', name: '{op}', cliName: '{xform_name(op, '-')}', input: {inp}{extra} }},")
        lines.append('];')
        lines.append('')
        with open(os.path.join(root, f'{stem}.generated.ts'), 'w') as f:
            f.write('\n'.join(lines))


if __name__ == '__main__':
    main()
