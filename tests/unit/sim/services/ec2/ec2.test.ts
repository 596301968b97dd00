// EC2 in the world, through world.run. Sources:
// - EC2 User Guide, "IAM roles for Amazon EC2" (instance profiles, PassRole, credentials from metadata):
//   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
// - EC2 API Reference, "RunInstances" (DryRun → DryRunOperation / UnauthorizedOperation):
//   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
// - STS API Reference, "DecodeAuthorizationMessage":
//   https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
// - EC2 User Guide, "Control access to EC2 resources using resource tags":
//   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/control-access-with-tags.html
// - CloudTrail User Guide, "CloudTrail userIdentity element" (AWSService, ec2RoleDelivery):
//   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { must, policy as doc } from '../../world/helpers.ts';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-role`;
const RUN = 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --iam-instance-profile Name=app-profile';

async function setup(devStatements: Record<string, unknown>[] = [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]): Promise<World> {
  const world = createWorld({ seed: 'ec2-test', now: '2026-03-02T09:00:00Z' });
  world.writeFile('trust.json', doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  world.writeFile('dev.json', doc(...devStatements));
  await must(world, 'aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json');
  await must(world, 'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await must(world, 'aws iam create-instance-profile --instance-profile-name app-profile');
  await must(world, 'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role');
  await must(world, 'aws iam create-user --user-name dev');
  await must(world, 'aws iam create-access-key --user-name dev');
  await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
  return world;
}

async function launch(world: World, extra = ''): Promise<string> {
  return (await must(world, `${RUN} ${extra} --query Instances[0].InstanceId --output text`)).trim();
}

describe('RunInstances with an instance profile', () => {
  it("needs iam:PassRole on the profile's role: UnauthorizedOperation with the sentence and an encoded message that STS decodes", async () => {
    const world = await setup();
    const r = await world.run(`${RUN} --profile dev`);
    expect(r.exitCode).toBe(254);
    const m =
      /^\nAn error occurred \(UnauthorizedOperation\) when calling the RunInstances operation: You are not authorized to perform this operation\. (.*)\. Encoded authorization failure message: ([A-Za-z0-9_-]+)\n$/.exec(
        r.stderr,
      );
    expect(m?.[1]).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:PassRole on resource: ${ROLE} because no identity-based policy allows the iam:PassRole action`,
    );
    const decoded = JSON.parse(
      JSON.parse(await must(world, `aws sts decode-authorization-message --encoded-message ${m?.[2]}`)).DecodedMessage,
    );
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: false,
      context: { action: 'iam:PassRole', resource: ROLE, principal: { arn: `arn:aws:iam::${ACCOUNT}:user/dev` } },
    });
    expect(decoded.context.conditions.items).toContainEqual({
      key: 'iam:PassedToService',
      values: { items: [{ value: 'ec2.amazonaws.com' }] },
    });
  });

  it('decoding needs sts:DecodeAuthorizationMessage; a mangled message is InvalidAuthorizationMessageException', async () => {
    const world = await setup();
    const r = await world.run(`${RUN} --profile dev`);
    const encoded = /Encoded authorization failure message: (\S+)/.exec(r.stderr)?.[1] ?? '';
    expect((await world.run(`aws sts decode-authorization-message --encoded-message ${encoded} --profile dev`)).stderr).toContain(
      'is not authorized to perform: sts:DecodeAuthorizationMessage',
    );
    expect((await world.run('aws sts decode-authorization-message --encoded-message abc')).stderr).toContain(
      '(InvalidAuthorizationMessageException)',
    );
  });

  it('--dry-run answers DryRunOperation when allowed and launches nothing; UnauthorizedOperation when not', async () => {
    const world = await setup([
      { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: ROLE,
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
    ]);
    const dry = await world.run(`${RUN} --dry-run --profile dev`);
    expect(dry).toEqual({
      exitCode: 254,
      stdout: '',
      stderr:
        '\nAn error occurred (DryRunOperation) when calling the RunInstances operation: Request would have succeeded, but DryRun flag is set.\n',
    });
    expect(JSON.parse(await must(world, 'aws ec2 describe-instances')).Reservations).toEqual([]);
    world.writeFile('dev.json', doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }));
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    expect((await world.run(`${RUN} --dry-run --profile dev`)).stderr).toContain(
      '(UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/*',
    );
  });

  it('the instance shows the profile; the denied and dry-run calls are logged as Client.<code>', async () => {
    const world = await setup();
    await world.run(`${RUN} --profile dev`);
    const id = await launch(world);
    const instance = JSON.parse(await must(world, `aws ec2 describe-instances --instance-ids ${id}`)).Reservations[0].Instances[0];
    expect(instance).toMatchObject({
      InstanceId: id,
      InstanceType: 't3.micro',
      State: { Code: 16, Name: 'running' },
      IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app-profile` },
    });
    const denied = world.trail().Records.find((r) => r['eventName'] === 'RunInstances' && r['errorCode'] !== undefined);
    expect(denied).toMatchObject({
      eventVersion: '1.09',
      eventSource: 'ec2.amazonaws.com',
      errorCode: 'Client.UnauthorizedOperation',
      responseElements: null,
    });
  });

  it("an unknown profile is EC2's InvalidParameterValue", async () => {
    const world = await setup();
    expect((await world.run(RUN.replace('app-profile', 'nope'))).stderr).toBe(
      '\nAn error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name\n',
    );
  });
});

