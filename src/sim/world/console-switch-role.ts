/**
 * Switch role in the console (IAM User Guide, "Switch from a user to an IAM role (console)",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html): the signed-in
 * person calls AssumeRole with their console session (the trust policy sees that session's
 * `aws:MultiFactorAuthPresent`), the role session becomes a console session of its own, and the role's
 * account records a `SwitchRole` sign-in event. Shape from real records: `userIdentity` of the assumed
 * role (no access key, no session context), `responseElements.SwitchRole`, `additionalEventData`
 * with `SwitchFrom` and `RedirectTo`. The role session name is the IAM user name, as the console sets it.
 */
import type { ServiceEndpoint, ServiceError } from '../services/contract.ts';
import { buildTrailRecord, tlsDetails } from '../trail/record.ts';
import { isoSeconds } from './dates.ts';
import type { IdGenerator } from './ids.ts';
import { own, type WorldState } from './state.ts';

/** What the Switch role form sends. */
export interface ConsoleSwitchRoleInput {
  /** The console session switching. */
  sessionId: string;
  /** The role's account (12 digits). */
  accountId: string;
  /** The role name, with its path if it has one (`path/Name`). */
  roleName: string;
  /** The console's region, for `RedirectTo`. */
  region?: string;
}

/** The outcome: the role's console session, or the AssumeRole error (AccessDenied when the trust policy does not allow it). */
export type ConsoleSwitchRoleResult = { ok: true; sessionId: string; arn: string } | { ok: false; error: ServiceError };

/** Switches a console session to a role. */
export async function consoleSwitchRole(
  world: WorldState,
  endpoint: ServiceEndpoint,
  ids: IdGenerator,
  nowMs: () => number,
  input: ConsoleSwitchRoleInput,
): Promise<ConsoleSwitchRoleResult> {
  const source = Object.values(world.accounts)
    .flatMap((a) => Object.values(a.sessions).map((s) => ({ account: a, session: s })))
    .find((x) => x.session.consoleSessionId === input.sessionId);
  const userName = source?.session.userName ?? source?.session.sessionName ?? 'root';
  const roleArn = `arn:aws:iam::${input.accountId}:role/${input.roleName.replace(/^\/+/, '')}`;
  const response = await endpoint.invoke({
    service: 'sts',
    operation: 'AssumeRole',
    params: { RoleArn: roleArn, RoleSessionName: userName },
    credentials: { kind: 'console', sessionId: input.sessionId },
  });
  if (!response.ok) return { ok: false, error: response.error };
  const keyId = String((response.output['Credentials'] as Record<string, unknown>)['AccessKeyId']);
  const account = own(world.accounts, input.accountId);
  const session = account ? own(account.sessions, keyId) : undefined;
  if (!account || !session || !source)
    return {
      ok: false,
      error: { code: 'ServiceFailure', message: 'The simulator could not find the role session it just issued.', httpStatus: 500 },
    };
  // The role session keeps the sign-in's MFA: a role whose trust policy requires MFA works only for
  // people who signed in with MFA, and their role session counts as MFA-authenticated.
  const sessionId = ids.uuid();
  session.consoleSessionId = sessionId;
  session.mfaAuthenticated = source.session.mfaAuthenticated;
  if (source.session.mfaAuthTime !== undefined) session.mfaAuthTime = source.session.mfaAuthTime;
  const region = input.region ?? world.region;
  const arn = String((response.output['AssumedRoleUser'] as Record<string, unknown>)['Arn']);
  const switchFrom = source.session.userName !== undefined ? `arn:aws:iam::${source.account.accountId}:user/${userName}` : arn;
  account.records.push(
    buildTrailRecord({
      eventVersion: '1.08',
      userIdentity: {
        type: 'AssumedRole',
        principalId: `${session.roleId ?? ''}:${session.sessionName ?? ''}`,
        arn,
        accountId: account.accountId,
      },
      eventTime: isoSeconds(nowMs()),
      eventSource: 'signin.amazonaws.com',
      eventName: 'SwitchRole',
      awsRegion: region,
      sourceIPAddress: '203.0.113.10',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36',
      requestParameters: null,
      responseElements: { SwitchRole: 'Success' },
      additionalEventData: {
        SwitchFrom: switchFrom,
        RedirectTo: `https://${region}.console.aws.amazon.com/console/home?region=${region}#`,
      },
      eventID: ids.uuid(),
      readOnly: false,
      eventType: 'AwsConsoleSignIn',
      managementEvent: true,
      recipientAccountId: account.accountId,
      eventCategory: 'Management',
      tlsDetails: tlsDetails(`${region}.signin.aws.amazon.com`),
    }),
  );
  return { ok: true, sessionId, arn };
}
