/** EC2 output shapes in botocore's member order (the CLI prints them in that order). */
import { cliTimestamp } from '../../world/dates.ts';
import { STATE_CODES, type Ec2Instance, type ProfileAssociation } from './model.ts';

/** An `InstanceState`. */
export function stateOut(state: Ec2Instance['state']): Record<string, unknown> {
  return { Code: STATE_CODES[state], Name: state };
}

/** An `Instance` as DescribeInstances and RunInstances print it (the members the simulator models). */
export function instanceOut(instance: Ec2Instance, shownState: Ec2Instance['state'] = instance.state): Record<string, unknown> {
  const profile = instance.association && instance.association.state === 'associated' ? instance.association : undefined;
  const running = shownState === 'running';
  return {
    Architecture: 'x86_64',
    BlockDeviceMappings: [],
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(profile ? { IamInstanceProfile: { Arn: profile.profileArn, Id: profile.profileId } } : {}),
    NetworkInterfaces: [],
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: [],
    SourceDestCheck: true,
    ...(instance.tags.length > 0 ? { Tags: instance.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {}),
    VirtualizationType: 'hvm',
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    InstanceId: instance.instanceId,
    ImageId: instance.imageId,
    State: stateOut(shownState),
    PrivateDnsName: `ip-${instance.privateIpAddress.replaceAll('.', '-')}.ec2.internal`,
    PublicDnsName:
      running && instance.publicIpAddress ? `ec2-${instance.publicIpAddress.replaceAll('.', '-')}.compute-1.amazonaws.com` : '',
    StateTransitionReason: '',
    ...(instance.keyName !== undefined ? { KeyName: instance.keyName } : {}),
    AmiLaunchIndex: 0,
    ProductCodes: [],
    InstanceType: instance.instanceType,
    LaunchTime: cliTimestamp(instance.launchTime),
    Placement: { GroupName: '', Tenancy: 'default', AvailabilityZone: instance.availabilityZone },
    Monitoring: { State: 'disabled' },
    PrivateIpAddress: instance.privateIpAddress,
    ...(running && instance.publicIpAddress ? { PublicIpAddress: instance.publicIpAddress } : {}),
  };
}

/** An `IamInstanceProfileAssociation`. */
export function associationOut(instanceId: string, association: ProfileAssociation): Record<string, unknown> {
  return {
    AssociationId: association.associationId,
    InstanceId: instanceId,
    IamInstanceProfile: { Arn: association.profileArn, Id: association.profileId },
    State: association.state,
    Timestamp: cliTimestamp(association.timestamp),
  };
}

/** CloudTrail's `instancesSet` shape for a list of instance IDs (EC2 records). */
export function instancesSet(ids: readonly string[]): Record<string, unknown> {
  return { items: ids.map((instanceId) => ({ instanceId })) };
}
