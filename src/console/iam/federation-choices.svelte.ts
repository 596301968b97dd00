/**
 * The identity providers the Create role wizard offers, read from the account as the signed-in
 * session: IAM OIDC providers (ListOpenIDConnectProviders, then each one's client IDs) and SAML
 * providers (ListSAMLProviders). A list that cannot be read says why instead of looking empty.
 */
import type { ConsoleState } from '../console-state.svelte.ts';

/** One OIDC provider: ARN, URL host (the condition key prefix) and its audiences. */
export interface OidcChoice {
  arn: string;
  host: string;
  audiences: string[];
}

/** The wizard's provider lists. */
export class FederationChoices {
  oidc: OidcChoice[] = $state.raw([]);
  saml: string[] = $state.raw([]);
  /** Why a list could not be read (an AccessDenied, or an operation this world does not have yet). */
  oidcProblem = $state('');
  samlProblem = $state('');
  loading = $state(false);

  /** Reads both lists. */
  async load(c: ConsoleState): Promise<void> {
    this.loading = true;
    const [oidc, saml] = await c.read([
      { service: 'iam', operation: 'ListOpenIDConnectProviders', params: {} },
      { service: 'iam', operation: 'ListSAMLProviders', params: {} },
    ]);
    if (oidc?.ok) {
      const arns = ((oidc.output['OpenIDConnectProviderList'] as { Arn: string }[] | undefined) ?? []).map((p) => p.Arn);
      const details = await c.read(
        arns.map((arn) => ({ service: 'iam', operation: 'GetOpenIDConnectProvider', params: { OpenIDConnectProviderArn: arn } })),
      );
      this.oidc = arns.map((arn, i) => {
        const d = details[i];
        return {
          arn,
          host: arn.slice(arn.indexOf(':oidc-provider/') + ':oidc-provider/'.length),
          audiences: d?.ok ? ((d.output['ClientIDList'] as string[] | undefined) ?? []) : [],
        };
      });
      this.oidcProblem = '';
    } else this.oidcProblem = oidc ? oidc.error.message : 'The providers could not be read.';
    if (saml?.ok) {
      this.saml = ((saml.output['SAMLProviderList'] as { Arn: string }[] | undefined) ?? []).map((p) => p.Arn);
      this.samlProblem = '';
    } else {
      // ListSAMLProviders may not be in this world yet: show why, never an empty list that looks final.
      this.saml = [];
      this.samlProblem =
        saml?.error.code === 'InvalidAction'
          ? 'SAML providers cannot be listed in this simulator yet.'
          : (saml?.error.message ?? 'The SAML providers could not be read.');
    }
    this.loading = false;
  }
}
