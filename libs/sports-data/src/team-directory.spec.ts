import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID } from './domain/sport.js';
import { normalizeName } from './name-matching.js';
import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  DERBIES,
  EUROLEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  NBA_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
  TEAMS,
  TOURNAMENTS,
  TeamDirectory,
} from './team-directory.js';

describe('TeamDirectory', () => {
  const directory = new TeamDirectory();
  const nameOf = (query: string): string | undefined => directory.findTeam(query)?.name;

  describe('data', () => {
    it('has unique team and tournament ids', () => {
      expect(new Set(TEAMS.map((t) => t.id)).size).toBe(TEAMS.length);
      expect(new Set(TOURNAMENTS.map((t) => t.id)).size).toBe(TOURNAMENTS.length);
    });

    it('gives every name and alias to exactly one team', () => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const team of TEAMS) {
        const keys = new Set([team.name, team.nameEs ?? team.name, ...team.aliases].map(normalizeName));
        for (const key of keys) {
          const previous = owner.get(key);
          if (previous !== undefined) clashes.push(`${key}: ${previous} / ${team.name}`);
          owner.set(key, team.name);
        }
      }
      expect(clashes).toEqual([]);
    });

    it('gives every tournament name and alias to exactly one tournament', () => {
      const keys = TOURNAMENTS.flatMap((t) => [...new Set([t.name, t.nameEs, ...t.aliases].map(normalizeName))]);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it.each([
      [LA_LIGA_ID, 20],
      [PREMIER_LEAGUE_ID, 20],
      [SERIE_A_ID, 20],
      [BUNDESLIGA_ID, 18],
      [LIGUE_1_ID, 18],
      [CHAMPIONS_LEAGUE_ID, 36],
    ])('fills football tournament %s with %i teams', (tournamentId, size) => {
      const teams = directory.teamsInTournament(tournamentId);
      expect(teams).toHaveLength(size);
      expect(teams.every((t) => t.sportId === FOOTBALL_SPORT_ID)).toBe(true);
    });

    it('has basketball teams in the NBA and the EuroLeague', () => {
      for (const id of [NBA_ID, EUROLEAGUE_ID]) {
        const teams = directory.teamsInTournament(id);
        expect(teams.length).toBeGreaterThanOrEqual(10);
        expect(teams.length % 2).toBe(0);
        expect(teams.every((t) => t.sportId === BASKETBALL_SPORT_ID)).toBe(true);
      }
    });

    it('references only known tournaments and sensible ratings', () => {
      const tournamentIds = new Set(TOURNAMENTS.map((t) => t.id));
      for (const team of TEAMS) {
        expect(team.tournamentIds.length).toBeGreaterThan(0);
        for (const id of team.tournamentIds) expect(tournamentIds.has(id)).toBe(true);
        for (const value of [team.rating.attack, team.rating.defence]) {
          expect(value).toBeGreaterThan(0.6);
          expect(value).toBeLessThan(1.8);
        }
        expect(team.venue.length).toBeGreaterThan(0);
      }
    });

    it('rates the favourites above mid-table sides', () => {
      const strength = (name: string): number => {
        const team = directory.findTeam(name);
        if (team === undefined) throw new Error(`missing ${name}`);
        return team.rating.attack * team.rating.defence;
      };
      for (const strong of ['Manchester City', 'Real Madrid', 'Bayern Munich']) {
        for (const ordinary of ['Getafe', 'Everton', 'Augsburg', 'Lecce']) {
          expect(strength(strong)).toBeGreaterThan(strength(ordinary) * 1.5);
        }
      }
    });

    it('links every derby to two different known teams', () => {
      for (const derby of DERBIES) {
        const [a, b] = derby.teams;
        expect(a).not.toBe(b);
        expect(directory.teamById(a)).toBeDefined();
        expect(directory.teamById(b)).toBeDefined();
      }
    });
  });

  describe('findTeam', () => {
    it.each([
      ['Barcelona', 'Barcelona'],
      ['Barça', 'Barcelona'],
      ['barca', 'Barcelona'],
      ['BARCELONA', 'Barcelona'],
      ['FC Barcelona', 'Barcelona'],
      ['Madrid', 'Real Madrid'],
      ['atleti', 'Atletico Madrid'],
      ['Atlético de Madrid', 'Atletico Madrid'],
      ['Sevilla', 'Sevilla'],
      ['Valencia', 'Valencia'],
      ['Villarreal', 'Villarreal'],
      ['Betis', 'Real Betis'],
      ['Athletic Club', 'Athletic Bilbao'],
      ['City', 'Manchester City'],
      ['man city', 'Manchester City'],
      ['man utd', 'Manchester United'],
      ['Man United', 'Manchester United'],
      ['Spurs', 'Tottenham Hotspur'],
      ['Newcastle', 'Newcastle United'],
      ['Aston Villa', 'Aston Villa'],
      ["nott'm forest", 'Nottingham Forest'],
      ['Juve', 'Juventus'],
      ['Milan', 'AC Milan'],
      ['inter', 'Inter'],
      ['Inter Milan', 'Inter'],
      ['Nápoles', 'Napoli'],
      ['Roma', 'Roma'],
      ['Lazio', 'Lazio'],
      ['Bayern', 'Bayern Munich'],
      ['bayern münchen', 'Bayern Munich'],
      ['BVB', 'Borussia Dortmund'],
      ['dortmund', 'Borussia Dortmund'],
      ['Leipzig', 'RB Leipzig'],
      ['Leverkusen', 'Bayer Leverkusen'],
      ['koln', '1. FC Köln'],
      ['psg', 'Paris Saint-Germain'],
      ['Marseille', 'Marseille'],
      ['Olympique Lyonnais', 'Lyon'],
      ['Monaco', 'Monaco'],
      ['bodo glimt', 'Bodø/Glimt'],
      ['Lakers', 'Los Angeles Lakers'],
      ['zalgiris', 'Žalgiris Kaunas'],
      ['  real   MADRID!! ', 'Real Madrid'],
      ['Sevilla FC', 'Sevilla'],
      ['the arsenal', 'Arsenal'],
    ])('resolves %p to %p', (query, expected) => {
      expect(nameOf(query)).toBe(expected);
    });

    it('keeps football and basketball clubs of the same name apart', () => {
      expect(directory.findTeam('Real Madrid')?.sportId).toBe(FOOTBALL_SPORT_ID);
      expect(directory.findTeam('Real Madrid Baloncesto')?.sportId).toBe(BASKETBALL_SPORT_ID);
      expect(directory.findTeam('Spurs')?.name).toBe('Tottenham Hotspur');
      expect(directory.findTeam('San Antonio')?.name).toBe('San Antonio Spurs');
    });

    it('does not guess for unknown or ambiguous names', () => {
      expect(nameOf('Barcelonaa')).toBeUndefined();
      expect(nameOf('United')).toBeUndefined();
      expect(nameOf('Real')).toBeUndefined();
      expect(nameOf('')).toBeUndefined();
      expect(nameOf('!!!')).toBeUndefined();
    });
  });

  describe('findTournament', () => {
    it.each([
      ['Champions League', CHAMPIONS_LEAGUE_ID],
      ['Liga de Campeones', CHAMPIONS_LEAGUE_ID],
      ['UCL', CHAMPIONS_LEAGUE_ID],
      ['la champions', CHAMPIONS_LEAGUE_ID],
      ['Premier League', PREMIER_LEAGUE_ID],
      ['premier', PREMIER_LEAGUE_ID],
      ['La Liga', LA_LIGA_ID],
      ['LaLiga', LA_LIGA_ID],
      ['Liga española', LA_LIGA_ID],
      ['serie a', SERIE_A_ID],
      ['Bundesliga', BUNDESLIGA_ID],
      ['ligue 1', LIGUE_1_ID],
      ['nba', NBA_ID],
      ['Euroliga', EUROLEAGUE_ID],
    ])('resolves %p', (query, id) => {
      expect(directory.findTournament(query)?.id).toBe(id);
    });
  });

  describe('findDerby', () => {
    it.each([
      ['El Clasico', ['1001', '1002']],
      ['el clásico', ['1001', '1002']],
      ['Manchester derby', ['2002', '2003']],
      ['Derby della Madonnina', ['3003', '3002']],
      ['Der Klassiker', ['4001', '4002']],
    ])('resolves %p to its two teams', (query, teams) => {
      expect(directory.findDerby(query)?.teams).toEqual(teams);
    });

    it('returns undefined for unknown derbies', () => {
      expect(directory.findDerby('Derby of nowhere')).toBeUndefined();
    });
  });

  describe('suggest', () => {
    it.each([
      ['Barcelonaa', 'Barcelona'],
      ['Barcleona', 'Barcelona'],
      ['Juventis', 'Juventus'],
      ['Liverpol', 'Liverpool'],
      ['Real Madird', 'Real Madrid'],
      ['Borussia Dortmnd', 'Borussia Dortmund'],
    ])('suggests a close match for %p', (query, expected) => {
      expect(directory.suggest(query)[0]).toBe(expected);
    });

    it('offers every team sharing a partial name', () => {
      const suggestions = directory.suggest('Manchester', { limit: 5 });
      expect(suggestions).toEqual(expect.arrayContaining(['Manchester City', 'Manchester United']));
    });

    it('respects the limit and the sport filter', () => {
      expect(directory.suggest('Real', { limit: 2 })).toHaveLength(2);
      const basketball = directory.suggest('Real Madrd', { sportId: BASKETBALL_SPORT_ID });
      expect(basketball).toContain('Real Madrid Baloncesto');
      expect(basketball).not.toContain('Real Madrid');
    });

    it('returns nothing for names far from any team', () => {
      expect(directory.suggest('xyzzyqwerty')).toEqual([]);
      expect(directory.suggest('')).toEqual([]);
    });

    it('suggests tournaments too', () => {
      expect(directory.suggestTournaments('Champions Leage')[0]).toBe('Champions League');
      expect(directory.suggestTournaments('Bundeslga')[0]).toBe('Bundesliga');
    });
  });
});
