import type { ComparisonResult, TeamView } from '../../tools/compare-teams.tool.js';
import type { TournamentsResult } from '../../tools/list-tournaments.tool.js';
import type { SearchFixturesResult } from '../../tools/search-fixtures.tool.js';
import { renderComparison } from './compare-teams.renderer.js';
import { renderTournaments } from './list-tournaments.renderer.js';
import { FRESH, aContext, aMatch, theTurn } from './renderer-testing.js';
import { renderSearchFixtures } from './search-fixtures.renderer.js';

/** The first page of a search, soonest first. */
const FIRST_PAGE = { offset: 0, remaining: 0, order: 'time' as const };

function search(filters: Partial<SearchFixturesResult['filters']>, matches = [aMatch()]): SearchFixturesResult {
  return {
    filters: { from: '2026-12-07', to: '2026-12-21', status: 'upcoming_or_live', ...filters },
    timeZone: 'Europe/Madrid',
    total: matches.length,
    count: matches.length,
    matches,
    ...FIRST_PAGE,
    ...FRESH,
  };
}

const sevilla = aMatch({ id: 'fx-2', home: 'Sevilla', away: 'Barcelona', kickoff: '2026-12-19T17:30:00.000Z', venue: 'Ramón Sánchez-Pizjuán' });

describe('fixtures renderer', () => {
  it("answers a team's next match as a card with date, local time and venue, then what follows", () => {
    const result = search({ team: 'Barcelona' }, [aMatch(), sevilla]);
    const text = renderSearchFixtures(result, aContext('en', { teams: ['Barcelona'] }), theTurn({ search_fixtures: [result] }));
    expect(text).toBe(
      [
        "Barcelona's next match is Barcelona vs Real Madrid (La Liga) on Saturday 12 December at 21:00, at Spotify Camp Nou.",
        'After that:',
        '• Sat 19 Dec, 18:30 — Sevilla vs Barcelona (La Liga)',
        '(Times in Europe/Madrid.)',
      ].join('\n'),
    );
  });

  it("says when two teams have no meeting scheduled and shows the first team's next match instead", () => {
    const result = search({ team: 'Barcelona' }, [sevilla]);
    const text = renderSearchFixtures(result, aContext('es', { teams: ['Barcelona', 'Valencia'] }), theTurn({ search_fixtures: [result] }));
    expect(text).toContain('No hay un Barcelona vs Valencia programado entre el 7 dic y el 21 dic.');
    expect(text).toContain('El próximo partido del Barcelona es Sevilla vs Barcelona (LaLiga) el sábado, 19 de diciembre, a las 18:30');
  });

  it('shows a live match with its score', () => {
    const result = search({ team: 'Barcelona' }, [aMatch({ status: 'live', score: { home: 1, away: 0 } })]);
    const text = renderSearchFixtures(result, aContext('en', { teams: ['Barcelona'] }), theTurn({ search_fixtures: [result] }));
    expect(text).toContain('Barcelona are playing right now: Barcelona vs Real Madrid (La Liga), which kicked off');
    expect(text).toContain("It's 1-0.");
  });

  it('lists recent results before the upcoming matches when both were searched', () => {
    const finished = search({ team: 'Barcelona', status: 'finished', from: '2026-11-23', to: '2026-12-07' }, [
      aMatch({ id: 'fx-0', home: 'Barcelona', away: 'Girona', kickoff: '2026-11-29T20:00:00.000Z', status: 'finished', score: { home: 3, away: 1 } }),
    ]);
    const upcoming = search({ team: 'Barcelona' });
    const text = renderSearchFixtures(finished, aContext('en', { teams: ['Barcelona'] }), theTurn({ search_fixtures: [finished, upcoming] }));
    expect(text.split('\n')).toEqual([
      'Recent results:',
      '• 29 Nov — Barcelona 3-1 Girona (La Liga)',
      'Coming up:',
      '• Sat 12 Dec, 21:00 — Barcelona vs Real Madrid (La Liga)',
      '(Times in Europe/Madrid.)',
    ]);
  });

  it('titles a competition list with its days and says when it is empty', () => {
    const list = search({ tournament: 'La Liga', from: '2026-12-12', to: '2026-12-13' }, [aMatch(), sevilla]);
    const text = renderSearchFixtures(list, aContext(), theTurn({ search_fixtures: [list] }));
    expect(text).toContain('Upcoming La Liga matches (12 Dec–13 Dec):');
    expect(text).toContain('• Sat 12 Dec, 21:00 — Barcelona vs Real Madrid\n');
    const empty = search({ tournament: 'La Liga' }, []);
    expect(renderSearchFixtures(empty, aContext(), theTurn({ search_fixtures: [empty] }))).toContain('There are no La Liga matches between 7 Dec and 21 Dec.');
  });

  it('gives competitions their Spanish names in Spanish, whatever name or id the provider uses, and leaves LaLiga as Spanish usage has it', () => {
    // A live provider's own id and full name for the Champions League.
    const ucl = aMatch({ competition: 'UEFA Champions League', competitionId: '7001', away: 'Inter' });
    const list = search({ tournament: 'UEFA Champions League' }, [ucl]);
    const text = renderSearchFixtures(list, aContext('es'), theTurn({ search_fixtures: [list] }));
    expect(text).toContain('Próximos partidos de Liga de Campeones');
    expect(text).not.toContain('Champions League');
    const empty = search({ tournament: 'Champions League' }, []);
    expect(renderSearchFixtures(empty, aContext('es'), theTurn({ search_fixtures: [empty] }))).toContain('No hay partidos de Liga de Campeones entre');
    const card = search({ team: 'Barcelona' }, [aMatch({ competition: 'EuroLeague', competitionId: 'x' })]);
    expect(renderSearchFixtures(card, aContext('es', { teams: ['Barcelona'] }), theTurn({ search_fixtures: [card] }))).toContain('(Euroliga)');
    const laLiga = search({ team: 'Barcelona' });
    expect(renderSearchFixtures(laLiga, aContext('es', { teams: ['Barcelona'] }), theTurn({ search_fixtures: [laLiga] }))).toContain('(LaLiga)');
    // English answers keep the provider's name.
    expect(renderSearchFixtures(list, aContext('en'), theTurn({ search_fixtures: [list] }))).toContain('Upcoming UEFA Champions League matches');
  });
});

