import type { Score } from '../domain/fixture.js';
import { seededRandom } from '../random.js';
import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  EUROLEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  NBA_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
  TeamDirectory,
} from '../team-directory.js';
import { DAY_MS, LIVE_WINDOW_MS, kickOff, weekOf } from './calendar.js';
import { buildChampionsLeagueSeason } from './champions-league-season.js';
import { buildEuroLeagueSeason } from './euroleague-season.js';
import { buildLeagueSeason, leagueRoundDates, marqueePairings } from './league-season.js';
import { buildNbaSeason } from './nba-season.js';
import type { ScheduledFixture } from './scheduled-fixture.js';

const directory = new TeamDirectory();
const tournament = (id: string) => directory.tournamentById(id)!;
const teamsOf = (id: string) => directory.teamsInTournament(id);
const LEAGUES = [LA_LIGA_ID, PREMIER_LEAGUE_ID, SERIE_A_ID, BUNDESLIGA_ID, LIGUE_1_ID, EUROLEAGUE_ID];
const SEASON = 2026;

const footballScore = (fixture: ScheduledFixture): Score => {
  const random = seededRandom('test-result', fixture.id);
  return { home: Math.floor(random() * 4), away: Math.floor(random() * 3) };
};
const basketballScore = (fixture: ScheduledFixture): Score => {
  const random = seededRandom('test-result', fixture.id);
  const home = 90 + Math.floor(random() * 40);
  const away = 90 + Math.floor(random() * 40);
  return { home, away: away === home ? away + 1 : away };
};

const pairKey = (f: ScheduledFixture): string => [f.home.id, f.away.id].sort().join('-');
const utc = (epochMs: number): Date => new Date(epochMs);
const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

describe('league seasons', () => {
  describe.each(LEAGUES)('tournament %s', (tournamentId) => {
    const teams = teamsOf(tournamentId);
    const rounds = 2 * (teams.length - 1);
    const dates = leagueRoundDates(tournamentId, SEASON, teams.length);

    it('plays its rounds on the real calendar: weekends (Thursday and Friday in the EuroLeague) and a few Tuesday-Wednesday rounds', () => {
      expect(dates).toHaveLength(rounds);
      const first = utc(Math.min(...buildLeagueSeason(tournament(tournamentId), teams, SEASON, undefined).map((f) => f.start)));
      const last = utc(Math.max(...buildLeagueSeason(tournament(tournamentId), teams, SEASON, undefined).map((f) => f.start)));
      if (tournamentId === EUROLEAGUE_ID) {
        expect(first.getUTCMonth()).toBe(9);
        expect(last.getUTCMonth()).toBe(3);
      } else {
        expect(first.getUTCMonth()).toBe(7);
        expect(first.getUTCDate()).toBeGreaterThanOrEqual(10);
        expect(last.getUTCMonth()).toBe(4);
        expect(last.getUTCDate()).toBeGreaterThanOrEqual(10);
      }
      expect(dates.filter((d) => d.midweek).length).toBeLessThanOrEqual(3);
      for (const fixture of buildLeagueSeason(tournament(tournamentId), teams, SEASON, undefined)) {
        const day = utc(fixture.start).getUTCDay();
        expect(tournamentId === EUROLEAGUE_ID ? [4, 5] : [0, 1, 2, 3, 5, 6]).toContain(day);
      }
    });

    it.each([undefined, 0, 7, teams.length - 2, teams.length - 1, rounds - 1])(
      'plays each pairing once per half-season, home and away swapped, at least eight weeks apart (pivot %p)',
      (pivot) => {
        const fixtures = buildLeagueSeason(tournament(tournamentId), teams, SEASON, pivot);
        expect(fixtures).toHaveLength((rounds * teams.length) / 2);
        const secondHalf = dates[teams.length - 1]!;
        const halfway = Math.min(...secondHalf.slots.map((s) => kickOff(secondHalf.week, s)));
        const pairs = groupBy(fixtures, pairKey);
        expect(pairs.size).toBe((teams.length * (teams.length - 1)) / 2);
        for (const meetings of pairs.values()) {
          expect(meetings).toHaveLength(2);
          const [a, b] = [...meetings].sort((x, y) => x.start - y.start) as [ScheduledFixture, ScheduledFixture];
          expect(a.start).toBeLessThan(halfway);
          expect(b.start).toBeGreaterThanOrEqual(halfway);
          expect([b.home.id, b.away.id]).toEqual([a.away.id, a.home.id]);
          expect(b.start - a.start).toBeGreaterThanOrEqual(56 * DAY_MS);
        }
      },
    );

    it('gives every team one game per round', () => {
      const fixtures = buildLeagueSeason(tournament(tournamentId), teams, SEASON, 3);
      const byRound = groupBy(fixtures, (f) => `${weekOf(f.start)}:${[2, 3].includes(utc(f.start).getUTCDay()) ? 'midweek' : 'weekend'}`);
      expect(byRound.size).toBe(rounds);
      for (const round of byRound.values()) {
        const playing = round.flatMap((f) => [f.home.id, f.away.id]);
        expect(new Set(playing).size).toBe(teams.length);
      }
    });
  });

  it.each([
    [LA_LIGA_ID, 0],
    [PREMIER_LEAGUE_ID, 12],
    [SERIE_A_ID, 25],
    [BUNDESLIGA_ID, 33],
  ])('puts the marquee pairings of %s in the pivot round %p, the listed side at home', (tournamentId, pivot) => {
    const teams = teamsOf(tournamentId);
    const fixtures = buildLeagueSeason(tournament(tournamentId), teams, SEASON, pivot);
    const round = leagueRoundDates(tournamentId, SEASON, teams.length)[pivot]!;
    for (const [home, away] of marqueePairings(tournamentId)) {
      const upcoming = fixtures.filter((f) => f.home.id === home && f.away.id === away && weekOf(f.start) === round.week);
      expect(upcoming).toHaveLength(1);
    }
  });
});

