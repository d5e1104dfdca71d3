import type { OddsChangeUpdate, StatusChangeUpdate } from './sports-update.types.js';
import { oddsUpdateFrame, originalNotice, originalUpdateFields } from './original-protocol.frames.js';
import { topicsOfFixture } from './topics.js';

const AT = '2026-11-21T20:00:30.000Z';
const TOPICS = topicsOfFixture({ id: '42', home: { id: '1001' }, away: { id: '1002' }, tournament: { id: '10' } } as Parameters<typeof topicsOfFixture>[0]);

function oddsChange(previous: number, current: number): OddsChangeUpdate {
  return { type: 'odds_change', fixture_id: '42', market: '1x2', selection: 'home', selection_name: 'Barcelona', previous, current, at: AT };
}

function statusChange(previous: StatusChangeUpdate['previous'], current: StatusChangeUpdate['current']): StatusChangeUpdate {
  return { type: 'status_change', fixture_id: '42', previous, current, at: AT };
}

describe('original ChatBet sports-updates frames', () => {
  it('names an update as the original does, with its match, tournament and when', () => {
    expect(originalUpdateFields(TOPICS, oddsChange(2, 2.1))).toEqual({ update_type: 'odds_change', match_id: '42', tournament_id: '10', priority: 'medium', timestamp: AT });
    expect(originalUpdateFields(TOPICS, statusChange('pre_match', 'live'))).toMatchObject({ update_type: 'match_start', priority: 'high' });
    expect(originalUpdateFields(TOPICS, statusChange('live', 'finished'))).toMatchObject({ update_type: 'match_end', priority: 'high' });
    expect(originalUpdateFields(['fixture:42'], oddsChange(2, 2.1)).tournament_id).toBeNull();
  });

  it('gives an odds move its percentage and direction', () => {
    expect(oddsUpdateFrame(oddsChange(2, 2.1))).toEqual({
      type: 'odds_update',
      match_id: '42',
      market_type: '1x2',
      selection: 'home',
      old_odds: 2,
      new_odds: 2.1,
      change_percentage: 5,
      movement_direction: 'up',
      timestamp: AT,
    });
    expect(oddsUpdateFrame(oddsChange(3, 2.9))).toMatchObject({ change_percentage: -3.33, movement_direction: 'down' });
    expect(oddsUpdateFrame(oddsChange(2, 2))).toMatchObject({ change_percentage: 0, movement_direction: 'stable' });
  });

  it("says how many competitions are followed in the original's words", () => {
    expect(originalNotice('INFO', ['10', '20'])).toMatchObject({
      type: 'error',
      error_code: 'INFO',
      error_message: 'Connected to sports updates. Following 2 competitions.',
      details: { competitions: ['10', '20'] },
    });
    expect(originalNotice('SUBSCRIPTION_UPDATED', []).error_message).toContain('Following 0 competitions');
  });
});
