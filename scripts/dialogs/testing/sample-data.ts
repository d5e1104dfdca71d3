/** A small fixed world for the dialogue checks' unit specs: teams, fixtures and prices. */
import { type ApiFixture, type ApiMarket, type ApiTeam, Oracle, type SportsApi } from '../oracle.js';

/** The few routes of the sports REST API the oracle reads, over fixed data. */
export class InMemorySportsApi implements SportsApi {
  constructor(
    private readonly teams: ApiTeam[],
    private readonly fixtures: ApiFixture[],
    private readonly odds: Record<string, ApiMarket[]>,
  ) {}

  async get<T>(path: string, query: Record<string, string> = {}): Promise<T | undefined> {
    const norm = (s: string) => s.toLowerCase();
    if (path === '/api/v1/sports') return { sports: [{ id: '1', name: 'Football' }, { id: '3', name: 'Basketball' }] } as T;
    if (path.startsWith('/api/v1/sports/teams/')) {
      const name = norm(decodeURIComponent(path.slice('/api/v1/sports/teams/'.length)));
      const team = this.teams.find((t) => [t.name, t.nameEs ?? '', ...t.aliases].some((n) => norm(n) === name));
      return team === undefined ? undefined : ({ team } as T);
    }
    if (path === '/api/v1/sports/fixtures') {
      const team = this.teams.find((t) => t.name === query.team);
      const from = query.from ? Date.parse(query.from) : -Infinity;
      const to = query.to ? Date.parse(query.to) : Infinity;
      const fixtures = this.fixtures.filter(
        (f) => (team === undefined || f.home.id === team.id || f.away.id === team.id) && Date.parse(f.startTime) >= from && Date.parse(f.startTime) <= to,
      );
      return { fixtures } as T;
    }
    if (path === '/api/v1/sports/odds') {
      const markets = this.odds[query.match_id];
      return markets === undefined ? undefined : ({ markets } as T);
    }
    throw new Error(`unexpected route ${path}`);
  }
}

export const TEAMS: ApiTeam[] = [
  { id: '1001', name: 'Barcelona', aliases: ['Barça', 'Barca'], sportId: '1' },
  { id: '1002', name: 'Real Madrid', aliases: ['Madrid', 'Los Blancos'], sportId: '1' },
  { id: '1003', name: 'Atletico Madrid', nameEs: 'Atlético de Madrid', aliases: ['Atleti'], sportId: '1' },
  { id: '2001', name: 'Arsenal', aliases: ['Gunners'], sportId: '1' },
  { id: '2005', name: 'Chelsea', aliases: ['Blues'], sportId: '1' },
  { id: '8001', name: 'Real Madrid Baloncesto', aliases: ['Real Madrid basket'], sportId: '3' },
  { id: '8002', name: 'FC Barcelona Bàsquet', aliases: ['Barça basket', 'Barcelona Basketball'], sportId: '3' },
];

const ref = (id: string) => {
  const team = TEAMS.find((t) => t.id === id);
  if (team === undefined) throw new Error(id);
  return { id, name: team.name };
};
const fixture = (id: string, home: string, away: string, startTime: string, status: ApiFixture['status'] = 'pre_match', sportId = '1'): ApiFixture => ({
  id,
  sportId,
  tournament: { id: 't', name: 'League' },
  home: ref(home),
  away: ref(away),
  startTime,
  status,
});

// Wednesday 9 December 2026, 10:00 in Madrid.
export const NOW = new Date('2026-12-09T09:00:00Z');

export const FIXTURES: ApiFixture[] = [
  fixture('1', '1001', '1003', '2026-12-06T20:00:00Z', 'finished'),
  fixture('2', '2005', '1001', '2026-12-09T20:00:00Z'), // Wednesday: Chelsea v Barcelona
  fixture('3', '1001', '1002', '2026-12-12T20:00:00Z'), // Saturday: the Clásico
  fixture('4', '2001', '2005', '2026-12-13T16:30:00Z'), // Sunday: Arsenal v Chelsea
  fixture('5', '1002', '1003', '2026-12-16T20:00:00Z'), // next Wednesday: Madrid derby
  fixture('6', '8001', '8002', '2026-12-10T19:45:00Z', 'pre_match', '3'),
];

const winner = (home: number, draw: number, away: number): ApiMarket => ({
  market: '1x2',
  selections: [
    { key: 'home', name: 'Home', odds: home },
    { key: 'draw', name: 'Draw', odds: draw },
    { key: 'away', name: 'Away', odds: away },
  ],
});
export const goals = (line: number, over: number, under: number): ApiMarket => ({
  market: 'over_under',
  line,
  selections: [
    { key: 'over', name: `Over ${line}`, odds: over },
    { key: 'under', name: `Under ${line}`, odds: under },
  ],
});

export const ODDS: Record<string, ApiMarket[]> = {
  '2': [winner(3.1, 3.6, 2.15), goals(1.5, 1.3, 3.4), goals(2.5, 1.9, 1.9), goals(3.5, 3.1, 1.35)],
  '3': [winner(1.85, 3.9, 3.8), goals(2.5, 1.7, 2.1)],
  '4': [winner(2.05, 3.5, 3.4)],
  '5': [winner(2.2, 3.2, 3.3)],
  '6': [
    { market: 'moneyline', selections: [{ key: 'home', name: 'Real Madrid Baloncesto', odds: 1.55 }, { key: 'away', name: 'FC Barcelona Bàsquet', odds: 2.45 }] },
    winner(1.7, 14, 2.6),
  ],
};

export const oracle = (now = NOW, zone = 'Europe/Madrid') => new Oracle(new InMemorySportsApi(TEAMS, FIXTURES, ODDS), now, zone);

