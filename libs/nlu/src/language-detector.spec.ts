import { detectLanguage } from './language-detector.js';
import { normalizeText, tokenize } from './text-normalizer.js';

const detect = (text: string, hint?: 'en' | 'es'): string =>
  detectLanguage(text, tokenize(normalizeText(text)).map((t) => t.key), hint);

describe('detectLanguage', () => {
  it.each([
    ['When does Barcelona play next?', 'en'],
    ['what are the odds', 'en'],
    ['haha ok', 'en'],
    ['¿Cuándo juega?', 'es'],
    ['cuanto paga el empate', 'es'],
    ['jajaja', 'es'],
    ['holaa', 'es'],
    ['clasificación', 'es'],
  ])('%s → %s', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it('falls back to the hint, then English, when there is no signal', () => {
    expect(detect('Barcelona?', 'es')).toBe('es');
    expect(detect('Barcelona?')).toBe('en');
    expect(detect('')).toBe('en');
  });
});