describe('football calendar across competitions', () => {
  it.each([2024, 2025, 2026, 2027, 2028, 2029])(
    'gives every club at least two days between games in season %p, leagues and Champions League together',
    (season) => {
      const fixtures = [
        ...[LA_LIGA_ID, PREMIER_LEAGUE_ID, SERIE_A_ID, BUNDESLIGA_ID, LIGUE_1_ID].flatMap((id) =>
          buildLeagueSeason(tournament(id), teamsOf(id), season, 5),
        ),
        ...buildChampionsLeagueSeason(tournament(CHAMPIONS_LEAGUE_ID), teamsOf(CHAMPIONS_LEAGUE_ID), season, footballScore),
      ];
      const starts = new Map<string, number[]>();
      for (const f of fixtures) for (const id of [f.home.id, f.away.id]) starts.set(id, [...(starts.get(id) ?? []), f.start]);
      for (const [team, times] of starts) {
        times.sort((a, b) => a - b);
        const shortest = Math.min(...times.slice(1).map((t, i) => t - times[i]!));
        expect({ team, enoughRest: shortest >= 44 * 3600_000 }).toEqual({ team, enoughRest: true });
        // August to May, and at most the Champions League final in the first days of June.
        for (const t of times) expect(utc(t).getUTCMonth() === 6 || (utc(t).getUTCMonth() === 5 && utc(t).getUTCDate() > 7)).toBe(false);
      }
    },
  );
});

