/**
 * Name conversions the AWS CLI applies between API names and command-line names.
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
const SPECIAL_PLURAL = /[A-Z]{2,}s$/;

/**
 * botocore's `xform_name(name, '-')`: `CreateVirtualMFADevice` → `create-virtual-mfa-device`,
 * `ListObjectsV2` → `list-objects-v2`, `SSEKMSKeyId` → `ssekms-key-id`. The CLI derives every
 * operation and option name this way, so mirroring it keeps names identical to the real CLI.
 */
export function kebabName(name: string): string {
  if (name.includes('-')) return name;
  let base = name;
  const special = SPECIAL_PLURAL.exec(base);
  if (special !== null) {
    // botocore turns a trailing acronym plural such as `ARNs` into `-arns`.
    base = `${base.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  }
  return base.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase();
}
