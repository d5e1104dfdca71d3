interface Entry {
  bytes: Buffer;
  expiresAt: number;
}

/**
 * Texts kept in this process, as their UTF-8 bytes, until an absolute expiry time, bounded by a
 * number of entries and a total length in bytes (the oldest written go first). Reads are synchronous
 * and give the bytes: a cached HTTP answer found here is sent without a promise, a store round trip,
 * a parse or an encoding.
 */
export class LocalTextCache {
  private readonly entries = new Map<string, Entry>();
  private totalLength = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxTotalLength: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): Buffer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry.bytes;
    this.delete(key);
    return undefined;
  }

  /** Keeps `text` (as bytes) until `expiresAt`; answers the bytes kept, or `undefined` when it is too large to keep. */
  set(key: string, text: string, expiresAt: number): Buffer | undefined {
    this.delete(key);
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > this.maxTotalLength / 4) return undefined;
    while (this.entries.size >= this.maxEntries || this.totalLength + bytes.length > this.maxTotalLength) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, { bytes, expiresAt });
    this.totalLength += bytes.length;
    return bytes;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalLength -= entry.bytes.length;
  }

  clear(): void {
    this.entries.clear();
    this.totalLength = 0;
  }
}
