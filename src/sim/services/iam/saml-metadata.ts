/**
 * SAML 2.0 IdP metadata: what CreateSAMLProvider stores. IAM reads the IdP's entityID (the Issuer of
 * its assertions) and its signing certificate from it (IAM User Guide, "Create a SAML identity
 * provider in IAM", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html).
 * The simulator's IdPs (Identity Center, and the sample IdP a learner can use) write metadata with
 * `samlMetadataDocument`.
 */

/** What IAM takes from a metadata document, or undefined when it cannot parse one. */
export function readSamlMetadata(text: string): { entityId: string; certificate: string; validUntil?: number } | undefined {
  if (!/<(md:)?EntityDescriptor\b/.test(text) || !/<(md:)?IDPSSODescriptor\b/.test(text)) return undefined;
  const entityId = /entityID="([^"]+)"/.exec(text)?.[1];
  const certificate = /<ds:X509Certificate>\s*([^<\s]+)\s*<\/ds:X509Certificate>/.exec(text)?.[1];
  if (entityId === undefined || certificate === undefined) return undefined;
  const until = /validUntil="([^"]+)"/.exec(text)?.[1];
  const parsed = until !== undefined ? Date.parse(until) : NaN;
  return { entityId, certificate, ...(Number.isNaN(parsed) ? {} : { validUntil: parsed }) };
}

/** A metadata document of a simulated IdP (entityID, signing certificate, SSO endpoints). */
export function samlMetadataDocument(entityId: string, certificate: string, ssoUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">`,
    '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <md:KeyDescriptor use="signing">',
    '      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    '        <ds:X509Data>',
    `          <ds:X509Certificate>${certificate}</ds:X509Certificate>`,
    '        </ds:X509Data>',
    '      </ds:KeyInfo>',
    '    </md:KeyDescriptor>',
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>',
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>',
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}"/>`,
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>`,
    `    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}/logout"/>`,
    '  </md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
    '',
  ].join('\n');
}
