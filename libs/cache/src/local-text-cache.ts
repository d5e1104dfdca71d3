interface Entry {
  text: string;
  expiresAt: number;
}

/**
 * Texts kept in this process until an absolute expiry time, bounded by a number of entries and a
 * total length (the oldest written go first). Reads are synchronous: a cached HTTP answer found
 * here is sent without a promise, a store round trip or a parse.
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

  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry.text;
    this.delete(key);
    return undefined;
  }

  set(key: string, text: string, expiresAt: number): void {
    this.delete(key);
    if (text.length > this.maxTotalLength / 4) return;
    while (this.entries.size >= this.maxEntries || this.totalLength + text.length > this.maxTotalLength) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, { text, expiresAt });
    this.totalLength += text.length;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalLength -= entry.text.length;
  }

  clear(): void {
    this.entries.clear();
    this.totalLength = 0;
  }
}
