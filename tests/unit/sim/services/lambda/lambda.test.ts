// Lambda in the world, through world.run as a learner types it. Sources:
// - Lambda Developer Guide, "Defining Lambda function permissions with an execution role":
//   https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
// - Lambda Developer Guide, "Troubleshooting Lambda identity and access" (iam:PassRole text):
//   https://docs.aws.amazon.com/lambda/latest/dg/security_iam_troubleshoot.html
// - IAM User Guide, "Grant a user permissions to pass a role to an AWS service":
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// - Lambda Developer Guide, "Viewing resource-based IAM policies in Lambda" / "Granting function access to AWS services":
//   https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
// - CloudTrail User Guide, "Logging data events" (Lambda Invoke is a data event):
//   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
import { describe, expect, it } from 'vitest';
import { serviceMayInvoke } from '../../../../../src/sim/services/lambda/access.ts';
import { findFunction } from '../../../../../src/sim/services/lambda/model.ts';
import { createWorld, type World } from '../../../../../src/sim/world/index.ts';
import { must, policy as doc } from '../../world/helpers.ts';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/fn-role`;
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:reader`;

/** A world with an execution role lambda may assume, a bucket with an object, and a developer `dev`. */
async function setup(devActions: string[] = ['lambda:*']): Promise<World> {
  const world = createWorld({ seed: 'lambda-test', now: '2026-03-02T09:00:00Z' });
  world.writeFile('trust.json', doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }));
  world.writeFile('dev.json', doc({ Effect: 'Allow', Action: devActions, Resource: '*' }));
  world.writeFile(
    'code.txt',
    '# read the bucket as the execution role\naws sts get-caller-identity --query Arn --output text\n\naws s3api get-object --bucket data-bucket --key hello.txt /tmp/hello.txt\n',
  );
  world.writeFile('hello.txt', 'hello from S3\n');
  await must(world, 'aws iam create-role --role-name fn-role --assume-role-policy-document file://trust.json');
  await must(world, 'aws iam attach-role-policy --role-name fn-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await must(world, 'aws s3api create-bucket --bucket data-bucket');
  await must(world, 'aws s3api put-object --bucket data-bucket --key hello.txt --body hello.txt');
  await must(world, 'aws iam create-user --user-name dev');
  await must(world, 'aws iam create-access-key --user-name dev');
  await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
  return world;
}

const CREATE = `aws lambda create-function --function-name reader --runtime provided.al2023 --handler run --role ${ROLE} --zip-file fileb://code.txt --profile dev`;

