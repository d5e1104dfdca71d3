import { jest } from '@jest/globals';
import { ChunkCoalescer } from './chunk-coalescer.js';

describe('ChunkCoalescer', () => {
  let sent: Array<{ content: string; fullContent: string; index: number }>;
  let coalescer: ChunkCoalescer;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    coalescer = new ChunkCoalescer((content, fullContent, index) => sent.push({ content, fullContent, index }), 25);
  });

  afterEach(() => {
    coalescer.flush();
    jest.useRealTimers();
  });

  it('sends the first token at once and joins the next ones until the interval has passed', () => {
    coalescer.push('Hello');
    expect(sent).toEqual([{ content: 'Hello', fullContent: 'Hello', index: 0 }]);
    coalescer.push(' dear');
    coalescer.push(' world');
    expect(sent).toHaveLength(1);
    jest.advanceTimersByTime(25);
    expect(sent).toEqual([
      { content: 'Hello', fullContent: 'Hello', index: 0 },
      { content: ' dear world', fullContent: 'Hello dear world', index: 1 },
    ]);
  });

  it('counts the chunks sent, not the tokens pushed', () => {
    expect(coalescer.sent).toBe(0);
    coalescer.push('Hello');
    coalescer.push(' dear');
    coalescer.push(' world');
    coalescer.flush();
    expect(coalescer.sent).toBe(sent.length);
    expect(coalescer.sent).toBe(2);
  });

  it('sends a token at once when nothing was sent within the interval', () => {
    coalescer.push('a');
    jest.advanceTimersByTime(100);
    coalescer.push('b');
    expect(sent.map((chunk) => chunk.content)).toEqual(['a', 'b']);
  });

  it('flushes what is waiting at the end, and nothing when nothing waits', () => {
    coalescer.push('one');
    coalescer.push(' two');
    coalescer.flush();
    coalescer.flush();
    jest.advanceTimersByTime(100);
    expect(sent).toEqual([
      { content: 'one', fullContent: 'one', index: 0 },
      { content: ' two', fullContent: 'one two', index: 1 },
    ]);
  });

  it('ignores empty tokens and numbers chunks so they add up to the whole text', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i} `);
    coalescer.push('');
    for (const [i, word] of words.entries()) {
      coalescer.push(word);
      if (i % 7 === 0) jest.advanceTimersByTime(10);
    }
    coalescer.flush();
    expect(sent.map((chunk) => chunk.index)).toEqual(sent.map((_, i) => i));
    expect(sent.map((chunk) => chunk.content).join('')).toBe(words.join(''));
    expect(sent.at(-1)!.fullContent).toBe(words.join(''));
    expect(sent.length).toBeLessThan(words.length);
  });
});
