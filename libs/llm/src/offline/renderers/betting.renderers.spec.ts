import type { MatchOddsResult } from '../../tools/get-match-odds.tool.js';
import type { ProposalResult } from '../../tools/propose-bet.tool.js';
import type { SimulationResult } from '../../tools/simulate-bet.tool.js';
import { renderMatchOdds } from './get-match-odds.renderer.js';
import { renderBalance } from './get-user-balance.renderer.js';
import { renderProposal } from './propose-bet.renderer.js';
import { FRESH, aContext, aMatch, theTurn } from './renderer-testing.js';
import { renderSimulation } from './simulate-bet.renderer.js';

function odds(over: Partial<MatchOddsResult> = {}): MatchOddsResult {
  return {
    match: aMatch(),
    bettingOpen: true,
    updatedAt: '2026-12-07T10:00:00.000Z',
    markets: [
      {
        market: '1x2',
        overround: 0.052,
        selections: [
          { key: 'home', name: 'Barcelona', odds: 2.1, impliedProbability: 0.47619 },
          { key: 'draw', name: 'Draw', odds: 3.6, impliedProbability: 0.277778 },
          { key: 'away', name: 'Real Madrid', odds: 3.25, impliedProbability: 0.307692 },
        ],
      },
      {
        market: 'over_under',
        line: 2.5,
        overround: 0.05,
        selections: [
          { key: 'over', name: 'Over 2.5', odds: 1.72, impliedProbability: 0.581395 },
          { key: 'under', name: 'Under 2.5', odds: 2.1, impliedProbability: 0.47619 },
        ],
      },
    ],
    ...FRESH,
    ...over,
  };
}

describe('odds renderer', () => {
  it('lists every price of the main markets with its implied probability and the kick-off in the user zone', () => {
    const text = renderMatchOdds(odds(), aContext('en', { teams: ['Barcelona', 'Real Madrid'] }, 'odds for the clasico'), theTurn());
    expect(text).toContain('Odds for Barcelona vs Real Madrid (La Liga, Sat 12 Dec, 21:00):');
    expect(text).toContain('2.10 (47.6%)');
    expect(text).toContain('3.60 (27.8%)');
    expect(text).toContain('3.25 (30.8%)');
    expect(text).toContain('Over 1.72 (58.1%) · Under 2.10 (47.6%)');
    expect(text).toContain('(5.2% on');
    expect(text.split('\n')[0]).toMatch(/^Odds for/);
  });

  it('leads with the backed team when the user asks what a win pays', () => {
    const text = renderMatchOdds(odds(), aContext('en', { teams: ['Real Madrid'], pick: 'Real Madrid', outcome: 'away' }, 'what does a Real Madrid win pay?'), theTurn());
    expect(text.split('\n')[0]).toBe('A Real Madrid win pays 3.25 (implied probability 30.8%).');
  });

  it('leads with the draw in Spanish when the draw is asked about', () => {
    const text = renderMatchOdds(odds(), aContext('es', { outcome: 'draw' }, '¿cuánto paga el empate?'), theTurn());
    expect(text.split('\n')[0]).toBe('El empate en el Barcelona vs Real Madrid se paga a 3.60 (probabilidad implícita 27.8%).');
    expect(text).toContain('(LaLiga, sáb, 12 dic, 21:00)');
  });

  it('says betting is closed when the market is no longer open', () => {
    const text = renderMatchOdds(odds({ bettingOpen: false }), aContext(), theTurn());
    expect(text).toBe('Betting on Barcelona vs Real Madrid (La Liga) is closed: the match has finished.');
  });
});