describe('CreateFunction', () => {
  it("without iam:PassRole on the role, Lambda answers AccessDeniedException with IAM's sentence", async () => {
    const world = await setup();
    const r = await world.run(CREATE);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the CreateFunction operation: User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:PassRole on resource: ${ROLE} because no identity-based policy allows the iam:PassRole action\n`,
    );
    expect(JSON.parse(await must(world, 'aws lambda list-functions')).Functions).toEqual([]);
  });

  it('PassRole scoped with iam:PassedToService = lambda.amazonaws.com is enough', async () => {
    const world = await setup();
    world.writeFile(
      'pass.json',
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: ROLE,
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name pass --policy-document file://pass.json');
    const out = JSON.parse(await must(world, CREATE));
    expect(out).toMatchObject({
      FunctionName: 'reader',
      FunctionArn: FN_ARN,
      Role: ROLE,
      Version: '$LATEST',
      State: 'Pending',
      StateReasonCode: 'Creating',
      PackageType: 'Zip',
    });
    expect(out.CodeSize).toBe((world.readFile('code.txt') as string).length);
    expect(out.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // GetFunction later shows the function Active.
    expect(JSON.parse(await must(world, 'aws lambda get-function --function-name reader')).Configuration.State).toBe('Active');
  });

  it('a role lambda.amazonaws.com may not assume is refused with InvalidParameterValueException', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    world.writeFile('ec2-trust.json', doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    await must(world, 'aws iam create-role --role-name ec2-role --assume-role-policy-document file://ec2-trust.json');
    const r = await world.run(CREATE.replace('fn-role', 'ec2-role'));
    expect(r.stderr).toBe(
      '\nAn error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The role defined for the function cannot be assumed by Lambda.\n',
    );
  });

  it('without --zip-file or --code the CLI stops before the call, naming Code (exit 252)', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    const r = await world.run(`aws lambda create-function --function-name reader --role ${ROLE} --profile dev`);
    expect(r).toEqual({
      exitCode: 252,
      stdout: '',
      stderr: '\nParameter validation failed:\nMissing required parameter in input: "Code"\n',
    });
  });

  it("a missing --role is argparse's error naming it (exit 252)", async () => {
    const world = await setup();
    const r = await world.run('aws lambda create-function --function-name reader --zip-file fileb://code.txt');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('aws: error: the following arguments are required: --role');
  });

  it('a second function of the same name conflicts', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    expect((await world.run(CREATE)).stderr).toBe(
      '\nAn error occurred (ResourceConflictException) when calling the CreateFunction operation: Function already exist: reader\n',
    );
  });
});

describe('Invoke: the function runs its lines as the execution role', () => {
  it("writes each line's result to the outfile; the calls are the role session arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION", async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    const out = await must(world, 'aws lambda invoke --function-name reader response.json --profile dev');
    expect(JSON.parse(out)).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    const results = JSON.parse(world.readFile('response.json') as string) as {
      command: string;
      exitCode: number;
      stdout: string;
      stderr: string;
    }[];
    expect(results.map((r) => r.command)).toEqual([
      'aws sts get-caller-identity --query Arn --output text',
      'aws s3api get-object --bucket data-bucket --key hello.txt /tmp/hello.txt',
    ]);
    expect(results[0]).toEqual({
      command: results[0]?.command,
      exitCode: 0,
      stdout: `arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/reader\n`,
      stderr: '',
    });
    expect(results[1]?.exitCode).toBe(0);
    // The file the function wrote (the get-object's outfile, in its own simulated scratch space) is
    // the function's: the learner's files are untouched.
    const scratchFile = results[1]?.command.split(' ').at(-1);
    expect(scratchFile).toMatch(/hello\.txt$/);
    expect(world.listFiles()).not.toContain(scratchFile);
  });

  it("the credential issue is Lambda's AssumeRole (AWSService, invokedBy lambda.amazonaws.com), then the calls under the session", async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    const before = world.trail().Records.length;
    await must(world, 'aws lambda invoke --function-name reader response.json --profile dev');
    const records = world.trail().Records.slice(before);
    const assume = records.find((r) => r['eventName'] === 'AssumeRole');
    expect(assume).toMatchObject({
      userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
      eventSource: 'sts.amazonaws.com',
      sourceIPAddress: 'lambda.amazonaws.com',
      requestParameters: { roleArn: ROLE, roleSessionName: 'reader' },
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::IAM::Role', ARN: ROLE }],
    });
    const identity = records.find((r) => r['eventName'] === 'GetCallerIdentity')?.['userIdentity'] as Record<string, unknown>;
    expect(identity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/reader`,
      sessionContext: { sessionIssuer: { arn: ROLE } },
    });
  });

  it("a line the role may not run fails in the payload with AWS's denial, and the others still run", async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    world.writeFile('code.txt', 'aws iam list-users\naws sts get-caller-identity\n');
    await must(world, CREATE);
    await must(world, 'aws lambda invoke --function-name reader r.json --profile dev');
    const [denied, allowed] = JSON.parse(world.readFile('r.json') as string) as { exitCode: number; stderr: string }[];
    expect(denied?.exitCode).toBe(254);
    expect(denied?.stderr).toContain(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/reader is not authorized to perform: iam:ListUsers`,
    );
    expect(allowed?.exitCode).toBe(0);
  });

  it('Invoke is a data event: recorded only when a trail selects AWS::Lambda::Function', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws lambda invoke --function-name reader r.json --profile dev');
    expect(world.trail().Records.some((r) => r['eventName'] === 'Invoke')).toBe(false);
    await must(world, 'aws cloudtrail create-trail --name main --s3-bucket-name data-bucket');
    world.writeFile(
      'sel.json',
      JSON.stringify([
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }],
        },
      ]),
    );
    await must(world, 'aws cloudtrail put-event-selectors --trail-name main --event-selectors file://sel.json');
    await must(world, 'aws lambda invoke --function-name reader r.json --profile dev');
    const invoke = world.trail().Records.find((r) => r['eventName'] === 'Invoke');
    expect(invoke).toMatchObject({
      eventSource: 'lambda.amazonaws.com',
      readOnly: false,
      managementEvent: false,
      eventCategory: 'Data',
      requestParameters: { functionName: FN_ARN },
      responseElements: null,
      resources: [{ type: 'AWS::Lambda::Function', ARN: FN_ARN }],
    });
  });

  it('lambda:InvokeFunction is needed; the denial is AccessDeniedException naming the function ARN', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    world.writeFile('dev.json', doc({ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: '*' }));
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    const r = await world.run('aws lambda invoke --function-name reader r.json --profile dev');
    expect(r.stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: lambda:InvokeFunction on resource: ${FN_ARN} because no identity-based policy allows the lambda:InvokeFunction action\n`,
    );
    expect(world.readFile('r.json')).toBeUndefined();
  });

  it('the function policy alone lets a same-account user invoke (a resource-based grant to the user ARN)', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws iam create-user --user-name ops');
    await must(world, 'aws iam create-access-key --user-name ops');
    expect((await world.run('aws lambda invoke --function-name reader r.json --profile ops')).exitCode).toBe(254);
    await must(
      world,
      `aws lambda add-permission --function-name reader --statement-id ops --action lambda:InvokeFunction --principal arn:aws:iam::${ACCOUNT}:user/ops`,
    );
    expect((await world.run('aws lambda invoke --function-name reader r.json --profile ops')).exitCode).toBe(0);
  });
});

