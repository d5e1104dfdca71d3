/**
 * The expected values of a turn, looked up in the running app's sports-data REST API at the moment
 * the turn is checked: which fixture a FixtureRef means, its prices, the favourite, a bet's return.
 * One Oracle is one snapshot: every resource is fetched once and reused by all checks of a turn.
 */
import { accumulatorReturn, roundMoney } from '@app/betting';
import { normalizeName } from '@app/sports-data';
import { type InstantRange, resolveDateSpec } from './date-spec.js';
import type { FixtureRef, LegRef, Sport } from './dialog.types.js';

export interface ApiTeam {
  id: string;
  name: string;
  nameEs?: string;
  aliases: string[];
  sportId: string;
}

export interface ApiFixture {
  id: string;
  sportId: string;
  tournament: { id: string; name: string };
  home: { id: string; name: string };
  away: { id: string; name: string };
  startTime: string;
  status: 'pre_match' | 'live' | 'finished';
}

export interface ApiSelection {
  key: string;
  name: string;
  odds: number;
}

export interface ApiMarket {
  market: string;
  line?: number;
  selections: ApiSelection[];
}

/** Reads JSON from the app; `undefined` for 404 (an unknown team or fixture). */
export interface SportsApi {
  get<T>(path: string, query?: Record<string, string>): Promise<T | undefined>;
}

/** The data does not allow a check to be evaluated (e.g. no fixture matches a FixtureRef). */
export class OracleError extends Error {}

/** Talks to the app over HTTP. */
export class HttpSportsApi implements SportsApi {
  constructor(private readonly baseUrl: string) {}

