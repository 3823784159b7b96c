import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Host name → addresses. The server uses the system resolver; tests name a host without DNS. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * The address class that makes a webhook target non-public, or null for a public unicast address. Only `unicast`
 * passes (ipaddr.js's classification): loopback, RFC 1918, link-local, CGNAT, unique-local, unspecified,
 * multicast, broadcast, reserved and documentation ranges, and the IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, judged as the IPv4 address it maps; NAT64, 6to4, Teredo; the deprecated IPv4-compatible ::/96) are
 * refused.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range !== "unicast") return range;
  return ip.kind() === "ipv6" &&
    ip
      .toByteArray()
      .slice(0, 12)
      .every((b) => b === 0)
    ? "IPv4-compatible"
    : null;
}

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefused";
  }
}

/** What a refused webhook target's message adds: the setting that would allow it. */
export const WEBHOOK_ALLOW_HINT = "an administrator can allow these with KITH_WEBHOOK_ALLOW_PRIVATE=true";

/**
 * What may pass besides public unicast: everything (the administrator's KITH_WEBHOOK_ALLOW_PRIVATE), or loopback
 * alone (test-only, for a test's own server on 127.0.0.1).
 */
export interface AddressPolicy {
  allowPrivate: boolean;
  allowLoopback?: boolean;
  /** Appended to a refusal's message (the setting that would allow it), if any. */
  hint?: string | null;
}

/**
 * Resolves the URL's host and checks every address it has; returns the one to connect to (the first), so the
 * request goes to an address that was checked (no second lookup an attacker's DNS could answer differently).
 * Throws TargetRefused for a non-public address (unless allowed); lets a resolver error through.
 */
export async function checkedAddress(
  url: URL,
  resolve: Resolver,
  policy: boolean | AddressPolicy,
): Promise<ResolvedAddress> {
  const given: AddressPolicy =
    typeof policy === "boolean" ? { allowPrivate: policy, hint: WEBHOOK_ALLOW_HINT } : policy;
  const { allowPrivate, allowLoopback = false, hint = null } = given;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(host);
  const addresses: ResolvedAddress[] =
    family === 0 ? await resolve(host) : [{ address: host, family: family === 6 ? 6 : 4 }];
  const first = addresses[0];
  if (!first) throw new Error(`${host} has no address`);
  if (allowPrivate) return first;
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range && !(allowLoopback && range === "loopback")) {
      const via = address === host ? "" : ` (${host} resolves to ${address})`;
      throw new TargetRefused(`${address}${via} is not a public address (${range})${hint ? `; ${hint}` : ""}`);
    }
  }
  return first;
}