describe('UpdateFunctionConfiguration and UpdateFunctionCode', () => {
  it('changing the role needs PassRole on the new role; the old one is kept on failure', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws iam create-role --role-name other-role --assume-role-policy-document file://trust.json');
    world.writeFile(
      'dev.json',
      doc({ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }, { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE }),
    );
    await must(world, 'aws iam put-user-policy --user-name dev --policy-name dev --policy-document file://dev.json');
    const r = await world.run(
      `aws lambda update-function-configuration --function-name reader --role arn:aws:iam::${ACCOUNT}:role/other-role --profile dev`,
    );
    expect(r.stderr).toContain(
      '(AccessDeniedException) when calling the UpdateFunctionConfiguration operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/other-role',
    );
    // A configuration change that keeps the role passes nothing.
    const out = JSON.parse(await must(world, 'aws lambda update-function-configuration --function-name reader --timeout 10 --profile dev'));
    expect(out).toMatchObject({ Role: ROLE, Timeout: 10, LastUpdateStatus: 'InProgress' });
  });

  it('new code runs on the next invoke', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    world.writeFile('v2.txt', 'aws sts get-caller-identity --query Account --output text\n');
    const out = JSON.parse(await must(world, 'aws lambda update-function-code --function-name reader --zip-file fileb://v2.txt'));
    expect(out.CodeSize).toBe((world.readFile('v2.txt') as string).length);
    await must(world, 'aws lambda invoke --function-name reader r.json');
    expect(JSON.parse(world.readFile('r.json') as string)[0].stdout).toBe(`${ACCOUNT}\n`);
  });

  it('DeleteFunction removes it; then GetFunction is ResourceNotFoundException', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws lambda delete-function --function-name reader');
    expect((await world.run('aws lambda get-function --function-name reader')).stderr).toBe(
      `\nAn error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: ${FN_ARN}\n`,
    );
  });
});

describe('the function policy: AddPermission, GetPolicy, RemovePermission', () => {
  it("writes AWS:SourceArn and AWS:SourceAccount conditions, and they decide a service principal's invoke (confused deputy)", async () => {
    // IAM User Guide, "The confused deputy problem": https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    const added = JSON.parse(
      await must(
        world,
        `aws lambda add-permission --function-name reader --statement-id s3 --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::data-bucket --source-account ${ACCOUNT}`,
      ),
    );
    expect(JSON.parse(added.Statement)).toEqual({
      Sid: 's3',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: FN_ARN,
      Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::data-bucket' } },
    });
    const fn = findFunction(world.save().accounts[ACCOUNT] ?? {}, 'reader');
    if (!fn) throw new Error('no function');
    expect(serviceMayInvoke(fn, 's3.amazonaws.com', { sourceArn: 'arn:aws:s3:::data-bucket', sourceAccount: ACCOUNT }).decision).toBe(
      'allowed',
    );
    expect(
      serviceMayInvoke(fn, 's3.amazonaws.com', { sourceArn: 'arn:aws:s3:::someone-elses-bucket', sourceAccount: '111122223333' }).decision,
    ).toBe('implicitDeny');
    expect(serviceMayInvoke(fn, 'sns.amazonaws.com', { sourceAccount: ACCOUNT }).decision).toBe('implicitDeny');
    const policy = JSON.parse(JSON.parse(await must(world, 'aws lambda get-policy --function-name reader')).Policy);
    expect(policy).toMatchObject({ Version: '2012-10-17', Id: 'default', Statement: [{ Sid: 's3' }] });
  });

  it("an account ID principal becomes its root ARN; duplicate and missing statement ids have Lambda's texts", async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    expect((await world.run('aws lambda get-policy --function-name reader')).stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist.\n',
    );
    const added = JSON.parse(
      await must(
        world,
        'aws lambda add-permission --function-name reader --statement-id x --action lambda:InvokeFunction --principal 111122223333',
      ),
    );
    expect(JSON.parse(added.Statement).Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
    expect(
      (
        await world.run(
          'aws lambda add-permission --function-name reader --statement-id x --action lambda:InvokeFunction --principal 111122223333',
        )
      ).stderr,
    ).toContain(
      '(ResourceConflictException) when calling the AddPermission operation: The statement id (x) provided already exists. Please provide a new statement id, or remove the existing statement.',
    );
    expect((await world.run('aws lambda remove-permission --function-name reader --statement-id nope')).stderr).toContain(
      '(ResourceNotFoundException) when calling the RemovePermission operation: Statement nope is not found in resource policy.',
    );
    await must(world, 'aws lambda remove-permission --function-name reader --statement-id x');
  });
});

