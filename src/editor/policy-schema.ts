/**
 * JSON schema for IAM policy documents, used by Monaco's JSON language for structure, hovers and
 * basic completion. It mirrors the policy grammar (IAM User Guide, "Grammar of the IAM JSON policy
 * language"); the engine's own validator remains the authority and reports the exact AWS errors.
 */
const stringOrList = (description: string) => ({
  description,
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
});

const principal = {
  description: 'Who the statement applies to: "*" or a map of AWS, Service, Federated or CanonicalUser to values.',
  anyOf: [
    { const: '*' },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        AWS: stringOrList('Account IDs, account root ARNs, or IAM user, role and session ARNs.'),
        Service: stringOrList('Service principals such as ec2.amazonaws.com.'),
        Federated: stringOrList('An identity provider ARN or a web identity provider such as cognito-identity.amazonaws.com.'),
        CanonicalUser: stringOrList('An S3 canonical user ID.'),
      },
    },
  ],
};

const statement = {
  type: 'object',
  additionalProperties: false,
  required: ['Effect'],
  properties: {
    Sid: { type: 'string', description: 'Statement ID: letters and digits only, unique within the policy.', pattern: '^[A-Za-z0-9]*$' },
    Effect: { enum: ['Allow', 'Deny'], description: 'Allow or Deny (case sensitive).' },
    Action: stringOrList('Actions this statement covers, "service:Action"; * and ? are wildcards.'),
    NotAction: stringOrList('Every action except these.'),
    Resource: stringOrList('ARNs this statement covers; * and ? are wildcards.'),
    NotResource: stringOrList('Every resource except these.'),
    Principal: principal,
    NotPrincipal: principal,
    Condition: {
      type: 'object',
      description: 'Operator → { condition key → value or values }. Operators are ANDed, keys are ANDed, values are ORed.',
      additionalProperties: {
        type: 'object',
        additionalProperties: { anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array' }] },
      },
    },
  },
};

/** The schema object handed to Monaco's jsonDefaults. */
export const policyJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'IAM policy document',
  type: 'object',
  additionalProperties: false,
  required: ['Statement'],
  properties: {
    Version: { enum: ['2012-10-17', '2008-10-17'], description: 'Use 2012-10-17: policy variables only work with it.' },
    Id: { type: 'string', description: 'Optional policy identifier (resource-based policies).' },
    Statement: { anyOf: [statement, { type: 'array', items: statement, minItems: 1 }] },
  },
} as const;

/** URI under which the schema is registered; editor model URIs match its fileMatch. */
export const POLICY_SCHEMA_URI = 'inmemory://iam-dojo/policy.schema.json';
/** Prefix of every policy editor model URI (the IAM completion and hover providers check it). */
export const POLICY_MODEL_PREFIX = 'inmemory://iam-dojo/policy-';
/** Glob that policy editor models match (model URIs are `inmemory://iam-dojo/policy-<n>.json`). */
export const POLICY_MODEL_MATCH = 'inmemory://iam-dojo/policy-*.json';
