import type { FixtureOdds } from '@app/sports-data';
import { diffOdds, snapshotOf } from './odds-diff.js';

const AT = '2026-11-21T20:00:30.000Z';

function odds(home: number, over: number, line = 2.5): FixtureOdds {
  return {
    fixtureId: '42',
    status: 'active',
    updatedAt: '2026-11-21T20:00:00.000Z',
    markets: [
      {
        fixtureId: '42',
        market: '1x2',
        updatedAt: '2026-11-21T20:00:00.000Z',
        selections: [
          { key: 'home', name: 'Barcelona', odds: home, betId: 'b1' },
          { key: 'draw', name: 'Draw', odds: 3.6, betId: 'b2' },
          { key: 'away', name: 'Real Madrid', odds: 3.1, betId: 'b3' },
        ],
      },
      {
        fixtureId: '42',
        market: 'over_under',
        line,
        updatedAt: '2026-11-21T20:00:00.000Z',
        selections: [
          { key: 'over', name: `Over ${line}`, odds: over, betId: 'o1' },
          { key: 'under', name: `Under ${line}`, odds: 1.95, betId: 'o2' },
        ],
      },
    ],
  };
}

describe('diffOdds', () => {
  it('reports each selection whose price moved, with both prices', () => {
    const changes = diffOdds('42', snapshotOf(odds(2.1, 1.8)), snapshotOf(odds(2.15, 1.78)), AT);
    expect(changes).toEqual([
      { type: 'odds_change', fixture_id: '42', market: '1x2', selection: 'home', selection_name: 'Barcelona', previous: 2.1, current: 2.15, at: AT },
      { type: 'odds_change', fixture_id: '42', market: 'over_under', line: 2.5, selection: 'over', selection_name: 'Over 2.5', previous: 1.8, current: 1.78, at: AT },
    ]);
  });

  it('reports nothing when no price moved', () => {
    expect(diffOdds('42', snapshotOf(odds(2.1, 1.8)), snapshotOf(odds(2.1, 1.8)), AT)).toEqual([]);
  });

  it('does not present a moved line as a price change', () => {
    const changes = diffOdds('42', snapshotOf(odds(2.1, 1.8, 2.5)), snapshotOf(odds(2.1, 2.3, 3.5)), AT);
    expect(changes).toEqual([]);
  });

  it('reports nothing once the market closes', () => {
    const closed: FixtureOdds = { fixtureId: '42', status: 'inactive', markets: [], updatedAt: AT };
    expect(diffOdds('42', snapshotOf(odds(2.1, 1.8)), snapshotOf(closed), AT)).toEqual([]);
  });
});
