import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses the emulator may connect to on a caller's behalf (remote-URL uploads, webhooks).
 * A caller can name any URL, and the fetched bytes are then served from the library, so without
 * this rule an upload could read the host's loopback services, its LAN or a cloud metadata
 * endpoint (169.254.169.254) and publish the answer.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (the system resolver by default; tests inject their own). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutboundPolicy {
  /**
   * Resolves `hostname` once and returns the address to connect to. Throws `PrivateAddressError`
   * when any address it resolves to is not public, so the caller must connect to exactly the
   * returned address (never resolve again: a second answer could differ).
   */
  resolve(hostname: string, port: number): Promise<ResolvedAddress>;
}

export interface OutboundPolicyOptions {
  /** Allow every address (the emulator's `allowPrivateRemoteUrls` opt-in). */
  allowPrivate?: boolean;
  resolveHost?: ResolveHost;
  /** Address and port pairs treated as public although their range is not (tests stand up a "public" origin on loopback). */
  isExempt?: (address: string, port: number) => boolean;
}

export class PrivateAddressError extends Error {
  /** Set when the refused address was reached through a redirect. */
  redirectedFrom?: string;

  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${PrivateAddressError.describe(hostname, address, range)}, which is refused`);
    this.name = 'PrivateAddressError';
  }

  /** `127.0.0.1, loopback` or `intranet.example is 10.0.0.5, private (RFC 1918)`. */
  get where(): string {
    return this.hostname === this.address ? `${this.address}, ${this.range}` : `${this.hostname} is ${this.address}, ${this.range}`;
  }

  private static describe(hostname: string, address: string, range: string): string {
    return hostname === address ? `${address} is a ${range} address` : `${hostname} resolves to ${address}, a ${range} address`;
  }
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

const RANGE_LABELS: Record<string, string> = {
  loopback: 'loopback',
  private: 'private (RFC 1918)',
  uniqueLocal: 'private (unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

/**
 * `public` for a globally routable unicast address, else a readable name of its range.
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries; every other
 * IPv6 address outside 2000::/3 (IPv4-compatible, NAT64, site-local, …) is refused.
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return 'unparseable';
  let ip = ipaddr.parse(address);
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress()) ip = ip.toIPv4Address();
  if (METADATA_ADDRESSES.has(ip instanceof ipaddr.IPv6 ? ip.toRFC5952String() : ip.toString())) return 'cloud metadata';
  const range = ip.range();
  if (range !== 'unicast') return RANGE_LABELS[range] ?? `reserved (${range})`;
  if (ip instanceof ipaddr.IPv6 && !ip.match(GLOBAL_UNICAST_V6)) return 'non-global IPv6';
  return 'public';
}

export const systemResolver: ResolveHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function createOutboundPolicy(options: OutboundPolicyOptions = {}): OutboundPolicy {
  const resolveHost = options.resolveHost ?? systemResolver;
  return {
    async resolve(hostname, port) {
      const literal = isIP(hostname);
      const addresses: ResolvedAddress[] = literal ? [{ address: hostname, family: literal === 6 ? 6 : 4 }] : await resolveHost(hostname);
      if (addresses.length === 0) throw new Error(`${hostname} did not resolve to any address`);
      if (!options.allowPrivate) {
        for (const { address } of addresses) {
          if (options.isExempt?.(address, port)) continue;
          const range = addressRange(address);
          if (range !== 'public') throw new PrivateAddressError(hostname, address, range);
        }
      }
      return addresses[0];
    },
  };
}
