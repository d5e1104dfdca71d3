import { extractAmounts, parseNumber } from './amount-extractor.js';
import { normalizeText } from './text-normalizer.js';

const amounts = (text: string): { value: number; currency: string | null }[] =>
  extractAmounts(normalizeText(text)).map(({ value, currency }) => ({ value, currency }));

describe('extractAmounts', () => {
  it.each([
    ['€50 on Chelsea', 50, 'EUR'],
    ['50€ al Madrid', 50, 'EUR'],
    ['50 € al Madrid', 50, 'EUR'],
    ['50 euros on the draw', 50, 'EUR'],
    ['50 eur on Inter', 50, 'EUR'],
    ['EUR 30 on Bayern', 30, 'EUR'],
    ['$100 on the Lakers', 100, 'USD'],
    ['100 dollars on Boston', 100, 'USD'],
    ['20 dólares al Inter', 20, 'USD'],
    ['20 dolares al Inter', 20, 'USD'],
    ['100 bucks on the Celtics', 100, 'USD'],
    ['£20 on Arsenal', 20, 'GBP'],
    ['20 pounds on Arsenal', 20, 'GBP'],
    ['20 libras al Arsenal', 20, 'GBP'],
    ['20 quid on a draw', 20, 'GBP'],
    ['€12.50 on Milan', 12.5, 'EUR'],
    ['12,50€ al Betis', 12.5, 'EUR'],
    ['1,000 dollars on Real Madrid', 1000, 'USD'],
    ['1.000€ al Barça', 1000, 'EUR'],
    ['€1k on Liverpool', 1000, 'EUR'],
    ['fifty euros on Chelsea', 50, 'EUR'],
    ['veinte euros al empate', 20, 'EUR'],
    ['twenty five dollars on the Knicks', 25, 'USD'],
    ['treinta y cinco euros al Sevilla', 35, 'EUR'],
  ])('%s → %d %s', (text, value, currency) => {
    expect(amounts(text)).toEqual([{ value, currency }]);
  });

  it.each([
    ['how much would I win with 50 on Chelsea', 50],
    ['con 30 al Barça', 30],
    ['bet 10 on the draw', 10],
    ['apuesto 25 al Betis', 25],
    ['si le meto 15 al Atleti', 15],
    ['una apuesta de 40 al Madrid', 40],
  ])('reads a bare stake after a betting verb: %s', (text, value) => {
    expect(amounts(text)).toEqual([{ value, currency: null }]);
  });

  it.each([
    'who won the World Cup in 2010?',
    'el mundial 2022',
    'Barcelona vs Madrid at 20:00',
    'a las 21:00 juega el Betis',
    'did it finish 2-1?',
    'quedó 3-0',
    'over 2.5 goals',
    'más de 2.5 goles',
    'with 2 goals in the first half',
    'build me a 4 leg parlay',
    'top 10 scorers',
    'who scored 30 points last night',
    'bet 2-1 on the score',
  ])('ignores years, times, scorelines and counts: %s', (text) => {
    expect(amounts(text)).toEqual([]);
  });

  it('finds several amounts in order', () => {
    expect(amounts('€10 on Chelsea and $20 on the Lakers')).toEqual([
      { value: 10, currency: 'EUR' },
      { value: 20, currency: 'USD' },
    ]);
  });
});

describe('parseNumber', () => {
  it('handles thousands separators and decimal commas', () => {
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('1.000')).toBe(1000);
    expect(parseNumber('1.000,50')).toBe(1000.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('2', 'k')).toBe(2000);
  });
});
