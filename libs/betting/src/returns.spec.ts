import fc from 'fast-check';
import { accumulatorReturn, singleReturn, type AccumulatorLeg, type LegStatus } from './returns.js';
import { roundMoney } from './rounding.js';

describe('singleReturn', () => {
  it('includes the stake in the return', () => {
    expect(singleReturn(10, 2.5)).toEqual({ stake: 10, odds: 2.5, potentialReturn: 25, profit: 15 });
  });

  it('rounds money to cents only at the output', () => {
    expect(singleReturn(3.33, 1.91)).toEqual({
      stake: 3.33,
      odds: 1.91,
      potentialReturn: 6.36,
      profit: 3.03,
    });
  });

  it('accepts a zero stake', () => {
    expect(singleReturn(0, 3).potentialReturn).toBe(0);
  });

  it('rejects negative or non-finite stakes and invalid odds', () => {
    expect(() => singleReturn(-1, 2)).toThrow('stake must not be negative');
    expect(() => singleReturn(Number.NaN, 2)).toThrow(RangeError);
    expect(() => singleReturn(10, 1)).toThrow(RangeError);
    expect(() => singleReturn(10, Number.NaN)).toThrow(RangeError);
  });
});

describe('accumulatorReturn', () => {
  const fourFold: AccumulatorLeg[] = [{ odds: 2 }, { odds: 1.8 }, { odds: 2.5 }, { odds: 3 }];

  it('multiplies the legs: 2.0 x 1.8 x 2.5 x 3.0 on 10 returns 270', () => {
    const result = accumulatorReturn(10, fourFold);
    expect(result.potentialReturn).toBe(270);
    expect(result.profit).toBe(260);
    expect(result.combinedOdds).toBeCloseTo(27, 12);
    expect(result.impliedProbability).toBeCloseTo(1 / 27, 12);
    expect(result.legsCounted).toBe(4);
  });

  it('drops void legs from the price', () => {
    const result = accumulatorReturn(10, [
      { odds: 2, status: 'won' },
      { odds: 1.8, status: 'void' },
      { odds: 2.5, status: 'won' },
      { odds: 3, status: 'pending' },
    ]);
    expect(result.combinedOdds).toBeCloseTo(15, 12);
    expect(result.potentialReturn).toBe(150);
    expect(result.legsCounted).toBe(3);
  });

  it('returns nothing once any leg is lost', () => {
    const result = accumulatorReturn(10, [
      { odds: 2, status: 'won' },
      { odds: 1.8, status: 'lost' },
      { odds: 2.5 },
    ]);
    expect(result.potentialReturn).toBe(0);
    expect(result.profit).toBe(-10);
    expect(result.combinedOdds).toBeCloseTo(9, 12);
  });

  it('rejects empty slips, bad legs and unknown statuses', () => {
    expect(() => accumulatorReturn(10, [])).toThrow('at least one leg');
    expect(() => accumulatorReturn(10, [{ odds: 2 }, { odds: 0.5 }])).toThrow(
      'legs[1].odds must be greater than 1',
    );
    expect(() => accumulatorReturn(-5, fourFold)).toThrow(RangeError);
    const bogus = [{ odds: 2, status: 'cashed-out' as unknown as LegStatus }];
    expect(() => accumulatorReturn(10, bogus)).toThrow('not a known leg status');
  });

  const stake = fc.double({ min: 0, max: 10_000, noNaN: true });
  const odds = fc.double({ min: 1.01, max: 20, noNaN: true });

  it('returns exactly the stake when every leg is void', () => {
    fc.assert(
      fc.property(stake, fc.array(odds, { minLength: 1, maxLength: 10 }), (amount, prices) => {
        const result = accumulatorReturn(
          amount,
          prices.map((price) => ({ odds: price, status: 'void' as const })),
        );
        expect(result.combinedOdds).toBe(1);
        expect(result.legsCounted).toBe(0);
        expect(result.potentialReturn).toBe(roundMoney(amount));
        expect(result.profit).toBe(0);
      }),
    );
  });

  it('matches a single bet when it has one leg', () => {
    fc.assert(
      fc.property(stake, odds, (amount, price) => {
        const acca = accumulatorReturn(amount, [{ odds: price }]);
        const single = singleReturn(amount, price);
        expect(acca.potentialReturn).toBe(single.potentialReturn);
        expect(acca.profit).toBe(single.profit);
      }),
    );
  });

  it('never pays less than the stake while no leg is lost', () => {
    const leg = fc.record({ odds, status: fc.constantFrom<LegStatus>('pending', 'won', 'void') });
    fc.assert(
      fc.property(stake, fc.array(leg, { minLength: 1, maxLength: 10 }), (amount, legs) => {
        const result = accumulatorReturn(amount, legs);
        expect(result.potentialReturn).toBeGreaterThanOrEqual(roundMoney(amount));
      }),
    );
  });
});
