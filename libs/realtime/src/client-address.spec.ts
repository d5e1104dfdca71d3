import { clientAddress } from './client-address.js';

describe('clientAddress', () => {
  it('is the peer address when no proxy forwarded the connection', () => {
    expect(clientAddress('203.0.113.7', undefined)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a public peer, which could say anything', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
  });

  it('takes the nearest untrusted address behind local proxies', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.9, 10.0.0.4')).toBe('203.0.113.9');
    expect(clientAddress('::1', ['198.51.100.1'])).toBe('198.51.100.1');
  });

  it('falls back to the first hop when every address is a local one', () => {
    expect(clientAddress('127.0.0.1', '192.168.1.10, 10.0.0.1')).toBe('192.168.1.10');
    expect(clientAddress(undefined, undefined)).toBe('unknown');
  });
});
