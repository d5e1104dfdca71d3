import { extractClaims, parseNumber } from './claim-extractor.js';

const kinds = (text: string) => extractClaims(text).map((c) => [c.kind, c.text]);

describe('extractClaims', () => {
  it('reads prices, percentages, amounts and balances by what is written around them', () => {
    expect(kinds('Barcelona 2.15 (46.5%), a €10 stake returns 21.50 EUR. Your balance is $120.')).toEqual([
      ['odds', '2.15'],
      ['probability', '46.5%'],
      ['money', '€10'],
      ['money', '21.50 EUR'],
      ['balance', '$120'],
    ]);
  });

  it('reads dates and times in the shapes answers write them, in English and Spanish', () => {
    const claims = extractClaims('Sat 12 Dec, 21:00; December 8th at 8pm; el sábado, 12 de diciembre de 2026, a las 21:00; 2026-12-08 20:00; 19:00 UTC.');
    expect(claims.map((c) => c.text)).toEqual(['Sat 12 Dec, 21:00', 'December 8th at 8pm', 'sábado, 12 de diciembre de 2026, a las 21:00', '2026-12-08 20:00', '19:00 UTC']);
    expect(claims[1].date).toMatchObject({ month: 12, day: 8, hour: 20, minute: 0 });
    expect(claims[2].date).toMatchObject({ year: 2026, weekday: 6, hour: 21 });
    expect(claims[4].date).toMatchObject({ hour: 19, utc: true });
  });

  it('leaves list numbers, counts, years, lines, handicaps, expected goals and page ranges alone', () => {
    const text = '1. Top 3 picks since 2019\n2. Over 2.5 goals at 1.85, handicap -1.5, Total points 226.5\n3. xG 1.45-0.98, showing 11–20 of 66, won 4 of the last 5';
    expect(kinds(text)).toEqual([['odds', '1.85']]);
  });

  it('does not take a currency sign on the line before as this number’s', () => {
    expect(kinds('returns 23.40 €\n2. Chelsea at 1.90')).toEqual([
      ['money', '23.40 €'],
      ['odds', '1.90'],
    ]);
  });

  it('leaves figures inside quoted example questions alone', () => {
    expect(kinds('Try "How much would €50 on Chelsea win?"')).toEqual([]);
  });
});

describe('parseNumber', () => {
  it('tells decimal commas from thousands separators', () => {
    expect(parseNumber('2,15')).toMatchObject({ value: 2.15, decimals: 2, decimalComma: true });
    expect(parseNumber('1,000')).toMatchObject({ value: 1000, decimals: 0 });
    expect(parseNumber('1,000.50')).toMatchObject({ value: 1000.5, decimals: 2, decimalComma: false });
    expect(parseNumber('1.000,50')).toMatchObject({ value: 1000.5, decimals: 2, decimalComma: true });
  });
});
