import { LocalTextCache } from './local-text-cache.js';

describe('LocalTextCache', () => {
  it('answers a text until its expiry time, and not from that moment on', () => {
    const cache = new LocalTextCache(10, 1_000);
    cache.set('a', 'alpha', 1_000);
    expect(cache.get('a', 999)?.toString()).toBe('alpha');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest written entries beyond its number of entries', () => {
    const cache = new LocalTextCache(2, 1_000);
    cache.set('a', 'alpha', 10);
    cache.set('b', 'beta', 10);
    cache.set('a', 'alpha again', 10);
    cache.set('c', 'gamma', 10);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)].map((bytes) => bytes?.toString())).toEqual(['alpha again', undefined, 'gamma']);
  });

  it('drops the oldest entries beyond its total length, and never keeps a text larger than a quarter of it', () => {
    const cache = new LocalTextCache(100, 40);
    cache.set('a', 'x'.repeat(10), 10);
    cache.set('b', 'y'.repeat(10), 10);
    cache.set('c', 'z'.repeat(10), 10);
    cache.set('d', 'w'.repeat(10), 10);
    cache.set('e', 'v'.repeat(10), 10);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('e', 0)?.toString()).toBe('v'.repeat(10));
    expect(cache.size).toBe(4);
    cache.set('big', 'b'.repeat(11), 10);
    expect(cache.get('big', 0)).toBeUndefined();
    expect(cache.size).toBe(4);
  });

  it('keeps UTF-8 bytes, bounded by their number', () => {
    const cache = new LocalTextCache(10, 60);
    expect(cache.set('a', 'España ⚽', 10)?.length).toBe(11);
    expect(cache.get('a', 0)?.toString('utf8')).toBe('España ⚽');
    // 8 characters, 16 bytes: over a quarter of the 60 bytes.
    expect(cache.set('b', 'ñ'.repeat(8), 10)).toBeUndefined();
  });

  it('forgets a deleted key and everything on clear', () => {
    const cache = new LocalTextCache(10, 1_000);
    cache.set('a', 'alpha', 10);
    cache.set('b', 'beta', 10);
    cache.delete('a');
    expect(cache.get('a', 0)).toBeUndefined();
    cache.clear();
    expect(cache.get('b', 0)).toBeUndefined();
  });
});
