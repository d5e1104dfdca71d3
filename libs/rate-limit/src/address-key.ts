import { isIPv6 } from 'node:net';

/**
 * The key a client address is counted under. IPv4 addresses (also written IPv4-mapped, `::ffff:a.b.c.d`)
 * count one by one; IPv6 addresses by their /64 network, because one subscriber is usually handed a
 * whole /64 and could otherwise change address on every request.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  // Dotted IPv4, the usual case: counted as it is.
  if (!ip.includes(':')) return ip;
  const address = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.replace(/%.*$/, '').split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; it only matters past the first four.
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
