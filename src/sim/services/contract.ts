/**
 * The contract between the simulated services (world/, services/) and their callers (cli/, the
 * worker). The CLI turns a command line into a ServiceRequest; the world authorizes it with the
 * policy engine, runs it, records it in the trail and answers a ServiceResponse.
 */

/** The shape of an API parameter or result member: enough for the CLI to parse, validate and print it. */
export type Shape =
  | { type: 'string'; enum?: readonly string[]; min?: number; max?: number; pattern?: string }
  | { type: 'integer' | 'long' | 'double'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'timestamp' }
  | { type: 'blob' }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'map'; key: Shape; value: Shape }
  | StructureShape;

/** A structure: named members, some required. Member names are the API's PascalCase names. */
export interface StructureShape {
  type: 'structure';
  members: Record<string, Shape>;
  required?: readonly string[];
}

/** One API operation of one service, as the CLI and the world both see it. */
export interface OperationSpec {
  /** Service prefix as in IAM actions and the CLI: 'iam', 'sts', 's3api' maps to 's3', 'cloudtrail'. */
  service: string;
  /** API operation name, e.g. 'CreateUser'. */
  name: string;
  /** CLI operation name when it is not the plain kebab-case of `name` (e.g. 'list-objects-v2'). */
  cliName?: string;
  /** Input parameters. */
  input: StructureShape;
  /** A positional output-file argument, as `aws s3api get-object ... outfile` has. */
  positionalOutfile?: { member: string; description: string };
  /** botocore sends this operation unsigned (AssumeRoleWithWebIdentity, AssumeRoleWithSAML): the CLI looks up no credentials for it. */
  unsigned?: boolean;
}

/** The caller's credentials exactly as the SDK would sign with them. */
export type Credentials =
  | { kind: 'accessKey'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** Console (password) sign-in session, for ConsoleLogin and console-originated calls. */
  | { kind: 'console'; sessionId: string }
  /**
   * No credentials: an unsigned call. Only operations AWS serves without a signature accept it
   * (STS AssumeRoleWithSAML, the Identity Center portal and OIDC APIs, which carry their own token).
   */
  | { kind: 'anonymous' };

/** One API call arriving at the simulated AWS endpoint. */
export interface ServiceRequest {
  service: string;
  operation: string;
  params: Record<string, unknown>;
  credentials: Credentials;
  /** Region the client targets; default 'us-east-1'. */
  region?: string;
  /** Caller's source IP; default a documentation address (e.g. 203.0.113.10). */
  sourceIp?: string;
  /** User agent that lands in the CloudTrail record. */
  userAgent?: string;
}

/** A service error in AWS's terms. */
export interface ServiceError {
  /** AWS error code, e.g. 'AccessDenied', 'NoSuchEntity', 'MalformedPolicyDocument'. */
  code: string;
  /** The exact message AWS would return. */
  message: string;
  /** HTTP status AWS would return. */
  httpStatus: number;
}

/** The world's answer to one ServiceRequest. */
export type ServiceResponse = { ok: true; output: Record<string, unknown> } | { ok: false; error: ServiceError };

// ---------------------------------------------------------------------------------------------
// How the world answers, and what it offers the CLI.
// ---------------------------------------------------------------------------------------------

/**
 * The simulated AWS endpoint. `invoke` is ASYNC: AWS managed policy documents (ReadOnlyAccess is
 * ~80 KB) are loaded with a dynamic import the first time a request needs them, so the browser only
 * fetches them when used. Everything after that load runs synchronously and deterministically; calls
 * must be awaited one at a time (the world processes them in arrival order).
 *
 * Output conventions (`ServiceResponse.output`): members appear in botocore's shape order, exactly as
 * AWS CLI v2 prints them with `--output json`; timestamps are already CLI-formatted strings
 * (`2026-03-02T14:05:11+00:00`); blob members (`QRCodePNG`, `Base32StringSeed`, `Body`) are
 * `Uint8Array` (the CLI prints blobs base64-encoded, or writes them raw to an `--outfile`).
 * Operations with no output (e.g. AttachUserPolicy) answer `{ ok: true, output: {} }`.
 */
export interface ServiceEndpoint {
  invoke(request: ServiceRequest): Promise<ServiceResponse>;
}

/**
 * The CLI's configuration as `aws configure set` writes it, saved inside the world: profile name →
 * setting → value (the config and credentials files merged; the default profile is `default`).
 * The CLI owner reads and writes it; the world only stores it.
 */
export interface CliConfig {
  profiles: Record<string, Record<string, string>>;
}

/** The outcome of looking up the long-term credentials the CLI uses for `--profile <IAM user name>`. */
export type CredentialLookup =
  | { ok: true; credentials: Credentials }
  /** NO_SUCH_USER: no user of that name; NO_ACCESS_KEY: the user has no access key at all. */
  | { ok: false; reason: 'NO_SUCH_USER' | 'NO_ACCESS_KEY' };
