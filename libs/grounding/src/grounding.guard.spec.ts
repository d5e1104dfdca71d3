import { extractClaims } from './claim-extractor.js';
import { GroundedValues } from './grounded-values.js';
import { checkGrounding, correctedText } from './grounding.guard.js';

const match = {
  id: 'm1',
  home: 'Barcelona',
  away: 'Real Madrid',
  competition: 'La Liga',
  kickoff: '2026-12-08T19:00:00.000Z',
  kickoffLocal: '2026-12-08 20:00',
  status: 'scheduled',
};
const odds = {
  match,
  markets: [
    {
      market: '1x2',
      overround: 0.0512,
      selections: [
        { key: 'home', name: 'Barcelona', odds: 2.15, impliedProbability: 0.465116 },
        { key: 'draw', name: 'Draw', odds: 3.4, impliedProbability: 0.294118 },
        { key: 'away', name: 'Real Madrid', odds: 3.2, impliedProbability: 0.3125 },
      ],
    },
    { market: 'over_under', line: 2.5, overround: 0.05, selections: [{ key: 'over', name: 'Over 2.5', odds: 1.85, impliedProbability: 0.540541 }] },
  ],
};
const simulation = { type: 'single', stake: 10, currency: 'EUR', odds: 2.15, potentialReturn: 21.5, profit: 11.5, impliedProbability: 0.465116, legs: [{ match, pick: 'Barcelona', odds: 2.15 }] };
const prediction = { match, probabilities: { home: 0.5236, draw: 0.25, away: 0.2264 }, mostLikelyScore: { home: 2, away: 1, probability: 0.118 } };

const values = (userText = 'Barcelona odds?') =>
  GroundedValues.collect({
    tools: [
      { name: 'get_match_odds', result: odds },
      { name: 'simulate_bet', args: { stake: 10 }, result: simulation },
      { name: 'predict_match', result: prediction },
    ],
    userText,
    timeZone: 'Europe/Madrid',
    now: new Date('2026-12-07T10:00:00Z'),
  });

describe('checkGrounding', () => {
  it('passes figures quoted as the tools gave them, rounded as the writer rounds them', () => {
    const text = 'Barcelona are 2.15 to win (46.5% implied), the draw 3.40 and Real Madrid 3.2. Over 2.5 goals pays 1.85. Our model gives Barcelona 52.4%, about 52%.';
    const report = checkGrounding(text, values());
    expect(report.flags).toEqual([]);
    expect(report.claims).toBeGreaterThanOrEqual(7);
  });

  it('flags a wrong price and names the right one', () => {
    const report = checkGrounding('Barcelona are 2.05 to win against Real Madrid.', values());
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'odds', text: '2.05', expected: '2.15' })]);
  });

  it('flags a wrong payout and names the stake times the price', () => {
    const text = 'A €10 stake on Barcelona at 2.15 would return €23.50, a profit of €11.50.';
    const report = checkGrounding(text, values());
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'money', text: '€23.50', expected: '€21.50' })]);
    expect(correctedText(text, report.flags)).toBe('A €10 stake on Barcelona at 2.15 would return €21.50, a profit of €11.50.');
  });

  it('flags a wrong probability', () => {
    const report = checkGrounding('Our model gives Barcelona a 61.0% chance.', values());
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'probability', text: '61.0%', expected: '52.4%' })]);
  });

  it('flags a kick-off shifted by a day and writes the right one the same way', () => {
    const report = checkGrounding('Barcelona vs Real Madrid kicks off on Wednesday 9 December at 20:00.', values());
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'datetime', expected: 'Tuesday 8 December at 20:00' })]);
    expect(checkGrounding('Barcelona vs Real Madrid: Tue 8 Dec, 20:00 (19:00 UTC).', values()).flags).toEqual([]);
  });

  it('leaves list numbering, rankings, counts and years alone', () => {
    const text = 'My top 3 picks for the 2026 season:\n1. Barcelona at 2.15\n2. Over 2.5 goals at 1.85\n3. The draw at 3.40\nBarcelona have won 4 of their last 5 since 2019.';
    expect(checkGrounding(text, values()).flags).toEqual([]);
  });

  it('accepts arithmetic shown on grounded values', () => {
    const text = '€10 × 2.15 = €21.50, so €11.50 profit; a double with Over 2.5 is 2.15 × 1.85 = 3.98; Barcelona or the draw is 76%.';
    expect(checkGrounding(text, values()).flags).toEqual([]);
  });

  it('reads Spanish figures: decimal commas, "de" dates, amounts after the number', () => {
    const text = 'El Barcelona paga 2,15; con 10 € recibirías 21,50 €. El partido es el martes, 8 de diciembre, a las 20:00.';
    expect(checkGrounding(text, values(), 'es').flags).toEqual([]);
    const wrong = checkGrounding('El Barcelona paga 2,05.', values(), 'es');
    expect(wrong.flags).toEqual([expect.objectContaining({ expected: '2,15' })]);
  });

  it('marks a figure with no candidate in the data as unverified', () => {
    const report = checkGrounding('Your balance is €250.00.', values(), 'en');
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'balance', replacement: '€250.00 (unverified)' })]);
  });

  it('takes the numbers the user wrote as theirs to reason with', () => {
    expect(checkGrounding('€50 at 3.00 would return €150.00.', values('What would €50 at 3.00 return?')).flags).toEqual([]);
  });

  it('takes a round stake the answer supposes as an example, and checks what it returns', () => {
    expect(checkGrounding('For example, a €20 bet on Barcelona would return €43.00.', values()).flags).toEqual([]);
    expect(checkGrounding('For example, a €20 bet on Barcelona would return €45.00.', values()).flags).toEqual([expect.objectContaining({ kind: 'money', text: '€45.00' })]);
  });

  it('checks scores from either side', () => {
    expect(checkGrounding('The most likely score is 2-1; Real Madrid losing 1-2.', values()).flags).toEqual([]);
    expect(checkGrounding('The most likely score is 3-0.', values()).flags).toEqual([expect.objectContaining({ kind: 'score', expected: '2-1' })]);
  });
});

describe('extractClaims', () => {
  it('does not read ids, team names with digits or lines as claims', () => {
    expect(extractClaims('Proposal p_9f2a81 for Schalke 04 vs Mainz 05, handicap -1.5, 1X2 market.')).toEqual([]);
  });
});