describe('on-instance: a program on the instance acts as the instance role', () => {
  it("the session is arn:aws:sts::ACCOUNT:assumed-role/ROLE/INSTANCE_ID, issued by EC2's AssumeRole and reused", async () => {
    const world = await setup();
    const id = await launch(world);
    const before = world.trail().Records.length;
    const who = JSON.parse(await must(world, `on-instance ${id} aws sts get-caller-identity`));
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-role/${id}`);
    await must(world, `on-instance ${id} aws s3api list-buckets`);
    const records = world.trail().Records.slice(before);
    expect(records.filter((r) => r['eventName'] === 'AssumeRole')).toHaveLength(1);
    expect(records[0]).toMatchObject({
      userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
      requestParameters: { roleArn: ROLE, roleSessionName: id },
    });
    const call = records.find((r) => r['eventName'] === 'ListBuckets') as Record<string, unknown>;
    expect(call['userIdentity']).toMatchObject({ type: 'AssumedRole', arn: who.Arn, sessionContext: { ec2RoleDelivery: '2.0' } });
    // Calls leave from the instance's public address.
    const ip = JSON.parse(await must(world, `aws ec2 describe-instances --instance-ids ${id}`)).Reservations[0].Instances[0]
      .PublicIpAddress;
    expect(call['sourceIPAddress']).toBe(ip);
  });

  it("the role's policies decide: what it lacks is denied to the instance", async () => {
    const world = await setup();
    const id = await launch(world);
    const r = await world.run(`on-instance ${id} aws iam list-users`);
    expect(r.stderr).toContain(`User: arn:aws:sts::${ACCOUNT}:assumed-role/app-role/${id} is not authorized to perform: iam:ListUsers`);
  });

  it('without a profile the CLI on the instance finds no credentials (exit 253); stopped instances run nothing', async () => {
    const world = await setup();
    const bare = (
      await must(world, 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --query Instances[0].InstanceId --output text')
    ).trim();
    expect(await world.run(`on-instance ${bare} aws sts get-caller-identity`)).toEqual({
      exitCode: 253,
      stdout: '',
      stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
    const id = await launch(world);
    await must(world, `aws ec2 stop-instances --instance-ids ${id}`);
    expect((await world.run(`on-instance ${id} aws sts get-caller-identity`)).stderr).toBe(
      `on-instance: ${id} is stopped; start it first\n`,
    );
    await must(world, `aws ec2 start-instances --instance-ids ${id}`);
    expect((await world.run(`on-instance ${id} aws sts get-caller-identity`)).exitCode).toBe(0);
  });
});

describe('instance profile associations', () => {
  it('associate on an instance without one, replace to switch roles (PassRole again), describe them', async () => {
    const world = await setup([
      { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE },
    ]);
    await must(world, 'aws iam create-role --role-name admin-role --assume-role-policy-document file://trust.json');
    await must(world, 'aws iam create-instance-profile --instance-profile-name admin-profile');
    await must(world, 'aws iam add-role-to-instance-profile --instance-profile-name admin-profile --role-name admin-role');
    const id = (
      await must(
        world,
        'aws ec2 run-instances --image-id ami-0123456789abcdef0 --query Instances[0].InstanceId --output text --profile dev',
      )
    ).trim();
    const assoc = JSON.parse(
      await must(world, `aws ec2 associate-iam-instance-profile --instance-id ${id} --iam-instance-profile Name=app-profile --profile dev`),
    ).IamInstanceProfileAssociation;
    expect(assoc).toMatchObject({ InstanceId: id, State: 'associating', AssociationId: expect.stringMatching(/^iip-assoc-[0-9a-f]{17}$/) });
    expect(
      (await world.run(`aws ec2 associate-iam-instance-profile --instance-id ${id} --iam-instance-profile Name=app-profile --profile dev`))
        .stderr,
    ).toContain(
      `(IncorrectState) when calling the AssociateIamInstanceProfile operation: There is an existing association for instance ${id}`,
    );
    // Switching to a role dev may not pass is the privilege escalation PassRole exists to stop.
    const escalate = await world.run(
      `aws ec2 replace-iam-instance-profile-association --association-id ${assoc.AssociationId} --iam-instance-profile Name=admin-profile --profile dev`,
    );
    expect(escalate.stderr).toContain('is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/admin-role');
    await must(
      world,
      `aws ec2 replace-iam-instance-profile-association --association-id ${assoc.AssociationId} --iam-instance-profile Name=admin-profile`,
    );
    const list = JSON.parse(
      await must(world, `aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=${id}`),
    ).IamInstanceProfileAssociations;
    expect(list).toHaveLength(1);
    expect(list[0].IamInstanceProfile.Arn).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/admin-profile`);
    expect(JSON.parse(await must(world, `on-instance ${id} aws sts get-caller-identity`)).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/admin-role/${id}`,
    );
  });
});

describe('tags and attribute-based access control', () => {
  const ABAC = [
    { Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:RunInstances', 'ec2:CreateTags'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: ['ec2:StopInstances', 'ec2:StartInstances'],
      Resource: '*',
      Condition: { StringEquals: { 'ec2:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
  ];

  it('ec2:ResourceTag/team against aws:PrincipalTag/team decides who may stop an instance', async () => {
    const world = await setup(ABAC);
    await must(world, 'aws iam tag-user --user-name dev --tags Key=team,Value=blue');
    const blue = (
      await must(
        world,
        "aws ec2 run-instances --image-id ami-0123456789abcdef0 --tag-specifications 'ResourceType=instance,Tags=[{Key=team,Value=blue}]' --query Instances[0].InstanceId --output text",
      )
    ).trim();
    const red = (
      await must(
        world,
        "aws ec2 run-instances --image-id ami-0123456789abcdef0 --tag-specifications 'ResourceType=instance,Tags=[{Key=team,Value=red}]' --query Instances[0].InstanceId --output text",
      )
    ).trim();
    expect((await world.run(`aws ec2 stop-instances --instance-ids ${blue} --profile dev`)).exitCode).toBe(0);
    const r = await world.run(`aws ec2 stop-instances --instance-ids ${red} --profile dev`);
    expect(r.stderr).toContain(
      `(UnauthorizedOperation) when calling the StopInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${red}`,
    );
    // Retagging the red instance blue is the ABAC loophole a CreateTags condition must close.
    await must(world, `aws ec2 create-tags --resources ${red} --tags Key=team,Value=blue --profile dev`);
    expect((await world.run(`aws ec2 stop-instances --instance-ids ${red} --profile dev`)).exitCode).toBe(0);
  });

  it('aws:RequestTag/* on RunInstances requires the tag at launch', async () => {
    const world = await setup([
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:image/*' },
      {
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: 'arn:aws:ec2:*:*:instance/*',
        Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } },
      },
      { Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { StringEquals: { 'ec2:CreateAction': 'RunInstances' } } },
    ]);
    expect((await world.run('aws ec2 run-instances --image-id ami-0123456789abcdef0 --profile dev')).stderr).toContain(
      '(UnauthorizedOperation)',
    );
    expect(
      (
        await world.run(
          "aws ec2 run-instances --image-id ami-0123456789abcdef0 --tag-specifications 'ResourceType=instance,Tags=[{Key=team,Value=blue}]' --profile dev",
        )
      ).exitCode,
    ).toBe(0);
  });

  it('describe-tags lists instance tags; delete-tags removes them', async () => {
    const world = await setup();
    const id = await launch(world, "--tag-specifications 'ResourceType=instance,Tags=[{Key=team,Value=blue},{Key=env,Value=dev}]'");
    expect(JSON.parse(await must(world, `aws ec2 describe-tags --filters Name=resource-id,Values=${id}`)).Tags).toEqual([
      { Key: 'team', ResourceId: id, ResourceType: 'instance', Value: 'blue' },
      { Key: 'env', ResourceId: id, ResourceType: 'instance', Value: 'dev' },
    ]);
    await must(world, `aws ec2 delete-tags --resources ${id} --tags Key=env`);
    expect(JSON.parse(await must(world, 'aws ec2 describe-tags')).Tags.map((t: { Key: string }) => t.Key)).toEqual(['team']);
  });
});

describe('lifecycle and bad input', () => {
  it("stop, start, terminate answer the transitions; an unknown or malformed ID has EC2's error", async () => {
    const world = await setup();
    const id = await launch(world);
    expect(JSON.parse(await must(world, `aws ec2 stop-instances --instance-ids ${id}`)).StoppingInstances[0]).toEqual({
      InstanceId: id,
      CurrentState: { Code: 64, Name: 'stopping' },
      PreviousState: { Code: 16, Name: 'running' },
    });
    expect(JSON.parse(await must(world, `aws ec2 start-instances --instance-ids ${id}`)).StartingInstances[0].CurrentState).toEqual({
      Code: 0,
      Name: 'pending',
    });
    expect(JSON.parse(await must(world, `aws ec2 terminate-instances --instance-ids ${id}`)).TerminatingInstances[0].CurrentState).toEqual({
      Code: 32,
      Name: 'shutting-down',
    });
    expect((await world.run(`aws ec2 start-instances --instance-ids ${id}`)).stderr).toContain(
      `(IncorrectInstanceState) when calling the StartInstances operation: The instance '${id}' is not in a state from which it can be started.`,
    );
    expect((await world.run('aws ec2 stop-instances --instance-ids i-0000000000000000f')).stderr).toContain(
      "(InvalidInstanceID.NotFound) when calling the StopInstances operation: The instance ID 'i-0000000000000000f' does not exist",
    );
    expect((await world.run('aws ec2 stop-instances --instance-ids web1')).stderr).toContain(
      '(InvalidInstanceID.Malformed) when calling the StopInstances operation: Invalid id: "web1"',
    );
  });

  it("a missing required argument is the CLI's own error (exit 252)", async () => {
    const world = await setup();
    const r = await world.run('aws ec2 stop-instances');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('aws: error: the following arguments are required: --instance-ids');
  });

  it('saved worlds carry instances and their associations', async () => {
    const world = await setup();
    const id = await launch(world);
    const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    expect(JSON.parse(await must(restored, `on-instance ${id} aws sts get-caller-identity`)).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/app-role/${id}`,
    );
  });
});
