/** A streamed answer's tokens are sent at most this often (after the first, which goes at once). */
export const STREAM_FLUSH_MS = 25;

export type ChunkSink = (content: string, fullContent: string, index: number) => void;

/**
 * Joins a turn's streamed tokens into fewer chunks: a token is sent at once when nothing was sent
 * in the last `intervalMs` (so the first token is never held back), otherwise it waits with the
 * others for the next flush, at most `intervalMs` after the previous send. `flush()` sends what is
 * waiting (at the end of the answer). Chunks are numbered 0, 1, 2… and add up to the whole answer.
 */
export class ChunkCoalescer {
  private pending = '';
  private fullContent = '';
  private index = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sink: ChunkSink,
    private readonly intervalMs = STREAM_FLUSH_MS,
  ) {}

  push(delta: string): void {
    if (delta.length === 0) return;
    this.pending += delta;
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** How many chunks were sent so far. */
  get sent(): number {
    return this.index;
  }

  /** Sends what is waiting, if anything. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const content = this.pending;
    this.pending = '';
    this.fullContent += content;
    this.lastSentAt = performance.now();
    this.sink(content, this.fullContent, this.index++);
  }
}
