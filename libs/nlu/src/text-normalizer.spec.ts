import { boundedEditDistance, normalizePhrase, normalizeText, tokenize, typoBudget } from './text-normalizer.js';

describe('normalizeText', () => {
  it('lower-cases and strips accents, keeping currency symbols and punctuation', () => {
    expect(normalizeText('¿Cuándo juega el Barça? 50€')).toBe('¿cuando juega el barca? 50€');
    expect(normalizeText('MAÑANA')).toBe('manana');
  });

  it('folds letters that do not decompose', () => {
    expect(normalizeText('Bodø/Glimt')).toBe('bodo/glimt');
  });
});

describe('tokenize', () => {
  it('keeps contractions for the rules and strips possessives for look-ups', () => {
    const tokens = tokenize("what's barca's next game");
    expect(tokens.map((t) => t.text)).toEqual(["what's", "barca's", 'next', 'game']);
    expect(tokens.map((t) => t.key)).toEqual(['what', 'barca', 'next', 'game']);
  });

  it('reports offsets into the normalised string', () => {
    const [, second] = tokenize('hi  there');
    expect(second).toMatchObject({ start: 4, end: 9 });
  });
});

describe('normalizePhrase', () => {
  it('reduces names to single-spaced tokens', () => {
    expect(normalizePhrase('Paris Saint-Germain')).toBe('paris saint germain');
    expect(normalizePhrase("Nott'm Forest")).toBe('nottm forest');
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['barcelona', 'barcelona', 0],
    ['barcleona', 'barcelona', 1],
    ['barcelna', 'barcelona', 1],
    ['liverpol', 'liverpool', 1],
    ['chelsae', 'chelsea', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(boundedEditDistance(a, b, 2)).toBe(d);
  });

  it('gives up beyond the bound', () => {
    expect(boundedEditDistance('arsenal', 'juventus', 2)).toBe(3);
  });
});

describe('typoBudget', () => {
  it('never corrects short tokens and allows more edits for long ones', () => {
    expect(typoBudget(4)).toBe(0);
    expect(typoBudget(5)).toBe(1);
    expect(typoBudget(7)).toBe(1);
    expect(typoBudget(8)).toBe(2);
  });
});
