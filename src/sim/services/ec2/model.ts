/**
 * EC2's per-account state: instances by ID, each with its tags and its IAM instance profile
 * association (EC2 User Guide, "IAM roles for Amazon EC2"; EC2 API Reference, Instance and
 * IamInstanceProfileAssociation).
 */
import type { Tag } from '../../world/state.ts';

/** An instance profile association (`iip-assoc-…`). */
export interface ProfileAssociation {
  associationId: string;
  /** The instance profile ARN and ID as they were when associated. */
  profileArn: string;
  profileId: string;
  state: 'associating' | 'associated' | 'disassociating' | 'disassociated';
  timestamp: number;
}

/** One simulated instance. */
export interface Ec2Instance {
  instanceId: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  region: string;
  availabilityZone: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
  launchTime: number;
  privateIpAddress: string;
  publicIpAddress?: string;
  keyName?: string;
  tags: Tag[];
  association?: ProfileAssociation;
  /** Instance credentials the metadata service handed out last, reused until close to expiry. */
  credentialsKeyId?: string;
}

/** The EC2 state codes (EC2 API Reference, InstanceState). */
export const STATE_CODES: Record<Ec2Instance['state'], number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** The account's instances (created on first use, so older saved worlds load). */
export function instancesOf(state: { ec2Instances?: Record<string, Ec2Instance> }): Record<string, Ec2Instance> {
  state.ec2Instances ??= {};
  return state.ec2Instances;
}

/** The instance ARN (`arn:aws:ec2:REGION:ACCOUNT:instance/ID`). */
export function instanceArn(instance: Ec2Instance, accountId: string): string {
  return `arn:aws:ec2:${instance.region}:${accountId}:instance/${instance.instanceId}`;
}
