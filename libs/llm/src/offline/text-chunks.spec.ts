import fc from 'fast-check';
import { textChunks } from './text-chunks.js';

describe('textChunks', () => {
  it('splits into pieces of a few words', () => {
    expect(textChunks('one two three four five', 2)).toEqual(['one two ', 'three four ', 'five']);
    expect(textChunks('a\nb  c', 1)).toEqual(['a\n', 'b  ', 'c']);
    expect(textChunks('', 3)).toEqual([]);
  });

  it('always concatenates back to exactly the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '€', '1', '.') }), fc.integer({ min: 1, max: 6 }), (text, size) => {
        expect(textChunks(text, size).join('')).toBe(text);
      }),
    );
  });
});
