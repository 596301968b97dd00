/** Metadata of one AWS managed policy's default version, as `aws iam get-policy` shows it. */
export interface AwsManagedPolicyInfo {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  Description: string;
  /** ISO timestamps from the source package. */
  CreateDate: string;
  UpdateDate: string;
  VersionCreateDate: string;
  /** The document is big and loads with a dynamic import (see index.ts). */
  lazy: boolean;
}
