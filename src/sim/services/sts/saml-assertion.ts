/**
 * The simulated SAML 2.0 assertion: a base64-encoded `samlp:Response` in the shape an IdP posts to
 * `https://signin.aws.amazon.com/saml` (IAM User Guide, "Configure SAML assertions for the
 * authentication response", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html):
 * Issuer, Subject/NameID with its Format, SubjectConfirmationData Recipient and NotOnOrAfter,
 * Audience, and the attributes `https://aws.amazon.com/SAML/Attributes/Role` (role ARN and provider
 * ARN, comma-separated), `…/RoleSessionName`, `…/SessionDuration`, `…/PrincipalTag:<key>`.
 *
 * Simulated, not real: the signature is a SHA-256 over the assertion's fields and the signing
 * certificate text the IdP's metadata publishes (`<ds:X509Certificate>`), not an XML-DSig RSA
 * signature. It proves the same thing in the simulator — the assertion comes from the IdP whose
 * metadata the SAML provider holds, and was not altered — and a changed field fails verification.
 */
import { sha256 } from '../sha256.ts';

/** The fields an IdP states about the signed-in person. */
export interface SamlAssertionFields {
  issuer: string;
  subject: string;
  /** `persistent`, `transient` or a full NameID format URI. */
  subjectType: string;
  /** The Recipient (what `SAML:aud` carries): `https://signin.aws.amazon.com/saml`. */
  recipient: string;
  audience: string;
  /** `<role ARN>,<provider ARN>` pairs. */
  roles: string[];
  roleSessionName?: string;
  sessionDuration?: number;
  principalTags?: Record<string, string>;
  notOnOrAfter: string;
  assertionId: string;
}

/** The NameID formats IAM shortens in `SAML:sub_type` (persistent, transient); others stay full URIs. */
const NAMEID_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';
const ATTR = 'https://aws.amazon.com/SAML/Attributes/';

/** A signed, base64-encoded SAML response. */
export function buildSamlResponse(fields: SamlAssertionFields, certificate: string): string {
  const format = /^(persistent|transient)$/.test(fields.subjectType) ? `${NAMEID_FORMAT}${fields.subjectType}` : fields.subjectType;
  const attributes = [
    attribute(`${ATTR}Role`, fields.roles),
    ...(fields.roleSessionName !== undefined ? [attribute(`${ATTR}RoleSessionName`, [fields.roleSessionName])] : []),
    ...(fields.sessionDuration !== undefined ? [attribute(`${ATTR}SessionDuration`, [String(fields.sessionDuration)])] : []),
    ...Object.entries(fields.principalTags ?? {}).map(([k, v]) => attribute(`${ATTR}PrincipalTag:${k}`, [v])),
  ].join('');
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Destination="${esc(fields.recipient)}">` +
    `<saml:Issuer>${esc(fields.issuer)}</saml:Issuer>` +
    `<saml:Assertion ID="${esc(fields.assertionId)}"><saml:Issuer>${esc(fields.issuer)}</saml:Issuer>` +
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>${signatureOf(fields, certificate)}</ds:SignatureValue></ds:Signature>` +
    `<saml:Subject><saml:NameID Format="${esc(format)}">${esc(fields.subject)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${esc(fields.notOnOrAfter)}" Recipient="${esc(fields.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotOnOrAfter="${esc(fields.notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${esc(fields.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  return toBase64(xml);
}

/** The fields of a SAML response and its signature, or undefined when it is not one. */
export function parseSamlResponse(base64: string): { fields: SamlAssertionFields; signature: string } | undefined {
  const xml = fromBase64(base64.trim());
  if (xml === undefined || !xml.includes('<saml:Assertion')) return undefined;
  const one = (re: RegExp): string | undefined => {
    const m = re.exec(xml);
    return m?.[1] !== undefined ? unesc(m[1]) : undefined;
  };
  const assertion = xml.slice(xml.indexOf('<saml:Assertion'));
  const issuer = /<saml:Issuer>([^<]*)<\/saml:Issuer>/.exec(assertion)?.[1];
  const subject = one(/<saml:NameID[^>]*>([^<]*)<\/saml:NameID>/);
  const format = one(/<saml:NameID Format="([^"]*)"/) ?? `${NAMEID_FORMAT}unspecified`;
  const signature = one(/<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/);
  const notOnOrAfter = one(/<saml:SubjectConfirmationData NotOnOrAfter="([^"]*)"/);
  const recipient = one(/Recipient="([^"]*)"/);
  if (issuer === undefined || subject === undefined || signature === undefined || notOnOrAfter === undefined || recipient === undefined)
    return undefined;
  const attrs = new Map<string, string[]>();
  for (const m of assertion.matchAll(/<saml:Attribute Name="([^"]*)">(.*?)<\/saml:Attribute>/g)) {
    const values = [...(m[2] ?? '').matchAll(/<saml:AttributeValue>([^<]*)<\/saml:AttributeValue>/g)].map((v) => unesc(v[1] ?? ''));
    attrs.set(unesc(m[1] ?? ''), values);
  }
  const principalTags: Record<string, string> = {};
  for (const [name, values] of attrs)
    if (name.startsWith(`${ATTR}PrincipalTag:`)) principalTags[name.slice(`${ATTR}PrincipalTag:`.length)] = values[0] ?? '';
  const duration = attrs.get(`${ATTR}SessionDuration`)?.[0];
  const sessionName = attrs.get(`${ATTR}RoleSessionName`)?.[0];
  const fields: SamlAssertionFields = {
    issuer: unesc(issuer),
    subject,
    subjectType: format.startsWith(NAMEID_FORMAT) && /(persistent|transient)$/.test(format) ? format.slice(NAMEID_FORMAT.length) : format,
    recipient,
    audience: one(/<saml:Audience>([^<]*)<\/saml:Audience>/) ?? '',
    roles: attrs.get(`${ATTR}Role`) ?? [],
    ...(sessionName !== undefined ? { roleSessionName: sessionName } : {}),
    ...(duration !== undefined ? { sessionDuration: Number(duration) } : {}),
    ...(Object.keys(principalTags).length ? { principalTags } : {}),
    notOnOrAfter,
    assertionId: one(/<saml:Assertion ID="([^"]*)"/) ?? '',
  };
  return { fields, signature };
}

/** The simulated signature: SHA-256 over the certificate and every field, hex. */
export function signatureOf(fields: SamlAssertionFields, certificate: string): string {
  const canonical = JSON.stringify([
    certificate,
    fields.issuer,
    fields.subject,
    fields.subjectType,
    fields.recipient,
    fields.audience,
    fields.roles,
    fields.roleSessionName ?? null,
    fields.sessionDuration ?? null,
    Object.entries(fields.principalTags ?? {}).sort(),
    fields.notOnOrAfter,
    fields.assertionId,
  ]);
  return [...sha256(new TextEncoder().encode(canonical))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function attribute(name: string, values: readonly string[]): string {
  return `<saml:Attribute Name="${esc(name)}">${values.map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unesc(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

/** UTF-8 text → base64 (no Buffer: this runs in the browser too). */
export function toBase64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