describe('marquee pivot', () => {
  it.each(LEAGUES.slice(0, 4))('changes only the round just played and the new pivot round when %s moves on by one round', (tournamentId) => {
    const teams = teamsOf(tournamentId);
    const half = teams.length - 1;
    const dates = leagueRoundDates(tournamentId, SEASON, teams.length);
    const roundOf = (f: ScheduledFixture): number => dates.findIndex((d) => d.slots.some((s) => kickOff(d.week, s) === f.start) && weekOf(f.start) === d.week);
    const byRound = (pivot: number): Map<number, string[]> => {
      const rounds = new Map<number, string[]>();
      for (const f of buildLeagueSeason(tournament(tournamentId), teams, SEASON, pivot)) {
        rounds.set(roundOf(f), [...(rounds.get(roundOf(f)) ?? []), f.id].sort());
      }
      return rounds;
    };
    for (const pivot of [0, 4, half - 3, half + 1, half + 6, 2 * half - 3]) {
      const [before, after] = [byRound(pivot), byRound(pivot + 1)];
      const end = pivot < half ? half : 2 * half;
      for (let round = pivot + 2; round < end; round++) expect(after.get(round)).toEqual(before.get(round));
      // The round just played is over when the pivot moves: its marquee games kicked off last.
      const marqueeStart = Math.max(
        ...buildLeagueSeason(tournament(tournamentId), teams, SEASON, pivot)
          .filter((f) => roundOf(f) === pivot && marqueePairings(tournamentId).some(([h, a]) => f.home.id === h && f.away.id === a))
          .map((f) => f.start),
      );
      for (const f of buildLeagueSeason(tournament(tournamentId), teams, SEASON, pivot)) {
        if (roundOf(f) === pivot) expect(f.start).toBeLessThanOrEqual(marqueeStart);
      }
    }
  });
});

describe('Champions League season', () => {
  const teams = teamsOf(CHAMPIONS_LEAGUE_ID);
  const fixtures = buildChampionsLeagueSeason(tournament(CHAMPIONS_LEAGUE_ID), teams, SEASON, footballScore);
  const leaguePhase = fixtures.filter((f) => f.knownFrom === undefined);
  const knockouts = fixtures.filter((f) => f.knownFrom !== undefined);

  it('plays eight league-phase matchdays on Tuesday and Wednesday from September to January', () => {
    expect(leaguePhase).toHaveLength((teams.length * 8) / 2);
    const weeks = new Set(leaguePhase.map((f) => weekOf(f.start)));
    expect(weeks.size).toBe(8);
    for (const fixture of leaguePhase) {
      expect([2, 3]).toContain(utc(fixture.start).getUTCDay());
      expect([8, 9, 10, 11, 0]).toContain(utc(fixture.start).getUTCMonth());
    }
  });

  it('gives each club eight different opponents, four at home and four away, none from its own country', () => {
    for (const team of teams) {
      const games = leaguePhase.filter((f) => f.home.id === team.id || f.away.id === team.id);
      expect(games).toHaveLength(8);
      const opponents = games.map((f) => (f.home.id === team.id ? f.away : f.home));
      expect(new Set(opponents.map((o) => o.id)).size).toBe(8);
      expect(opponents.every((o) => o.country !== team.country)).toBe(true);
      expect(games.filter((f) => f.home.id === team.id)).toHaveLength(4);
    }
  });

  it('plays two-legged knockout ties from February, each listed once the draw is known, and a final at the end of May', () => {
    expect(knockouts.length).toBe(2 * (8 + 8 + 4 + 2) + 1);
    const ties = groupBy(knockouts.slice(0, -1), pairKey);
    for (const legs of ties.values()) {
      expect(legs).toHaveLength(2);
      expect(legs[1]!.home.id).toBe(legs[0]!.away.id);
      expect(legs[1]!.start - legs[0]!.start).toBe(7 * DAY_MS);
    }
    const final = knockouts.at(-1)!;
    expect(utc(final.start).getUTCMonth()).toBe(4);
    expect(utc(final.start).getUTCDay()).toBe(6);
    // Quarter-finals are drawn after the last sixteen is over, and so on.
    for (const fixture of knockouts) if (fixture.knownFrom !== undefined) expect(fixture.knownFrom).toBeLessThan(fixture.start);
  });
});

