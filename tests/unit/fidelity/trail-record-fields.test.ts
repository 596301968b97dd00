// CloudTrail records made through the public API (createWorld, world.run, world.trail()), checked
// field by field against "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html and the reference records in tests/fixtures/cloudtrail/
// (CloudTrail User Guide, "CloudTrail record contents", "CloudTrail userIdentity element",
// "AWS Management Console sign-in events"). These probe what the whole-record comparison in
// tests/unit/sim/trail/reference-records.test.ts does not: root identities, key types, date
// formats per service, read-only values and the console sign-in variants.
import { describe, expect, test } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';
import { readFixtureJson } from '../../fixtures/read.ts';

const ACCT = '123456789012';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole' }],
});
const ref = (name: string): Record<string, unknown> => readFixtureJson(`cloudtrail/${name}`);
const last = (w: World): Record<string, any> => w.trail().Records.at(-1) as Record<string, any>;
/** IAM responseElements dates: `Aug 1, 2024 1:33:28 PM` ("CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). */
const IAM_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M$/;
/** STS credential expiration: `Jul 30, 2024, 9:46:15 PM` (comma after the year; "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). */
const STS_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d:\d\d [AP]M$/;

async function run(w: World, line: string): Promise<string> {
  const r = await w.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  return r.stdout;
}

/** A world with user alice (own access key, a password, AdministratorAccess) and role team/R trusting the account. */
async function world(): Promise<{ w: World; alice: string }> {
  const w = createWorld({ now: '2026-03-02T13:33:28Z' });
  await run(w, 'aws iam create-user --user-name alice');
  await run(w, 'aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
  await run(w, 'aws iam create-login-profile --user-name alice --password Al1ce-Passw0rd!');
  await run(w, `aws iam create-role --role-name R --path /team/ --assume-role-policy-document '${TRUST}'`);
  const key = JSON.parse(await run(w, 'aws iam create-access-key --user-name alice')) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  await run(w, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId} --profile alice`);
  await run(w, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey} --profile alice`);
  return { w, alice: key.AccessKey.AccessKeyId };
}

describe('record layout (CloudTrail record contents; tests/fixtures/cloudtrail/SOURCES.md field order)', () => {
  test('a CreateUser record has exactly the top-level keys of reference 01, in its order', async () => {
    const { w } = await world();
    await run(w, 'aws iam create-user --user-name bob --profile alice');
    expect(Object.keys(last(w))).toEqual(Object.keys(ref('01_iam_CreateUser_cli.json')));
  });
  test('readOnly and managementEvent are JSON booleans, mfaAuthenticated a JSON string (CloudTrail record contents)', async () => {
    const { w } = await world();
    const r = w.trail().Records.find((x) => x['eventName'] === 'CreateUser') as Record<string, any>;
    expect(r['readOnly']).toBe(false);
    expect(r['managementEvent']).toBe(true);
    const signIn = w.consoleSignIn({ userName: 'alice', password: 'Al1ce-Passw0rd!' });
    if (!signIn.ok) throw new Error('sign-in');
    await w.invoke({ service: 'iam', operation: 'ListUsers', params: {}, credentials: signIn.credentials });
    expect(last(w)['userIdentity']['sessionContext']['attributes']['mfaAuthenticated']).toBe('false');
    expect(last(w)['sessionCredentialFromConsole']).toBe('true');
  });
  test('tlsDetails keys in order tlsVersion, cipherSuite, clientProvidedHostHeader (CloudTrail record contents)', async () => {
    const { w } = await world();
    expect(Object.keys(last(w)['tlsDetails'])).toEqual(['tlsVersion', 'cipherSuite', 'clientProvidedHostHeader']);
    expect(last(w)['tlsDetails']['clientProvidedHostHeader']).toBe('iam.amazonaws.com');
  });
  test.each([
    ['aws iam list-users', 'iam.amazonaws.com', '1.09'],
    ['aws sts get-caller-identity', 'sts.amazonaws.com', '1.08'],
    ['aws s3api list-buckets', 's3.amazonaws.com', '1.11'],
  ])('%s is recorded with eventSource %s and eventVersion %s (CloudTrail record contents)', async (line, source, version) => {
    const { w } = await world();
    await run(w, line);
    expect(last(w)['eventSource']).toBe(source);
    expect(last(w)['eventVersion']).toBe(version);
    expect(last(w)['awsRegion']).toBe('us-east-1');
    expect(last(w)['recipientAccountId']).toBe(ACCT);
  });
});

