// The private-address guard: refuses loopback/private/reserved targets at connect time, on the resolved address.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** The code carried by the error the guard raises; http.ts maps it to failure 'private-address'. */
export const PRIVATE_ADDRESS_CODE = 'E_PRIVATE_ADDRESS';

export class PrivateAddressError extends Error {
  readonly code = PRIVATE_ADDRESS_CODE;
  constructor(readonly host: string, readonly address: string) {
    super(`refused to connect to ${host} (${address}): not a public address`);
    this.name = 'PrivateAddressError';
  }
}

/**
 * True only for globally routable unicast addresses. Everything ipaddr.js classifies otherwise —
 * loopback, private, linkLocal, uniqueLocal, carrierGradeNat, multicast, unspecified, broadcast,
 * reserved, 6to4, teredo, rfc6052/rfc6145 translation prefixes, … — is refused, because those
 * prefixes can tunnel to an internal IPv4 address. IPv4-mapped IPv6 is judged as its IPv4.
 * A string that is not an IP address is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const bare = canonicalIp(ip.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (bare === undefined || !ipaddr.isValid(bare)) return false;
  const addr = ipaddr.parse(bare);
  if (addr instanceof ipaddr.IPv4) return addr.range() === 'unicast';
  if (addr.isIPv4MappedAddress()) return addr.toIPv4Address().range() === 'unicast';
  // ipaddr.js calls everything outside its named ranges 'unicast', including the deprecated
  // IPv4-compatible ::/96 (::7f00:1 is 127.0.0.1 to some stacks) and the rest of the reserved
  // ::/8. IANA has only ever allocated global unicast from 2000::/3, so nothing else is public.
  return addr.range() === 'unicast' && addr.match(GLOBAL_UNICAST_V6);
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * IPv6 in the hex form the WHATWG URL parser (and so the connection) uses. ipaddr.js reads
 * '::1.2.3.4' as the mapped ::ffff:1.2.3.4, while the URL parser and the OS read it as the
 * IPv4-compatible ::102:304, so the guard must judge the same bits the socket will use.
 */
function canonicalIp(ip: string): string | undefined {
  if (!ip.includes(':')) return ip;
  try {
    return new URL(`http://[${ip}]/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup that fails when ANY resolved address is not public, so a name that resolves to a
 * mix of public and private answers cannot be steered to the private one by the connect race.
 */
export function lookupPublic(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
    return callback(null, first.address, first.family);
  });
}

/** The shape of an undici connector, kept generic so this file needs no undici import. */
export type Connector<O, S> = (options: O, callback: (...args: [null, S] | [Error, null]) => void) => void;

/**
 * Wraps a connector built with `lookup: lookupPublic`. lookup() is never called for IP literals,
 * so those are checked here; names go through lookupPublic. Redirect hops open connections
 * through the same connector, so every hop is covered and no packet leaves for a refused one.
 */
export function guardConnector<O extends { hostname: string }, S>(
  base: Connector<O, S>,
  /** Hostnames let through unchecked (an intranet wiki, a test fixture), and the connector for them. */
  allow: { hosts: ReadonlySet<string>; connector: Connector<O, S> },
): Connector<O, S> {
  return (opts, callback) => {
    if (allow.hosts.has(opts.hostname.toLowerCase())) {
      allow.connector(opts, callback);
      return;
    }
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) !== 0 && !isPublicAddress(host)) {
      callback(new PrivateAddressError(host, host), null);
      return;
    }
    base(opts, callback);
  };
}
