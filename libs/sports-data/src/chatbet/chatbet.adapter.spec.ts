import { Logger } from '@nestjs/common';
import { ChatBetAdapter, parseLine, parseStartTime, resolveYearlessDate } from './chatbet.adapter.js';

const NOW = new Date('2026-09-10T12:00:00.000Z');

// Skipped items are logged at debug level; the assertions below say what was skipped.
beforeAll(() => Logger.overrideLogger(['error', 'warn']));

describe('ChatBetAdapter', () => {
  const adapter = new ChatBetAdapter();

  describe('toToken', () => {
    it('reads the token and rejects anything else', () => {
      expect(adapter.toToken({ token: 'eyJabc' })).toBe('eyJabc');
      expect(adapter.toToken({ token: '' })).toBeUndefined();
      expect(adapter.toToken({ access_token: 'x' })).toBeUndefined();
      expect(adapter.toToken('eyJabc')).toBeUndefined();
    });
  });

  describe('toSports', () => {
    it('maps English and Spanish names and skips unreadable or repeated items', () => {
      const sports = adapter.toSports([
        { id: '1', name: 'Football', alias: 'Soccer', name_es: 'Fútbol', name_en: 'Football', name_pt_br: 'Futebol', profit: {} },
        { id: 3, name: 'Basketball', profit: {} },
        { id: '1', name: 'Football again' },
        { name: 'No id' },
        'garbage',
        null,
      ]);
      expect(sports).toEqual([
        { id: '1', name: 'Football', nameEs: 'Fútbol' },
        { id: '3', name: 'Basketball', nameEs: 'Basketball' },
      ]);
    });

    it('reads a non-list answer as no sports', () => {
      expect(adapter.toSports({ detail: 'oops' })).toEqual([]);
    });
  });

  describe('toTournaments', () => {
    it('reads the per-sport listing', () => {
      const raw = [
        { tournament_id: 566, tournament_name: 'Premier League', sport_name: { en: 'Football', es: 'Fútbol', pt_br: 'Futebol' }, profit: {} },
        { tournament_id: '2988', tournament_name: 'LaLiga', sport_name: { en: 'Football' } },
        { tournament_name: 'No id' },
        { tournament_id: '1', tournament_name: '  ' },
      ];
      expect(adapter.toTournaments(raw, '1')).toEqual([
        { id: '566', name: 'Premier League', sportId: '1' },
        { id: '2988', name: 'LaLiga', sportId: '1' },
      ]);
    });

    it('reads the listing grouped by sport', () => {
      const raw = [
        { id: '1', name: 'Football', tournaments: [{ tournamentId: 566, name: 'Premier League', order: 1 }, { name: 'broken' }] },
        { id: '3', name: 'Basketball', tournaments: [{ tournamentId: '132', name: 'NBA', order: 'x' }] },
        { id: '5', name: 'No tournaments field' },
        { name: 'No id', tournaments: [] },
      ];
      expect(adapter.toAllTournaments(raw)).toEqual([
        { id: '566', name: 'Premier League', sportId: '1', order: 1 },
        { id: '132', name: 'NBA', sportId: '3' },
      ]);
    });
  });

  describe('toFixtures', () => {
    const nestedListing = [
      { totalResults: 2 },
      {
        source: 1101,
        id: 27907678,
        startTime: '2026-09-12 19:00:00',
        sportId: '1',
        tournament: { id: '566', name: 'Premier League' },
        homeCompetitor: { id: '29', name: 'Arsenal', jerseyIcon: 'https://example.invalid/a.png' },
        awayCompetitor: { id: 30, name: 'Chelsea', jerseyIcon: null },
        someNewField: { nested: true },
      },
      {
        source: 1101,
        id: '27907679',
        startTime: '2026-09-13T14:30:00+02:00',
        sportId: 1,
        tournament: { id: 566, name: 'Premier League' },
        homeCompetitor: { id: '31', name: 'Everton' },
        awayCompetitor: { id: '32', name: 'Fulham' },
      },
    ];

    it('skips the leading totalResults element and reads nested fixtures as UTC', () => {
      const entries = adapter.toFixtures(nestedListing, { status: 'pre_match', now: NOW });
      expect(entries.map((e) => e.fixture)).toEqual([
        {
          id: '27907678',
          sportId: '1',
          tournament: { id: '566', name: 'Premier League' },
          home: { id: '29', name: 'Arsenal' },
          away: { id: '30', name: 'Chelsea' },
          startTime: '2026-09-12T19:00:00.000Z',
          status: 'pre_match',
        },
        {
          id: '27907679',
          sportId: '1',
          tournament: { id: '566', name: 'Premier League' },
          home: { id: '31', name: 'Everton' },
          away: { id: '32', name: 'Fulham' },
          startTime: '2026-09-13T12:30:00.000Z',
          status: 'pre_match',
        },
      ]);
    });

    it('reads the flat sports-fixtures shape with year-less times and names per language', () => {
      const raw = [
        {
          id: '27900311',
          source: 1101,
          tournament_id: '2988',
          startTime: '09-18 22:00',
          startTimeIndex: 1758232800,
          tournament_name: { en: 'LaLiga', es: 'LaLiga', pt_br: 'LaLiga' },
          home_team_data: { name: { en: 'Barcelona', es: 'Barcelona', pt_br: 'Barcelona' } },
          away_team_data: { name: { en: 'Real Madrid', es: 'Real Madrid', pt_br: 'Real Madrid' } },
          homeCompetitorName: { en: 'Barcelona', es: 'Barcelona', pt_br: 'Barcelona' },
          homeCompetitorId: '1001',
          awayCompetitorName: { en: 'Bayern Munich', es: 'Bayern de Múnich', pt_br: 'Bayern de Munique' },
          awayCompetitorId: 4001,
        },
      ];
      const [entry] = adapter.toFixtures(raw, { status: 'pre_match', sportId: '1', now: NOW });
      expect(entry).toEqual({
        fixture: {
          id: '27900311',
          sportId: '1',
          tournament: { id: '2988', name: 'LaLiga' },
          home: { id: '1001', name: 'Barcelona' },
          away: { id: '4001', name: 'Bayern Munich' },
          startTime: '2026-09-18T22:00:00.000Z',
          status: 'pre_match',
        },
        homeNameEs: 'Barcelona',
        awayNameEs: 'Bayern de Múnich',
      });
    });

    it('falls back to home_team_data names when the competitor names are missing', () => {
      const raw = [
        {
          id: '1',
          tournament_id: '2',
          startTime: '09-18 22:00',
          tournament_name: 'Serie A',
          home_team_data: { name: { en: 'Inter' } },
          away_team_data: { name: 'Milan' },
          homeCompetitorId: '3',
          awayCompetitorId: '4',
        },
      ];
      const [entry] = adapter.toFixtures(raw, { status: 'pre_match', sportId: '1', now: NOW });
      expect(entry?.fixture.home).toEqual({ id: '3', name: 'Inter' });
      expect(entry?.fixture.away).toEqual({ id: '4', name: 'Milan' });
    });

    it('keeps the score of live and finished fixtures but never of upcoming ones', () => {
      const item = (score: unknown, extra: object = {}) => ({
        id: '10',
        startTime: '2026-09-10 11:00',
        sportId: '1',
        tournament: { id: '566', name: 'Premier League' },
        homeCompetitor: { id: '29', name: 'Arsenal' },
        awayCompetitor: { id: '30', name: 'Chelsea' },
        score,
        ...extra,
      });
      const read = (raw: unknown, status: 'pre_match' | 'live' | 'finished') =>
        adapter.toFixtures([raw], { status, now: NOW })[0]?.fixture.score;
      expect(read(item({ home: 1, away: 0 }), 'live')).toEqual({ home: 1, away: 0 });
      expect(read(item('2-2'), 'finished')).toEqual({ home: 2, away: 2 });
      expect(read(item('3:1'), 'finished')).toEqual({ home: 3, away: 1 });
      expect(read(item(undefined, { homeScore: '4', awayScore: 0 }), 'finished')).toEqual({ home: 4, away: 0 });
      expect(read(item({ home: 0, away: 0 }), 'pre_match')).toBeUndefined();
      expect(read(item({ home: -1, away: 0 }), 'live')).toBeUndefined();
      expect(read(item({ home: 1.5, away: 0 }), 'live')).toBeUndefined();
    });

    it('skips garbage, incomplete and repeated items without failing the listing', () => {
      const good = nestedListing[1]!;
      const raw = [
        { totalResults: 9 },
        good,
        good,
        'garbage',
        42,
        null,
        [],
        { ...good, id: undefined },
        { ...good, id: '5', startTime: 'next Tuesday' },
        { ...good, id: '6', startTime: '02-30 20:00' },
        { ...good, id: '7', startTime: '2026-09-12 25:00' },
        { ...good, id: '8', homeCompetitor: { id: '30', name: 'Chelsea' } },
        { ...good, id: '9', awayCompetitor: { name: 'No id FC' } },
        { ...good, id: '10', tournament: { name: 'No id league' } },
        { ...good, id: '11', sportId: undefined },
      ];
      const entries = adapter.toFixtures(raw, { status: 'pre_match', now: NOW });
      expect(entries.map((e) => e.fixture.id)).toEqual(['27907678']);
    });

    it('reads a non-list answer as no fixtures', () => {
      expect(adapter.toFixtures({ detail: 'Not Found' }, { status: 'live', now: NOW })).toEqual([]);
      expect(adapter.toFixtures(null, { status: 'live', now: NOW })).toEqual([]);
    });
  });

  describe('toFixtureOdds', () => {
    const context = {
      fixtureId: '27907678',
      home: { id: '29', name: 'Arsenal' },
      away: { id: '30', name: 'Chelsea' },
      now: NOW,
    };
    const sel = (name: string, odds: number, betId: string) => ({ name, odds, profit: odds, betId });

    const shapeA = {
      status: 'Active',
      main_market: 'result',
      result: { homeTeam: sel('Arsenal', 2.1, 'r1'), awayTeam: sel('Chelsea', 3.4, 'r2'), tie: sel('Empate', 3.3, 'r3') },
      over_under: { over: sel('Over 2.5', 1.9, 'o1'), under: sel('Under 2.5', 1.95, 'o2') },
      handicap: { homeTeam: sel('Arsenal -0.5', 2.1, 'h1'), awayTeam: sel('Chelsea +0.5', 1.75, 'h2') },
      both_teams_to_score: { yes: sel('Sí', 1.8, 'b1'), no: sel('No', 2.0, 'b2') },
      double_chance: {
        homeTeam_or_draw: sel('1X', 1.3, 'd1'),
        awayTeam_or_draw: sel('X2', 1.7, 'd2'),
        homeTeam_or_awayTeam: sel('12', 1.3, 'd3'),
      },
      draw_no_bet: null,
      score: null,
      half_time_result: null,
    };

    it('reads shape A into the domain markets with one naming convention', () => {
      const odds = adapter.toFixtureOdds(shapeA, context);
      expect(odds.status).toBe('active');
      expect(odds.updatedAt).toBe(NOW.toISOString());
      expect(odds.markets.map((m) => m.market)).toEqual(['1x2', 'over_under', 'handicap', 'btts', 'double_chance']);
      const byCode = Object.fromEntries(odds.markets.map((m) => [m.market, m]));
      expect(byCode['1x2']?.selections).toEqual([
        { key: 'home', name: 'Arsenal', odds: 2.1, betId: 'r1' },
        { key: 'draw', name: 'Draw', odds: 3.3, betId: 'r3' },
        { key: 'away', name: 'Chelsea', odds: 3.4, betId: 'r2' },
      ]);
      expect(byCode.over_under).toMatchObject({ line: 2.5, selections: [{ key: 'over', name: 'Over 2.5' }, { key: 'under', name: 'Under 2.5' }] });
      expect(byCode.handicap).toMatchObject({
        line: -0.5,
        selections: [{ key: 'home', name: 'Arsenal -0.5' }, { key: 'away', name: 'Chelsea +0.5' }],
      });
      expect(byCode.btts?.selections.map((s) => [s.key, s.name])).toEqual([['yes', 'Yes'], ['no', 'No']]);
      expect(byCode.double_chance?.selections.map((s) => [s.key, s.name])).toEqual([
        ['home_or_draw', 'Arsenal or Draw'],
        ['away_or_draw', 'Draw or Chelsea'],
        ['home_or_away', 'Arsenal or Chelsea'],
      ]);
      for (const market of odds.markets) expect(market.fixtureId).toBe('27907678');
    });

    it('reads shape B, keyed by betId, into the same markets', () => {
      const shapeB = {
        result: { options: { r1: { name: 'Home', odd: 2.1 }, r3: { name: 'Draw', odd: 3.3 }, r2: { name: 'Away', odd: 3.4 } } },
        over_under: { options: { o1: { name: 'Over 2.5', odd: 1.9 }, o2: { name: 'Under 2.5', odd: 1.95 } } },
        handicap: { options: { h1: { name: 'Home -1.5', odd: 3.1 }, h2: { name: 'Away +1.5', odd: 1.4 } } },
        both_teams_to_score: { options: { b1: { name: 'Yes', odd: 1.8 }, b2: { name: 'No', odd: 2 } } },
        double_chance: {
          options: { d1: { name: 'Home or Draw', odd: 1.3 }, d2: { name: 'Draw or Away', odd: 1.7 }, d3: { name: 'Home or Away', odd: 1.3 } },
        },
        draw_no_bet: { options: { n1: { name: 'Arsenal', odd: 1.5 }, n2: { name: 'Chelsea', odd: 2.6 } } },
      };
      const odds = adapter.toFixtureOdds(shapeB, context);
      expect(odds.status).toBe('active');
      const byCode = Object.fromEntries(odds.markets.map((m) => [m.market, m]));
      expect(Object.keys(byCode).sort()).toEqual(['1x2', 'btts', 'double_chance', 'draw_no_bet', 'handicap', 'over_under']);
      expect(byCode['1x2']?.selections).toEqual([
        { key: 'home', name: 'Arsenal', odds: 2.1, betId: 'r1' },
        { key: 'draw', name: 'Draw', odds: 3.3, betId: 'r3' },
        { key: 'away', name: 'Chelsea', odds: 3.4, betId: 'r2' },
      ]);
      expect(byCode.handicap).toMatchObject({ line: -1.5, selections: [{ key: 'home', name: 'Arsenal -1.5', betId: 'h1' }, { key: 'away' }] });
      expect(byCode.double_chance?.selections.map((s) => s.key)).toEqual(['home_or_draw', 'away_or_draw', 'home_or_away']);
      expect(byCode.draw_no_bet?.selections.map((s) => [s.key, s.betId])).toEqual([['home', 'n1'], ['away', 'n2']]);
    });

    it('reads compact shape-B names such as 1, X, 2, 1X and X2', () => {
      const odds = adapter.toFixtureOdds(
        {
          result: { options: { a: { name: '1', odd: '2.10' }, b: { name: 'X', odd: 3.3 }, c: { name: '2', odd: 3.4 } } },
          double_chance: { options: { d: { name: '1X', odd: 1.3 }, e: { name: 'X2', odd: 1.7 }, f: { name: '12', odd: 1.3 } } },
        },
        context,
      );
      expect(odds.markets[0]?.selections.map((s) => [s.key, s.odds])).toEqual([['home', 2.1], ['draw', 3.3], ['away', 3.4]]);
      expect(odds.markets[1]?.selections.map((s) => s.key)).toEqual(['home_or_draw', 'away_or_draw', 'home_or_away']);
    });

    it('reads an Inactive answer as no prices', () => {
      const odds = adapter.toFixtureOdds({ ...shapeA, status: 'Inactive' }, context);
      expect(odds).toEqual({ fixtureId: '27907678', status: 'inactive', markets: [], updatedAt: NOW.toISOString() });
    });

    it('reads an answer without status or markets as inactive', () => {
      expect(adapter.toFixtureOdds({ main_market: 'result', result: null }, context).status).toBe('inactive');
      expect(adapter.toFixtureOdds('nope', context).status).toBe('inactive');
    });

    it('skips unpriced selections, markets left with fewer than two, mismatched lines and repeated betIds', () => {
      const odds = adapter.toFixtureOdds(
        {
          status: 'Active',
          result: { homeTeam: sel('A', 1.0, 'r1'), awayTeam: sel('B', 0, 'r2'), tie: sel('X', 3, 'r3') },
          over_under: { over: sel('Over 2.5', 1.9, 'o1'), under: sel('Under 3.5', 1.9, 'o2') },
          handicap: { homeTeam: sel('Arsenal', 1.9, 'h1'), awayTeam: sel('Chelsea', 1.9, 'h2') },
          both_teams_to_score: { yes: { name: 'Yes', odds: 1.8 }, no: sel('No', 2, 'b2') },
          double_chance: 'garbage',
          draw_no_bet: { homeTeam: sel('Arsenal', 1.5, 'x1'), awayTeam: sel('Chelsea', 2.6, 'x2') },
          corners: { over: sel('Over 9.5', 1.9, 'c1') },
        },
        context,
      );
      expect(odds.status).toBe('active');
      expect(odds.markets.map((m) => m.market)).toEqual(['draw_no_bet']);

      const repeated = adapter.toFixtureOdds(
        {
          status: 'Active',
          result: { homeTeam: sel('A', 2, 'same'), awayTeam: sel('B', 3, 'r2'), tie: sel('X', 3, 'r3') },
          draw_no_bet: { homeTeam: sel('A', 1.5, 'same'), awayTeam: sel('B', 2.6, 'x2') },
        },
        context,
      );
      expect(repeated.markets.map((m) => m.market)).toEqual(['1x2']);
    });

    it('rounds odds to two decimals and keeps upstream names when the teams are not known', () => {
      const odds = adapter.toFixtureOdds(
        { status: 'Active', result: { homeTeam: sel('Arsenal', 2.104, 'r1'), awayTeam: sel('Chelsea', 3.456, 'r2') } },
        { fixtureId: '1', now: NOW },
      );
      expect(odds.markets[0]?.selections).toEqual([
        { key: 'home', name: 'Arsenal', odds: 2.1, betId: 'r1' },
        { key: 'away', name: 'Chelsea', odds: 3.46, betId: 'r2' },
      ]);
    });
  });
});