describe('userIdentity per identity type (CloudTrail userIdentity element)', () => {
  test('root: principalId is the account ID, accessKeyId the key used, no userName without an alias', async () => {
    const w = createWorld();
    await run(w, 'aws iam list-users');
    expect(last(w)['userIdentity']).toEqual({
      type: 'Root',
      principalId: ACCT,
      arn: `arn:aws:iam::${ACCT}:root`,
      accountId: ACCT,
      accessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
    });
  });
  test('root: userName is the account alias once one is set, never "Root"', async () => {
    const w = createWorld();
    await run(w, 'aws iam create-account-alias --account-alias dojo-lab');
    await run(w, 'aws iam list-users');
    expect(last(w)['userIdentity']['userName']).toBe('dojo-lab');
  });
  test('IAM user with a long-term key: AKIA key, userName, no sessionContext', async () => {
    const { w, alice } = await world();
    await run(w, 'aws iam list-users --profile alice');
    const id = last(w)['userIdentity'];
    expect(Object.keys(id)).toEqual(['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName']);
    expect(id['accessKeyId']).toBe(alice);
    expect(id['principalId']).toMatch(/^AIDA/);
  });
  test('role session: principalId "<AROA id>:<session>", arn without the role path, issuer with the path, mfaAuthenticated "false"', async () => {
    const { w } = await world();
    const out = JSON.parse(
      await run(w, `aws sts assume-role --role-arn arn:aws:iam::${ACCT}:role/team/R --role-session-name s1 --profile alice`),
    ) as { Credentials: Record<string, string> };
    await run(w, `aws configure set aws_access_key_id ${out.Credentials['AccessKeyId']} --profile r`);
    await run(w, `aws configure set aws_secret_access_key ${out.Credentials['SecretAccessKey']} --profile r`);
    await run(w, `aws configure set aws_session_token ${out.Credentials['SessionToken']} --profile r`);
    await run(w, 'aws sts get-caller-identity --profile r');
    const id = last(w)['userIdentity'];
    expect(id['type']).toBe('AssumedRole');
    expect(id['principalId']).toMatch(/^AROA[A-Z2-7]{17}:s1$/);
    expect(id['arn']).toBe(`arn:aws:sts::${ACCT}:assumed-role/R/s1`);
    expect(id['accessKeyId']).toMatch(/^ASIA/);
    expect(id['sessionContext']['sessionIssuer']).toEqual({
      type: 'Role',
      principalId: id['principalId'].split(':')[0],
      arn: `arn:aws:iam::${ACCT}:role/team/R`,
      accountId: ACCT,
      userName: 'R',
    });
    expect(id['sessionContext']['attributes']).toEqual({ creationDate: '2026-03-02T13:33:28Z', mfaAuthenticated: 'false' });
    // Key order as real role-session records print it ("CloudTrail userIdentity element", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html; CloudTrail User Guide, "AWS STS source identity").
    expect(Object.keys(id)).toEqual(['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'sessionContext']);
    expect(Object.keys(id['sessionContext'])).toEqual(['sessionIssuer', 'webIdFederationData', 'attributes']);
    expect(id['sessionContext']['webIdFederationData']).toEqual({});
  });
});

describe('role session with a source identity (CloudTrail User Guide, "AWS STS source identity")', () => {
  test('sessionContext keys: sessionIssuer, webIdFederationData, attributes, then sourceIdentity', async () => {
    const w = createWorld({ now: '2026-03-02T13:33:28Z' });
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] },
      ],
    });
    await run(w, 'aws iam create-user --user-name alice');
    await run(w, 'aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    await run(w, `aws iam create-role --role-name R --assume-role-policy-document '${trust}'`);
    const key = JSON.parse(await run(w, 'aws iam create-access-key --user-name alice')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    await run(w, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId} --profile alice`);
    await run(w, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey} --profile alice`);
    const out = JSON.parse(
      await run(
        w,
        `aws sts assume-role --role-arn arn:aws:iam::${ACCT}:role/R --role-session-name s1 --source-identity alice@example.com --profile alice`,
      ),
    ) as { Credentials: Record<string, string> };
    await run(w, `aws configure set aws_access_key_id ${out.Credentials['AccessKeyId']} --profile r`);
    await run(w, `aws configure set aws_secret_access_key ${out.Credentials['SecretAccessKey']} --profile r`);
    await run(w, `aws configure set aws_session_token ${out.Credentials['SessionToken']} --profile r`);
    await run(w, 'aws sts get-caller-identity --profile r');
    const ctx = last(w)['userIdentity']['sessionContext'];
    expect(Object.keys(ctx)).toEqual(['sessionIssuer', 'webIdFederationData', 'attributes', 'sourceIdentity']);
    expect(ctx['sourceIdentity']).toBe('alice@example.com');
  });
});