  async get<T>(path: string, query: Record<string, string> = {}): Promise<T | undefined> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await fetch(url);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new OracleError(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** The match-winner market of a fixture's markets: 'moneyline' where offered, else '1x2'. */
export function matchWinnerMarket(markets: readonly ApiMarket[]): ApiMarket | undefined {
  return markets.find((m) => m.market === 'moneyline') ?? markets.find((m) => m.market === '1x2');
}

// Basketball markets may be named either way while they are reworked.
const MARKET_SYNONYMS: Record<string, string[]> = {
  over_under: ['over_under', 'totals', 'total'],
  totals: ['totals', 'total', 'over_under'],
  handicap: ['handicap', 'spread'],
  spread: ['spread', 'handicap'],
  '1x2': ['1x2'],
  moneyline: ['moneyline'],
};

/**
 * One market of a fixture by key and line. Without a line: the only one, or for several lines the
 * main one (2.5 goals in football, else the line whose two prices are closest).
 */
export function pickMarket(markets: readonly ApiMarket[], market: string, line?: number): ApiMarket | undefined {
  const keys = MARKET_SYNONYMS[market] ?? [market];
  const key = keys.find((k) => markets.some((m) => m.market === k));
  if (key === undefined) return undefined;
  const candidates = markets.filter((m) => m.market === key);
  if (line !== undefined) return candidates.find((m) => m.line === line);
  if (candidates.length === 1) return candidates[0];
  const standard = candidates.find((m) => m.line === 2.5 && key === 'over_under');
  if (standard) return standard;
  const spread = (m: ApiMarket) => {
    const prices = m.selections.map((s) => s.odds);
    return Math.max(...prices) - Math.min(...prices);
  };
  return [...candidates].sort((a, b) => spread(a) - spread(b))[0];
}

// Names a basketball section of a football club goes by, tried after the club's name.
const SECTION_SUFFIXES: Record<Sport, string[]> = {
  basketball: ['Basketball', 'Baloncesto', 'Basket', 'Bàsquet', 'BC'],
  football: [],
};

/** The market a selection key belongs to when none is named: over/under for over and under, BTTS for yes and no. */
export function marketOfPick(pick: string): string | undefined {
  if (pick === 'over' || pick === 'under') return 'over_under';
  if (pick === 'yes' || pick === 'no') return 'btts';
  return undefined;
}

/** Return of a bet (stake included) at these leg prices, rounded to cents. */
export function payoutOf(stake: number, prices: readonly number[]): number {
  return accumulatorReturn(stake, prices.map((odds) => ({ odds }))).potentialReturn;
}

/**
 * The returns a correct answer may quote: the exact one, and the one from the combined price
 * rounded to 2 decimals first (as a betting slip shows it).
 */
export function acceptablePayouts(stake: number, prices: readonly number[]): number[] {
  const combined = prices.reduce((product, price) => product * price, 1);
  return [...new Set([payoutOf(stake, prices), roundMoney(stake * roundMoney(combined))])];
}

/** A leg priced: its fixture, the selection backed and its current price. */
export interface PricedLeg {
  fixture: ApiFixture;
  market: ApiMarket;
  selection: ApiSelection;
}

export class Oracle {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly api: SportsApi,
    /** The instant the turn is judged at: DateSpecs are relative to it. */
    readonly now: Date,
    /** The dialogue's time zone. */
    readonly zone: string,
  ) {}

  private fetch<T>(path: string, query: Record<string, string> = {}): Promise<T | undefined> {
    const key = `${path}?${new URLSearchParams(query).toString()}`;
    let pending = this.cache.get(key) as Promise<T | undefined> | undefined;
    if (pending === undefined) {
      pending = this.api.get<T>(path, query);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** A team by any name or alias; undefined when the data does not know it. */
  async team(name: string): Promise<ApiTeam | undefined> {
    const found = await this.fetch<{ team: ApiTeam }>(`/api/v1/sports/teams/${encodeURIComponent(name)}`);
    return found?.team;
  }

  async teamOrThrow(name: string): Promise<ApiTeam> {
    const team = await this.team(name);
    if (team === undefined) throw new OracleError(`the data does not know the team "${name}"`);
    return team;
  }

  /** Every name a team may be called by: canonical, Spanish and aliases. */
  async namesOf(name: string): Promise<string[]> {
    const team = await this.teamOrThrow(name);
    return [team.name, ...(team.nameEs ? [team.nameEs] : []), ...team.aliases];
  }

  private async sportId(sport: Sport): Promise<string> {
    const list = await this.fetch<{ sports: { id: string; name: string }[] }>('/api/v1/sports');
    const found = list?.sports.find((s) => s.name.toLowerCase() === sport);
    if (found === undefined) throw new OracleError(`the data offers no sport "${sport}"`);
    return found.id;
  }

  /**
   * A team by name within a sport: a club's name with a sport given ("Real Madrid", basketball)
   * means that club's section of the sport ("Real Madrid Baloncesto", alias "Real Madrid Basketball").
   */
  async teamInSport(name: string, sport?: Sport): Promise<ApiTeam> {
    const team = await this.teamOrThrow(name);
    if (sport === undefined) return team;
    const sportId = await this.sportId(sport);
    if (team.sportId === sportId) return team;
    for (const suffix of SECTION_SUFFIXES[sport]) {
      const section = await this.team(`${name} ${suffix}`);
      if (section?.sportId === sportId) return section;
    }
    throw new OracleError(`"${name}" is not a ${sport} team and has no ${sport} section in the data`);
  }

  /** The fixture a FixtureRef names (see its doc comment). */
  async fixture(ref: FixtureRef): Promise<ApiFixture> {
    return this.fixtureIn(ref, ref.date === undefined ? undefined : resolveDateSpec(ref.date, this.now, this.zone));
  }

  /** The first fixture not yet finished of `ref`'s team (and opponent) starting within `range`. */
  async fixtureIn(ref: Omit<FixtureRef, 'date'> & { date?: FixtureRef['date'] }, range: InstantRange | undefined): Promise<ApiFixture> {
    const team = await this.teamInSport(ref.team, ref.sport);
    const opponent = ref.opponent === undefined ? undefined : await this.teamInSport(ref.opponent, ref.sport);
    const query: Record<string, string> = { team: team.name, limit: '200' };
    if (range !== undefined) {
      query.from = range.from.toISOString();
      query.to = new Date(range.to.getTime() - 1).toISOString();
    }
    const listed = await this.fetch<{ fixtures: ApiFixture[] }>('/api/v1/sports/fixtures', query);
    const candidates = (listed?.fixtures ?? [])
      .filter((f) => f.status !== 'finished')
      .filter((f) => f.home.id === team.id || f.away.id === team.id)
      .filter((f) => opponent === undefined || f.home.id === opponent.id || f.away.id === opponent.id)
      .filter((f) => range === undefined || (Date.parse(f.startTime) >= range.from.getTime() && Date.parse(f.startTime) < range.to.getTime()))
      .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
    const fixture = candidates[0];
    if (fixture === undefined) {
      const against = opponent ? ` against ${opponent.name}` : '';
      const when = ref.date ? ` on ${ref.date}` : range ? ` from ${range.from.toISOString()} to ${range.to.toISOString()}` : '';
      throw new OracleError(`no fixture of ${team.name}${against}${when} in the data`);
    }
    return fixture;
  }

  /** The other side of a fixture, seen from `teamName`'s side. */
  async sides(ref: FixtureRef): Promise<{ fixture: ApiFixture; team: ApiFixture['home']; opponent: ApiFixture['home'] }> {
    const fixture = await this.fixture(ref);
    const team = await this.teamInSport(ref.team, ref.sport);
    return fixture.home.id === team.id
      ? { fixture, team: fixture.home, opponent: fixture.away }
      : { fixture, team: fixture.away, opponent: fixture.home };
  }

  async markets(fixtureId: string): Promise<ApiMarket[]> {
    const odds = await this.fetch<{ markets: ApiMarket[] }>('/api/v1/sports/odds', { match_id: fixtureId });
    if (odds === undefined) throw new OracleError(`no odds for fixture ${fixtureId}`);
    return odds.markets;
  }

  /** A market of the fixture: `market` (default: the match-winner market) at `line`. */
  async market(fixture: ApiFixture, market?: string, line?: number): Promise<ApiMarket> {
    const markets = await this.markets(fixture.id);
    const found = market === undefined ? matchWinnerMarket(markets) : pickMarket(markets, market, line);
    if (found === undefined) {
      throw new OracleError(`fixture ${fixture.home.name} v ${fixture.away.name} has no ${market ?? 'match-winner'} market${line === undefined ? '' : ` at ${line}`}`);
    }
    return found;
  }

  /**
   * The selection key a pick means: `team`/`opponent` are the home or away side as the fixture
   * has them; anything else is a market's own key.
   */
  selectionKey(fixture: ApiFixture, teamId: string, pick: string): string {
    const teamSide = fixture.home.id === teamId ? 'home' : 'away';
    if (pick === 'team') return teamSide;
    if (pick === 'opponent') return teamSide === 'home' ? 'away' : 'home';
    return pick;
  }

  /**
   * A selection of a market named as a check names it: a key ('draw', 'over'), 'team' or
   * 'opponent' seen from `teamId`, a display name ("Draw", "Over 2.5"), or a side's team name.
   */
  async selection(fixture: ApiFixture, market: ApiMarket, teamId: string, wanted: string): Promise<ApiSelection> {
    const key = this.selectionKey(fixture, teamId, wanted);
    const byKey = market.selections.find((s) => s.key === key);
    if (byKey) return byKey;
    const byName = market.selections.find((s) => normalizeName(s.name) === normalizeName(wanted));
    if (byName) return byName;
    for (const [side, ref] of [['home', fixture.home], ['away', fixture.away]] as const) {
      const names = (await this.namesOf(ref.name)).map(normalizeName);
      if (names.includes(normalizeName(wanted))) {
        const bySide = market.selections.find((s) => s.key === side);
        if (bySide) return bySide;
      }
    }
    throw new OracleError(`market ${market.market} of ${fixture.home.name} v ${fixture.away.name} has no selection "${wanted}"`);
  }

  async leg(leg: LegRef): Promise<PricedLeg> {
    const { fixture, team } = await this.sides(leg);
    const market = await this.market(fixture, leg.market ?? marketOfPick(leg.pick), leg.line);
    return { fixture, market, selection: await this.selection(fixture, market, team.id, leg.pick) };
  }

  /** The side with the lowest match-winner price (both when they are priced the same). */
  async favourites(ref: FixtureRef): Promise<{ fixture: ApiFixture; favourites: ApiFixture['home'][] }> {
    const fixture = await this.fixture(ref);
    const market = await this.market(fixture);
    const home = market.selections.find((s) => s.key === 'home');
    const away = market.selections.find((s) => s.key === 'away');
    if (home === undefined || away === undefined) throw new OracleError(`the match-winner market of fixture ${fixture.id} lacks a side`);
    if (home.odds === away.odds) return { fixture, favourites: [fixture.home, fixture.away] };
    return { fixture, favourites: [home.odds < away.odds ? fixture.home : fixture.away] };
  }
}
