import { addressKey } from './address-key.js';

describe('addressKey', () => {
  it('counts IPv4 addresses one by one, however they are written', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 addresses by their /64 network', () => {
    expect(addressKey('2001:db8:85a3:1234:0:8a2e:370:7334')).toBe('2001:db8:85a3:1234::/64');
    expect(addressKey('2001:db8:85a3:1234:ffff::1')).toBe('2001:db8:85a3:1234::/64');
    expect(addressKey('2001:0DB8:0000:0001::9')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('names a missing address', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
  });
});
