/**
 * `saml-idp`: a simulated SAML 2.0 identity provider in the terminal, so a learner can practise IAM
 * SAML federation without a real IdP. `saml-idp metadata` prints the IdP's metadata (for
 * `aws iam create-saml-provider --saml-metadata-document file://idp.xml`); `saml-idp assertion`
 * prints a signed, base64-encoded SAML response for `aws sts assume-role-with-saml --saml-assertion
 * file://assertion.txt`, valid for 5 minutes. The signature is the simulator's (see
 * services/sts/saml-assertion.ts): a changed assertion no longer verifies.
 */
import { buildSamlResponse } from '../services/sts/saml-assertion.ts';
import { samlMetadataDocument } from '../services/iam/saml-metadata.ts';
import type { CliHost, RunResult } from './host.ts';
import { nowMs } from './credentials.ts';
import { CliFailure } from './messages.ts';

/** The example IdP's entityID (an RFC 2606 example domain). */
export const EXAMPLE_IDP_ENTITY_ID = 'https://idp.example.com/saml';
const CERTIFICATE = 'MIIDsimulatedExampleIdPSigningCertificate';

const USAGE =
  'usage: saml-idp metadata\n       saml-idp assertion --role-arn ROLE_ARN --provider-arn PROVIDER_ARN --subject NAME [--session-name NAME]\n                          [--subject-type persistent|transient] [--recipient URL] [--tag KEY=VALUE ...] [--duration SECONDS]\n';

/** Runs `saml-idp ...`. */
export function runSamlIdp(host: CliHost, args: readonly string[]): RunResult {
  const [sub, ...rest] = args;
  if (sub === 'metadata' && rest.length === 0)
    return {
      exitCode: 0,
      stdout: samlMetadataDocument(EXAMPLE_IDP_ENTITY_ID, CERTIFICATE, 'https://idp.example.com/saml/sso'),
      stderr: '',
    };
  if (sub !== 'assertion') throw new CliFailure('GENERAL', { message: USAGE.trimEnd() });
  const options = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i] as string;
    const value = rest[i + 1];
    if (!/^--(role-arn|provider-arn|subject|session-name|subject-type|recipient|tag|duration)$/.test(name) || value === undefined)
      throw new CliFailure('GENERAL', { message: USAGE.trimEnd() });
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  const one = (name: string): string | undefined => options.get(name)?.[0];
  const roleArn = one('--role-arn');
  const providerArn = one('--provider-arn');
  const subject = one('--subject');
  if (roleArn === undefined || providerArn === undefined || subject === undefined)
    throw new CliFailure('GENERAL', { message: USAGE.trimEnd() });
  const tags = Object.fromEntries((options.get('--tag') ?? []).map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]));
  const now = nowMs(host);
  const duration = one('--duration');
  const assertion = buildSamlResponse(
    {
      issuer: EXAMPLE_IDP_ENTITY_ID,
      subject,
      subjectType: one('--subject-type') ?? 'persistent',
      recipient: one('--recipient') ?? 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      roles: [`${roleArn},${providerArn}`],
      roleSessionName: one('--session-name') ?? subject,
      ...(duration !== undefined ? { sessionDuration: Number(duration) } : {}),
      ...(Object.keys(tags).length ? { principalTags: tags } : {}),
      notOnOrAfter: new Date(now + 5 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      assertionId: `_${now.toString(16)}${subject.length.toString(16)}`,
    },
    CERTIFICATE,
  );
  return { exitCode: 0, stdout: `${assertion}\n`, stderr: '' };
}