describe('CloudTrail management events as Lambda names them', () => {
  it('CreateFunction is logged as CreateFunction20150331, GetFunction read-only as GetFunction20150331v2', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws lambda get-function --function-name reader');
    const names = world
      .trail()
      .Records.filter((r) => r['eventSource'] === 'lambda.amazonaws.com')
      .map((r) => [r['eventName'], r['readOnly']]);
    expect(names).toEqual([
      ['CreateFunction20150331', false],
      ['GetFunction20150331v2', true],
    ]);
  });

  it('a saved world keeps its functions and they still run after a restore', async () => {
    const world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    const restored = createWorld({ snapshot: JSON.parse(JSON.stringify(world.save())) });
    await must(restored, 'aws lambda invoke --function-name reader r.json');
    expect(JSON.parse(restored.readFile('r.json') as string)[0].exitCode).toBe(0);
  });
});

describe('cross-account invoke', () => {
  // IAM User Guide, "Cross-account policy evaluation logic": both the caller's identity policies and
  // the function policy must allow. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
  it('a user of another account needs the function policy and its own IAM policy; the function still runs in its own account', async () => {
    let world = await setup(['lambda:*', 'iam:PassRole']);
    await must(world, CREATE);
    await must(world, 'aws organizations create-organization');
    await must(world, 'aws organizations create-account --email b@example.com --account-name B');
    const other = world.accountIds().find((id) => id !== ACCOUNT) as string;
    // Account B's root user gets an access key in the saved world (a new member account's root has none).
    const snapshot = world.save();
    const bRoot = { id: 'AKIAEXAMPLEBROOTKEY1', secret: 'b'.repeat(40), status: 'Active' as const, createDate: 0 };
    snapshot.accounts[other]?.root.accessKeys.push(bRoot);
    world = createWorld({ snapshot });
    const root = { kind: 'accessKey' as const, accessKeyId: bRoot.id, secretAccessKey: bRoot.secret };
    const call = (operation: string, params: Record<string, unknown>) =>
      world.invoke({ service: 'iam', operation, params, credentials: root, region: 'us-east-1' });
    await call('CreateUser', { UserName: 'caller' });
    const key = await call('CreateAccessKey', { UserName: 'caller' });
    if (!key.ok) throw new Error(key.error.message);
    const access = key.output['AccessKey'] as { AccessKeyId: string; SecretAccessKey: string };
    const caller = { kind: 'accessKey' as const, accessKeyId: access.AccessKeyId, secretAccessKey: access.SecretAccessKey };
    const invoke = () =>
      world.invoke({ service: 'lambda', operation: 'Invoke', params: { FunctionName: FN_ARN }, credentials: caller, region: 'us-east-1' });
    await call('PutUserPolicy', {
      UserName: 'caller',
      PolicyName: 'invoke',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }),
    });
    // Its own policy allows, but the function policy says nothing about account B: denied, with no reason clause (cross-account).
    const denied = await invoke();
    expect(denied.ok ? '' : denied.error.message).toBe(
      `User: arn:aws:iam::${other}:user/caller is not authorized to perform: lambda:InvokeFunction on resource: ${FN_ARN}`,
    );
    await must(
      world,
      `aws lambda add-permission --function-name reader --statement-id b --action lambda:InvokeFunction --principal ${other}`,
    );
    const allowed = await invoke();
    expect(allowed.ok).toBe(true);
    const payload = allowed.ok ? new TextDecoder().decode(allowed.output['Payload'] as Uint8Array) : '[]';
    expect(JSON.parse(payload)[0].stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/reader\n`);
    // The execution role's AssumeRole is in the function's account.
    expect(
      world
        .trail(ACCOUNT)
        .Records.some(
          (r) => r['eventName'] === 'AssumeRole' && (r['userIdentity'] as Record<string, unknown>)['invokedBy'] === 'lambda.amazonaws.com',
        ),
    ).toBe(true);
  });
});