describe('tournaments renderer', () => {
  const covered: TournamentsResult = {
    count: 3,
    tournaments: [
      { id: '10', name: 'La Liga', nameEs: 'LaLiga', country: 'Spain', sport: 'football', active: true },
      { id: '30', name: 'NBA', nameEs: 'NBA', country: 'USA', sport: 'basketball', active: true },
      { id: '40', name: 'World Cup', nameEs: 'Mundial', country: 'International', sport: 'football', active: false },
    ],
    ...FRESH,
  };

  it('groups competitions in season by sport and names those out of season', () => {
    const text = renderTournaments(covered, aContext('es'), theTurn());
    expect(text).toContain('Cubro 2 competiciones en temporada:');
    expect(text).toContain('• Fútbol: LaLiga (España)');
    expect(text).toContain('• Baloncesto: NBA (EE. UU.)');
    expect(text).toContain('Fuera de temporada ahora: Mundial.');
  });

  it('describes a named competition and appends its upcoming matches from the same turn', () => {
    const fixtures = search({ tournament: 'La Liga' });
    const text = renderTournaments(covered, aContext('en', { tournament: 'La Liga' }), theTurn({ search_fixtures: [fixtures] }));
    expect(text.split('\n')[0]).toBe('La Liga (Spain, football): in season, with odds available.');
    expect(text).toContain('• Sat 12 Dec, 21:00 — Barcelona vs Real Madrid');
    expect(text.endsWith('(Times in Europe/Madrid.)')).toBe(true);
  });
});

describe('comparison renderer', () => {
  const team = (name: string, last: string, points: number): TeamView => ({
    name,
    country: 'Spain',
    form: { last, points, goalsFor: 9, goalsAgainst: 4, results: [...last].map((outcome) => ({ date: '2026-11-29', opponent: 'X', venue: 'home', score: '1-0', outcome: outcome as 'W' | 'D' | 'L' })) },
  });
  const comparison: ComparisonResult = {
    teamA: team('Barcelona', 'WWDWL', 10),
    teamB: team('Real Madrid', 'WDDLL', 5),
    headToHead: { meetings: 3, winsA: 1, draws: 1, winsB: 1, recent: [{ date: '2026-04-20', competition: 'La Liga', home: 'Real Madrid', away: 'Barcelona', score: { home: 2, away: 1 } }] },
    nextMeeting: aMatch(),
    nextMeetingOdds: [
      { key: 'home', name: 'Barcelona', odds: 2.1, impliedProbability: 0.47619 },
      { key: 'draw', name: 'Draw', odds: 3.6, impliedProbability: 0.277778 },
      { key: 'away', name: 'Real Madrid', odds: 3.25, impliedProbability: 0.307692 },
    ],
    ...FRESH,
  };

  it('compares form, head-to-head and the next meeting with its odds, and says who is in better shape', () => {
    const text = renderComparison(comparison, aContext(), theTurn());
    expect(text).toContain('• Form (last 5): Barcelona WWDWL (10 pts, 9 scored, 4 conceded); Real Madrid WDDLL (5 pts');
    expect(text).toContain('• Head-to-head (last 3): Barcelona 1 win, 1 draw, Real Madrid 1 win. Last one: 20 Apr, Real Madrid 2-1 Barcelona.');
    expect(text).toContain('• Next meeting: Barcelona vs Real Madrid, Sat 12 Dec, 21:00 (La Liga); odds');
    expect(text).toContain('2.10');
    expect(text).toContain('3.25');
    expect(text.endsWith('On recent form, Barcelona are in better shape.')).toBe(true);
  });

  it('says when the teams have not met and are level on form', () => {
    const level: ComparisonResult = { ...comparison, teamB: team('Girona', 'WWDWL', 10), headToHead: { meetings: 0, winsA: 0, draws: 0, winsB: 0, recent: [] }, nextMeeting: null, nextMeetingOdds: null };
    const text = renderComparison(level, aContext('es'), theTurn());
    expect(text).toContain('• No se han enfrentado recientemente.');
    expect(text).not.toContain('Próximo duelo');
    expect(text.endsWith('En forma reciente llegan igualados.')).toBe(true);
  });
});
