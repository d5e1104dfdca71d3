import { BlockList, isIP } from 'node:net';

/**
 * The proxies whose X-Forwarded-For is believed: TRUSTED_PROXIES, addresses or CIDR ranges (none by
 * default, so a client cannot pick its own address by sending the header). The HTTP server (Fastify
 * `trustProxy`) and the sockets read the same list.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
    this.size = entries.length;
  }

  trusts(address: string): boolean {
    if (this.size === 0) return false;
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/**
 * The address a connection comes from, for per-address limits: the peer, unless the peer is a
 * trusted proxy; then the nearest address in X-Forwarded-For that is not one.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const peer = normalise(remoteAddress ?? '') || 'unknown';
  if (!trusted.trusts(peer) || forwardedFor === undefined) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => normalise(entry.trim()))
    .filter((entry) => isIP(entry) !== 0);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!trusted.trusts(chain[i])) return chain[i];
  }
  return chain[0] ?? peer;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}
