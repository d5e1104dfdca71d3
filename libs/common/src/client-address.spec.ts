import { clientAddress, TrustedProxies } from './client-address.js';

describe('clientAddress', () => {
  const none = new TrustedProxies([]);
  const lb = new TrustedProxies(['10.0.0.0/8', '::1']);

  it('is the peer address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', undefined, none)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.5', '198.51.100.1', none)).toBe('10.0.0.5');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', lb)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '198.51.100.1', lb)).toBe('127.0.0.1');
  });

  it('takes the nearest untrusted address behind trusted proxies', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.9, 10.0.0.4', lb)).toBe('203.0.113.9');
    expect(clientAddress('::1', ['198.51.100.1'], lb)).toBe('198.51.100.1');
    expect(clientAddress(undefined, undefined, lb)).toBe('unknown');
  });
});
