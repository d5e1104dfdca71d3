import { TypoCorrector } from './typo-corrector.js';

describe('TypoCorrector', () => {
  const corrector = new TypoCorrector(['barcelona', 'liverpool', 'balance', 'manana', 'odds'], ['player']);

  it('repairs small typos within the length-scaled budget', () => {
    expect(corrector.correct('barcelnoa')).toBe('barcelona');
    expect(corrector.correct('liverpol')).toBe('liverpool');
    expect(corrector.correct('balnce')).toBe('balance');
  });

  it('leaves short tokens, known words and distant words alone', () => {
    expect(corrector.correct('ods')).toBe('ods');
    expect(corrector.correct('player')).toBe('player');
    expect(corrector.correct('valencia')).toBe('valencia');
  });

  it('does not change the first letter', () => {
    expect(corrector.correct('banana')).toBe('banana');
  });
});