describe('STS records (reference 03/04; CloudTrail record contents)', () => {
  test('AssumeRole success: readOnly true, resources with upper-case ARN key, no sharedEventID in one account, STS date format', async () => {
    const { w } = await world();
    await run(w, `aws sts assume-role --role-arn arn:aws:iam::${ACCT}:role/team/R --role-session-name s1 --profile alice`);
    const r = last(w);
    expect(r['readOnly']).toBe(true);
    expect(r['resources']).toEqual([{ accountId: ACCT, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${ACCT}:role/team/R` }]);
    expect('sharedEventID' in r).toBe(false);
    expect(r['requestParameters']).toEqual({ roleArn: `arn:aws:iam::${ACCT}:role/team/R`, roleSessionName: 's1' });
    expect(r['responseElements']['credentials']['expiration']).toMatch(STS_DATE);
    expect(r['responseElements']['credentials']['expiration']).toBe('Mar 2, 2026, 2:33:28 PM');
    expect('secretAccessKey' in r['responseElements']['credentials']).toBe(false);
    expect(r['responseElements']['assumedRoleUser']['arn']).toBe(`arn:aws:sts::${ACCT}:assumed-role/R/s1`);
  });
  test('AssumeRole denied: errorCode AccessDenied, no reason clause, requestParameters and responseElements null', async () => {
    const { w } = await world();
    await run(w, 'aws iam create-user --user-name bob');
    const key = JSON.parse(await run(w, 'aws iam create-access-key --user-name bob')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    await run(w, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId} --profile bob`);
    await run(w, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey} --profile bob`);
    expect(
      (await w.run(`aws sts assume-role --role-arn arn:aws:iam::${ACCT}:role/team/R --role-session-name s1 --profile bob`)).exitCode,
    ).toBe(254);
    const r = w
      .trail()
      .Records.filter((x) => x['eventName'] === 'AssumeRole')
      .at(-1) as Record<string, any>;
    expect(r['errorCode']).toBe('AccessDenied');
    expect(r['errorMessage']).toBe(
      `User: arn:aws:iam::${ACCT}:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCT}:role/team/R`,
    );
    expect(r['requestParameters']).toBeNull();
    expect(r['responseElements']).toBeNull();
  });
  test('GetCallerIdentity: readOnly true, requestParameters and responseElements null', async () => {
    const { w } = await world();
    await run(w, 'aws sts get-caller-identity --profile alice');
    const r = last(w);
    expect([r['eventName'], r['readOnly'], r['requestParameters'], r['responseElements']]).toEqual(['GetCallerIdentity', true, null, null]);
  });
});

describe('IAM records (reference 01/02/10; CloudTrail record contents)', () => {
  test('CreateUser responseElements.user.createDate in the IAM format "Mar 2, 2026 1:33:28 PM"', async () => {
    const { w } = await world();
    await run(w, 'aws iam create-user --user-name bob --profile alice');
    expect(last(w)['responseElements']['user']['createDate']).toBe('Mar 2, 2026 1:33:28 PM');
    expect(last(w)['responseElements']['user']['createDate']).toMatch(IAM_DATE);
  });
  test('AttachUserPolicy: responseElements null, readOnly false', async () => {
    const { w } = await world();
    const r = w.trail().Records.find((x) => x['eventName'] === 'AttachUserPolicy') as Record<string, any>;
    expect(r['requestParameters']).toEqual({ userName: 'alice', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(r['responseElements']).toBeNull();
    expect(r['readOnly']).toBe(false);
  });
  test('secrets are never logged: no password in CreateLoginProfile, no secret key in CreateAccessKey', async () => {
    const { w } = await world();
    const login = w.trail().Records.find((x) => x['eventName'] === 'CreateLoginProfile') as Record<string, any>;
    expect(JSON.stringify(login)).not.toContain('Al1ce-Passw0rd!');
    const key = w.trail().Records.find((x) => x['eventName'] === 'CreateAccessKey') as Record<string, any>;
    expect(JSON.stringify(key['responseElements'])).not.toMatch(/secretAccessKey/i);
  });
  test('a denied IAM call: errorCode AccessDenied, responseElements null, same message as the caller saw', async () => {
    const { w } = await world();
    await run(w, 'aws iam create-user --user-name carol');
    const key = JSON.parse(await run(w, 'aws iam create-access-key --user-name carol')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    await run(w, `aws configure set aws_access_key_id ${key.AccessKey.AccessKeyId} --profile carol`);
    await run(w, `aws configure set aws_secret_access_key ${key.AccessKey.SecretAccessKey} --profile carol`);
    const res = await w.run('aws iam list-users --profile carol');
    expect(res.exitCode).toBe(254);
    const r = last(w);
    expect(r['errorCode']).toBe('AccessDenied');
    expect(res.stderr).toContain(r['errorMessage']);
    expect(r['responseElements']).toBeNull();
  });
});

describe('console sign-in records (AWS Management Console sign-in events)', () => {
  test('success: no requestID, no accessKeyId, responseElements ConsoleLogin Success, MFAUsed "No"', async () => {
    const { w } = await world();
    w.consoleSignIn({ userName: 'alice', password: 'Al1ce-Passw0rd!' });
    const r = last(w);
    expect('requestID' in r).toBe(false);
    expect('accessKeyId' in r['userIdentity']).toBe(false);
    expect(r['eventType']).toBe('AwsConsoleSignIn');
    expect(r['readOnly']).toBe(false);
    expect(r['responseElements']).toEqual({ ConsoleLogin: 'Success' });
    expect(r['additionalEventData']['MFAUsed']).toBe('No');
    expect(r['tlsDetails']['clientProvidedHostHeader']).toBe('signin.aws.amazon.com');
  });
  test('wrong password: no errorCode, errorMessage "Failed authentication", accessKeyId "" and no arn', async () => {
    const { w } = await world();
    w.consoleSignIn({ userName: 'alice', password: 'wrong' });
    const r = last(w);
    expect('errorCode' in r).toBe(false);
    expect(r['errorMessage']).toBe('Failed authentication');
    expect(r['userIdentity']['accessKeyId']).toBe('');
    expect('arn' in r['userIdentity']).toBe(false);
    expect(r['responseElements']).toEqual({ ConsoleLogin: 'Failure' });
  });
  test('unknown user name: userName HIDDEN_DUE_TO_SECURITY_REASONS, "No username found in supplied account"', async () => {
    const { w } = await world();
    w.consoleSignIn({ userName: 'nobody', password: 'x' });
    expect(last(w)['userIdentity']['userName']).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    expect(last(w)['errorMessage']).toBe('No username found in supplied account');
  });
  test('root failure: Root identity with principalId = account ID and accessKeyId ""', async () => {
    const { w } = await world();
    w.consoleSignIn({ password: 'wrong' });
    expect(last(w)['userIdentity']).toEqual({
      type: 'Root',
      principalId: ACCT,
      arn: `arn:aws:iam::${ACCT}:root`,
      accountId: ACCT,
      accessKeyId: '',
    });
  });
});

describe('S3 data events (CloudTrail data events; CloudTrail record contents, reference 06)', () => {
  test('GetObject is recorded only once a trail selects S3 data events, then as a Data event with object + bucket resources', async () => {
    const { w } = await world();
    await run(w, 'aws s3api create-bucket --bucket logs-123456789012');
    await run(w, 'aws s3api create-bucket --bucket data-123456789012');
    await w.run('aws s3api get-object --bucket data-123456789012 --key a.txt out.txt --profile alice');
    expect(w.trail().Records.some((x) => x['eventName'] === 'GetObject')).toBe(false);
    await run(w, 'aws cloudtrail create-trail --name main --s3-bucket-name logs-123456789012');
    await run(
      w,
      `aws cloudtrail put-event-selectors --trail-name main --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]'`,
    );
    await w.run('aws s3api get-object --bucket data-123456789012 --key a.txt out.txt --profile alice');
    const r = last(w);
    expect(r['eventName']).toBe('GetObject');
    expect([r['eventCategory'], r['managementEvent'], r['readOnly'], r['eventVersion']]).toEqual(['Data', false, true, '1.11']);
    expect(r['resources']).toEqual([
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::data-123456789012/a.txt' },
      { accountId: ACCT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::data-123456789012' },
    ]);
  });
});

