/** An IAM SAML identity provider as the world stores it (services/iam/saml-providers.ts). */
import type { Tag } from '../../world/state.ts';

/** An IAM SAML 2.0 identity provider. */
export interface SamlProvider {
  name: string;
  arn: string;
  /** The `SAMLProviderUUID` GetSAMLProvider answers. */
  uuid: string;
  metadataDocument: string;
  /** The IdP's entityID read from the metadata: assertions must name it as their Issuer. */
  entityId: string;
  createDate: number;
  validUntil: number;
  tags: Tag[];
}
