import { type ApiMarket, matchWinnerMarket, acceptablePayouts, OracleError, payoutOf, pickMarket } from './oracle.js';
import { goals, ODDS, oracle } from './testing/sample-data.js';

describe('Oracle.fixture', () => {
  it("takes the team's first fixture not yet finished", async () => {
    expect((await oracle().fixture({ team: 'Barcelona' })).id).toBe('2');
  });

  it('resolves the team by an alias', async () => {
    expect((await oracle().fixture({ team: 'barça' })).id).toBe('2');
  });

  it('keeps to the opponent and the day when given', async () => {
    expect((await oracle().fixture({ team: 'Barcelona', opponent: 'Real Madrid' })).id).toBe('3');
    expect((await oracle().fixture({ team: 'Chelsea', date: 'weekend' })).id).toBe('4');
    expect((await oracle().fixture({ team: 'Real Madrid', date: 'saturday' })).id).toBe('3');
  });

  it('says when no fixture matches, as a data problem', async () => {
    await expect(oracle().fixture({ team: 'Arsenal', date: 'today' })).rejects.toBeInstanceOf(OracleError);
    await expect(oracle().fixture({ team: 'Deportivo Narnia' })).rejects.toThrow('does not know the team');
  });

  it("takes a club's name with another sport for that club's section of the sport", async () => {
    expect((await oracle().fixture({ team: 'Real Madrid', sport: 'basketball' })).id).toBe('6');
    expect((await oracle().fixture({ team: 'Real Madrid Baloncesto', sport: 'basketball' })).id).toBe('6');
    expect((await oracle().fixture({ team: 'Real Madrid Baloncesto', opponent: 'Barça', sport: 'basketball' })).id).toBe('6');
  });

  it('refuses a team without a section in the sport asked for', async () => {
    await expect(oracle().fixture({ team: 'Arsenal', sport: 'basketball' })).rejects.toThrow('no basketball section');
  });
});

describe('Oracle prices', () => {
  it("prices a leg on the named team's side, home or away", async () => {
    expect((await oracle().leg({ team: 'Barcelona', pick: 'team' })).selection.odds).toBe(2.15);
    expect((await oracle().leg({ team: 'Barcelona', pick: 'opponent' })).selection.odds).toBe(3.1);
    expect((await oracle().leg({ team: 'Barcelona', pick: 'draw' })).selection.odds).toBe(3.6);
  });

  it('prices over/under at the main line unless a line is given', async () => {
    expect((await oracle().leg({ team: 'Chelsea', pick: 'over', market: 'over_under' })).selection.odds).toBe(1.9);
    expect((await oracle().leg({ team: 'Chelsea', pick: 'under', market: 'over_under', line: 3.5 })).selection.odds).toBe(1.35);
  });

  it('prices over, under, yes and no in their own market when none is named', async () => {
    expect((await oracle().leg({ team: 'Chelsea', pick: 'over' })).selection.odds).toBe(1.9);
  });

  it('uses the moneyline as the match-winner market where offered', async () => {
    expect((await oracle().leg({ team: 'Real Madrid Baloncesto', pick: 'team' })).selection.odds).toBe(1.55);
  });

  it('names the favourite by the lowest match-winner price', async () => {
    expect((await oracle().favourites({ team: 'Chelsea' })).favourites.map((t) => t.name)).toEqual(['Barcelona']);
    expect((await oracle().favourites({ team: 'Arsenal' })).favourites.map((t) => t.name)).toEqual(['Arsenal']);
  });

  it('lists every name of a team', async () => {
    expect(await oracle().namesOf('atleti')).toEqual(['Atletico Madrid', 'Atlético de Madrid', 'Atleti']);
  });
});

describe('market helpers', () => {
  it('picks the moneyline over 1x2 as the match-winner market', () => {
    expect(matchWinnerMarket(ODDS['6'])?.market).toBe('moneyline');
    expect(matchWinnerMarket(ODDS['2'])?.market).toBe('1x2');
  });

  it('reads basketball totals and spreads under their football names too', () => {
    const totals: ApiMarket = { market: 'totals', line: 165.5, selections: [{ key: 'over', name: 'Over', odds: 1.9 }, { key: 'under', name: 'Under', odds: 1.9 }] };
    expect(pickMarket([totals], 'over_under')).toBe(totals);
  });

  it('takes the most balanced line when 2.5 goals is not offered', () => {
    const markets = [goals(1.5, 1.2, 4.2), goals(3.5, 2.05, 1.75), goals(4.5, 3.9, 1.22)];
    expect(pickMarket(markets, 'over_under')?.line).toBe(3.5);
  });
});

describe('payouts', () => {
  it('multiplies the stake by every leg price and rounds to cents', () => {
    expect(payoutOf(20, [2.15, 1.8])).toBe(77.4);
    expect(payoutOf(10, [1.85, 2.2, 1.65])).toBe(67.16);
  });

  it('also accepts the return from the combined price rounded first, as a slip shows it', () => {
    // 2.15 × 1.8 × 1.65 = 6.3855: 127.71 exactly, 127.80 from the rounded 6.39.
    expect(acceptablePayouts(20, [2.15, 1.8, 1.65])).toEqual([127.71, 127.8]);
    expect(acceptablePayouts(20, [2.15])).toEqual([43]);
  });
});