describe('MFA records (reference 05/05b/10; CloudTrail userIdentity element; Configuring MFA-protected API access)', () => {
  /** alice with an enabled virtual MFA device; answers the serial and a code function on the world clock. */
  async function withMfa(): Promise<{ w: World; serial: string; code: () => string }> {
    const { w } = await world();
    const out = JSON.parse(
      await run(
        w,
        'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice-phone --outfile qr.png --bootstrap-method Base32StringSeed',
      ),
    ) as { VirtualMFADevice: { SerialNumber: string } };
    const serial = out.VirtualMFADevice.SerialNumber;
    const code = (): string => w.authenticatorCode(serial)?.code ?? '';
    const c1 = code();
    w.clock.advance(30);
    await run(
      w,
      `aws iam enable-mfa-device --user-name alice --serial-number ${serial} --authentication-code1 ${c1} --authentication-code2 ${code()}`,
    );
    w.clock.advance(30);
    return { w, serial, code };
  }
  test('EnableMFADevice: requestParameters userName + serialNumber only (codes never logged), responseElements null', async () => {
    const { w, serial } = await withMfa();
    const r = w.trail().Records.find((x) => x['eventName'] === 'EnableMFADevice') as Record<string, any>;
    expect(r['requestParameters']).toEqual({ userName: 'alice', serialNumber: serial });
    expect(r['responseElements']).toBeNull();
    expect(r['readOnly']).toBe(false);
  });
  test('GetSessionToken with MFA, then a call with those credentials: IAMUser with ASIA key and attributes.mfaAuthenticated "true"', async () => {
    const { w, serial, code } = await withMfa();
    const out = JSON.parse(await run(w, `aws sts get-session-token --serial-number ${serial} --token-code ${code()} --profile alice`)) as {
      Credentials: Record<string, string>;
    };
    const gst = last(w);
    expect(gst['eventName']).toBe('GetSessionToken');
    expect(gst['requestParameters']).toEqual({ serialNumber: serial });
    expect(gst['responseElements']['credentials']['expiration']).toMatch(STS_DATE);
    expect(gst['userIdentity']['accessKeyId']).toMatch(/^AKIA/);
    await run(w, `aws configure set aws_access_key_id ${out.Credentials['AccessKeyId']} --profile mfa`);
    await run(w, `aws configure set aws_secret_access_key ${out.Credentials['SecretAccessKey']} --profile mfa`);
    await run(w, `aws configure set aws_session_token ${out.Credentials['SessionToken']} --profile mfa`);
    await run(w, 'aws iam list-users --profile mfa');
    const id = last(w)['userIdentity'];
    expect(id['type']).toBe('IAMUser');
    expect(id['userName']).toBe('alice');
    expect(id['accessKeyId']).toBe(out.Credentials['AccessKeyId']);
    expect(id['accessKeyId']).toMatch(/^ASIA/);
    expect(id['sessionContext']['attributes']['mfaAuthenticated']).toBe('true');
    expect(id['sessionContext']['attributes']['creationDate']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
  test('ConsoleLogin with MFA: MFAUsed "Yes" and MFAIdentifier = the device ARN', async () => {
    const { w, serial, code } = await withMfa();
    expect(w.consoleSignIn({ userName: 'alice', password: 'Al1ce-Passw0rd!', mfaCode: code() }).ok).toBe(true);
    expect(last(w)['additionalEventData']).toMatchObject({ MobileVersion: 'No', MFAIdentifier: serial, MFAUsed: 'Yes' });
    expect(last(w)['responseElements']).toEqual({ ConsoleLogin: 'Success' });
  });
});
