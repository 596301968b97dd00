/**
 * Typed condition values (IAM "Condition operators"): numbers, dates (W3C ISO 8601 or epoch
 * seconds), IPv4/IPv6 addresses and CIDR blocks (a bare address means /32 or /128), booleans and
 * base64 binary. Each parser returns undefined for text that is not a value of its type.
 */
import ipaddr from 'ipaddr.js';

/** Integer or decimal, as Numeric operators accept ("Numeric condition operators"). */
export function parseNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Milliseconds since the epoch. Date operators take W3C ISO 8601 forms ("2026-01-01",
 * "2026-01-01T12:00:00Z", with an offset) or epoch seconds ("Date condition operators").
 */
export function parseDate(text: string): number | undefined {
  const hit = dateCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const ms = parseDateUncached(text);
  if (dateCache.size > 5000) dateCache.clear();
  dateCache.set(text, ms ?? null);
  return ms;
}

const dateCache = new Map<string, number | null>();

function parseDateUncached(text: string): number | undefined {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t) && !/^\d{4}$/.test(t)) {
    // Epoch seconds (aws:EpochTime style). A bare 4-digit number is read as a year, as ISO 8601 does.
    const n = Number(t);
    return Number.isFinite(n) ? n * 1000 : undefined;
  }
  const m = ISO_DATE.exec(t);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A parsed address or CIDR block. */
export interface IpRange {
  kind: 'ipv4' | 'ipv6';
  bytes: number[];
  prefix: number;
}

const ipCache = new Map<string, IpRange | null>();

/** Parses `203.0.113.0/24`, `2001:db8::/32` or a bare address (cached: the same few values recur). */
export function parseIpRange(text: string): IpRange | undefined {
  const hit = ipCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parseIpv4Fast(text) ?? parseIpRangeSlow(text);
  if (ipCache.size > 5000) ipCache.clear();
  ipCache.set(text, parsed ?? null);
  return parsed;
}

/** Dotted-quad IPv4 with an optional prefix, without regular expressions. */
function parseIpv4Fast(t: string): IpRange | undefined {
  const bytes: number[] = [0, 0, 0, 0];
  let part = 0;
  let digits = 0;
  let value = 0;
  let i = 0;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++digits > 3 || value > 255) return undefined;
    } else if (c === 46 && digits > 0 && part < 3) {
      bytes[part++] = value;
      value = 0;
      digits = 0;
    } else break;
  }
  if (part !== 3 || digits === 0) return undefined;
  bytes[3] = value;
  let prefix = 32;
  if (i < t.length) {
    if (t.charCodeAt(i) !== 47) return undefined;
    const rest = t.slice(i + 1);
    if (!/^\d{1,2}$/.test(rest) || Number(rest) > 32) return undefined;
    prefix = Number(rest);
  }
  return { kind: 'ipv4', bytes, prefix };
}

function parseIpRangeSlow(text: string): IpRange | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(addr)) parsed = ipaddr.IPv4.parse(addr);
    else if (ipaddr.IPv6.isValid(addr) && addr.includes(':')) parsed = ipaddr.IPv6.parse(addr);
    else return undefined;
  } catch {
    return undefined;
  }
  const kind = parsed.kind();
  const max = kind === 'ipv4' ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  return { kind, bytes: parsed.toByteArray(), prefix };
}

/** True when `address` (a bare address) lies in `range`. IPv4-mapped IPv6 addresses are not unified. */
export function ipInRange(address: IpRange, range: IpRange): boolean {
  if (address.kind !== range.kind) return false;
  let bits = range.prefix;
  for (let i = 0; i < range.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address.bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** `true`/`false` in any case (Bool operator; quotation marks are optional in JSON). */
export function parseBool(text: string): boolean | undefined {
  const t = text.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

/** Base64 text, for BinaryEquals ("Binary condition operators"). */
export function isBase64(text: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
}