describe('EuroLeague season', () => {
  const teams = teamsOf(EUROLEAGUE_ID);
  const fixtures = buildEuroLeagueSeason(tournament(EUROLEAGUE_ID), teams, SEASON, basketballScore);
  const postSeason = fixtures.filter((f) => f.knownFrom !== undefined);
  const regularEnd = Math.max(...fixtures.filter((f) => f.knownFrom === undefined).map((f) => f.start));

  it('follows the regular season with best-of-five play-offs in April and a Final Four in May', () => {
    const finalFour = postSeason.slice(-4);
    const playoffs = postSeason.slice(0, -4);
    expect(playoffs.every((f) => f.start > regularEnd && utc(f.start).getUTCMonth() <= 4)).toBe(true);
    const series = groupBy(playoffs, pairKey);
    expect(series.size).toBe(4);
    for (const games of series.values()) {
      const wins = new Map<string, number>();
      for (const game of games) {
        const score = basketballScore(game);
        const winner = score.home > score.away ? game.home.id : game.away.id;
        wins.set(winner, (wins.get(winner) ?? 0) + 1);
      }
      expect(Math.max(...wins.values())).toBe(3);
      expect(games.length).toBeLessThanOrEqual(5);
    }
    const winners = [...series.values()].map((games) => {
      const tally = new Map<string, number>();
      for (const game of games) {
        const score = basketballScore(game);
        const winner = score.home > score.away ? game.home.id : game.away.id;
        tally.set(winner, (tally.get(winner) ?? 0) + 1);
      }
      return [...tally].find(([, w]) => w === 3)![0];
    });
    const semiFinalists = finalFour.slice(0, 2).flatMap((f) => [f.home.id, f.away.id]);
    expect(semiFinalists.sort()).toEqual([...winners].sort());
    for (const game of finalFour) {
      expect(utc(game.start).getUTCMonth()).toBe(4);
      expect([5, 0]).toContain(utc(game.start).getUTCDay());
      expect(game.venue).not.toBe(game.home.venue);
    }
  });
});

describe('NBA season', () => {
  const teams = teamsOf(NBA_ID);
  const games = buildNbaSeason(tournament(NBA_ID), teams, SEASON, basketballScore);
  const regular = games.filter((g) => g.knownFrom === undefined);
  const nightOf = (g: ScheduledFixture): number => Math.floor((g.start - DAY_MS) / DAY_MS);

  it('plays the regular season from late October to mid-April and the playoffs until June, nothing from July to September', () => {
    const first = utc(regular[0]!.start);
    const last = utc(regular.at(-1)!.start);
    expect([first.getUTCMonth(), first.getUTCDate()]).toEqual([9, expect.any(Number)]);
    expect(first.getUTCDate()).toBeGreaterThanOrEqual(20);
    expect(last.getUTCMonth()).toBe(3);
    expect(last.getUTCDate()).toBeLessThanOrEqual(18);
    for (const game of games) expect([6, 7, 8]).not.toContain(utc(game.start).getUTCMonth());
    expect(utc(games.at(-1)!.start).getUTCMonth()).toBe(5);
  });

  it('gives each team three or four games a week, never two on one night and never three nights running', () => {
    for (const team of teams) {
      const nights = regular.filter((g) => g.home.id === team.id || g.away.id === team.id).map(nightOf).sort((a, b) => a - b);
      const weeks = (nights.at(-1)! - nights[0]!) / 7;
      expect(nights.length / weeks).toBeGreaterThanOrEqual(3);
      expect(nights.length / weeks).toBeLessThanOrEqual(4);
      expect(new Set(nights).size).toBe(nights.length);
      for (let i = 2; i < nights.length; i++) expect(nights[i]! - nights[i - 2]!).toBeGreaterThan(2);
    }
  });

  it('ends every playoff series when a team reaches four wins', () => {
    const playoffs = games.filter((g) => g.knownFrom !== undefined);
    const series = groupBy(playoffs, pairKey);
    expect(series.size).toBe(8 + 4 + 2 + 1);
    for (const played of series.values()) {
      const wins = new Map<string, number>();
      for (const game of played) {
        const score = basketballScore(game);
        const winner = score.home > score.away ? game.home.id : game.away.id;
        wins.set(winner, (wins.get(winner) ?? 0) + 1);
      }
      expect(Math.max(...wins.values())).toBe(4);
      expect(played.length).toBeGreaterThanOrEqual(4);
      expect(played.length).toBeLessThanOrEqual(7);
      // Games 5 to 7 are only known once the game before is over.
      played.slice(4).forEach((game, i) => expect(game.knownFrom).toBe(played[3 + i]!.start + LIVE_WINDOW_MS));
    }
  });
});