describe('resolveYearlessDate', () => {
  const at = (iso: string) => new Date(iso);
  const resolve = (text: string, now: string) => parseStartTime(text, at(now));

  it('puts a date in the current year when that is nearest', () => {
    expect(resolve('09-18 22:00', '2026-09-10T12:00:00Z')).toBe('2026-09-18T22:00:00.000Z');
    expect(resolve('09-01 10:00', '2026-09-10T12:00:00Z')).toBe('2026-09-01T10:00:00.000Z');
  });

  it('reads a December date in early January as last December', () => {
    expect(resolve('12-30 20:00', '2027-01-02T09:00:00Z')).toBe('2026-12-30T20:00:00.000Z');
  });

  it('reads a January date in late December as next January', () => {
    expect(resolve('01-03 18:30', '2026-12-30T09:00:00Z')).toBe('2027-01-03T18:30:00.000Z');
  });

  it('chooses, among last, this and next year, the date nearest to now', () => {
    // Around mid-year the answer flips on which side of the half-year mark the date falls.
    expect(resolve('12-31 12:00', '2026-07-10T00:00:00Z')).toBe('2026-12-31T12:00:00.000Z');
    expect(resolve('12-31 12:00', '2026-06-20T00:00:00Z')).toBe('2025-12-31T12:00:00.000Z');
    expect(resolve('01-01 00:00', '2026-07-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(resolve('01-01 00:00', '2026-07-03T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('only places 29 February in a leap year', () => {
    expect(resolve('02-29 15:00', '2028-02-20T00:00:00Z')).toBe('2028-02-29T15:00:00.000Z');
    // 2027 has no 29 February: the nearest year that has one is 2028.
    expect(resolve('02-29 15:00', '2027-03-01T00:00:00Z')).toBe('2028-02-29T15:00:00.000Z');
    expect(resolveYearlessDate(2, 29, 15, 0, at('2026-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('rejects impossible days and times', () => {
    expect(resolve('13-01 10:00', '2026-07-01T00:00:00Z')).toBeUndefined();
    expect(resolve('04-31 10:00', '2026-07-01T00:00:00Z')).toBeUndefined();
    expect(resolve('04-30 24:00', '2026-07-01T00:00:00Z')).toBeUndefined();
  });
});

describe('parseStartTime', () => {
  it('reads zone-less full dates as UTC, zoned ones exactly, and epoch seconds or milliseconds', () => {
    expect(parseStartTime('2026-09-12 19:00', NOW)).toBe('2026-09-12T19:00:00.000Z');
    expect(parseStartTime('2026-09-12T19:00:05', NOW)).toBe('2026-09-12T19:00:05.000Z');
    expect(parseStartTime('2026-09-12T19:00:00Z', NOW)).toBe('2026-09-12T19:00:00.000Z');
    expect(parseStartTime('2026-09-12T21:00:00+02:00', NOW)).toBe('2026-09-12T19:00:00.000Z');
    expect(parseStartTime(1_789_239_600, NOW)).toBe('2026-09-12T19:00:00.000Z');
    expect(parseStartTime(1_789_239_600_000, NOW)).toBe('2026-09-12T19:00:00.000Z');
  });

  it('rejects what it cannot read', () => {
    for (const value of ['', 'soon', '12/09/2026', 0, -5, Number.NaN, null, undefined, {}]) {
      expect(parseStartTime(value, NOW)).toBeUndefined();
    }
  });
});

describe('parseLine', () => {
  it('reads the signed number a selection name ends with', () => {
    expect(parseLine('Over 2.5')).toBe(2.5);
    expect(parseLine('Under 221,5')).toBe(221.5);
    expect(parseLine('Barcelona -1.5')).toBe(-1.5);
    expect(parseLine('Chelsea (+0.25)')).toBe(0.25);
    expect(parseLine('Over')).toBeUndefined();
  });
});
