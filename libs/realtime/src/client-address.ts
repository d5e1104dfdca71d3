import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a connection comes from, for per-address limits. Like the HTTP side (Express
 * `trust proxy` = loopback, link-local, unique-local), X-Forwarded-For is believed only when the
 * peer is such a proxy: the client is the nearest address in the chain that is not one.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
  const peer = normalise(remoteAddress ?? '') || 'unknown';
  if (!isTrustedProxy(peer) || forwardedFor === undefined) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => normalise(entry.trim()))
    .filter((entry) => isIPv4(entry) || isIPv6(entry));
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isTrustedProxy(chain[i])) return chain[i];
  }
  return chain[0] ?? peer;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}

function isTrustedProxy(address: string): boolean {
  if (isIPv4(address)) {
    const [a, b] = address.split('.').map(Number);
    return a === 127 || a === 10 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIPv6(address)) {
    return address === '::1' || /^fe[89ab]/.test(address) || /^f[cd]/.test(address);
  }
  return false;
}