describe('simulation renderer', () => {
  const leg = {
    match: aMatch(),
    market: '1x2' as const,
    marketName: 'Match result (1X2)',
    selection: 'home' as const,
    pick: 'Barcelona',
    odds: 2.1,
    impliedProbability: 0.47619,
  };

  it('gives the return and profit of a single at the current price', () => {
    const single: SimulationResult = { type: 'single', stake: 20, currency: 'EUR', legs: [leg], requestedLegs: 1, odds: 2.1, potentialReturn: 42, profit: 22, impliedProbability: 0.47619, note: '', ...FRESH };
    const text = renderSimulation(single, aContext(), theTurn());
    expect(text).toContain('A €20.00 bet on Barcelona to win (Barcelona vs Real Madrid, La Liga, Sat 12 Dec, 21:00) at odds of 2.10 would return €42.00 if it wins: €22.00 profit.');
    expect(text).toContain('47.6% chance');
    expect(text.endsWith('Only stake what you can afford to lose.')).toBe(true);
  });

  it('lists each leg of an accumulator with the combined odds, in Spanish', () => {
    const second = { ...leg, match: aMatch({ id: 'fx-2', home: 'Arsenal', away: 'Chelsea', kickoff: '2026-12-13T16:30:00.000Z' }), pick: 'Arsenal', odds: 1.9 };
    const acca: SimulationResult = { type: 'accumulator', stake: 10, currency: 'EUR', legs: [leg, second], requestedLegs: 2, combinedOdds: 3.99, potentialReturn: 39.9, profit: 29.9, impliedProbability: 0.250627, note: '', ...FRESH };
    const text = renderSimulation(acca, aContext('es'), theTurn());
    expect(text).toContain('Combinada de 2 selecciones:');
    expect(text).toContain('• Barcelona — Barcelona vs Real Madrid (sáb, 12 dic, 21:00) @ 2.10');
    expect(text).toContain('• Arsenal — Arsenal vs Chelsea (dom, 13 dic, 17:30) @ 1.90');
    expect(text).toContain('Cuota combinada 3.99: con 10.00 € cobrarías 39.90 € (29.90 € de beneficio) si aciertan todas.');
  });
});

describe('proposal renderer', () => {
  const proposal: ProposalResult = {
    proposal_id: 'prop-42',
    type: 'single',
    legs: [{ match_id: 'fx-1', home: 'Barcelona', away: 'Real Madrid', competition: 'La Liga', kickoff: '2026-12-12T20:00:00.000Z', market: '1x2', selection: 'home', name: 'Barcelona', odds: 2.1 }],
    stake: 10,
    currency: 'EUR',
    combined_odds: 2.1,
    potential_return: 21,
    profit: 11,
    expires_at: '2026-12-07T12:05:00.000Z',
    needs_confirmation: true,
    how_to_confirm: 'confirm it',
  };

  it('shows the priced bet and how to confirm it before it expires, placing nothing', () => {
    const text = renderProposal(proposal, aContext(), theTurn());
    expect(text).toContain('nothing has been placed yet');
    expect(text).toContain('(Sat 12 Dec, 21:00) @ 2.10');
    expect(text).toContain('Stake €10.00: it would return €21.00 if it wins (€11.00 profit).');
    expect(text).toContain('confirm proposal prop-42 before Mon 7 Dec, 13:05');
    expect(text).toContain('/api/v1/bets/proposals/prop-42/confirm');
    expect(text).not.toContain('Combined odds');
  });

  it('asks an anonymous user to log in', () => {
    const text = renderProposal({ loginRequired: true, needs_confirmation: false, message: 'log in' }, aContext('es'), theTurn());
    expect(text).toMatch(/^Para apostar tienes que iniciar sesión/);
  });
});

describe('balance renderer', () => {
  it('shows the available balance with open bets and bonus', () => {
    const text = renderBalance({ loginRequired: false, currency: 'EUR', available: 120.5, pending: 15, bonus: 5 }, aContext(), theTurn());
    expect(text).toBe('Your available balance is €120.50 (plus €15.00 in open bets and €5.00 bonus).');
  });

  it('leaves out empty extras and asks anonymous users to log in', () => {
    expect(renderBalance({ loginRequired: false, currency: 'USD', available: 3, pending: 0 }, aContext('es'), theTurn())).toBe('Tu saldo disponible es 3.00 $.');
    expect(renderBalance({ loginRequired: true, message: 'log in' }, aContext(), theTurn())).toMatch(/^Please log in to see your balance/);
  });
});
